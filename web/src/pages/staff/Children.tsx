/**
 * /petugas/anak: the children register (issue 12). KIA coverage per desa and school; importing a
 * desa's extract or a school's roster with the file's columns matched to the register's and a
 * check first (the row-by-row report, in the officer's language); the schools of the area.
 */
import { useCallback, useEffect, useState, type ChangeEvent, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/Errors.js';
import { Field } from '../../components/Field.js';
import { Loading, PageHeading } from '../../components/Page.js';
import { useT } from '../../i18n/index.js';
import { childrenApi, fileToBase64, type Figure, type ImportReport, type OfficeCoverage, type RosterPreview, type School } from './childrenApi.js';
import { useFailure, useSession } from './session.js';

const LEVELS = ['paud_tk_ra', 'sd_mi', 'smp_mts', 'sma_smk_ma', 'slb'] as const;
const share = (f: Figure) => (f.share === null ? '–' : `${(f.share * 100).toFixed(1)}%`);

export function Children() {
  const t = useT().children;
  const { office } = useSession();
  const code = office!.code;
  const [error, setError] = useState<unknown>();
  const fail = useFailure(setError);
  const [coverage, setCoverage] = useState<OfficeCoverage>();
  const [schools, setSchools] = useState<School[]>();

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const [c, s] = await Promise.all([childrenApi.coverage(code, signal), childrenApi.schools(code, signal)]);
        setCoverage(c);
        setSchools(s);
      } catch (err) {
        fail(err);
      }
    },
    [code, fail],
  );
  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  return (
    <>
      <PageHeading title={t.title} />
      <p>{t.intro}</p>
      {error !== undefined && <ErrorAlert error={error} />}
      <CoverageSection coverage={coverage} />
      <ImportSection code={code} onImported={() => void load()} fail={fail} />
      <SchoolsSection code={code} schools={schools} desa={office?.desa ?? []} onSaved={() => void load()} fail={fail} />
    </>
  );
}

function FigureCells({ f }: { f: Figure }) {
  return (
    <>
      <td>{f.children}</td>
      <td>{f.withKia}</td>
      <td>{share(f)}</td>
    </>
  );
}

