/** The NIK checks and the requirement checklist beside what was attached. */
import { useLanguage, useT } from '../../i18n/index.js';
import type { ChecklistItem, NikCheck, RequestDetail } from './consoleApi.js';
import { calendarDate, localized } from './format.js';
import { useSession } from './session.js';

export function NikChecks({ check }: { check: NikCheck }) {
  const t = useT().console.nik;
  const { lang } = useLanguage();
  if (check.status === 'absent') return <p>{t.absent}</p>;
  if (check.status === 'invalid')
    return (
      <div className="check check-bad">
        <p>
          <span aria-hidden="true">✗ </span>
          <strong>{t.invalid}</strong>
        </p>
        <ul>
          {check.errors.map((e) => (
            <li key={e}>{t.errors[e as keyof typeof t.errors] ?? e}</li>
          ))}
        </ul>
      </div>
    );
  const place = check.place ? `${check.place.districtName}, ${check.place.regencyName}` : check.districtCode;
  return (
    <div className={check.warnings.length ? 'check check-warn' : 'check check-ok'}>
      <p>
        <span aria-hidden="true">{check.warnings.length ? '⚠ ' : '✓ '}</span>
        <strong>{t.valid}</strong> {t.derived(calendarDate(check.birthDate, lang), t.sexes[check.sex], place)}
      </p>
      {check.warnings.length > 0 && (
        <>
          <ul>
            {check.warnings.map((w) => (
              <li key={w}>
                <strong>{t.warningLabel}</strong> {t.warnings[w as keyof typeof t.warnings] ?? w}
              </li>
            ))}
          </ul>
          <p className="hint">{t.warningNote}</p>
        </>
      )}
    </div>
  );
}

export function needText(item: Pick<ChecklistItem, 'need' | 'whenLabel'>, t: ReturnType<typeof useT>['console']['checklist'], lang: 'id' | 'en'): string {
  if (item.need === 'required') return t.need.required;
  if (item.need === 'optional') return item.whenLabel ? `${t.need.optional}, ${t.when(item.whenLabel[lang])}` : t.need.optional;
  return `${t.need.required}, ${t.when(item.whenLabel?.[lang] ?? '…')}`;
}

export function Checklist({ detail, onShow }: { detail: RequestDetail; onShow: (fileIndex: number) => void }) {
  const t = useT().console.checklist;
  const { lang } = useLanguage();
  const { vocabulary } = useSession();
  const { checklist } = detail;
  if (!checklist) return <p>{t.unknownService}</p>;
  const files = (detail.mayViewDocuments && detail.files) || [];
  const fileOf = (item: ChecklistItem) => files.findIndex((f) => f.documentType === item.document || item.alternatives.includes(f.documentType));
  const attached = (item: ChecklistItem) => (detail.request.attachments ?? []).some((a) => a.documentType === item.document || item.alternatives.includes(a.documentType));
  return (
    <>
      {checklist.eligibility !== 'eligible' && (
        <p className={checklist.eligibility === 'ineligible' ? 'check check-bad' : 'check check-warn'}>
          <span aria-hidden="true">⚠ </span>
          {checklist.eligibilityReason ? localized(checklist.eligibilityReason, lang) : t.eligibility[checklist.eligibility]}
        </p>
      )}
      <p>{detail.documents?.complete ? t.complete : t.incomplete}</p>
      <ul className="checklist">
        {checklist.items.map((item) => {
          const has = attached(item);
          const index = fileOf(item);
          const state = has ? 'ok' : item.need === 'required' ? 'bad' : 'open';
          return (
            <li key={item.document} className={`check-item check-item-${state}`}>
              <span className="check-icon" aria-hidden="true">
                {has ? '✓' : item.need === 'required' ? '✗' : '?'}
              </span>
              <div>
                <p className="check-title">
                  <strong>{localized(item.label, lang)}</strong> <span className="hint-inline">({needText(item, t, lang)})</span>
                </p>
                {item.alternatives.length > 0 && (
                  <p className="hint">{t.alternatives(item.alternatives.map((a) => localized(vocabulary.documentTypes[a], lang, a)).join(', '))}</p>
                )}
                {item.details && <p className="hint">{localized(item.details, lang)}</p>}
                <p>
                  <strong>{has ? t.attached : t.notAttached}</strong>
                  {index >= 0 && (
                    <>
                      {' '}
                      <button type="button" className="button-link" onClick={() => onShow(index)}>
                        {t.view(localized(item.label, lang))}
                      </button>
                    </>
                  )}
                </p>
              </div>
            </li>
          );
        })}
      </ul>
      {detail.documents && detail.documents.unexpected.length > 0 && (
        <p>
          {t.unexpected}: {detail.documents.unexpected.map((d) => localized(vocabulary.documentTypes[d], lang, d)).join(', ')}
        </p>
      )}
    </>
  );
}
