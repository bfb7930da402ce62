/** Holidays of the year (and whether the year is confirmed), the office's own closures, and special hours. */
import { useEffect, useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/Errors.js';
import { Field } from '../../components/Field.js';
import { Loading } from '../../components/Page.js';
import { useLanguage, useT } from '../../i18n/index.js';
import { consoleApi, type CalendarView, type Closure, type WeeklyHours } from './consoleApi.js';
import { calendarDate, dateTime } from './format.js';
import { HoursEditor, hoursSummary } from './HoursEditor.js';
import { FormMistake, SettingsSection, useSaving } from './Settings.js';
import { useFailure, useSession } from './session.js';

const KINDS = ['penutupan_kantor', 'cuti_bersama', 'libur_nasional', 'buka_cuti_bersama'] as const;

export function SettingsCalendar() {
  const tt = useT();
  const t = tt.console.settings.calendar;
  const { lang } = useLanguage();
  const { office } = useSession();
  const code = office!.code;
  const [view, setView] = useState<CalendarView>();
  const [loadError, setLoadError] = useState<unknown>();
  const fail = useFailure(setLoadError);
  const saving = useSaving();
  const [closure, setClosure] = useState<Closure>({ date: '', kind: 'penutupan_kantor', name: '' });
  const [period, setPeriod] = useState<{ name: string; from: string; to: string; schedule: WeeklyHours }>({ name: '', from: '', to: '', schedule: office!.workingHours });

  useEffect(() => {
    const abort = new AbortController();
    consoleApi.calendar(code, abort.signal).then(setView, fail);
    return () => abort.abort();
  }, [code, fail]);

  const kindLabel = (kind: string) => t.kinds[kind as (typeof KINDS)[number]] ?? kind;

  const addClosure = (event: FormEvent) => {
    event.preventDefault();
    void saving.run(async () => {
      if (!closure.date || !closure.name.trim()) throw new FormMistake(t.closureIncomplete);
      setView(await consoleApi.addClosure(code, { ...closure, name: closure.name.trim() }));
      setClosure({ date: '', kind: 'penutupan_kantor', name: '' });
      return t.closureAdded(calendarDate(closure.date, lang));
    });
  };
  const addPeriod = (event: FormEvent) => {
    event.preventDefault();
    void saving.run(async () => {
      if (!period.name.trim() || !period.from || !period.to) throw new FormMistake(t.periodIncomplete);
      setView(await consoleApi.addSpecialPeriod(code, { ...period, name: period.name.trim() }));
      setPeriod({ name: '', from: '', to: '', schedule: office!.workingHours });
      return t.periodAdded(period.name.trim());
    });
  };

  return (
    <SettingsSection id="libur" title={t.heading}>
      {loadError !== undefined && <ErrorAlert error={loadError} />}
      {!view && loadError === undefined && <Loading />}
      {saving.error}
      {saving.outcome}
      {view && (
        <>
          {view.years.map((y) => (
            <div key={y.year}>
              <h3>{t.year(y.year)}</h3>
              {y.inForce === 'shipped' && <p>{t.shipped(y.year)}</p>}
              {y.inForce === 'office' && y.confirmedAt && (
                <p>
                  <span aria-hidden="true">✓ </span>
                  {t.confirmedOn(y.year, dateTime(y.confirmedAt, office!.timezone, lang), y.enteredCount)}{' '}
                  <button
                    type="button"
                    className="button-link"
                    onClick={() => void saving.run(async () => (setView(await consoleApi.unconfirmHolidayYear(code, y.year)), t.unconfirmDone(y.year)))}
                  >
                    {t.unconfirm(y.year)}
                  </button>
                </p>
              )}
              {y.inForce === 'estimate' && (
                <>
                  <p className="callout">
                    <span aria-hidden="true">⚠ </span>
                    {t.unconfirmed(y.year)}
                  </p>
                  <p>
                    {t.entered(y.year, y.enteredCount)}{' '}
                    <button
                      type="button"
                      className="button button-secondary"
                      aria-disabled={saving.busy}
                      onClick={() => void saving.run(async () => (setView(await consoleApi.confirmHolidayYear(code, y.year)), t.confirmDone(y.year)))}
                    >
                      {t.confirm(y.year)}
                    </button>
                  </p>
                </>
              )}
              <details>
                <summary>{t.holidays(y.year, y.closures.length)}</summary>
                <ul>
                  {y.closures.map((c) => (
                    <li key={`${c.date}-${c.kind}`}>
                      {calendarDate(c.date, lang)} — {c.name} ({kindLabel(c.kind)})
                    </li>
                  ))}
                </ul>
              </details>
            </div>
          ))}

          <h3>{t.officeClosures}</h3>
          {view.officeClosures.length === 0 ? (
            <p>{t.noClosures}</p>
          ) : (
            <ul className="plain-list">
              {view.officeClosures.map((c) => (
                <li key={`${c.date}-${c.kind}`}>
                  {calendarDate(c.date, lang)} — {c.name} ({kindLabel(c.kind)}){' '}
                  <button
                    type="button"
                    className="button-link"
                    onClick={() => void saving.run(async () => (setView(await consoleApi.removeClosure(code, c)), t.closureRemoved(calendarDate(c.date, lang))))}
                  >
                    {t.remove(`${calendarDate(c.date, lang)} ${c.name}`)}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form className="form" onSubmit={addClosure} noValidate aria-labelledby="tutup-baru">
            <h4 id="tutup-baru">{t.addClosure}</h4>
            <Field id="tutup-tanggal" label={t.date} type="date" value={closure.date} onChange={(e) => setClosure({ ...closure, date: e.target.value })} />
            <div className="field">
              <label htmlFor="tutup-jenis">{t.kind}</label>
              <select id="tutup-jenis" className="input" value={closure.kind} onChange={(e) => setClosure({ ...closure, kind: e.target.value })}>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {kindLabel(k)}
                  </option>
                ))}
              </select>
            </div>
            <Field id="tutup-nama" label={t.name} hint={t.nameHint} value={closure.name} maxLength={120} onChange={(e) => setClosure({ ...closure, name: e.target.value })} />
            <button type="submit" className="button" aria-disabled={saving.busy}>
              {t.addClosureButton}
            </button>
          </form>

          <h3>{t.specialPeriods}</h3>
          <p className="hint">{t.specialIntro}</p>
          {view.specialPeriods.length === 0 ? (
            <p>{t.noPeriods}</p>
          ) : (
            <ul className="plain-list">
              {view.specialPeriods.map((p) => (
                <li key={p.from}>
                  <strong>{p.name}</strong>: {calendarDate(p.from, lang)} – {calendarDate(p.to, lang)}. {hoursSummary(p.schedule, tt.weekdays, tt.portal.closed)}{' '}
                  <button
                    type="button"
                    className="button-link"
                    onClick={() => void saving.run(async () => (setView(await consoleApi.removeSpecialPeriod(code, p.from)), t.periodRemoved(p.name)))}
                  >
                    {t.remove(p.name)}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form className="form form-wide" onSubmit={addPeriod} noValidate aria-labelledby="periode-baru">
            <h4 id="periode-baru">{t.addPeriod}</h4>
            <Field id="periode-nama" label={t.periodName} hint={t.periodNameHint} value={period.name} maxLength={120} onChange={(e) => setPeriod({ ...period, name: e.target.value })} />
            <div className="field-row">
              <Field id="periode-dari" label={t.from} type="date" value={period.from} onChange={(e) => setPeriod({ ...period, from: e.target.value })} />
              <Field id="periode-sampai" label={t.to} type="date" value={period.to} onChange={(e) => setPeriod({ ...period, to: e.target.value })} />
            </div>
            <HoursEditor value={period.schedule} onChange={(schedule) => setPeriod({ ...period, schedule })} idPrefix="periode" />
            <button type="submit" className="button" aria-disabled={saving.busy}>
              {t.addPeriodButton}
            </button>
          </form>
        </>
      )}
    </SettingsSection>
  );
}
