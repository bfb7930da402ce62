import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, ageInYears, anniversary, compareIsoDates } from './calendar-date.js';
import { kiaEligibility, kiaExpiry, kiaVariantFor } from './kia.js';

describe('KIA variant by age on the application date', () => {
  const birthDate = '2020-06-15';

  it('is under5 up to the day before the 5th birthday, age5to17 from it', () => {
    expect(kiaVariantFor(birthDate, '2020-06-15')).toBe('under5'); // the day of birth
    expect(kiaVariantFor(birthDate, '2025-06-14')).toBe('under5');
    expect(kiaVariantFor(birthDate, '2025-06-15')).toBe('age5to17');
  });

  it('stops on the 17th birthday, and before birth', () => {
    expect(kiaVariantFor(birthDate, '2037-06-14')).toBe('age5to17');
    expect(kiaVariantFor(birthDate, '2037-06-15')).toBeUndefined();
    expect(kiaVariantFor(birthDate, '2020-06-14')).toBeUndefined();
  });
});

describe('KIA validity', () => {
  const birthDate = '2020-06-15';

  it('under5: no photo, valid through the 5th birthday', () => {
    expect(kiaExpiry({ birthDate, applicationDate: '2020-07-01' })).toEqual({
      variant: 'under5',
      photoRequired: false,
      validUntil: '2025-06-15',
      limitedBy: 'age',
    });
    expect(kiaExpiry({ birthDate, applicationDate: '2025-06-14' })?.validUntil).toBe('2025-06-15');
  });

  it('age5to17: photo, valid through the day before the 17th birthday', () => {
    const expected = { variant: 'age5to17', photoRequired: true, validUntil: '2037-06-14', limitedBy: 'age' };
    expect(kiaExpiry({ birthDate, applicationDate: '2025-06-15' })).toEqual(expected);
    expect(kiaExpiry({ birthDate, applicationDate: '2037-06-14' })).toEqual(expected);
    expect(kiaExpiry({ birthDate, applicationDate: '2037-06-15' })).toBeUndefined();
  });

  it('a foreign child with KITAP: until the permit ends if that is earlier', () => {
    const applicationDate = '2026-06-15';
    expect(kiaExpiry({ birthDate, applicationDate, kitapExpiry: '2027-12-31' })).toEqual({
      variant: 'age5to17',
      photoRequired: true,
      validUntil: '2027-12-31',
      limitedBy: 'residence_permit',
    });
    expect(kiaExpiry({ birthDate, applicationDate, kitapExpiry: '2040-01-01' })).toMatchObject({
      validUntil: '2037-06-14',
      limitedBy: 'age',
    });
    // Ending on the same day as the age limit: the age is what the card states.
    expect(kiaExpiry({ birthDate, applicationDate, kitapExpiry: '2037-06-14' })?.limitedBy).toBe('age');
    expect(kiaExpiry({ birthDate, applicationDate, kitapExpiry: applicationDate })?.validUntil).toBe(applicationDate);
    expect(kiaExpiry({ birthDate, applicationDate, kitapExpiry: '2026-06-14' })).toBeUndefined();
  });
});

describe('children born on 29 February reach each age on 1 March in non-leap years', () => {
  const birthDate = '2020-02-29';

  it('5th birthday is 2025-03-01', () => {
    expect(kiaVariantFor(birthDate, '2025-02-28')).toBe('under5');
    expect(kiaExpiry({ birthDate, applicationDate: '2025-02-28' })?.validUntil).toBe('2025-03-01');
    expect(kiaVariantFor(birthDate, '2025-03-01')).toBe('age5to17');
  });

  it('17th birthday is 2037-03-01, so the card runs through 2037-02-28', () => {
    expect(kiaExpiry({ birthDate, applicationDate: '2030-01-01' })?.validUntil).toBe('2037-02-28');
    expect(kiaVariantFor(birthDate, '2037-02-28')).toBe('age5to17');
    expect(kiaVariantFor(birthDate, '2037-03-01')).toBeUndefined();
  });

  it('in a leap year the birthday is 29 February itself', () => {
    expect(anniversary(birthDate, 4)).toBe('2024-02-29');
    expect(ageInYears(birthDate, '2024-02-28')).toBe(3);
    expect(ageInYears(birthDate, '2024-02-29')).toBe(4);
  });
});

