/** Pure display helpers: phone links, opening hours, region names. */
import type { Interval, IsoWeekday, Lang } from './types.js';

export const ISO_WEEKDAYS: IsoWeekday[] = ['1', '2', '3', '4', '5', '6', '7'];

/**
 * `https://wa.me/62…` for an Indonesian number written any usual way
 * (0851…, +62 851…, 62-851…, 851…); undefined when there are too few digits to be a number.
 */
export function whatsappLink(number: string): string | undefined {
  let digits = number.replace(/\D/g, '');
  if (digits.startsWith('0')) digits = `62${digits.slice(1)}`;
  else if (digits.startsWith('8')) digits = `62${digits}`;
  return digits.length >= 9 ? `https://wa.me/${digits}` : undefined;
}

export function telLink(number: string): string {
  return `tel:${number.replace(/[^\d+]/g, '')}`;
}

export function instagramLink(handle: string): string {
  return `https://www.instagram.com/${encodeURIComponent(handle.replace(/^@/, '').trim())}/`;
}

/** Indonesia's three time zones by their everyday names. */
export function timezoneLabel(timezone: string): string {
  switch (timezone) {
    case 'Asia/Jakarta':
    case 'Asia/Pontianak':
      return 'WIB';
    case 'Asia/Makassar':
      return 'WITA';
    case 'Asia/Jayapura':
      return 'WIT';
    default:
      return timezone;
  }
}

/** "07:15" → "07.15" in Indonesian (the PUEBI way of writing times), unchanged in English. */
export function formatTime(hhmm: string, lang: Lang): string {
  return lang === 'id' ? hhmm.replace(':', '.') : hhmm;
}

/** "07.15–15.30 WIB", or with a break "07.15–12.00, 13.00–15.30 WIB"; undefined when closed. */
export function formatIntervals(intervals: Interval[] | undefined, lang: Lang, zone: string): string | undefined {
  if (!intervals || intervals.length === 0) return undefined;
  const ranges = intervals.map((i) => `${formatTime(i.open, lang)}–${formatTime(i.close, lang)}`);
  return `${ranges.join(', ')} ${zone}`;
}

/** Today's ISO weekday in the office's time zone (a phone may be set to another zone). */
export function isoWeekdayIn(timezone: string, now: Date = new Date()): IsoWeekday {
  const names = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  let name: string;
  try {
    name = new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone: timezone }).format(now);
  } catch {
    name = names[(now.getDay() + 6) % 7]!;
  }
  return ISO_WEEKDAYS[Math.max(0, names.indexOf(name))]!;
}

const ACRONYMS = new Set(['DKI', 'DI']);

/**
 * The region dataset writes regencies and provinces in capitals ("KABUPATEN BANYUMAS"); people
 * read "Kabupaten Banyumas". Names already in mixed case are left as they are.
 */
export function regionName(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name
    .split(/(\s+|-)/)
    .map((word) => (ACRONYMS.has(word) ? word : word.charAt(0) + word.slice(1).toLowerCase()))
    .join('');
}

/** Today's date (YYYY-MM-DD) in the office's time zone. */
export function officeToday(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
