/**
 * The service's data fields on a form (counter and portal): which to draw, and the checks the
 * phone can make before sending. The server checks again with `checkRequestFields`
 * (src/catalogue/field-values.ts); this only spares a round trip for the obvious mistakes.
 */
import { hasMarkup, isSafeText } from '../../../src/platform/typed-text.js';

export type Localized = { id: string; en: string };

/** A field as the catalogue endpoints describe it, its need already settled for this applicant. */
export type DetailFieldSpec = {
  field: string;
  label: Localized;
  need: 'required' | 'optional';
  input: string;
  maxLength: number;
};

export type DetailValues = Record<string, string>;

export type DetailProblem = 'required' | 'number' | 'date' | 'future' | 'email' | 'too_long' | 'control_characters' | 'markup';

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** What is plainly wrong with one value, before the server looks at region codes and dates inside numbers. */
export function detailProblem(spec: DetailFieldSpec, raw: string | undefined, today: string): DetailProblem | undefined {
  const value = (raw ?? '').trim();
  if (!value) return spec.need === 'required' ? 'required' : undefined;
  if (!isSafeText(value, 'lines')) return 'control_characters';
  if ((spec.input === 'text' || spec.input === 'address') && hasMarkup(value)) return 'markup';
  if ([...value].length > spec.maxLength) return 'too_long';
  if ((spec.input === 'kk_number' || spec.input === 'nik') && !/^\d{16}$/.test(value.replace(/[\s.-]/g, ''))) return 'number';
  if (spec.input === 'date') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'date';
    if (value > today) return 'future';
  }
  if (spec.input === 'email' && !EMAIL.test(value)) return 'email';
  return undefined;
}

/** The values to send: only the fields drawn now, blanks left out, text trimmed. */
export function detailsToSend(specs: readonly DetailFieldSpec[], values: DetailValues): DetailValues {
  const out: DetailValues = {};
  for (const spec of specs) {
    const value = values[spec.field]?.trim();
    if (value) out[spec.field] = value;
  }
  return out;
}