function CoverageSection({ coverage }: { coverage: OfficeCoverage | undefined }) {
  const t = useT().children;
  return (
    <section aria-labelledby="cakupan-kia">
      <h2 id="cakupan-kia">{t.coverageHeading}</h2>
      {!coverage ? (
        <Loading />
      ) : (
        <>
          <p>{t.coverageDate(coverage.date)}</p>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t.coverageDesa}</th>
                <th scope="col">{t.coverageChildren}</th>
                <th scope="col">{t.coverageWithKia}</th>
                <th scope="col">{t.coverageShare}</th>
              </tr>
            </thead>
            <tbody>
              {coverage.desa.map((d) => (
                <tr key={d.code ?? '-'}>
                  <th scope="row">{d.name}</th>
                  <FigureCells f={d} />
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t.total}</th>
                <FigureCells f={coverage.total} />
              </tr>
            </tfoot>
          </table>
          {coverage.schools.length > 0 && (
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t.coverageSchool}</th>
                  <th scope="col">{t.coverageChildren}</th>
                  <th scope="col">{t.coverageWithKia}</th>
                  <th scope="col">{t.coverageShare}</th>
                </tr>
              </thead>
              <tbody>
                {coverage.schools.map((s) => (
                  <tr key={s.npsn ?? '-'}>
                    <th scope="row">{s.name}</th>
                    <FigureCells f={s} />
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}

function ImportSection({ code, onImported, fail }: { code: string; onImported: () => void; fail: (err: unknown) => void }) {
  const t = useT().children;
  const [file, setFile] = useState<{ name: string; base64: string }>();
  const [preview, setPreview] = useState<RosterPreview>();
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [onlyValid, setOnlyValid] = useState(false);
  const [report, setReport] = useState<ImportReport>();
  const [busy, setBusy] = useState(false);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    setReport(undefined);
    setPreview(undefined);
    if (!chosen) return;
    try {
      const base64 = await fileToBase64(chosen);
      setFile({ name: chosen.name, base64 });
      const p = await childrenApi.preview(code, { fileName: chosen.name, contentBase64: base64 });
      setPreview(p);
      setMapping(p.suggested);
    } catch (err) {
      fail(err);
    }
  };

  const submit = async (dryRun: boolean) => {
    if (!file || busy) return;
    setBusy(true);
    try {
      const r = await childrenApi.importList(code, { fileName: file.name, contentBase64: file.base64, mapping, dryRun, onlyValid });
      setReport(r);
      if (r.saved) onImported();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="impor-anak" className="panel">
      <h2 id="impor-anak">{t.importHeading}</h2>
      <p>{t.importIntro}</p>
      <div className="field">
        <label htmlFor="impor-berkas">{t.file}</label>
        <input id="impor-berkas" className="input" type="file" accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => void choose(e)} />
      </div>
      {preview && (
        <>
          <h3>{t.mappingHeading}</h3>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t.fileColumn}</th>
                <th scope="col">{t.registerColumn}</th>
              </tr>
            </thead>
            <tbody>
              {preview.header.map((header, i) => (
                <tr key={`${i}-${header}`}>
                  <th scope="row">
                    <label htmlFor={`kolom-${i}`}>{header}</label>
                  </th>
                  <td>
                    <select id={`kolom-${i}`} className="input" value={mapping[header] ?? ''} onChange={(e) => setMapping({ ...mapping, [header]: e.target.value })}>
                      <option value="">{t.ignore}</option>
                      {preview.columns.map((c) => (
                        <option key={c} value={c}>
                          {t.columns[c] ?? c}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t.previewHeading(preview.rows.length, preview.dataRows)}</h3>
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t.line}</th>
                  {preview.header.map((h, i) => (
                    <th scope="col" key={`${i}-${h}`}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.row}>
                    <th scope="row">{r.row}</th>
                    {preview.header.map((h, i) => (
                      <td key={`${i}-${h}`}>{r.cells[i] ?? ''}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="field">
            <label>
              <input type="checkbox" checked={onlyValid} onChange={(e) => setOnlyValid(e.target.checked)} /> {t.onlyValid}
            </label>
          </div>
          <p>
            <button type="button" className="button button-secondary" aria-disabled={busy} onClick={() => void submit(true)}>
              {t.check}
            </button>{' '}
            <button type="button" className="button" aria-disabled={busy} onClick={() => void submit(false)}>
              {t.importNow}
            </button>
          </p>
        </>
      )}
      {report && <ReportView report={report} />}
    </section>
  );
}

function ReportView({ report }: { report: ImportReport }) {
  const t = useT().children;
  return (
    <div role="status" aria-live="polite">
      <h3>{t.reportHeading}</h3>
      <p className={report.saved ? 'alert alert-success' : undefined}>
        {t.counts(report)} · {report.saved ? t.saved : t.notSaved}
      </p>
      {report.errors.length === 0 ? (
        <p>{t.noProblems}</p>
      ) : (
        <table className="data-table">
          <caption>{t.problemsHeading}</caption>
          <thead>
            <tr>
              <th scope="col">{t.line}</th>
              <th scope="col">{t.column}</th>
              <th scope="col">{t.reason}</th>
            </tr>
          </thead>
          <tbody>
            {report.errors.map((e, i) => (
              <tr key={`${e.row}-${e.column}-${i}`}>
                <td>{e.row}</td>
                <td>{e.column}</td>
                <td>{e.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function SchoolsSection({ code, schools, desa, onSaved, fail }: { code: string; schools: School[] | undefined; desa: { code: string; name: string }[]; onSaved: () => void; fail: (err: unknown) => void }) {
  const t = useT().children;
  const [form, setForm] = useState({ npsn: '', name: '', level: 'sd_mi', desaCode: '', contactName: '', contactPhone: '' });
  const [problem, setProblem] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const set = (key: keyof typeof form) => (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [key]: e.target.value });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(undefined);
    if (!/^\d{8}$/.test(form.npsn.replace(/\s/g, '')) || form.name.trim().length < 3) return setProblem(t.schoolMissing);
    setProblem(undefined);
    try {
      await childrenApi.saveSchool(code, {
        npsn: form.npsn,
        name: form.name.trim(),
        level: form.level,
        desaCode: form.desaCode || undefined,
        contactName: form.contactName.trim() || undefined,
        contactPhone: form.contactPhone.trim() || undefined,
      });
      setNotice(t.schoolSaved);
      setForm({ ...form, npsn: '', name: '', contactName: '', contactPhone: '' });
      onSaved();
    } catch (err) {
      fail(err);
    }
  };

  return (
    <section aria-labelledby="daftar-sekolah">
      <h2 id="daftar-sekolah">{t.schoolsHeading}</h2>
      {!schools ? (
        <Loading />
      ) : schools.length === 0 ? (
        <p>{t.schoolsEmpty}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t.npsn}</th>
              <th scope="col">{t.schoolName}</th>
              <th scope="col">{t.level}</th>
              <th scope="col">{t.desa}</th>
              <th scope="col">{t.contact}</th>
            </tr>
          </thead>
          <tbody>
            {schools.map((s) => (
              <tr key={s.npsn}>
                <td>{s.npsn}</td>
                <th scope="row">{s.name}</th>
                <td>{t.levels[s.level] ?? s.level}</td>
                <td>{desa.find((d) => d.code === s.desaCode)?.name ?? ''}</td>
                <td>{[s.contactName, s.contactPhone].filter(Boolean).join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p role="status" aria-live="polite" className={notice ? 'alert alert-success' : 'visually-hidden'}>
        {notice && `✓ ${notice}`}
      </p>
      <form onSubmit={save} noValidate className="panel">
        <Field id="sekolah-npsn" label={t.npsn} value={form.npsn} inputMode="numeric" maxLength={10} onChange={set('npsn')} error={problem} aria-required />
        <Field id="sekolah-nama" label={t.schoolName} value={form.name} maxLength={150} onChange={set('name')} aria-required />
        <div className="field">
          <label htmlFor="sekolah-jenjang">{t.level}</label>
          <select id="sekolah-jenjang" className="input" value={form.level} onChange={set('level')}>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t.levels[l]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="sekolah-desa">{t.desa}</label>
          <select id="sekolah-desa" className="input" value={form.desaCode} onChange={set('desaCode')}>
            <option value="">{t.noDesa}</option>
            {desa.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <Field id="sekolah-kontak" label={t.contactName} value={form.contactName} maxLength={100} onChange={set('contactName')} />
        <Field id="sekolah-telepon" label={t.contactPhone} value={form.contactPhone} type="tel" maxLength={30} onChange={set('contactPhone')} />
        <button type="submit" className="button">
          {t.saveSchool}
        </button>
      </form>
    </section>
  );
}
