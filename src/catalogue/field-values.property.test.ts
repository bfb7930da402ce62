/**
 * A request's data fields against anything a form, the API or the chatbot could send: every
 * service, every combination of what is known about the subject, any text in any field.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSafeText } from '../platform/safe-text.js';
import { loadRegions } from '../regions/regions.js';
import { catalogueFor, requirementsFor, type RequirementContext } from './catalogue.js';
import { checkRequestFields, COLUMN_FIELDS, DETAIL_FIELDS, FIELD_PROBLEMS, maxLengthOf, readFieldValue, type DetailField } from './field-values.js';
import { DATA_FIELD_DEFINITIONS, DATA_FIELDS, type DataField, type FieldInputKind } from './vocabulary.js';

const rules = { regions: loadRegions(), today: '2026-11-23' };
const services = [...catalogueFor({ kiaRuleSet: 'national' }), ...catalogueFor({ kiaRuleSet: 'banyumas_2022' })];

/** A valid value of each input kind, as a person might type it (the read value on the right). */
const VALID: Record<FieldInputKind, [typed: string, read: string]> = {
  nik: ['3302 2050 0520 0001', '3302205005200001'],
  kk_number: ['3302.2010.0520.0001', '3302201005200001'],
  text: ['  Ayu   Lestari ', 'Ayu Lestari'],
  date: ['2020-05-10', '2020-05-10'],
  desa: ['33.02.20.2009', '33.02.20.2009'],
  sex: ['P', 'P'],
  address: ['Jl. Mawar 1,\n  RT 02/RW 03', 'Jl. Mawar 1,\nRT 02/RW 03'],
  email: ['Ayu@Example.co.id', 'ayu@example.co.id'],
  phone: ['0812-3456-7890', '081234567890'],
};

const field = fc.constantFrom(...DATA_FIELDS);
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 1200 }),
  fc.stringMatching(/^[\d .-]{0,24}$/),
  fc.constantFrom('', ' ', '\n', '\u0000', '\ud800', '2026-11-24', '2026-02-30', 'L', 'X', '+6281234567890', 'a@b', 'a@b.c'),
);
const context: fc.Arbitrary<RequirementContext> = fc.record(
  { subjectAgeYears: fc.integer({ min: 0, max: 100 }), hasBirthCertificate: fc.boolean(), foreign: fc.boolean(), everMarried: fc.boolean() },
  { requiredKeys: [] },
);
const service = fc.constantFrom(...services);

describe('readFieldValue on any text (property-based)', () => {
  it('never throws; a value it accepts is trimmed, safe, within its length and read the same again', () => {
    fc.assert(
      fc.property(field, anyText, (f: DataField, raw) => {
        const read = readFieldValue(f, raw, rules);
        if (!read.ok) {
          expect(FIELD_PROBLEMS).toContain(read.problem);
          return;
        }
        expect(read.value).not.toBe('');
        expect(read.value).toBe(read.value.trim());
        expect(isSafeText(read.value, 'lines')).toBe(true);
        expect([...read.value].length).toBeLessThanOrEqual(maxLengthOf(f));
        // The stored form is a fixed point: reading it again changes nothing.
        expect(readFieldValue(f, read.value, rules)).toEqual(read);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses any text with a control character other than tab and line break', () => {
    const control = fc.constantFrom('\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u0090');
    fc.assert(
      fc.property(field, fc.string({ maxLength: 20 }), control, fc.string({ maxLength: 20 }), (f, before, c, after) => {
        expect(readFieldValue(f, before + c + after, rules)).toEqual({ ok: false, problem: 'control_characters' });
      }),
    );
  });
});

describe('checkRequestFields (property-based)', () => {
  it('never throws on any details, and names a problem only for a field sent or a required one', () => {
    const details = fc.dictionary(fc.oneof(fc.constantFrom(...DATA_FIELDS), fc.string({ maxLength: 12 })), anyText, { maxKeys: 8 });
    fc.assert(
      fc.property(service, context, details, (s, ctx, sent) => {
        const result = checkRequestFields(s, { details: sent, columns: {}, context: ctx }, rules);
        // The subject's NIK is asked for while the answers leave it undecided (the combined path).
        const required = new Set(requirementsFor(s, ctx).fields.filter((f) => f.need === 'required' || (f.field === 'subject_nik' && f.need === 'conditional')).map((f) => f.field as string));
        if (result.ok) {
          for (const key of Object.keys(result.details)) expect(Object.keys(sent)).toContain(key);
          return;
        }
        for (const p of result.problems) {
          expect(FIELD_PROBLEMS).toContain(p.problem);
          // Or the subject is not someone the service is for, said on the NIK.
          expect(p.field in sent || required.has(p.field) || p.problem === 'not_eligible').toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts every service with every asked field filled in validly, storing the read values of the asked ones only', () => {
    fc.assert(
      fc.property(service, context, fc.boolean(), (s, ctx, fillUnasked) => {
        const asked = new Set(requirementsFor(s, ctx).fields.map((f) => f.field as string));
        const listed = s.fields.map((f) => f.field).filter((f): f is DetailField => (DETAIL_FIELDS as readonly string[]).includes(f));
        const sent = Object.fromEntries(listed.filter((f) => fillUnasked || asked.has(f)).map((f) => [f, VALID[DATA_FIELD_DEFINITIONS[f].input][0]]));
        const columns = Object.fromEntries(COLUMN_FIELDS.map((f) => [f, VALID[DATA_FIELD_DEFINITIONS[f].input][1]]));
        const result = checkRequestFields(s, { details: sent, columns, context: ctx }, rules);
        // Someone the service is not for is refused for that alone (a KTP-el for a 10-year-old).
        if (requirementsFor(s, ctx).eligibility === 'ineligible') {
          expect(result.ok ? [] : result.problems.map((p) => p.problem)).toEqual(['not_eligible']);
          return;
        }
        expect(result).toEqual({
          ok: true,
          details: Object.fromEntries(listed.filter((f) => asked.has(f)).map((f) => [f, VALID[DATA_FIELD_DEFINITIONS[f].input][1]])),
        });
      }),
      { numRuns: 500 },
    );
  });
});
