/**
 * The office's working calendar and the working-time arithmetic SLA clocks run on.
 *
 * Pure: no I/O and no system clock; every instant comes in as a parameter. Instants are `Date`s
 * (UTC underneath); calendar days and opening hours are the office's local wall-clock time.
 * Indonesia has had no daylight saving time since 1964, so each office zone is a fixed UTC offset
 * and all arithmetic here is plain integer maths, independent of the server's own time zone.
 */

/** Indonesian IANA zones: WIB (+07), WITA (+08), WIT (+09). Pontianak is WIB too. */
const UTC_OFFSET_MINUTES = {
  'Asia/Jakarta': 7 * 60,
  'Asia/Pontianak': 7 * 60,
  'Asia/Makassar': 8 * 60,
  'Asia/Jayapura': 9 * 60,
} as const;
export type OfficeTimeZone = keyof typeof UTC_OFFSET_MINUTES;

/** 1 = Monday … 7 = Sunday (ISO 8601), the same keys as the offices' `working_hours` column. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Local wall-clock times 'HH:MM'; `close` is the moment the counter closes (exclusive end). */
export interface OpeningInterval {
  readonly open: string;
  readonly close: string;
}

/** Weekday → opening intervals; a weekday that is missing or empty is closed. */
export type WeeklySchedule = Partial<Record<IsoWeekday, readonly OpeningInterval[]>>;

/**
 * Why the office is shut on a date: a national holiday and cuti bersama (both from the yearly SKB
 * 3 Menteri), or a closure the office itself decided (penutupan kantor: floods, elections, …).
 */
export type ClosureKind = 'libur_nasional' | 'cuti_bersama' | 'penutupan_kantor';

export interface Closure {
  readonly date: string; // 'YYYY-MM-DD', office-local
  readonly kind: ClosureKind;
  readonly name: string;
}

/**
 * A date range (inclusive) with its own weekly hours, e.g. Ramadan. Inside the range its schedule
 * replaces the normal one entirely: a weekday it does not list is closed.
 */
export interface SpecialPeriod {
  readonly name: string;
  readonly from: string;
  readonly to: string;
  readonly schedule: WeeklySchedule;
}

export interface WorkCalendarInput {
  readonly timeZone: string;
  readonly schedule: WeeklySchedule;
  readonly closures?: readonly Closure[];
  readonly specialPeriods?: readonly SpecialPeriod[];
}