describe('KIA eligibility', () => {
  const child = { birthDate: '2015-03-10', applicationDate: '2026-06-15', everMarried: false };

  it('a never-married child under 17 is eligible, with the card it gets', () => {
    expect(kiaEligibility(child)).toEqual({
      eligible: true,
      validity: { variant: 'age5to17', photoRequired: true, validUntil: '2032-03-09', limitedBy: 'age' },
    });
  });

  it('gives every reason a child is not eligible', () => {
    expect(kiaEligibility({ ...child, everMarried: true })).toEqual({ eligible: false, reasons: ['ever_married'] });
    expect(kiaEligibility({ ...child, applicationDate: '2032-03-10', everMarried: true })).toEqual({
      eligible: false,
      reasons: ['age_17_reached', 'ever_married'],
    });
    expect(kiaEligibility({ ...child, applicationDate: '2015-03-09' })).toEqual({
      eligible: false,
      reasons: ['not_yet_born'],
    });
    expect(kiaEligibility({ ...child, kitapExpiry: '2026-06-14' })).toEqual({
      eligible: false,
      reasons: ['residence_permit_expired'],
    });
  });

  it('refuses malformed dates as a programming error (the form validates them first)', () => {
    expect(() => kiaEligibility({ ...child, birthDate: '2015-02-29' })).toThrow(RangeError);
    expect(() => kiaVariantFor('2015-03-10', '15-06-2026')).toThrow(RangeError);
    expect(() => kiaExpiry({ ...child, kitapExpiry: '2030-13-01' })).toThrow(RangeError);
  });
});

describe('KIA rules hold for any dates (property-based)', () => {
  const date = fc.integer({ min: 0, max: 40_000 }).map((n) => addDays('1990-01-01', n));
  const kitap = fc.option(date, { nil: undefined });

  it('variant follows completed years; the card is valid on the application day and never past the permit', () => {
    fc.assert(
      fc.property(date, date, kitap, fc.boolean(), (birthDate, applicationDate, kitapExpiry, everMarried) => {
        const age = ageInYears(birthDate, applicationDate);
        const variant = kiaVariantFor(birthDate, applicationDate);
        const inAgeRange = compareIsoDates(applicationDate, birthDate) >= 0 && age < 17;
        expect(variant).toBe(!inAgeRange ? undefined : age < 5 ? 'under5' : 'age5to17');

        const eligibility = kiaEligibility({ birthDate, applicationDate, kitapExpiry, everMarried });
        const permitValid = kitapExpiry === undefined || compareIsoDates(kitapExpiry, applicationDate) >= 0;
        expect(eligibility.eligible).toBe(inAgeRange && !everMarried && permitValid);

        const validity = kiaExpiry({ birthDate, applicationDate, kitapExpiry });
        expect(validity !== undefined).toBe(inAgeRange && permitValid);
        if (validity) {
          expect(compareIsoDates(validity.validUntil, applicationDate)).toBeGreaterThanOrEqual(0);
          if (kitapExpiry) expect(compareIsoDates(validity.validUntil, kitapExpiry)).toBeLessThanOrEqual(0);
          // A child holding a valid age5to17 card is always still under 17 on its last day; when the
          // age limit (not an earlier residence permit) ends the card, that last day is at 16.
          const ageOnLastDay = ageInYears(birthDate, validity.validUntil);
          if (validity.variant === 'age5to17') {
            expect(ageOnLastDay).toBeLessThanOrEqual(16);
            if (validity.limitedBy === 'age') expect(ageOnLastDay).toBe(16);
          } else expect(ageOnLastDay).toBeLessThanOrEqual(5);
        }
      }),
    );
  });
});
