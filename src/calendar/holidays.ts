/**
 * Indonesian national holidays (libur nasional) and cuti bersama, as data per year.
 *
 * The authoritative list is the yearly SKB (joint decree) of the Ministers of Religious Affairs,
 * Manpower and PAN-RB, published around September for the next year. Years an admin has entered
 * are used as they are. For any other year we fall back to the `date-holidays` package's rules
 * for Indonesia — computation only, no I/O — and say the year is unconfirmed: the package has no
 * cuti bersama at all, and its lunar dates are estimates the government may shift by a day.
 */
import Holidays from 'date-holidays';
import type { Closure } from './calendar.js';

const libur = (date: string, name: string): Closure => ({ date, kind: 'libur_nasional', name });
const cuti = (date: string, name: string): Closure => ({ date, kind: 'cuti_bersama', name });

/** SKB 3 Menteri on 2026 holidays and cuti bersama (September 2025). */
export const HOLIDAYS_2026: readonly Closure[] = [
  libur('2026-01-01', 'Tahun Baru 2026 Masehi'),
  libur('2026-01-16', 'Isra Mikraj Nabi Muhammad SAW'),
  cuti('2026-02-16', 'Cuti Bersama Tahun Baru Imlek 2577 Kongzili'),
  libur('2026-02-17', 'Tahun Baru Imlek 2577 Kongzili'),
  cuti('2026-03-18', 'Cuti Bersama Hari Suci Nyepi Tahun Baru Saka 1948'),
  libur('2026-03-19', 'Hari Suci Nyepi Tahun Baru Saka 1948'),
  cuti('2026-03-20', 'Cuti Bersama Idulfitri 1447 Hijriah'),
  libur('2026-03-21', 'Idulfitri 1447 Hijriah'),
  libur('2026-03-22', 'Idulfitri 1447 Hijriah'),
  cuti('2026-03-23', 'Cuti Bersama Idulfitri 1447 Hijriah'),
  cuti('2026-03-24', 'Cuti Bersama Idulfitri 1447 Hijriah'),
  libur('2026-04-03', 'Wafat Yesus Kristus'),
  libur('2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)'),
  libur('2026-05-01', 'Hari Buruh Internasional'),
  libur('2026-05-14', 'Kenaikan Yesus Kristus'),
  cuti('2026-05-15', 'Cuti Bersama Kenaikan Yesus Kristus'),
  libur('2026-05-27', 'Iduladha 1447 Hijriah'),
  cuti('2026-05-28', 'Cuti Bersama Iduladha 1447 Hijriah'),
  libur('2026-05-31', 'Hari Raya Waisak 2570 BE'),
  libur('2026-06-01', 'Hari Lahir Pancasila'),
  libur('2026-06-16', 'Tahun Baru Islam 1448 Hijriah'),
  libur('2026-08-17', 'Proklamasi Kemerdekaan Republik Indonesia'),
  libur('2026-08-25', 'Maulid Nabi Muhammad SAW'),
  cuti('2026-12-24', 'Cuti Bersama Kelahiran Yesus Kristus (Natal)'),
  libur('2026-12-25', 'Kelahiran Yesus Kristus (Natal)'),
];

/** Year → confirmed closures. The shipped data; admins' entries come from storage on top. */
export type EnteredHolidayYears = Readonly<Record<number, readonly Closure[]>>;
export const ENTERED_HOLIDAY_YEARS: EnteredHolidayYears = { 2026: HOLIDAYS_2026 };

export interface HolidayYear {
  readonly year: number;
  /** false: computed by the fallback; an admin must check it against the year's SKB. */
  readonly confirmed: boolean;
  readonly source: 'entered' | 'date-holidays';
  readonly closures: readonly Closure[];
  /** Why the year needs confirming (English; the UI translates by `confirmed`), or null. */
  readonly note: string | null;
}

/**
 * Names in the SKB's wording, keyed by the package's rule. The package names 27 Rajab (Isra
 * Mikraj) "Maulid Nabi Muhammad", which would put two Maulids in one year; the rule is right.
 */
const NAMES_BY_RULE: Readonly<Record<string, string>> = {
  '01-01': 'Tahun Baru Masehi',
  '27 Rajab': 'Isra Mikraj Nabi Muhammad SAW',
  'chinese 01-0-01': 'Tahun Baru Imlek',
  '1 Shawwal': 'Idulfitri',
  '2 Shawwal': 'Idulfitri',
  'easter -2': 'Wafat Yesus Kristus',
  '05-01': 'Hari Buruh Internasional',
  'easter 39': 'Kenaikan Yesus Kristus',
  '10 Dhu al-Hijjah': 'Iduladha',
  '06-01': 'Hari Lahir Pancasila',
  '1 Muharram': 'Tahun Baru Islam',
  '08-17': 'Proklamasi Kemerdekaan Republik Indonesia',
  '12 Rabi al-awwal': 'Maulid Nabi Muhammad SAW',
  '12-25': 'Kelahiran Yesus Kristus (Natal)',
};

