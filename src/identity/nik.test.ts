import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRegions } from '../regions/regions.js';
import { addDays, isLeapYear } from './calendar-date.js';
import { compareWithDeclared, parseKk, parseNik, PROVINCE_CODES, type NikContext, type Sex, type ValidNik } from './nik.js';

const regions = loadRegions();
const districtDigits = regions
  .provinces()
  .flatMap((p) => regions.regenciesOfProvince(p.code))
  .flatMap((r) => regions.districtsOfRegency(r.code))
  .map((d) => d.code.replaceAll('.', ''));
const knownDistricts = new Set(districtDigits);

const TODAY = '2026-06-15';
const context: NikContext = { regions, today: TODAY };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Assembles `PP KK CC DDMMYY SSSS` from parts; `dayOffset` 40 marks a woman on a NIK. */
function assemble(district: string, isoDate: string, dayOffset: 0 | 40, serial: number): string {
  const [year, month, day] = isoDate.split('-');
  return `${district}${pad(Number(day) + dayOffset)}${month}${year!.slice(2)}${pad(serial, 4)}`;
}

function expectValid(input: string, ctx: NikContext = context): ValidNik {
  const result = parseNik(input, ctx);
  if (!result.ok) throw new Error(`expected ${input} to be valid, got ${result.errors.join(', ')}`);
  return result;
}

const district = fc.constantFrom(...districtDigits);
const sex = fc.constantFrom<Sex>('L', 'P');
const serial = fc.integer({ min: 1, max: 9999 });
// Any "today" this system will plausibly see, and a date within the 100 years before it (the
// two-digit year cannot tell further back apart; 36523 days is under 100 years for every span).
const today = fc.integer({ min: 0, max: 36_500 }).map((n) => addDays('2000-01-01', n));
const todayAndPastDate = today.chain((t) =>
  fc.integer({ min: 0, max: 36_523 }).map((back) => ({ today: t, date: addDays(t, -back) })),
);
/** Inserts the separators people type: "3302 2057 0895 0003", "33.02.20…". */
const typedWithSeparators = (digits: string) =>
  fc
    .array(fc.tuple(fc.integer({ min: 0, max: 16 }), fc.constantFrom(' ', '.', '-', '  ')), { maxLength: 5 })
    .map((cuts) =>
      [...cuts]
        .sort((a, b) => b[0] - a[0])
        .reduce((text, [at, sep]) => text.slice(0, at) + sep + text.slice(at), digits),
    );

describe('NIK: valid numbers (property-based)', () => {
  it('parse and give back the district, birth date, sex and serial they were built from', () => {
    fc.assert(
      fc.property(district, todayAndPastDate, sex, serial, (d, { today: t, date }, s, n) => {
        const nik = assemble(d, date, s === 'P' ? 40 : 0, n);
        const parsed = expectValid(nik, { regions, today: t });
        expect(parsed).toEqual({
          ok: true,
          nik,
          districtCode: `${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4, 6)}`,
          birthDate: date,
          sex: s,
          serial: pad(n, 4),
          warnings: [],
        });
        expect(compareWithDeclared(parsed, { birthDate: date, sex: s })).toEqual([]);
      }),
    );
  });

  it('read the same with spaces, dots or dashes typed between the digits', () => {
    const nikArb = fc
      .tuple(district, todayAndPastDate, sex, serial)
      .map(([d, { date }, s, n]) => assemble(d, date, s === 'P' ? 40 : 0, n));
    fc.assert(
      fc.property(nikArb.chain((nik) => fc.tuple(fc.constant(nik), typedWithSeparators(nik))), ([nik, typed]) => {
        expect(parseNik(typed, context)).toEqual(parseNik(nik, context));
      }),
    );
  });

  it('29 February parses in leap years for both sexes', () => {
    const leapYear = fc.integer({ min: 1927, max: 2024 }).filter(isLeapYear);
    fc.assert(
      fc.property(district, leapYear, sex, serial, (d, y, s, n) => {
        const parsed = expectValid(assemble(d, `${y}-02-29`, s === 'P' ? 40 : 0, n));
        expect(parsed.birthDate).toBe(`${y}-02-29`);
        expect(parsed.sex).toBe(s);
      }),
    );
  });
});