export interface WorkCalendar {
  readonly timeZone: OfficeTimeZone;
  readonly utcOffsetMinutes: number;
  readonly schedule: Readonly<Record<IsoWeekday, readonly OpeningInterval[]>>;
  /** Several closures may share a date (a holiday the package lists twice, a flood on Natal). */
  readonly closures: ReadonlyMap<string, readonly Closure[]>;
  readonly specialPeriods: readonly SpecialPeriod[];
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** A calendar with no opening for this long is misconfigured; searching further would hang. */
const MAX_CLOSED_RUN_DAYS = 5 * 366;
const WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

// ---------------------------------------------------------------------------------------------
// Building and validating a calendar

/** Validates and normalises the office's calendar data; throws RangeError on anything ambiguous. */
export function createWorkCalendar(input: WorkCalendarInput): WorkCalendar {
  if (!Object.hasOwn(UTC_OFFSET_MINUTES, input.timeZone)) {
    const zones = Object.keys(UTC_OFFSET_MINUTES).join(', ');
    throw new RangeError(`time zone must be an Indonesian zone (${zones}), got '${input.timeZone}'`);
  }
  const timeZone = input.timeZone as OfficeTimeZone;
  const schedule = normaliseSchedule(input.schedule, 'schedule');
  if (WEEKDAYS.every((d) => schedule[d].length === 0)) throw new RangeError('schedule has no opening hours on any weekday');

  const closures = new Map<string, Closure[]>();
  for (const closure of input.closures ?? []) {
    toEpochDay(closure.date, `closure '${closure.name}'`);
    closures.set(closure.date, [...(closures.get(closure.date) ?? []), closure]);
  }

  const specialPeriods = [...(input.specialPeriods ?? [])]
    .map((p) => {
      const what = `special period '${p.name}'`;
      if (toEpochDay(p.from, `${what} start`) > toEpochDay(p.to, `${what} end`)) {
        throw new RangeError(`special period '${p.name}' ends before it starts`);
      }
      return { ...p, schedule: normaliseSchedule(p.schedule, what) };
    })
    .sort((a, b) => (a.from < b.from ? -1 : 1));
  // Overlapping periods would leave it to list order which hours apply; make the admin decide.
  for (let i = 1; i < specialPeriods.length; i++) {
    const prev = specialPeriods[i - 1]!;
    const next = specialPeriods[i]!;
    if (next.from <= prev.to) throw new RangeError(`special periods '${prev.name}' and '${next.name}' overlap`);
  }

  return { timeZone, utcOffsetMinutes: UTC_OFFSET_MINUTES[timeZone], schedule, closures, specialPeriods };
}

function normaliseSchedule(schedule: WeeklySchedule, what: string): Record<IsoWeekday, readonly OpeningInterval[]> {
  for (const key of Object.keys(schedule)) {
    if (!WEEKDAYS.includes(Number(key) as IsoWeekday)) throw new RangeError(`${what}: '${key}' is not an ISO weekday 1..7`);
  }
  const result = {} as Record<IsoWeekday, readonly OpeningInterval[]>;
  for (const day of WEEKDAYS) {
    const intervals = [...(schedule[day] ?? [])].sort((a, b) => parseClock(a.open, what) - parseClock(b.open, what));
    const show = (i: OpeningInterval) => `${i.open}–${i.close}`;
    intervals.forEach((interval, i) => {
      if (parseClock(interval.open, what) >= parseClock(interval.close, what)) {
        throw new RangeError(`${what}: weekday ${day} interval ${show(interval)} does not open before it closes`);
      }
      const prev = intervals[i - 1];
      if (prev && parseClock(prev.close, what) > parseClock(interval.open, what)) {
        throw new RangeError(`${what}: weekday ${day} intervals ${show(prev)} and ${show(interval)} overlap`);
      }
    });
    result[day] = intervals.map(({ open, close }) => ({ open, close }));
  }
  return result;
}

/** 'HH:MM' → minutes after local midnight; '24:00' is allowed as a close. */
function parseClock(text: string, what: string): number {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!(minutes <= 24 * 60)) throw new RangeError(`${what}: '${text}' is not a time 'HH:MM'`);
  return minutes;
}

// ---------------------------------------------------------------------------------------------
// Calendar days (counted as days since 1970-01-01, office-local)

function toEpochDay(date: string, what = 'date'): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const ms = Date.UTC(year, month - 1, day);
    const back = new Date(ms);
    // Date.UTC rolls 2026-02-30 over to March; a real date survives the round trip.
    const real = back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day;
    if (real) return ms / DAY_MS;
  }
  throw new RangeError(`${what} must be a real calendar date 'YYYY-MM-DD', got '${date}'`);
}

function fromEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 1970-01-01 was a Thursday (ISO 4). */
function isoWeekday(day: number): IsoWeekday {
  return ((((day + 3) % 7) + 7) % 7) + 1 as IsoWeekday;
}

/** UTC milliseconds of local midnight starting `day`. */
function dayStartMs(cal: WorkCalendar, day: number): number {
  return day * DAY_MS - cal.utcOffsetMinutes * MINUTE_MS;
}

function localDayOf(cal: WorkCalendar, ms: number): number {
  return Math.floor((ms + cal.utcOffsetMinutes * MINUTE_MS) / DAY_MS);
}

function requireInstant(date: Date, what: string): number {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`${what} is not a valid date`);
  return ms;
}

/** The office-local calendar date of an instant, 'YYYY-MM-DD'. */
export function localDate(cal: WorkCalendar, instant: Date): string {
  return fromEpochDay(localDayOf(cal, requireInstant(instant, 'instant')));
}