/** The package carries Nyepi and Waisak only as listed dates, which run out after a few years. */
const LISTED_ONLY = [
  { pattern: /nyepi/i, name: 'Hari Suci Nyepi' },
  { pattern: /waisak/i, name: 'Hari Raya Waisak' },
];

let indonesia: Holidays | undefined;

/**
 * The closures for `year`: the entered list when there is one (confirmed), otherwise the
 * package's Indonesian public holidays (unconfirmed, no cuti bersama).
 */
export function holidaysForYear(year: number, enteredYears: EnteredHolidayYears = ENTERED_HOLIDAY_YEARS): HolidayYear {
  if (!Number.isInteger(year) || year < 1970 || year > 9999) {
    throw new RangeError(`year must be a four-digit year from 1970, got ${year}`);
  }
  const entered = enteredYears[year];
  if (entered) {
    const stray = entered.find((c) => !c.date.startsWith(`${year}-`));
    if (stray) throw new RangeError(`closure '${stray.name}' on ${stray.date} is filed under year ${year}`);
    return { year, confirmed: true, source: 'entered', closures: entered, note: null };
  }

  indonesia ??= new Holidays('ID');
  const closures = indonesia
    .getHolidays(year, 'id')
    .filter((h) => h.type === 'public')
    // Lunar dates come as e.g. "2027-03-09 00:00:00 -0600" (the package's way of starting them
    // at the previous sunset); the calendar date is the part before the time.
    .map((h) => libur(h.date.slice(0, 10), NAMES_BY_RULE[h.rule] ?? h.name))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const missing = LISTED_ONLY.filter((l) => !closures.some((c) => l.pattern.test(c.name))).map((l) => l.name);
  const note = [
    `The ${year} holidays are not confirmed: computed by the date-holidays package, not taken from the SKB 3 Menteri.`,
    'Cuti bersama are unknown and not included.',
    'Islamic holiday dates are estimates and may differ by a day.',
    ...(missing.length > 0 ? [`Missing and to be entered: ${missing.join(', ')}.`] : []),
  ].join(' ');
  return { year, confirmed: false, source: 'date-holidays', closures, note };
}

/** Where an office's list for a year comes from: the shipped SKB, its own confirmed entries, or the estimate. */
export type HolidayListInForce = 'shipped' | 'office' | 'estimate';

export interface OfficeHolidayYear {
  readonly year: number;
  readonly confirmed: boolean;
  readonly inForce: HolidayListInForce;
  /** Exactly the libur nasional and cuti bersama the office's calendar closes on that year. */
  readonly closures: readonly Closure[];
}

const isNational = (c: Closure) => c.kind === 'libur_nasional' || c.kind === 'cuti_bersama';
const byDate = (a: Closure, b: Closure) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0);

/**
 * An office's national holidays and cuti bersama for `year`, given the closures its admin entered
 * (any year, any kind: only that year's national ones are used) and whether it confirmed the year.
 *
 * - A shipped year stays as shipped; entries of that year are additions on top (a cuti bersama
 *   the government adds mid-year).
 * - A year the office confirmed is exactly its entered list: the estimate's dates are dropped,
 *   since the SKB may have moved a lunar holiday by a day.
 * - Any other year is the estimate plus the entries, which count from the moment they are entered.
 *
 * An entry on the same date and kind as a listed holiday replaces it (its name is the SKB's).
 */
export function officeHolidayYear(
  year: number,
  entered: readonly Closure[],
  officeConfirmed: boolean,
  shipped: EnteredHolidayYears = ENTERED_HOLIDAY_YEARS,
): OfficeHolidayYear {
  const own = entered.filter((c) => isNational(c) && c.date.startsWith(`${year}-`));
  const merge = (listed: readonly Closure[]) => {
    const keys = new Set(own.map((c) => `${c.date}|${c.kind}`));
    return [...listed.filter((c) => !keys.has(`${c.date}|${c.kind}`)), ...own].sort(byDate);
  };
  if (shipped[year]) return { year, confirmed: true, inForce: 'shipped', closures: merge(holidaysForYear(year, shipped).closures) };
  if (officeConfirmed) return { year, confirmed: true, inForce: 'office', closures: [...own].sort(byDate) };
  return { year, confirmed: false, inForce: 'estimate', closures: merge(holidaysForYear(year, shipped).closures) };
}