describe('NIK: invalid numbers (property-based)', () => {
  // A valid base the generators break in one place.
  const base = fc.tuple(district, todayAndPastDate.map((x) => x.date), sex, serial);

  it('a day outside 01-31 and 41-71 is day_invalid', () => {
    const badDay = fc.oneof(fc.constant(0), fc.integer({ min: 32, max: 40 }), fc.integer({ min: 72, max: 99 }));
    fc.assert(
      fc.property(base, badDay, ([d, date, , n], day) => {
        const nik = assemble(d, date, 0, n);
        const broken = nik.slice(0, 6) + pad(day) + nik.slice(8);
        expect(parseNik(broken, context)).toEqual({ ok: false, errors: ['day_invalid'] });
      }),
    );
  });

  it('a month outside 01-12 is month_invalid', () => {
    const badMonth = fc.oneof(fc.constant(0), fc.integer({ min: 13, max: 99 }));
    fc.assert(
      fc.property(base, badMonth, ([d, date, s, n], month) => {
        const nik = assemble(d, date, s === 'P' ? 40 : 0, n);
        const broken = nik.slice(0, 8) + pad(month) + nik.slice(10);
        expect(parseNik(broken, context)).toEqual({ ok: false, errors: ['month_invalid'] });
      }),
    );
  });

  it('days that do not exist (30-31 Feb, 31 Apr/Jun/Sep/Nov) are date_invalid', () => {
    const missingDay = fc.constantFrom([2, 30], [2, 31], [4, 31], [6, 31], [9, 31], [11, 31]);
    fc.assert(
      fc.property(district, missingDay, fc.integer({ min: 0, max: 99 }), sex, serial, (d, [m, day], yy, s, n) => {
        const nik = `${d}${pad(day! + (s === 'P' ? 40 : 0))}${pad(m!)}${pad(yy)}${pad(n, 4)}`;
        expect(parseNik(nik, context)).toEqual({ ok: false, errors: ['date_invalid'] });
      }),
    );
  });

  it('29 February in a non-leap year is date_invalid', () => {
    // With today 2026-06-15, "yy" is 20yy up to 26 and 19yy above: leap exactly when yy % 4 === 0.
    const nonLeapYy = fc.integer({ min: 0, max: 99 }).filter((yy) => yy % 4 !== 0);
    fc.assert(
      fc.property(district, nonLeapYy, sex, serial, (d, yy, s, n) => {
        const nik = `${d}${s === 'P' ? '69' : '29'}02${pad(yy)}${pad(n, 4)}`;
        expect(parseNik(nik, context)).toEqual({ ok: false, errors: ['date_invalid'] });
      }),
    );
  });

  it('serial 0000 is serial_zero', () => {
    fc.assert(
      fc.property(base, ([d, date, s]) => {
        const nik = assemble(d, date, s === 'P' ? 40 : 0, 0);
        expect(parseNik(nik, context)).toEqual({ ok: false, errors: ['serial_zero'] });
      }),
    );
  });

  it('a province that does not exist is province_unknown, a refusal', () => {
    const noProvince = fc
      .integer({ min: 0, max: 999_999 })
      .map((n) => pad(n, 6))
      .filter((code) => !PROVINCE_CODES.has(code.slice(0, 2)));
    fc.assert(
      fc.property(base, noProvince, ([, date, s, n], code) => {
        const nik = assemble(code, date, s === 'P' ? 40 : 0, n);
        expect(parseNik(nik, context)).toEqual({ ok: false, errors: ['province_unknown'] });
      }),
    );
  });

  it('a district the dataset does not know in a real province is valid, with region_unknown for the officer', () => {
    const unknownDistrict = fc
      .integer({ min: 0, max: 999_999 })
      .map((n) => pad(n, 6))
      .filter((code) => PROVINCE_CODES.has(code.slice(0, 2)) && !knownDistricts.has(code));
    fc.assert(
      fc.property(base, unknownDistrict, ([, date, s, n], code) => {
        const nik = assemble(code, date, s === 'P' ? 40 : 0, n);
        expect(parseNik(nik, context)).toMatchObject({ ok: true, warnings: ['region_unknown'] });
      }),
    );
  });

  it('knows exactly the Indonesian provinces of the region dataset', () => {
    expect([...PROVINCE_CODES].sort()).toEqual(regions.provinces().map((p) => p.code).sort());
  });

  it('anything but 16 digits is format', () => {
    const digits = (min: number, max: number) =>
      fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((a) => a.join(''));
    const wrongLength = fc.oneof(digits(0, 15), digits(17, 24));
    const withLetter = fc
      .tuple(base, fc.integer({ min: 0, max: 15 }), fc.constantFrom('O', 'l', 'I', 'a', 'x', '/', '+'))
      .map(([[d, date, s, n], at, ch]) => {
        const nik = assemble(d, date, s === 'P' ? 40 : 0, n);
        return nik.slice(0, at) + ch + nik.slice(at + 1);
      });
    fc.assert(
      fc.property(fc.oneof(wrongLength, withLetter), (input) => {
        expect(parseNik(input, context)).toEqual({ ok: false, errors: ['format'] });
        expect(parseKk(input, context)).toEqual({ ok: false, errors: ['format'] });
      }),
    );
  });
});