/**
 * The calendar date at the office, for code that has the office's zone but no calendar. Never the
 * UTC date (`toISOString().slice(0, 10)`): WIB is 7 hours ahead, so before 07:00 WIB the UTC date
 * is yesterday and a newborn's NIK dated today reads as a century old.
 */
export function officeDate(timeZone: string, instant: Date): string {
  const ms = requireInstant(instant, 'instant');
  if (Object.hasOwn(UTC_OFFSET_MINUTES, timeZone)) {
    return fromEpochDay(Math.floor((ms + UTC_OFFSET_MINUTES[timeZone as OfficeTimeZone] * MINUTE_MS) / DAY_MS));
  }
  // Not an Indonesian zone (a test or a misconfigured office): still the zone's own date.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** The office-local calendar year of an instant (a ticket's year, the holiday years to show). */
export function officeYear(timeZone: string, instant: Date): number {
  return Number(officeDate(timeZone, instant).slice(0, 4));
}

// ---------------------------------------------------------------------------------------------
// Opening hours per day

function intervalsOnDay(cal: WorkCalendar, day: number): readonly OpeningInterval[] {
  const date = fromEpochDay(day);
  if (cal.closures.has(date)) return [];
  const period = cal.specialPeriods.find((p) => p.from <= date && date <= p.to);
  return (period?.schedule ?? cal.schedule)[isoWeekday(day)] ?? [];
}

/** Opening intervals as absolute UTC-millisecond ranges [open, close). */
function absoluteIntervals(cal: WorkCalendar, day: number): Array<readonly [number, number]> {
  const start = dayStartMs(cal, day);
  const at = (clock: string) => start + parseClock(clock, 'schedule') * MINUTE_MS;
  return intervalsOnDay(cal, day).map((i) => [at(i.open), at(i.close)] as const);
}

/** Opening intervals on a local date, after closures and special periods; [] when closed. */
export function openingIntervalsOn(cal: WorkCalendar, date: string): readonly OpeningInterval[] {
  return intervalsOnDay(cal, toEpochDay(date));
}

export function isWorkingDay(cal: WorkCalendar, date: string): boolean {
  return openingIntervalsOn(cal, date).length > 0;
}

/** The closures (holidays, cuti bersama, office closures) on a date; [] on an ordinary day. */
export function closuresOn(cal: WorkCalendar, date: string): readonly Closure[] {
  toEpochDay(date);
  return cal.closures.get(date) ?? [];
}

/** The first working day strictly after `day`. */
function nextWorkingDay(cal: WorkCalendar, day: number): number {
  for (let d = day + 1; d <= day + MAX_CLOSED_RUN_DAYS; d++) {
    if (intervalsOnDay(cal, d).length > 0) return d;
  }
  throw new RangeError(`no working day within ${MAX_CLOSED_RUN_DAYS} days after ${fromEpochDay(day)}`);
}

/**
 * Where work on something arriving at `ms` can happen: `ms` itself when the office is open then,
 * otherwise the next opening. With `closeCounts`, an arrival exactly at a close stays there
 * (it is the same working instant as the next opening, and reads better as a due time).
 */
function effectiveStart(cal: WorkCalendar, ms: number, closeCounts: boolean): { at: number; day: number } {
  let day = localDayOf(cal, ms);
  for (;;) {
    for (const [open, close] of absoluteIntervals(cal, day)) {
      if (close > ms || (closeCounts && close === ms)) return { at: Math.max(open, ms), day };
    }
    day = nextWorkingDay(cal, day);
  }
}

// ---------------------------------------------------------------------------------------------
// Working-time arithmetic

/**
 * The instant at which `minutes` working minutes after `start` have passed. Time counts only
 * inside opening intervals; a start outside them begins at the next opening. 0 minutes gives
 * `start` when the office is open, else the next opening. Ending exactly at a close gives the
 * close (due "by 15:30"), not the next morning.
 */
export function addWorkingMinutes(cal: WorkCalendar, start: Date, minutes: number): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`minutes must be a finite number ≥ 0, got ${minutes}`);
  const { at, day: firstDay } = effectiveStart(cal, requireInstant(start, 'start'), false);
  let remaining = Math.round(minutes * MINUTE_MS);
  let position = at;
  for (let day = firstDay; ; day = nextWorkingDay(cal, day)) {
    for (const [open, close] of absoluteIntervals(cal, day)) {
      if (close <= position) continue;
      const from = Math.max(open, position);
      if (from + remaining <= close) return new Date(from + remaining);
      remaining -= close - from;
      position = close;
    }
  }
}

