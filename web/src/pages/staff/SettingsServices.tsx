/**
 * The office's services: switch one off, set its own time standard, and edit its requirement
 * list (document, required / optional / only under a condition, a note in both languages). The
 * server holds the list to the catalogue's own rules; "back to the standard list" removes the
 * office's version.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/Errors.js';
import { Loading } from '../../components/Page.js';
import { useLanguage, useT } from '../../i18n/index.js';
import { consoleApi, type Condition, type Localized, type Requirement, type RequirementView, type ServiceSetting, type ServiceSettingsView } from './consoleApi.js';
import { localized } from './format.js';
import { FormMistake, SettingsSection, useSaving } from './Settings.js';
import { useFailure, useSession } from './session.js';

type Row = {
  key: number;
  document: string;
  need: Requirement['need'];
  /** JSON of the condition, '' for none. */
  when: string;
  detailsId: string;
  detailsEn: string;
  /** Kept from the shipped item while its document is unchanged. */
  alternatives?: string[];
  photo?: Requirement['photo'];
  original?: string;
};

let nextKey = 1;
const rowOf = (r: RequirementView): Row => ({
  key: nextKey++,
  document: r.document,
  need: r.need,
  when: r.when ? JSON.stringify(r.when) : '',
  detailsId: r.details?.id ?? '',
  detailsEn: r.details?.en ?? '',
  ...(r.alternatives && { alternatives: r.alternatives }),
  ...(r.photo && { photo: r.photo }),
  original: r.document,
});

/** The rows as the API's requirement list; the same shape as the shipped list so they compare. */
function requirementOf(row: Row): Requirement {
  const sameDocument = row.original === row.document;
  const details = row.detailsId.trim() ? { id: row.detailsId.trim(), en: row.detailsEn.trim() || row.detailsId.trim() } : undefined;
  return {
    need: row.need,
    document: row.document,
    ...(row.need !== 'required' && row.when && { when: JSON.parse(row.when) as Condition }),
    ...(sameDocument && row.alternatives?.length && { alternatives: row.alternatives }),
    ...(details && { details }),
    ...(sameDocument && row.document === 'pas_foto' && row.photo && { photo: row.photo }),
  };
}

const strip = ({ label: _l, whenLabel: _w, ...r }: RequirementView): Requirement => r;
const canonical = (list: Requirement[]) => JSON.stringify(list.map((r) => Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)))));

export function SettingsServices() {
  const t = useT().console.settings.services;
  const { office } = useSession();
  const code = office!.code;
  const [view, setView] = useState<ServiceSettingsView>();
  const [loadError, setLoadError] = useState<unknown>();
  const fail = useFailure(setLoadError);

  useEffect(() => {
    const abort = new AbortController();
    consoleApi.serviceSettings(code, abort.signal).then(setView, fail);
    return () => abort.abort();
  }, [code, fail]);

  return (
    <SettingsSection id="layanan" title={t.heading}>
      <p className="hint">{t.intro}</p>
      {loadError !== undefined && <ErrorAlert error={loadError} />}
      {!view && loadError === undefined && <Loading />}
      {view && (
        <ul className="service-settings">
          {view.services.map((s) => (
            <li key={s.code}>
              <ServiceEditor service={s} view={view} onSaved={setView} />
            </li>
          ))}
        </ul>
      )}
    </SettingsSection>
  );
}