describe('KK numbers (property-based)', () => {
  it('parse with the registration date and no sex', () => {
    fc.assert(
      fc.property(district, todayAndPastDate, serial, (d, { today: t, date }, n) => {
        const kk = assemble(d, date, 0, n);
        expect(parseKk(kk, { regions, today: t })).toEqual({
          ok: true,
          kk,
          districtCode: `${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4, 6)}`,
          registrationDate: date,
          serial: pad(n, 4),
          warnings: [],
        });
      }),
    );
  });

  it('a day of 41-71 is day_invalid: the +40 is for women on a NIK only', () => {
    fc.assert(
      fc.property(district, todayAndPastDate, serial, (d, { date }, n) => {
        const kk = assemble(d, date, 40, n);
        expect(parseKk(kk, context)).toEqual({ ok: false, errors: ['day_invalid'] });
      }),
    );
  });
});

describe('NIK: examples', () => {
  it('reads a woman from Kembaran born 17 August 1995', () => {
    expect(parseNik('3302205708950003', context)).toEqual({
      ok: true,
      nik: '3302205708950003',
      districtCode: '33.02.20',
      birthDate: '1995-08-17',
      sex: 'P',
      serial: '0003',
      warnings: [],
    });
    expect(regions.placeOfDistrict('33.02.20')?.districtName).toBe('Kembaran');
  });

  it('tolerates how people type it', () => {
    for (const typed of ['3302 2057 0895 0003', '33.02.20.570895.0003', ' 330220-570895-0003 ']) {
      expect(parseNik(typed, context)).toMatchObject({ ok: true, nik: '3302205708950003' });
    }
  });

  it('takes the latest century that is not in the future', () => {
    const nik = '3302200101300001'; // 1 January '30
    expect(expectValid(nik, { regions, today: '2026-06-15' }).birthDate).toBe('1930-01-01');
    expect(expectValid(nik, { regions, today: '2029-12-31' }).birthDate).toBe('1930-01-01');
    expect(expectValid(nik, { regions, today: '2030-01-01' }).birthDate).toBe('2030-01-01');
    expect(expectValid('3302201506260001').birthDate).toBe('2026-06-15'); // born today
    expect(expectValid('3302201606260001').birthDate).toBe('1926-06-16'); // tomorrow, so a century back
  });

  it('knows 2000 was a leap year and 2100 will not be', () => {
    expect(expectValid('3302202902000001').birthDate).toBe('2000-02-29');
    expect(parseNik('3302202902000001', { regions, today: '2100-03-01' })).toEqual({
      ok: false,
      errors: ['date_invalid'],
    });
  });

  it('reports every fault at once so the applicant can fix them together', () => {
    expect(parseNik('9999994013000000', context)).toEqual({
      ok: false,
      errors: ['province_unknown', 'day_invalid', 'month_invalid', 'serial_zero'],
    });
  });

  it('refuses a "today" that is not a calendar date (a programming error)', () => {
    expect(() => parseNik('3302205708950003', { regions, today: '15/06/2026' })).toThrow(RangeError);
  });
});