/**
 * Working minutes between two instants: the opening time inside [a, b). Signed — negative when
 * b is before a — so "remaining until due" goes below zero once a request is overdue. Fractional
 * only if the instants carry seconds.
 */
export function workingMinutesBetween(cal: WorkCalendar, a: Date, b: Date): number {
  const from = requireInstant(a, 'a');
  const to = requireInstant(b, 'b');
  if (to < from) return 0 - workingMinutesBetween(cal, b, a); // 0 - x: never -0
  let total = 0;
  for (let day = localDayOf(cal, from); day <= localDayOf(cal, to); day++) {
    for (const [open, close] of absoluteIntervals(cal, day)) {
      total += Math.max(0, Math.min(close, to) - Math.max(open, from));
    }
  }
  return total / MINUTE_MS;
}

/**
 * Due time for a standard of `days` working days ("selesai dalam N hari kerja").
 *
 * Definition: the request is taken to arrive at its effective start — the arrival itself if the
 * office is open (a close counts as open), otherwise the next opening.
 * - Arrived before or at the day's first opening (the evening before, over the weekend, at
 *   07:15): it has that whole day, so it is due at the close of the Nth working day counting the
 *   arrival day. Monday 20:00 with 1 day → Tuesday 15:30.
 * - Arrived during opening hours: due at the same local time on the Nth next working day,
 *   clamped into that day's hours (before its first opening → that opening; in a break or after
 *   its close → the close just before). Monday 10:00 → Tuesday 10:00; Thursday 15:20 → Friday
 *   15:15 (Friday's short day).
 * Why not a fixed "N × 495 working minutes": Friday and Ramadan days are shorter, so a fixed
 * budget spills into the following day (Thursday 15:20 + 495 min = Monday 07:20), while the
 * applicant told "one working day" expects Friday. This way the due instant always falls on the
 * Nth working day and the budget is close to N of the office's actual days.
 * `days` = 0 returns the effective start.
 */
export function addWorkingDays(cal: WorkCalendar, start: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be an integer ≥ 0, got ${days}`);
  const { at, day: arrivalDay } = effectiveStart(cal, requireInstant(start, 'start'), true);
  if (days === 0) return new Date(at);
  const arrivalIntervals = absoluteIntervals(cal, arrivalDay);
  if (at === arrivalIntervals[0]![0]) {
    let day = arrivalDay;
    for (let n = 1; n < days; n++) day = nextWorkingDay(cal, day);
    return new Date(absoluteIntervals(cal, day).at(-1)![1]);
  }
  let dueDay = arrivalDay;
  for (let n = 0; n < days; n++) dueDay = nextWorkingDay(cal, dueDay);
  const timeOfDay = at - dayStartMs(cal, arrivalDay);
  const dueStart = dayStartMs(cal, dueDay);
  const intervals = absoluteIntervals(cal, dueDay).map(([o, c]) => [o - dueStart, c - dueStart] as const);
  let clamped = intervals[0]![0];
  for (const [open, close] of intervals) {
    if (timeOfDay >= open) clamped = Math.min(timeOfDay, close);
  }
  return new Date(dueStart + clamped);
}

/**
 * Close of business on the working day of arrival (or of the next working day, if the office is
 * shut when it arrives): the due time of a same-day standard, like KIA over the counter.
 */
export function closeOfWorkingDay(cal: WorkCalendar, arrival: Date): Date {
  const { day } = effectiveStart(cal, requireInstant(arrival, 'arrival'), true);
  return new Date(absoluteIntervals(cal, day).at(-1)![1]);
}
