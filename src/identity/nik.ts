/**
 * NIK (Nomor Induk Kependudukan) and KK (Kartu Keluarga) numbers.
 *
 * Both are 16 digits, `PP KK CC DDMMYY SSSS`: the Kemendagri province, regency and district
 * (kecamatan) codes of the issuing office, a date, and a serial from 0001. For a NIK the date is
 * the birth date with 40 added to the day for women; for a KK it is the registration date, never
 * +40. There is no check digit, so validation means checking each part is plausible.
 *
 * Numbers are strings throughout: a leading zero is not possible today (province codes start at
 * 11) but a 16-digit number is beyond what a JS number holds exactly.
 */
import type { RegionLookup } from '../regions/region-lookup.js';
import { formatIsoDate, isRealDate, parseIsoDate, type IsoDate } from './calendar-date.js';

export const NIK_ERROR_CODES = [
  'format', // not 16 digits after removing spaces, dots and dashes
  'province_unknown', // the first 2 digits are not an Indonesian province (00, 99, …)
  'day_invalid', // NIK: not 01-31 or 41-71; KK: not 01-31
  'month_invalid', // not 01-12
  'date_invalid', // day and month in range but no such calendar day (30 Feb, 29 Feb 2023)
  'serial_zero', // serial 0000
] as const;
export type NikErrorCode = (typeof NIK_ERROR_CODES)[number];

/**
 * `region_unknown`: the province exists but the dataset has no such regency/district. Regions
 * split (a NIK issued before the split keeps the old code for life) and people move in from
 * everywhere, so the officer checks it against the KK instead of the applicant being refused.
 */
export const NIK_WARNING_CODES = ['region_unknown', 'birth_date_mismatch', 'sex_mismatch'] as const;
export type NikWarningCode = (typeof NIK_WARNING_CODES)[number];

/**
 * Kemendagri province codes (Permendagri 58/2021 and the 2022 Papua provinces). Fixed by law, so
 * a list here rather than the dataset: a NIK from a province the dataset lacks is still refused.
 */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15', '16', '17', '18', '19', '21', // Sumatra, Riau Islands
  '31', '32', '33', '34', '35', '36', // Java
  '51', '52', '53', // Bali, Nusa Tenggara
  '61', '62', '63', '64', '65', // Kalimantan
  '71', '72', '73', '74', '75', '76', // Sulawesi
  '81', '82', // Maluku
  '91', '92', '93', '94', '95', '96', // Papua (93–96 since 2022)
]);

/** L = laki-laki (male), P = perempuan (female), as on the KTP. */
export type Sex = 'L' | 'P';

export interface NikContext {
  readonly regions: RegionLookup;
  /** The office's current calendar date; it decides the century of the two-digit year. */
  readonly today: IsoDate;
}

export interface ValidNik {
  readonly ok: true;
  readonly nik: string; // 16 digits, normalised
  readonly districtCode: string; // "33.02.20"
  /**
   * Best reading of the birth date. The NIK holds only two year digits, so someone aged 100 or
   * more reads as a century younger; compareWithDeclared allows for that.
   */
  readonly birthDate: IsoDate;
  readonly sex: Sex;
  readonly serial: string; // "0001"
  /** For the officer, never a refusal: `region_unknown` (see NIK_WARNING_CODES). */
  readonly warnings: readonly NikWarningCode[];
}

export interface ValidKk {
  readonly ok: true;
  readonly kk: string;
  readonly districtCode: string;
  readonly registrationDate: IsoDate;
  readonly serial: string;
  readonly warnings: readonly NikWarningCode[];
}

export interface InvalidNumber {
  readonly ok: false;
  readonly errors: readonly NikErrorCode[];
}

export type NikParseResult = ValidNik | InvalidNumber;
export type KkParseResult = ValidKk | InvalidNumber;

/** Removes what people type between digit groups ("3302 2001 0190 0001", "33.02.20…"). */
export function normaliseNikInput(input: string): string {
  return input.replace(/[\s.\-]/g, '');
}

interface Layout {
  readonly number: string;
  readonly districtCode: string;
  readonly date: IsoDate;
  readonly dayOffset: 0 | 40;
  readonly serial: string;
  readonly regionKnown: boolean;
}

