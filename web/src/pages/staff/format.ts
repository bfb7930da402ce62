/** Dates, times and SLA clocks as officers read them: in the office's time zone, Indonesian style. */
import { timezoneLabel } from '../../format.js';
import type { Lang } from '../../types.js';
import type { ConsoleMessages } from '../../i18n/console.id.js';
import type { Clocks, Localized, SlaStatus } from './consoleApi.js';

const locales: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

export const localized = (text: Localized | null | undefined, lang: Lang, fallback = ''): string => (text ? text[lang] : fallback);

/** "Sen, 23 Nov 2026 10.00 WIB". */
export function dateTime(iso: string, timeZone: string, lang: Lang): string {
  const text = new Intl.DateTimeFormat(locales[lang], {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
  return `${text} ${timezoneLabel(timeZone)}`;
}

/** A moment's date in the office's calendar, in words: "21 Februari 2027". */
export function longDate(iso: string, timeZone: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locales[lang], { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
}

/** "10.00 WIB" today, "Sel, 24 Nov 10.00 WIB" on another day. */
export function shortDateTime(iso: string, timeZone: string, lang: Lang, now: Date = new Date()): string {
  const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(d);
  const sameDay = day(new Date(iso)) === day(now);
  const text = new Intl.DateTimeFormat(locales[lang], {
    timeZone,
    ...(sameDay ? {} : { weekday: 'short', day: 'numeric', month: 'short' }),
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
  return `${text} ${timezoneLabel(timeZone)}`;
}

/** A calendar date (YYYY-MM-DD) in words: "10 Mei 2020". */
export function calendarDate(date: string, lang: Lang): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(locales[lang], { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(Date.UTC(y!, m! - 1, d!)));
}

/** Working minutes in words: "3 menit", "1 jam 5 menit". */
export function duration(minutes: number, t: ConsoleMessages): string {
  const m = Math.round(Math.abs(minutes));
  const hours = Math.floor(m / 60);
  const rest = m % 60;
  if (hours === 0) return t.sla.minutes(rest);
  return rest === 0 ? t.sla.hours(hours) : `${t.sla.hours(hours)} ${t.sla.minutes(rest)}`;
}

/** "sisa 3 menit" / "terlambat 12 menit": the clock in words, so colour is never the only sign. */
export function slaText(status: Pick<SlaStatus, 'state' | 'remainingMinutes'>, t: ConsoleMessages): string {
  if (status.state !== 'overdue') return t.sla.remaining(duration(status.remainingMinutes, t));
  // Past due after hours: no working minute has passed since, but the promise is broken.
  return status.remainingMinutes < 0 ? t.sla.late(duration(status.remainingMinutes, t)) : t.sla.lateNoMinutes;
}

/**
 * The officer's work on a step in words (issue 11): "belum diambil" while the file waits, then
 * "dikerjakan 7 menit (standar 5 menit) · terlambat 2 menit" — the minutes run from taking it.
 */
export function workText(step: NonNullable<Clocks['step']>, t: ConsoleMessages): string {
  if (step.state === 'not_taken') return t.sla.notTaken;
  const worked = t.sla.worked(duration(step.workedMinutes, t), duration(step.standardMinutes, t));
  if (step.state === 'overdue') return `${worked} · ${t.sla.late(duration(step.remainingMinutes, t))}`;
  const word = step.state === 'amber' || step.state === 'red' ? ` (${t.sla.states[step.state]})` : '';
  return `${worked} · ${t.sla.remaining(duration(step.remainingMinutes, t))}${word}`;
}

/** The waiting clock in words: "Menunggu 2 jam 30 menit dari 1 hari kerja", and any time an outage stopped it. */
export function waitingText(overall: Clocks['overall'], t: ConsoleMessages): string {
  const standard = overall.standardWorkingDays === null ? null : t.sla.standardDays(overall.standardWorkingDays);
  const waiting = t.sla.waiting(duration(overall.elapsedMinutes, t), standard);
  return overall.pausedMinutes > 0 ? `${waiting} · ${t.sla.paused(duration(overall.pausedMinutes, t))}` : waiting;
}

/** Whole years between a birth date and today (the office's date). */
export function ageInYears(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty! - by! - (tm! < bm! || (tm === bm && td! < bd!) ? 1 : 0);
}

export { officeToday } from '../../format.js';
