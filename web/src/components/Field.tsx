/** A labelled input with its hint and error tied to it by aria-describedby. */
import type { InputHTMLAttributes } from 'react';
import { useT } from '../i18n/index.js';

type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
};

export function Field({ id, label, hint, error, className, ...input }: FieldProps) {
  const t = useT();
  // A required field says so in its label, seen and heard (aria-required on the input).
  const required = input['aria-required'] === true || input['aria-required'] === 'true';
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required && (
          <>
            {' '}
            <span className="need">({t.fields.required})</span>
          </>
        )}
      </label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
      <input id={id} className={className ?? 'input'} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
    </div>
  );
}
