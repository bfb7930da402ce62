/**
 * Calendar dates as plain 'YYYY-MM-DD' strings.
 *
 * Birth dates, registration dates and card expiry dates are calendar days in the office's local
 * time, not instants. Going through `Date` in local time would shift them by a day depending on the
 * server's time zone, so everything here is integer arithmetic on year/month/day; the only `Date`
 * use is `Date.UTC` for day counting, which has no zone.
 */

/** A calendar date, 'YYYY-MM-DD' (four-digit year). */
export type IsoDate = string;

export interface CalendarDate {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number; // 1-31
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Parses 'YYYY-MM-DD'; undefined for anything else, including 2023-02-29. */
export function parseIsoDate(text: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return isRealDate(year, month, day) ? { year, month, day } : undefined;
}

export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== undefined;
}

export function formatIsoDate({ year, month, day }: CalendarDate): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Like parseIsoDate, but for dates the caller vouches for; a bad one is a programming error. */
export function requireIsoDate(text: string, what = 'date'): CalendarDate {
  const date = parseIsoDate(text);
  if (!date) throw new RangeError(`${what} must be a real calendar date 'YYYY-MM-DD', got '${text}'`);
  return date;
}

/** Negative, zero or positive like a comparator; well-formed ISO dates sort as strings. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = requireIsoDate(date);
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return formatIsoDate({
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  });
}

/**
 * The date on which someone born on `birthDate` turns `years` old.
 *
 * Someone born on 29 February reaches a new age on 1 March in a non-leap year: they have not yet
 * completed the full year on 28 February, so the age is reached at the start of 1 March. This is
 * the common legal practice; we found no Indonesian regulation (Permendagri 2/2016 or the adminduk
 * laws) that rules otherwise, so a "5 years" or "17 years" limit for such a child falls on 1 March.
 */
export function anniversary(birthDate: IsoDate, years: number): IsoDate {
  const { year, month, day } = requireIsoDate(birthDate, 'birth date');
  const target = year + years;
  if (month === 2 && day === 29 && !isLeapYear(target)) return formatIsoDate({ year: target, month: 3, day: 1 });
  return formatIsoDate({ year: target, month, day });
}

/** Completed years of age on `onDate` (0 on the day of birth). */
export function ageInYears(birthDate: IsoDate, onDate: IsoDate): number {
  const birth = requireIsoDate(birthDate, 'birth date');
  const on = requireIsoDate(onDate);
  let age = on.year - birth.year;
  if (compareIsoDates(anniversary(birthDate, age), onDate) > 0) age -= 1;
  return age;
}