/**
 * The century is the latest that does not put the date after `today`: a NIK dated "010130" read on
 * 2026-06-01 is 1930, read on 2030-01-01 it is 2030 (a newborn). Decided on (month, day) before
 * checking the date is real, so "290200" can resolve to 2000 (a leap year) and be valid.
 */
function fullYear(yy: number, month: number, day: number, today: IsoDate): number {
  const now = parseIsoDate(today);
  if (!now) throw new RangeError(`today must be a real calendar date 'YYYY-MM-DD', got '${today}'`);
  let year = Math.floor(now.year / 100) * 100 + yy;
  const laterThisCentury = year > now.year || (year === now.year && (month > now.month || (month === now.month && day > now.day)));
  if (laterThisCentury) year -= 100;
  return year;
}

function parseLayout(input: string, context: NikContext, femaleOffsetAllowed: boolean): Layout | InvalidNumber {
  const number = normaliseNikInput(input);
  if (!/^\d{16}$/.test(number)) return { ok: false, errors: ['format'] };

  const errors: NikErrorCode[] = [];
  const districtCode = `${number.slice(0, 2)}.${number.slice(2, 4)}.${number.slice(4, 6)}`;
  if (!PROVINCE_CODES.has(number.slice(0, 2))) errors.push('province_unknown');
  const regionKnown = context.regions.isKnownDistrict(districtCode);

  const rawDay = Number(number.slice(6, 8));
  const month = Number(number.slice(8, 10));
  const yy = Number(number.slice(10, 12));
  const dayOffset = femaleOffsetAllowed && rawDay >= 41 ? 40 : 0;
  const day = rawDay - dayOffset;
  const dayInRange = day >= 1 && day <= 31;
  if (!dayInRange) errors.push('day_invalid');
  if (month < 1 || month > 12) errors.push('month_invalid');

  let date = '';
  if (dayInRange && month >= 1 && month <= 12) {
    const year = fullYear(yy, month, day, context.today);
    if (isRealDate(year, month, day)) date = formatIsoDate({ year, month, day });
    else errors.push('date_invalid');
  }

  const serial = number.slice(12, 16);
  if (serial === '0000') errors.push('serial_zero');

  if (errors.length > 0) return { ok: false, errors };
  return { number, districtCode, date, dayOffset, serial, regionKnown };
}

export function parseNik(input: string, context: NikContext): NikParseResult {
  const layout = parseLayout(input, context, true);
  if ('ok' in layout) return layout;
  return {
    ok: true,
    nik: layout.number,
    districtCode: layout.districtCode,
    birthDate: layout.date,
    sex: layout.dayOffset === 40 ? 'P' : 'L',
    serial: layout.serial,
    warnings: layout.regionKnown ? [] : ['region_unknown'],
  };
}

/** A KK number: same layout, but the date is when the family card was registered, never +40. */
export function parseKk(input: string, context: NikContext): KkParseResult {
  const layout = parseLayout(input, context, false);
  if ('ok' in layout) return layout;
  return {
    ok: true,
    kk: layout.number,
    districtCode: layout.districtCode,
    registrationDate: layout.date,
    serial: layout.serial,
    warnings: layout.regionKnown ? [] : ['region_unknown'],
  };
}

export interface DeclaredIdentity {
  readonly birthDate?: IsoDate | undefined;
  readonly sex?: Sex | undefined;
}

/**
 * Compares what the NIK encodes with what the applicant wrote on the form.
 *
 * A disagreement is a warning for the officer, never a reason to reject: a NIK is never re-issued,
 * so when a birth date or sex is later corrected in the population register (by court order or a
 * data fix) the old digits stay, and the form may well be the correct one.
 *
 * Birth dates are compared on the digits the NIK actually holds (YY-MM-DD): a 100-year-old's
 * declared 1925 birth date agrees with a NIK we can only read as 2025.
 */
export function compareWithDeclared(parsed: ValidNik, declared: DeclaredIdentity): NikWarningCode[] {
  const warnings: NikWarningCode[] = [...parsed.warnings];
  if (declared.birthDate !== undefined && declared.birthDate.slice(-8) !== parsed.birthDate.slice(-8)) {
    warnings.push('birth_date_mismatch');
  }
  if (declared.sex !== undefined && declared.sex !== parsed.sex) warnings.push('sex_mismatch');
  return warnings;
}

