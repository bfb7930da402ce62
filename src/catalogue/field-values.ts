/**
 * The data an application carries, checked against its service's field list: which fields the
 * service asks for (required, required under a condition, optional), and whether each value is
 * one a person could really have written (a KK number's region and date, a date of death not in
 * the future, an email address).
 *
 * One pure function for every channel: the counter, the portal and the chatbot all send their
 * answers through `checkRequestFields`, and the chatbot reads one answer at a time with
 * `readFieldValue`, so a value the chatbot accepts is one intake accepts.
 *
 * The subject's NIK, name, birth date and sex, the desa and the applicant's phone have their own
 * columns and their own checks at intake; here they only count as present or missing. Everything
 * else lives in the request's `details`, keyed by the catalogue's field code.
 */
import { compareIsoDates, parseIsoDate, type IsoDate } from '../identity/calendar-date.js';
import { parseKk, parseNik, type NikErrorCode } from '../identity/nik.js';
import { isSafeText } from '../platform/safe-text.js';
import { hasMarkup } from '../platform/typed-text.js';
import type { RegionLookup } from '../regions/region-lookup.js';
import { describeCondition, requirementsFor, type RequirementContext, type Service } from './catalogue.js';
import { DATA_FIELD_DEFINITIONS, DATA_FIELDS, type DataField, type LocalizedText } from './vocabulary.js';

/** Fields a request keeps in columns of their own (searchable, or read by the workflow). */
export const COLUMN_FIELDS = ['subject_nik', 'subject_name', 'subject_birth_date', 'subject_sex', 'desa', 'phone'] as const;
export type ColumnField = (typeof COLUMN_FIELDS)[number];
export type DetailField = Exclude<DataField, ColumnField>;
export const DETAIL_FIELDS = DATA_FIELDS.filter((f): f is DetailField => !(COLUMN_FIELDS as readonly string[]).includes(f));

export function isDetailField(code: string): code is DetailField {
  return (DETAIL_FIELDS as readonly string[]).includes(code);
}

/** The values of a request's details, normalised, keyed by field code. */
export type FieldDetails = Partial<Record<DetailField, string>>;

export const FIELD_PROBLEMS = [
  'unknown_field', // not a field code of the catalogue at all
  'not_for_service', // a real field, but this service does not ask for it
  'required',
  'too_long',
  'nik_invalid',
  'kk_invalid',
  'date_invalid',
  'date_future',
  'email_invalid',
  'phone_invalid',
  'sex_invalid',
  'desa_invalid',
  'control_characters', // a NUL or another character no keyboard types (src/platform/safe-text.ts)
  'markup', // angle brackets in a name or a text: pasted markup, never a person's words (typed-text.ts)
  'not_eligible', // the subject does not meet the service's eligibility (a KIA for a 36-year-old)
] as const;
export type FieldProblemCode = (typeof FIELD_PROBLEMS)[number];

export interface FieldProblem {
  field: string;
  problem: FieldProblemCode;
  /** The label the service gives the field (absent for an unknown code). */
  label?: LocalizedText;
  /** What is wrong with a NIK or KK number, part by part. */
  numberErrors?: readonly NikErrorCode[];
  maxLength?: number;
  /** With not_eligible: the service's rule in words. */
  condition?: LocalizedText;
}

export interface FieldRules {
  readonly regions: RegionLookup;
  /** The office's calendar date: dates after it are in the future. */
  readonly today: IsoDate;
}

/** Text bounds by input kind; a field may set its own (a list of moving family members is longer). */
const MAX_LENGTH = { text: 120, address: 300, email: 254 } as const;

export function maxLengthOf(field: DataField): number {
  const definition = DATA_FIELD_DEFINITIONS[field];
  if (definition.maxLength !== undefined) return definition.maxLength;
  return definition.input === 'address' ? MAX_LENGTH.address : definition.input === 'email' ? MAX_LENGTH.email : MAX_LENGTH.text;
}

export type FieldRead = { ok: true; value: string } | { ok: false; problem: FieldProblemCode; numberErrors?: readonly NikErrorCode[]; maxLength?: number };

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const MOBILE = /^(\+?62|0)8\d{7,12}$/;

/**
 * One typed value, read by its field's input kind: trimmed (inner runs of spaces as one), then
 * checked. An empty value reads as `required`: the caller decides whether that matters.
 */
