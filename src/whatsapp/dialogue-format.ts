/**
 * Dates, times and sizes as people in the office's town read them: calendar dates in words
 * ("14 Mei 2019"), instants in the office's time zone with its abbreviation (WIB/WITA/WIT), and
 * whether the office is open now. Pure: the instant always comes from `ctx.now`.
 */
import { addWorkingMinutes, createWorkCalendar, localDate, openingIntervalsOn, type WeeklySchedule } from '../calendar/calendar.js';
import type { DialogueContext } from './dialogue-contract.js';
import type { Env } from './dialogue-kit.js';

const FALLBACK_ZONE = 'Asia/Jakarta';
const ZONE_ABBREVIATIONS: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};
const INTL_LOCALE = { id: 'id-ID', en: 'en-GB', jv: 'id-ID' } as const;

/** Building an Intl formatter costs far more than using one; the few shapes used here are kept. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

/** The office's zone if the runtime knows it; Jakarta otherwise (most offices are WIB). */
export function officeZone(ctx: DialogueContext): string {
  try {
    dateFormat('en-US', { timeZone: ctx.office.timezone });
    return ctx.office.timezone;
  } catch {
    return FALLBACK_ZONE;
  }
}

/** The office-local calendar date, weekday (1 = Monday) and minutes after midnight of an instant. */
export function localParts(instant: Date, zone: string): { date: string; weekday: number; minutes: number } {
  const parts = dateFormat('en-US', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    weekday: 'short',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1;
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    weekday,
    minutes: (Number(get('hour')) % 24) * 60 + Number(get('minute')),
  };
}

export function officeToday(ctx: DialogueContext): string {
  return localParts(ctx.now, officeZone(ctx)).date;
}

/** "14 Mei 2019" / "14 May 2019" for a calendar date 'YYYY-MM-DD'. */
export function formatDate(iso: string, env: Env): string {
  const instant = new Date(`${iso}T00:00:00Z`);
  if (!Number.isFinite(instant.getTime())) return iso;
  return dateFormat(INTL_LOCALE[env.locale], { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(instant);
}

/** "Selasa, 1 Desember 2026 pukul 15.30 WIB" in the office's zone. */
export function formatDateTime(when: Date | string, env: Env): string {
  // A worker that serialised the outcome may hand over an ISO string instead of a Date.
  const instant = new Date(when);
  if (!Number.isFinite(instant.getTime())) return '–';
  const zone = officeZone(env.ctx);
  const formatted = dateFormat(INTL_LOCALE[env.locale], {
    timeZone: zone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
  const abbreviation = ZONE_ABBREVIATIONS[zone];
  return abbreviation ? `${formatted} ${abbreviation}` : formatted;
}

/** A day without the time: "1 Des 2026" style is too terse for many, so the long month is used. */
export function formatDay(when: Date | string, env: Env): string {
  const instant = new Date(when);
  if (!Number.isFinite(instant.getTime())) return '–';
  return dateFormat(INTL_LOCALE[env.locale], { timeZone: officeZone(env.ctx), day: 'numeric', month: 'long', year: 'numeric' }).format(instant);
}

/** '07:15' → '07.15' in Indonesian, unchanged in English. */
export function formatClock(hhmm: string, env: Env): string {
  return env.locale === 'en' ? hhmm : hhmm.replace(':', '.');
}

export function zoneAbbreviation(env: Env): string {
  return ZONE_ABBREVIATIONS[officeZone(env.ctx)] ?? '';
}

/** "10 MB", "1,5 MB", "800 KB". */
export function formatBytes(bytes: number, env: Env): string {
  const number = (n: number) => new Intl.NumberFormat(INTL_LOCALE[env.locale], { maximumFractionDigits: 1 }).format(n);
  if (!Number.isFinite(bytes) || bytes <= 0) return '–';
  if (bytes >= 1024 * 1024) return `${number(bytes / (1024 * 1024))} MB`;
  return `${number(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

export type Openness = { kind: 'open'; closesAt: string } | { kind: 'closed'; nextOpening: Date } | { kind: 'unknown' };

/**
 * Whether the office counter is open at `ctx.now` by its calendar: weekly hours, special periods,
 * libur nasional, cuti bersama and its own closures (on 20 March 2026, cuti bersama Idulfitri, it
 * is closed, and the next opening skips the holidays).
 */
export function officeOpenness(ctx: DialogueContext): Openness {
  try {
    const calendar = createWorkCalendar({
      timeZone: ctx.office.timezone,
      schedule: ctx.office.workingHours as WeeklySchedule,
      closures: ctx.office.closures ?? [],
      specialPeriods: (ctx.office.specialPeriods ?? []).map((p) => ({ ...p, schedule: p.schedule as WeeklySchedule })),
    });
    const next = addWorkingMinutes(calendar, ctx.now, 0);
    if (next.getTime() !== ctx.now.getTime()) return { kind: 'closed', nextOpening: next };
    const { minutes } = localParts(ctx.now, calendar.timeZone);
    const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
    const interval = openingIntervalsOn(calendar, localDate(calendar, ctx.now)).find(
      (i) => toMinutes(i.open) <= minutes && minutes < toMinutes(i.close),
    );
    return interval ? { kind: 'open', closesAt: interval.close } : { kind: 'unknown' };
  } catch {
    // Hours an admin left empty, or a zone outside Indonesia: say nothing rather than guess.
    return { kind: 'unknown' };
  }
}

/** "Senin–Kamis: 07.15–15.30" lines, consecutive days with the same hours grouped. */
export function weeklyHoursLines(env: Env): string[] {
  const hours = env.ctx.office.workingHours;
  const describe = (day: number) => {
    const intervals = [...(hours[String(day)] ?? [])].sort((a, b) => (a.open < b.open ? -1 : 1));
    return intervals.length === 0
      ? env.tr('hours.closed')
      : intervals.map((i) => `${formatClock(i.open, env)}–${formatClock(i.close, env)}`).join(', ');
  };
  const lines: string[] = [];
  let start = 1;
  for (let day = 1; day <= 7; day++) {
    const next = day + 1;
    if (next <= 7 && describe(next) === describe(day)) continue;
    const days = start === day ? env.tr(`days.${day}`) : `${env.tr(`days.${start}`)}–${env.tr(`days.${day}`)}`;
    lines.push(`${days}: ${describe(day)}`);
    start = next;
  }
  return lines;
}
