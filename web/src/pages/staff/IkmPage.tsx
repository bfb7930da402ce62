/**
 * /petugas/ikm: the office's satisfaction index (IKM, PermenPANRB 14/2017) for a month, quarter,
 * semester or year: respondents against the Krejcie–Morgan minimum, NRR per unsur as a table, the
 * IKM with the exact 1/9 weight beside the labelled 0.111 figure, the grade in words, and the
 * unsur to improve first. For the camat, sekcam, kasi, and the regency (choosing a kecamatan).
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, listOffices } from '../../api.js';
import { ErrorAlert } from '../../components/Errors.js';
import { Loading, PageHeading } from '../../components/Page.js';
import { useLanguage, useT } from '../../i18n/index.js';
import { useFailure, useSession } from './session.js';

type Words = { id: string; en: string };
type Unsur = { code: string; name: Words; nrr: number };
export type IkmReport = {
  officeCode: string;
  officeName: string;
  period: Period;
  year: number;
  n: number | null;
  from: string;
  to: string;
  respondents: number;
  byChannel: Record<string, number>;
  population: number;
  minimumSample: number;
  sampleEnough: boolean;
  result: null | {
    nrr: Unsur[];
    ikm: number;
    converted: number;
    grade: string;
    gradeWords: Words;
    comparison0111: { ikm: number; converted: number; grade: string; gradeWords: Words };
    priorities: Unsur[];
  };
};
const PERIODS = ['month', 'quarter', 'semester', 'year'] as const;
type Period = (typeof PERIODS)[number];
const COUNT: Record<Period, number> = { month: 12, quarter: 4, semester: 2, year: 1 };

type Query = { code: string; period: Period; year?: number; n?: number };
/** Without a year and number the server picks the current period by the office's own clock. */
const ikmOf = (q: Query, signal?: AbortSignal) =>
  api.get<IkmReport>(`/api/v1/offices/${encodeURIComponent(q.code)}/ikm?period=${q.period}${q.year ? `&year=${q.year}` : ''}${q.n ? `&n=${q.n}` : ''}`, { signal });

