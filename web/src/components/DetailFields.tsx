/**
 * The service's data fields (KK number, place of birth, parents' names, date of death …) drawn
 * from the catalogue: labelled in the screen's language, required ones marked in words, each
 * error beside its field and tied to it by aria-describedby.
 */
import { useT } from '../i18n/index.js';
import type { Lang } from '../types.js';
import type { DetailFieldSpec, DetailValues } from './detail-fields.js';

export function detailFieldId(prefix: string, field: string) {
  return `${prefix}-${field.replace(/_/g, '-')}`;
}

export function DetailFields(props: {
  idPrefix: string;
  specs: readonly DetailFieldSpec[];
  values: DetailValues;
  errors: Record<string, string | undefined>;
  lang: Lang;
  today: string;
  onChange: (field: string, value: string) => void;
}) {
  const t = useT().fields;
  return (
    <>
      {props.specs.map((spec) => {
        const id = detailFieldId(props.idPrefix, spec.field);
        const error = props.errors[spec.field];
        const hint = t.hints[spec.input as keyof typeof t.hints];
        const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
        const common = {
          id,
          className: 'input',
          value: props.values[spec.field] ?? '',
          maxLength: spec.input === 'kk_number' || spec.input === 'nik' ? 24 : spec.maxLength,
          'aria-invalid': error ? true : undefined,
          'aria-required': spec.need === 'required' ? true : undefined,
          'aria-describedby': describedBy,
        } as const;
        const multiline = spec.input === 'address' || spec.maxLength > 300;
        return (
          <div key={spec.field} className={error ? 'field field-invalid' : 'field'}>
            <label htmlFor={id}>
              {spec.label[props.lang]} <span className="need">({spec.need === 'required' ? t.required : t.optional})</span>
            </label>
            {hint && (
              <p id={`${id}-hint`} className="hint">
                {hint}
              </p>
            )}
            {error && (
              <p id={`${id}-error`} className="field-error">
                <span aria-hidden="true">⚠ </span>
                {error}
              </p>
            )}
            {multiline ? (
              <textarea {...common} rows={3} onChange={(e) => props.onChange(spec.field, e.target.value)} />
            ) : (
              <input
                {...common}
                type={spec.input === 'date' ? 'date' : spec.input === 'email' ? 'email' : spec.input === 'phone' ? 'tel' : 'text'}
                inputMode={spec.input === 'kk_number' || spec.input === 'nik' ? 'numeric' : spec.input === 'phone' ? 'tel' : undefined}
                autoComplete={spec.input === 'email' ? 'email' : 'off'}
                {...(spec.input === 'date' && { max: props.today })}
                onChange={(e) => props.onChange(spec.field, e.target.value)}
              />
            )}
          </div>
        );
      })}
    </>
  );
}