export function readFieldValue(field: DataField, raw: string, rules: FieldRules): FieldRead {
  const input = DATA_FIELD_DEFINITIONS[field].input;
  // Checked before anything is normalised; tabs and line breaks are whitespace, folded below.
  if (!isSafeText(raw, 'lines')) return { ok: false, problem: 'control_characters' };
  // Line breaks are kept in an address or a list of names; anything else is one line.
  const multiline = input === 'address' || field === 'moving_members';
  const value = (multiline ? raw.replace(/[^\S\n]+/g, ' ').replace(/ ?\n ?/g, '\n').replace(/\n{2,}/g, '\n') : raw.replace(/\s+/g, ' ')).trim();
  if (value === '') return { ok: false, problem: 'required' };
  switch (input) {
    case 'nik': {
      const parsed = parseNik(value, rules);
      return parsed.ok ? { ok: true, value: parsed.nik } : { ok: false, problem: 'nik_invalid', numberErrors: parsed.errors };
    }
    case 'kk_number': {
      // A KK is dated when it was registered: the same region and date rules as a NIK, without the +40.
      const parsed = parseKk(value, rules);
      return parsed.ok ? { ok: true, value: parsed.kk } : { ok: false, problem: 'kk_invalid', numberErrors: parsed.errors };
    }
    case 'date': {
      if (!parseIsoDate(value)) return { ok: false, problem: 'date_invalid' };
      // Every date a form asks for (birth, death) has already happened.
      if (compareIsoDates(value, rules.today) > 0) return { ok: false, problem: 'date_future' };
      return { ok: true, value };
    }
    case 'sex':
      return value === 'L' || value === 'P' ? { ok: true, value } : { ok: false, problem: 'sex_invalid' };
    case 'desa':
      return /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(value) ? { ok: true, value } : { ok: false, problem: 'desa_invalid' };
    case 'email': {
      if (value.length > MAX_LENGTH.email) return { ok: false, problem: 'too_long', maxLength: MAX_LENGTH.email };
      return EMAIL.test(value) ? { ok: true, value: value.toLowerCase() } : { ok: false, problem: 'email_invalid' };
    }
    case 'phone': {
      const compact = value.replace(/[\s.()-]/g, '');
      return MOBILE.test(compact) ? { ok: true, value: compact } : { ok: false, problem: 'phone_invalid' };
    }
    case 'text':
    case 'address': {
      if (hasMarkup(value)) return { ok: false, problem: 'markup' };
      const max = maxLengthOf(field);
      return [...value].length > max ? { ok: false, problem: 'too_long', maxLength: max } : { ok: true, value };
    }
  }
}

export interface FieldInput {
  /** The details as sent: field code → typed value. */
  details: Readonly<Record<string, string>>;
  /** The column fields the request carries (as given, or derived from the NIK). */
  columns: Readonly<Partial<Record<ColumnField, string | undefined>>>;
  /** What is known about the subject: decides the conditional fields. */
  context: RequirementContext;
}

export type FieldCheck = { ok: true; details: FieldDetails } | { ok: false; problems: FieldProblem[] };

/**
 * The details of one application against its service's field list. A field is required when the
 * list says so, or says so under a condition that holds; a condition the answers cannot decide
 * (nobody said whether the child has an akta) asks nothing. A value for a field whose condition
 * does not hold is dropped (the answer to "has an akta?" changed after the parents' names were
 * typed); a code the service does not ask for at all is refused, so nothing unvetted is stored.
 */
export function checkRequestFields(service: Service, input: FieldInput, rules: FieldRules): FieldCheck {
  const problems: FieldProblem[] = [];
  const details: FieldDetails = {};
  const asked = new Map(requirementsFor(service, input.context).fields.map((f) => [f.field, f]));
  const listed = new Set<string>(service.fields.map((f) => f.field));

  for (const [code, raw] of Object.entries(input.details)) {
    if (!isDetailField(code)) {
      problems.push({ field: code, problem: 'unknown_field' });
      continue;
    }
    if (!listed.has(code)) {
      problems.push({ field: code, problem: 'not_for_service', label: DATA_FIELD_DEFINITIONS[code].label });
      continue;
    }
    const field = asked.get(code);
    if (!field || raw.trim() === '') continue;
    const read = readFieldValue(code, raw, rules);
    if (read.ok) details[code] = read.value;
    else problems.push({ field: code, problem: read.problem, label: field.label, ...(read.numberErrors && { numberErrors: read.numberErrors }), ...(read.maxLength && { maxLength: read.maxLength }) });
  }

  // Column texts are read by their own schemas; markup in the subject's name is refused here, with the field's label.
  const name = input.columns.subject_name;
  if (name && hasMarkup(name)) problems.push({ field: 'subject_name', problem: 'markup', label: fieldLabel(service, 'subject_name') });
  const checklist = requirementsFor(service, input.context);
  if (checklist.eligibility === 'ineligible' && service.eligibility) {
    problems.push({ field: 'subject_nik', problem: 'not_eligible', label: fieldLabel(service, 'subject_nik'), condition: describeCondition(service.eligibility) });
  }

  for (const field of asked.values()) {
    // The subject's NIK identifies the request: it may be left out only where the answers put the
    // child on the combined path, so while they do not say (nobody answered "has an akta?") it is asked for.
    if (field.need !== 'required' && !(field.field === 'subject_nik' && field.need === 'conditional')) continue;
    const present = isDetailField(field.field) ? input.details[field.field]?.trim() : input.columns[field.field as ColumnField]?.trim();
    if (!present) problems.push({ field: field.field, problem: 'required', label: field.label });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, details };
}

function fieldLabel(service: Service, field: DataField): LocalizedText {
  return service.fields.find((f) => f.field === field)?.label ?? DATA_FIELD_DEFINITIONS[field].label;
}

/** What a form needs to draw a field: its input kind, its length bound, and whether it is one of the request's details. */
export function fieldForm(field: DataField) {
  return { input: DATA_FIELD_DEFINITIONS[field].input, maxLength: maxLengthOf(field), detail: isDetailField(field) };
}
