/**
 * NIK and KK parsing against anything a person or a form could send (the layout properties —
 * built numbers parse back to their parts — are in nik.test.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRegions } from '../regions/regions.js';
import { addDays, compareIsoDates } from './calendar-date.js';
import { NIK_ERROR_CODES, normaliseNikInput, parseKk, parseNik, type NikContext } from './nik.js';

const regions = loadRegions();
const today = fc.integer({ min: 0, max: 36_500 }).map((n) => addDays('2000-01-01', n));
const context = today.map((t): NikContext => ({ regions, today: t }));
const districtDigits = regions
  .provinces()
  .flatMap((p) => regions.regenciesOfProvince(p.code))
  .flatMap((r) => regions.districtsOfRegency(r.code))
  .map((d) => d.code.replaceAll('.', ''));
/** A known district and ten random digits: the date and serial decide, so valid and invalid both come up often. */
const ofKnownDistrict = fc.tuple(fc.constantFrom(...districtDigits), fc.stringMatching(/^\d{10}$/)).map(([d, rest]) => d + rest);

/** Anything typed: random text, or 16 random digits (most of them invalid in some way), with separators now and then. */
const typed = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.stringMatching(/^\d{16}$/),
  ofKnownDistrict,
  ofKnownDistrict.map((n) => `${n.slice(0, 4)} ${n.slice(4, 8)}.${n.slice(8, 12)}-${n.slice(12)}`),
  fc.stringMatching(/^\d{4}[ .-]?\d{4}[ .-]?\d{4}[ .-]?\d{4}$/),
  fc.stringMatching(/^[\d ]{10,24}$/),
);

describe('parseNik and parseKk on any input (property-based)', () => {
  it('never throw; an invalid number says why with known error codes, a valid one is 16 digits of the input', () => {
    fc.assert(
      fc.property(typed, context, (input, ctx) => {
        for (const result of [parseNik(input, ctx), parseKk(input, ctx)]) {
          if (!result.ok) {
            expect(result.errors.length).toBeGreaterThan(0);
            for (const e of result.errors) expect(NIK_ERROR_CODES).toContain(e);
            continue;
          }
          const number = 'nik' in result ? result.nik : result.kk;
          expect(number).toMatch(/^\d{16}$/);
          expect(number).toBe(normaliseNikInput(input));
          // A district the dataset does not know (a code from before a region split) is valid with a warning.
          expect(regions.isKnownDistrict(result.districtCode)).toBe(!result.warnings.includes('region_unknown'));
          expect(regions.province(number.slice(0, 2))).toBeDefined();
          expect(number.startsWith(result.districtCode.replaceAll('.', ''))).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('a valid NIK reads as a birth date within the hundred years up to today, and parses again to the same', () => {
    fc.assert(
      fc.property(typed, context, (input, ctx) => {
        const result = parseNik(input, ctx);
        if (!result.ok) return;
        expect(compareIsoDates(result.birthDate, ctx.today)).toBeLessThanOrEqual(0);
        expect(compareIsoDates(result.birthDate, addDays(ctx.today, -36_525))).toBeGreaterThan(0);
        expect(Number(result.nik.slice(6, 8)) > 40).toBe(result.sex === 'P');
        expect(parseNik(result.nik, ctx)).toEqual(result);
      }),
      { numRuns: 1000 },
    );
  });

  it('a number is a KK exactly when it is a NIK of a man (day without +40)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^\d{16}$/), ofKnownDistrict), context, (input, ctx) => {
        const nik = parseNik(input, ctx);
        const kk = parseKk(input, ctx);
        expect(kk.ok).toBe(nik.ok && nik.sex === 'L');
        if (kk.ok && nik.ok) expect(kk.registrationDate).toBe(nik.birthDate);
      }),
      { numRuns: 1000 },
    );
  });
});