export function IkmPage() {
  const tt = useT();
  const t = tt.survey.results;
  const { lang } = useLanguage();
  const { office, user } = useSession();
  const [offices, setOffices] = useState<{ code: string; name: string }[]>([]);
  const [code, setCode] = useState(office?.code ?? '');
  const [period, setPeriod] = useState<Period>('month');
  const [year, setYear] = useState(0);
  const [n, setN] = useState(1);
  const [shown, setShown] = useState<Query>();
  const [report, setReport] = useState<IkmReport>();
  const [error, setError] = useState<unknown>();
  const fail = useFailure(setError);

  // The regency chooses one of its kecamatan.
  useEffect(() => {
    if (office) return;
    const abort = new AbortController();
    listOffices(abort.signal).then((all) => {
      const mine = all.filter((o) => o.code.startsWith(`${user.regencyCode}.`));
      setOffices(mine);
      setCode((c) => c || mine[0]?.code || '');
    }, fail);
    return () => abort.abort();
  }, [office, user.regencyCode, fail]);

  const load = useCallback(
    async (q: Query, signal?: AbortSignal) => {
      setError(undefined);
      try {
        const found = await ikmOf(q, signal);
        setReport(found);
        setYear(found.year);
        if (found.n) setN(found.n);
      } catch (err) {
        fail(err);
      }
    },
    [fail],
  );
  useEffect(() => {
    if (!shown) return;
    const abort = new AbortController();
    void load(shown, abort.signal);
    return () => abort.abort();
  }, [shown, load]);
  useEffect(() => {
    if (code && !shown) setShown({ code, period });
  }, [code]);

  const show = (event: FormEvent) => {
    event.preventDefault();
    setShown({ code, period, year, n: Math.min(n, COUNT[period]) });
  };
  const name = (w: Words) => (lang === 'en' ? w.en : w.id);
  const fmt = (v: number, digits: number) => v.toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits });

  return (
    <>
      <PageHeading title={t.title} />
      {/* A wide table scrolls inside its own box on a phone; the box takes focus so a keyboard can scroll it. */}
      <form className="filters" onSubmit={show}>
        {!office && (
          <div className="field">
            <label htmlFor="ikm-office">{t.office}</label>
            <select id="ikm-office" value={code} onChange={(e) => setCode(e.target.value)}>
              {offices.map((o) => (
                <option key={o.code} value={o.code}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="ikm-period">{t.period}</label>
          <select id="ikm-period" value={period} onChange={(e) => setPeriod(e.target.value as Period)}>
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {t.periods[p]}
              </option>
            ))}
          </select>
        </div>
        {period !== 'year' && (
          <div className="field">
            <label htmlFor="ikm-n">{t.which[period]}</label>
            <select id="ikm-n" value={Math.min(n, COUNT[period])} onChange={(e) => setN(Number(e.target.value))}>
              {Array.from({ length: COUNT[period] }, (_, i) => (
                <option key={i + 1} value={i + 1}>
                  {i + 1}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="ikm-year">{t.year}</label>
          <input id="ikm-year" type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(Number(e.target.value))} />
        </div>
        <button type="submit" className="button">
          {t.show}
        </button>
      </form>
      {error !== undefined && <ErrorAlert error={error} />}
      {!report && error === undefined && shown && <Loading />}
      {report && (
        <section aria-labelledby="ikm-figures" aria-live="polite">
          <h2 id="ikm-figures">
            {report.officeName} · {t.span(report.from, report.to)}
          </h2>
          <dl className="details">
            <dt>{t.respondents}</dt>
            <dd>{report.respondents}</dd>
            <dt>{t.population}</dt>
            <dd>{report.population}</dd>
            <dt>{t.minimum}</dt>
            <dd>
              {report.minimumSample} — {report.sampleEnough ? t.enough : t.short(report.minimumSample - report.respondents)}
            </dd>
            <dt>{t.byChannel}</dt>
            <dd>{Object.entries(report.byChannel).map(([channel, count]) => `${(tt.survey.channel as Record<string, string>)[channel] ?? channel}: ${count}`).join(' · ')}</dd>
          </dl>
          {!report.result ? (
            <p>{t.none}</p>
          ) : (
            <>
              <div className="table-wrap" role="region" aria-label={t.summaryCaption} tabIndex={0}>
              <table className="data-table">
                <caption>{t.summaryCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.method}</th>
                    <th scope="col">{t.ikm}</th>
                    <th scope="col">{t.converted}</th>
                    <th scope="col">{t.grade}</th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row">{t.exact}</th>
                    <td>{fmt(report.result.ikm, 4)}</td>
                    <td>
                      <strong>{fmt(report.result.converted, 2)}</strong>
                    </td>
                    <td>
                      <strong>
                        {report.result.grade} ({name(report.result.gradeWords)})
                      </strong>
                    </td>
                  </tr>
                  <tr>
                    <th scope="row">{t.w0111}</th>
                    <td>{fmt(report.result.comparison0111.ikm, 4)}</td>
                    <td>{fmt(report.result.comparison0111.converted, 2)}</td>
                    <td>
                      {report.result.comparison0111.grade} ({name(report.result.comparison0111.gradeWords)})
                    </td>
                  </tr>
                </tbody>
              </table>
              </div>
              <div className="table-wrap" role="region" aria-label={t.tableCaption} tabIndex={0}>
              <table className="data-table">
                <caption>{t.tableCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.unsur}</th>
                    <th scope="col">{t.nrr}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.result.nrr.map((u) => (
                    <tr key={u.code}>
                      <th scope="row">{name(u.name)}</th>
                      <td>{fmt(u.nrr, 3)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              </div>
              <h3>{t.priorities}</h3>
              <ol>
                {report.result.priorities.map((u) => (
                  <li key={u.code}>
                    {name(u.name)} — {fmt(u.nrr, 3)}
                  </li>
                ))}
              </ol>
            </>
          )}
        </section>
      )}
    </>
  );
}

