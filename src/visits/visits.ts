/**
 * Home visits (issue 13): for a service that needs the person present (KTP-el recording, a KIA
 * photo), officers go to a disabled or elderly person's home. A visit is planned within the
 * office's opening hours on a working day, with the officers who go and the equipment they take;
 * it ends done, nobody at home, or rescheduled with a reason to a new time.
 *
 * Pure: the calendar and `now` are passed in.
 */
import { localDate, openingIntervalsOn, type WorkCalendar } from '../calendar/calendar.js';
import type { LocalizedText } from '../catalogue/vocabulary.js';

export const VISIT_OUTCOMES = ['done', 'not_home', 'rescheduled'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

export const VISIT_OUTCOME_LABELS: Readonly<Record<VisitOutcome, LocalizedText>> = {
  done: { id: 'Kunjungan selesai', en: 'Visit done' },
  not_home: { id: 'Tidak ada orang di rumah', en: 'Nobody at home' },
  rescheduled: { id: 'Dijadwalkan ulang', en: 'Rescheduled' },
};

export const VISIT_EQUIPMENT = ['perekam_ktp_el', 'kamera', 'laptop', 'pemindai_sidik_jari', 'pemindai_iris', 'printer', 'latar_foto'] as const;
export type VisitEquipment = (typeof VISIT_EQUIPMENT)[number];

export const VISIT_EQUIPMENT_LABELS: Readonly<Record<VisitEquipment, LocalizedText>> = {
  perekam_ktp_el: { id: 'Alat perekaman KTP-el (mobile enrollment)', en: 'KTP-el enrolment kit' },
  kamera: { id: 'Kamera', en: 'Camera' },
  laptop: { id: 'Laptop dengan akses SIAK', en: 'Laptop with SIAK access' },
  pemindai_sidik_jari: { id: 'Pemindai sidik jari', en: 'Fingerprint scanner' },
  pemindai_iris: { id: 'Pemindai iris mata', en: 'Iris scanner' },
  printer: { id: 'Printer', en: 'Printer' },
  latar_foto: { id: 'Latar foto', en: 'Photo backdrop' },
};

export const MIN_VISIT_MINUTES = 15;
export const MAX_VISIT_MINUTES = 240;

export type VisitRefusal = 'in_the_past' | 'outside_office_hours' | 'reason_required' | 'new_time_required' | 'visit_closed';

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
};

/** The office-local minute of the day an instant falls on. */
function localMinute(cal: WorkCalendar, instant: Date): number {
  const local = new Date(instant.getTime() + cal.utcOffsetMinutes * 60_000);
  return local.getUTCHours() * 60 + local.getUTCMinutes();
}

/** A visit starts and ends within one opening interval of a working day, and not in the past. */
export function checkVisitSlot(cal: WorkCalendar, startsAt: Date, durationMinutes: number, now: Date): { ok: true; date: string } | { ok: false; reason: VisitRefusal } {
  if (startsAt.getTime() <= now.getTime()) return { ok: false, reason: 'in_the_past' };
  const date = localDate(cal, startsAt);
  const start = localMinute(cal, startsAt);
  const end = start + durationMinutes;
  const fits = openingIntervalsOn(cal, date).some((i) => minutesOf(i.open) <= start && end <= minutesOf(i.close));
  return fits ? { ok: true, date } : { ok: false, reason: 'outside_office_hours' };
}

export type OutcomeInput = { outcome: VisitOutcome; reason?: string | undefined; newStartsAt?: Date | undefined };

/**
 * The outcome of a planned visit. Rescheduling needs the reason and a new time within office
 * hours; "not home" asks for no new time (the office calls the family first).
 */
export function decideOutcome(
  visit: { outcome: string | null; durationMinutes: number },
  input: OutcomeInput,
  ctx: { cal: WorkCalendar; now: Date },
): { ok: true; reschedule: { startsAt: Date; date: string } | null } | { ok: false; reason: VisitRefusal } {
  if (visit.outcome !== null) return { ok: false, reason: 'visit_closed' };
  if (input.outcome !== 'rescheduled') return { ok: true, reschedule: null };
  if (!input.reason?.trim()) return { ok: false, reason: 'reason_required' };
  if (!input.newStartsAt) return { ok: false, reason: 'new_time_required' };
  const slot = checkVisitSlot(ctx.cal, input.newStartsAt, visit.durationMinutes, ctx.now);
  if (!slot.ok) return slot;
  return { ok: true, reschedule: { startsAt: input.newStartsAt, date: slot.date } };
}

/** The guardian is reminded the day before, not before this office hour (no WhatsApp at midnight). */
export const REMINDER_FROM_HOUR = 9;

/** Whether a planned visit on `visitDate` is reminded now: the day before, from the morning on. */
export function reminderDue(visitDate: string, today: string, localHour: number): boolean {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return visitDate === d.toISOString().slice(0, 10) && localHour >= REMINDER_FROM_HOUR;
}