describe('compareWithDeclared', () => {
  const woman1995 = expectValid('3302205708950003');

  it('warns, not fails, when the form disagrees with the NIK', () => {
    expect(compareWithDeclared(woman1995, { birthDate: '1995-08-18', sex: 'L' })).toEqual([
      'birth_date_mismatch',
      'sex_mismatch',
    ]);
    expect(compareWithDeclared(woman1995, { sex: 'L' })).toEqual(['sex_mismatch']);
  });

  it('says nothing when the form agrees or is silent', () => {
    expect(compareWithDeclared(woman1995, { birthDate: '1995-08-17', sex: 'P' })).toEqual([]);
    expect(compareWithDeclared(woman1995, {})).toEqual([]);
  });

  it('does not blame the century the NIK cannot encode (applicants aged 100+)', () => {
    const parsed = expectValid('3302200101260001'); // read as 2026-01-01
    expect(compareWithDeclared(parsed, { birthDate: '1926-01-01' })).toEqual([]);
    expect(compareWithDeclared(parsed, { birthDate: '1926-01-02' })).toEqual(['birth_date_mismatch']);
  });
});

describe('a table of NIKs an officer meets (read on 15 June 2026)', () => {
  it.each([
    // [what, NIK, result]
    ['a boy born on 29 February 2024', '3302202902240001', { ok: true, birthDate: '2024-02-29', sex: 'L', warnings: [] }],
    ['a girl born on 29 February 2024 (day 29 + 40)', '3302206902240001', { ok: true, birthDate: '2024-02-29', sex: 'P', warnings: [] }],
    ['29 February of a year that had none', '3302202902230001', { ok: false, errors: ['date_invalid'] }],
    ['day 41: a girl born on the 1st', '3302204101100001', { ok: true, birthDate: '2010-01-01', sex: 'P', warnings: [] }],
    ['day 71: a girl born on the 31st', '3302207112050001', { ok: true, birthDate: '2005-12-31', sex: 'P', warnings: [] }],
    ['day 72: no such day even for a girl', '3302207212050001', { ok: false, errors: ['day_invalid'] }],
    ['day 32: no such day for a boy', '3302203212050001', { ok: false, errors: ['day_invalid'] }],
    ['day 71 in a 30-day month', '3302207111050001', { ok: false, errors: ['date_invalid'] }],
    // Kecamatan Merauke was 91.01.01 until Papua Selatan split off in 2022 (now 93.01.01); the NIK keeps the old code for life.
    ['a pre-split region code (Merauke, Papua before 2022)', '9101011505900001', { ok: true, birthDate: '1990-05-15', districtCode: '91.01.01', warnings: ['region_unknown'] }],
    ['the same kecamatan under its new code', '9301011505900001', { ok: true, birthDate: '1990-05-15', warnings: [] }],
    ['province 00', '0001011505900001', { ok: false, errors: ['province_unknown'] }],
    ['province 99', '9901011505900001', { ok: false, errors: ['province_unknown'] }],
    ['province 54 (Timor Timur, no longer Indonesian)', '5401011505900001', { ok: false, errors: ['province_unknown'] }],
  ] as const)('%s: %s', (_what, nik, result) => {
    expect(parseNik(nik, context)).toMatchObject(result);
  });

  it('a KK number from a pre-split region is read with the same warning', () => {
    expect(parseKk('9101011005200001', context)).toMatchObject({ ok: true, warnings: ['region_unknown'] });
    expect(parseKk('9901011005200001', context)).toEqual({ ok: false, errors: ['province_unknown'] });
  });

  it('carries region_unknown into what the officer is warned about, beside any mismatch with the form', () => {
    const parsed = expectValid('9101011505900001');
    expect(compareWithDeclared(parsed, { birthDate: '1990-05-16', sex: 'L' })).toEqual(['region_unknown', 'birth_date_mismatch']);
  });
});
