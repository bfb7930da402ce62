/**
 * The special-service question, the same on the portal and at the counter (the chatbot asks it in
 * turns): disabled or elderly, the kinds of disability (UU 8/2016) with consent, the help wanted,
 * and a delivery address when the document is to be brought home.
 */
import { useT } from '../i18n/index.js';
import { ACCOMMODATION_LABELS, DISABILITY_KIND_LABELS } from '../../../src/requests/special-needs.js';
import { Field } from './Field.js';
import { ACCOMMODATIONS, DISABILITY_KINDS, deliveryChosen, helpOffered, type NeedsGroup, type SpecialNeedsDraft } from './special-needs.js';

const GROUPS: NeedsGroup[] = ['none', 'disabled', 'elderly', 'both'];

export function SpecialNeedsFields(props: {
  idPrefix: string;
  value: SpecialNeedsDraft;
  onChange: (patch: Partial<SpecialNeedsDraft>) => void;
  lang: 'id' | 'en';
  /** 60 or over by the NIK or birth date typed above. */
  subjectElderly: boolean;
  /** Messages by part: 'group', 'kinds', 'consent', 'address'. */
  errors: Partial<Record<'group' | 'kinds' | 'consent' | 'address', string>>;
}) {
  const t = useT().specialNeeds;
  const { idPrefix: p, value, onChange, lang, subjectElderly, errors } = props;
  const disabled = value.group === 'disabled' || value.group === 'both';
  const offered = helpOffered(value, subjectElderly);
  const toggle = <T extends string>(list: readonly T[], item: T, on: boolean) => (on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item));
  return (
    <fieldset className="group">
      <legend>{t.legend}</legend>
      <p className="hint">{t.intro}</p>
      <fieldset className={errors.group ? 'choices field-invalid' : 'choices'} id={`${p}-group`} tabIndex={-1}>
        <legend>{t.group}</legend>
        {errors.group && (
          <p className="field-error">
            <span aria-hidden="true">⚠ </span>
            {errors.group}
          </p>
        )}
        {GROUPS.map((g) => (
          <div className="choice" key={g}>
            <input type="radio" id={`${p}-group-${g}`} name={`${p}-group`} checked={value.group === g} onChange={() => onChange({ group: g })} />
            <label htmlFor={`${p}-group-${g}`}>{t.groups[g]}</label>
          </div>
        ))}
      </fieldset>
      {subjectElderly && value.group !== 'elderly' && value.group !== 'both' && <p className="hint">{t.elderlyByAge}</p>}
      {disabled && (
        <>
          <fieldset className={errors.kinds ? 'choices field-invalid' : 'choices'} id={`${p}-kinds`} tabIndex={-1}>
            <legend>{t.kinds}</legend>
            {errors.kinds && (
              <p className="field-error">
                <span aria-hidden="true">⚠ </span>
                {errors.kinds}
              </p>
            )}
            {DISABILITY_KINDS.map((k) => (
              <div className="checkbox" key={k}>
                <input type="checkbox" id={`${p}-kind-${k}`} checked={value.kinds.includes(k)} onChange={(e) => onChange({ kinds: toggle(value.kinds, k, e.target.checked) })} />
                <label htmlFor={`${p}-kind-${k}`}>{DISABILITY_KIND_LABELS[k][lang]}</label>
              </div>
            ))}
          </fieldset>
          <div className={errors.consent ? 'field field-invalid' : 'field'}>
            {errors.consent && (
              <p className="field-error" id={`${p}-consent-error`}>
                <span aria-hidden="true">⚠ </span>
                {errors.consent}
              </p>
            )}
            <div className="checkbox">
            <input
              type="checkbox"
              id={`${p}-consent`}
              checked={value.consent}
              aria-invalid={errors.consent ? true : undefined}
              aria-describedby={errors.consent ? `${p}-consent-error` : undefined}
              onChange={(e) => onChange({ consent: e.target.checked })}
            />
            <label htmlFor={`${p}-consent`}>{t.consent}</label>
            </div>
          </div>
        </>
      )}
      {offered && (
        <>
          <fieldset className="choices">
            <legend>{t.help}</legend>
            {ACCOMMODATIONS.map((a) => (
              <div className="checkbox" key={a}>
                <input type="checkbox" id={`${p}-help-${a}`} checked={value.accommodations.includes(a)} onChange={(e) => onChange({ accommodations: toggle(value.accommodations, a, e.target.checked) })} />
                <label htmlFor={`${p}-help-${a}`}>{ACCOMMODATION_LABELS[a][lang]}</label>
              </div>
            ))}
          </fieldset>
          {deliveryChosen(value, subjectElderly) && (
            <>
              <Field id={`${p}-address`} aria-required label={t.address} hint={t.addressHint} error={errors.address} autoComplete="street-address" maxLength={300} value={value.deliveryAddress} onChange={(e) => onChange({ deliveryAddress: e.target.value })} />
              <Field id={`${p}-delivery-phone`} type="tel" inputMode="tel" label={t.deliveryPhone} hint={t.deliveryPhoneHint} autoComplete="tel" maxLength={20} value={value.deliveryPhone} onChange={(e) => onChange({ deliveryPhone: e.target.value })} />
            </>
          )}
          <div className="field">
            <label htmlFor={`${p}-note`}>{t.note}</label>
            <p id={`${p}-note-hint`} className="hint">
              {t.noteHint}
            </p>
            <textarea id={`${p}-note`} className="input" rows={2} maxLength={500} aria-describedby={`${p}-note-hint`} value={value.note} onChange={(e) => onChange({ note: e.target.value })} />
          </div>
        </>
      )}
    </fieldset>
  );
}

/** One line for a summary: "Penyandang disabilitas (Fisik) · Petugas datang ke rumah, …". */
export function specialNeedsSummary(value: SpecialNeedsDraft, subjectElderly: boolean, lang: 'id' | 'en', t: { groups: Record<NeedsGroup, string>; summaryNone: string }): string {
  if (value.group === 'none' && !subjectElderly) return t.summaryNone;
  const short = (s: string) => s.replace(/\s*\(.*\)$/, '');
  const kinds = value.group === 'disabled' || value.group === 'both' ? value.kinds.map((k) => short(DISABILITY_KIND_LABELS[k][lang])) : [];
  const who = value.group === 'none' ? t.groups.elderly : `${t.groups[value.group]}${kinds.length ? ` (${kinds.join(', ')})` : ''}`;
  const help = helpOffered(value, subjectElderly) ? value.accommodations.map((a) => short(ACCOMMODATION_LABELS[a][lang])) : [];
  return [who, help.join(', '), value.note.trim()].filter(Boolean).join(' · ');
}