function ServiceEditor({ service, view, onSaved }: { service: ServiceSetting; view: ServiceSettingsView; onSaved: (view: ServiceSettingsView) => void }) {
  const tt = useT();
  const t = tt.console.settings.services;
  const { lang } = useLanguage();
  const { office, vocabulary } = useSession();
  const id = useId();
  const [enabled, setEnabled] = useState(service.enabled);
  const [sla, setSla] = useState(service.own?.slaWorkingDays?.toString() ?? '');
  const [rows, setRows] = useState<Row[]>(() => service.effective.requirements.map(rowOf));
  const saving = useSaving();

  // After a save or reset the server's version is the one to edit.
  useEffect(() => {
    setEnabled(service.enabled);
    setSla(service.own?.slaWorkingDays?.toString() ?? '');
    setRows(service.effective.requirements.map(rowOf));
  }, [service]);

  const conditionChoices: { value: string; label: Localized }[] = view.conditions.map((c) => ({ value: JSON.stringify(c.condition), label: c.label }));
  for (const r of service.effective.requirements)
    if (r.when && r.whenLabel && !conditionChoices.some((c) => c.value === JSON.stringify(r.when))) conditionChoices.push({ value: JSON.stringify(r.when), label: r.whenLabel });

  const update = (key: number, change: Partial<Row>) => setRows((list) => list.map((r) => (r.key === key ? { ...r, ...change } : r)));

  const save = (event: FormEvent) => {
    event.preventDefault();
    void saving.run(async () => {
      const days = sla.trim() === '' ? null : Number(sla);
      if (days !== null && (!Number.isInteger(days) || days < 0 || days > 30)) throw new FormMistake(t.slaInvalid);
      if (rows.length === 0) throw new FormMistake(t.emptyList);
      if (rows.some((r) => r.need === 'conditional' && !r.when)) throw new FormMistake(t.conditionMissing);
      const list = rows.map(requirementOf);
      // The standard list, unchanged: store nothing of the office's own, so later updates of the standard reach it.
      const own = canonical(list) === canonical(service.shipped.requirements.map(strip)) ? null : list;
      onSaved(await consoleApi.saveServiceSetting(office!.code, service.code, { enabled, requirements: own, slaWorkingDays: days }));
      return t.saved(localized(service.name, lang));
    });
  };
  const reset = () =>
    void saving.run(async () => {
      onSaved(await consoleApi.resetServiceSetting(office!.code, service.code));
      return t.resetDone(localized(service.name, lang));
    });

  const exceptions = Object.entries(service.shipped.slaWorkingDaysByChannel);
  const state = [
    service.enabled ? t.on : t.off,
    service.own?.requirements ? t.ownList : t.standardList,
    t.days(service.effective.slaWorkingDays),
  ].join(' · ');
  return (
    <details className="service-editor">
      <summary>
        <strong>{localized(service.name, lang)}</strong> <span className="hint-inline">— {state}</span>
      </summary>
      <form onSubmit={save} noValidate aria-label={localized(service.name, lang)}>
        {saving.error}
        <div className="checkbox">
          <input id={`${id}-on`} type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          <label htmlFor={`${id}-on`}>{t.enabled}</label>
        </div>
        <div className="field">
          <label htmlFor={`${id}-sla`}>{t.sla}</label>
          <p id={`${id}-sla-hint`} className="hint">
            {t.slaHint(service.shipped.slaWorkingDays)}
            {exceptions.length > 0 && ` ${t.slaExceptions(exceptions.map(([ch, d]) => `${localized(vocabulary.channels[ch], lang, ch)}: ${t.days(d)}`).join('; '))}`}
          </p>
          <input id={`${id}-sla`} className="input input-short" type="number" min={0} max={30} inputMode="numeric" value={sla} onChange={(e) => setSla(e.target.value)} aria-describedby={`${id}-sla-hint`} />
        </div>
        <fieldset>
          <legend>{t.requirements}</legend>
          <ol className="requirement-rows">
            {rows.map((row, i) => (
              <li key={row.key}>
                <fieldset className="requirement-row">
                  <legend>{t.item(i + 1, localized(view.documentTypes.find((d) => d.code === row.document)?.label, lang, row.document))}</legend>
                  <div className="requirement-fields">
                    <div className="field">
                      <label htmlFor={`${id}-${row.key}-doc`}>{t.document}</label>
                      <select id={`${id}-${row.key}-doc`} className="input" value={row.document} onChange={(e) => update(row.key, { document: e.target.value })}>
                        {view.documentTypes.map((d) => (
                          <option key={d.code} value={d.code}>
                            {localized(d.label, lang)}
                          </option>
                        ))}
                      </select>
                    </div>
                    <div className="field">
                      <label htmlFor={`${id}-${row.key}-need`}>{t.need}</label>
                      <select
                        id={`${id}-${row.key}-need`}
                        className="input"
                        value={row.need}
                        onChange={(e) => update(row.key, { need: e.target.value as Row['need'], ...(e.target.value === 'conditional' && !row.when && { when: conditionChoices[0]?.value ?? '' }) })}
                      >
                        <option value="required">{t.needs.required}</option>
                        <option value="conditional">{t.needs.conditional}</option>
                        <option value="optional">{t.needs.optional}</option>
                      </select>
                    </div>
                    {row.need !== 'required' && (
                      <div className="field">
                        <label htmlFor={`${id}-${row.key}-when`}>{t.when}</label>
                        <select id={`${id}-${row.key}-when`} className="input" value={row.when} onChange={(e) => update(row.key, { when: e.target.value })}>
                          {row.need === 'optional' && <option value="">{t.always}</option>}
                          {conditionChoices.map((c) => (
                            <option key={c.value} value={c.value}>
                              {localized(c.label, lang)}
                            </option>
                          ))}
                        </select>
                      </div>
                    )}
                  </div>
                  <div className="field-row">
                    <div className="field">
                      <label htmlFor={`${id}-${row.key}-det-id`}>{t.detailsId}</label>
                      <input id={`${id}-${row.key}-det-id`} className="input" value={row.detailsId} maxLength={300} onChange={(e) => update(row.key, { detailsId: e.target.value })} />
                    </div>
                    <div className="field">
                      <label htmlFor={`${id}-${row.key}-det-en`}>{t.detailsEn}</label>
                      <input id={`${id}-${row.key}-det-en`} className="input" lang="en" value={row.detailsEn} maxLength={300} onChange={(e) => update(row.key, { detailsEn: e.target.value })} />
                    </div>
                  </div>
                  <button type="button" className="button-link" onClick={() => setRows((list) => list.filter((r) => r.key !== row.key))}>
                    {t.removeItem(i + 1)}
                  </button>
                </fieldset>
              </li>
            ))}
          </ol>
          <button type="button" className="button button-secondary" onClick={() => setRows((list) => [...list, { key: nextKey++, document: 'kk', need: 'required', when: '', detailsId: '', detailsEn: '' }])}>
            {t.addItem}
          </button>
        </fieldset>
        {saving.outcome}
        <div className="form-buttons">
          <button type="submit" className="button" aria-disabled={saving.busy}>
            {t.save(localized(service.name, lang))}
          </button>
          {service.own && (
            <button type="button" className="button button-secondary" onClick={reset} aria-disabled={saving.busy}>
              {t.reset}
            </button>
          )}
        </div>
      </form>
    </details>
  );
}
