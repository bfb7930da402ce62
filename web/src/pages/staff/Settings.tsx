/**
 * /petugas/pengaturan (admin): the office's opening hours, closures and special periods, staff
 * accounts, and its services with their requirement lists and time standards.
 */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { ErrorAlert } from '../../components/Errors.js';
import { PageHeading } from '../../components/Page.js';
import { useT } from '../../i18n/index.js';
import { getOffice } from '../../api.js';
import { consoleApi, type WeeklyHours } from './consoleApi.js';
import { HoursEditor } from './HoursEditor.js';
import { hoursProblems } from '../../../../src/offices/hours-rules.js';
import { SettingsCalendar } from './SettingsCalendar.js';
import { SettingsServices } from './SettingsServices.js';
import { SettingsStaff } from './SettingsStaff.js';
import { useFailure, useSession } from './session.js';

export function Settings() {
  const t = useT().console.settings;
  const { office } = useSession();
  if (!office) return <PageHeading title={t.title} />;
  const sections = [
    { id: 'jam', label: t.hours.heading },
    { id: 'lambang', label: t.emblem.heading },
    { id: 'libur', label: t.calendar.heading },
    { id: 'petugas', label: t.staff.heading },
    { id: 'layanan', label: t.services.heading },
  ];
  return (
    <>
      <PageHeading title={t.title} />
      <p className="lead">{office.name}</p>
      <nav aria-label={t.sectionsLabel} className="in-page">
        <ul>
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{s.label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <HoursSection />
      <EmblemSection />
      <SettingsCalendar />
      <SettingsStaff />
      <SettingsServices />
    </>
  );
}

/** A section of the settings page: a heading that in-page links land on, and an announced outcome. */
export function SettingsSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="settings-section">
      <h2 id={id} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A mistake in a form found before asking the server, worded for the person filling it in. */
export class FormMistake extends Error {}

/** Busy, the error, and the success message of one form, with the session's handling of a 401. */
export function useSaving() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const fail = useFailure(setError);
  const run = async (work: () => Promise<string | undefined>) => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      setDone(await work());
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };
  const outcome = (
    <div role="status" aria-live="polite">
      {error !== undefined ? null : done && <p className="alert alert-success">✓ {done}</p>}
    </div>
  );
  const problem =
    error === undefined ? null : error instanceof FormMistake ? (
      <p className="alert alert-error" role="alert">
        <span aria-hidden="true">⚠ </span>
        {error.message}
      </p>
    ) : (
      <ErrorAlert error={error} />
    );
  return { busy, run, outcome, error: problem };
}

function HoursSection() {
  const t = useT().console.settings.hours;
  const { office } = useSession();
  const [hours, setHours] = useState<WeeklyHours>(office!.workingHours);
  const saving = useSaving();
  const tt = useT();
  // The server's own rule, said in words with the day's name before anything is sent.
  const [problems, setProblems] = useState<string[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = hoursProblems(hours).map((p) => t.problems[p.problem](tt.weekdays[p.day as '1']));
    setProblems(found);
    if (found.length > 0) return;
    void saving.run(async () => {
      await consoleApi.updateOffice(office!.code, { workingHours: hours });
      setHours((await getOffice(office!.code)).workingHours);
      return t.saved;
    });
  };
  return (
    <SettingsSection id="jam" title={t.heading}>
      <p className="hint">{t.intro}</p>
      <form onSubmit={submit} noValidate>
        {saving.error}
        {problems.length > 0 && (
          <div className="field-error" role="alert">
            {problems.map((p) => (
              <p key={p}>
                <span aria-hidden="true">⚠ </span>
                {p}
              </p>
            ))}
          </div>
        )}
        <HoursEditor value={hours} onChange={setHours} idPrefix="jam" />
        {saving.outcome}
        <button type="submit" className="button" aria-disabled={saving.busy}>
          {t.save}
        </button>
      </form>
    </SettingsSection>
  );
}

/** The regency's emblem on the kop of printed receipts: chosen from the PC, checked and shrunk by the server. */
function EmblemSection() {
  const t = useT().console.settings.emblem;
  const { office } = useSession();
  const [has, setHas] = useState<boolean | undefined>(undefined);
  const [file, setFile] = useState<File | undefined>();
  const saving = useSaving();
  useEffect(() => {
    let live = true;
    void getOffice(office!.code).then((o) => live && setHas(o.hasEmblem === true), () => undefined);
    return () => {
      live = false;
    };
  }, [office]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void saving.run(async () => {
      if (!file) throw new FormMistake(t.chooseFirst);
      if (file.size > 1024 * 1024) throw new FormMistake(t.tooLarge);
      const bytes = new Uint8Array(await file.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      setHas((await consoleApi.setEmblem(office!.code, btoa(binary))).hasEmblem);
      return t.saved;
    });
  };
  const remove = () =>
    void saving.run(async () => {
      setHas((await consoleApi.removeEmblem(office!.code)).hasEmblem);
      return t.removed;
    });
  return (
    <SettingsSection id="lambang" title={t.heading}>
      <p className="hint">{t.intro}</p>
      {has !== undefined && <p>{has ? t.current : t.none}</p>}
      <form onSubmit={submit} noValidate>
        {saving.error}
        <div className="field">
          <label htmlFor="lambang-file">{t.file}</label>
          <p id="lambang-hint" className="hint">
            {t.fileHint}
          </p>
          <input id="lambang-file" type="file" accept="image/png,image/jpeg,image/webp,image/svg+xml" aria-describedby="lambang-hint" onChange={(e) => setFile(e.target.files?.[0])} />
        </div>
        {saving.outcome}
        <button type="submit" className="button" aria-disabled={saving.busy}>
          {t.save}
        </button>{' '}
        {has && (
          <button type="button" className="button button-secondary" onClick={remove} aria-disabled={saving.busy}>
            {t.remove}
          </button>
        )}
      </form>
    </SettingsSection>
  );
}
