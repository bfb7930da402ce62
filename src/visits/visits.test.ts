/** Home visits' rules: within office hours on a working day, and the outcomes. */
import { describe, expect, it } from 'vitest';
import { createWorkCalendar, type WeeklySchedule } from '../calendar/calendar.js';
import { visitNotification } from './messages.js';
import { checkVisitSlot, decideOutcome, reminderDue } from './visits.js';

const day = [{ open: '07:15', close: '15:30' }];
const WEEK: WeeklySchedule = { 1: day, 2: day, 3: day, 4: day, 5: [{ open: '07:15', close: '11:00' }] };
const cal = createWorkCalendar({ timeZone: 'Asia/Jakarta', schedule: WEEK, closures: [{ date: '2026-12-25', kind: 'libur_nasional', name: 'Natal' }] });
const now = new Date('2026-11-23T03:00:00Z');
const wib = (s: string) => new Date(`${s}:00+07:00`);

describe('a visit slot', () => {
  it('starts and ends within the opening hours of a working day', () => {
    expect(checkVisitSlot(cal, wib('2026-11-24T09:00'), 60, now)).toEqual({ ok: true, date: '2026-11-24' });
    expect(checkVisitSlot(cal, wib('2026-11-24T15:00'), 60, now)).toEqual({ ok: false, reason: 'outside_office_hours' });
    expect(checkVisitSlot(cal, wib('2026-11-24T14:30'), 60, now)).toEqual({ ok: true, date: '2026-11-24' });
    expect(checkVisitSlot(cal, wib('2026-11-27T10:30'), 60, now)).toEqual({ ok: false, reason: 'outside_office_hours' });
    expect(checkVisitSlot(cal, wib('2026-11-28T09:00'), 30, now)).toEqual({ ok: false, reason: 'outside_office_hours' });
    expect(checkVisitSlot(cal, wib('2026-12-25T09:00'), 30, now)).toEqual({ ok: false, reason: 'outside_office_hours' });
    expect(checkVisitSlot(cal, wib('2026-11-23T09:00'), 30, now)).toEqual({ ok: false, reason: 'in_the_past' });
  });
});

describe('an outcome', () => {
  const planned = { outcome: null, durationMinutes: 60 };
  it('reschedules only with a reason and a new time within hours', () => {
    expect(decideOutcome(planned, { outcome: 'rescheduled', newStartsAt: wib('2026-11-25T09:00') }, { cal, now })).toEqual({ ok: false, reason: 'reason_required' });
    expect(decideOutcome(planned, { outcome: 'rescheduled', reason: 'Sakit' }, { cal, now })).toEqual({ ok: false, reason: 'new_time_required' });
    expect(decideOutcome(planned, { outcome: 'rescheduled', reason: 'Sakit', newStartsAt: wib('2026-11-25T16:00') }, { cal, now })).toEqual({ ok: false, reason: 'outside_office_hours' });
    expect(decideOutcome(planned, { outcome: 'rescheduled', reason: 'Sakit', newStartsAt: wib('2026-11-25T09:00') }, { cal, now })).toMatchObject({ ok: true, reschedule: { date: '2026-11-25' } });
  });
  it('records done or not at home once', () => {
    expect(decideOutcome(planned, { outcome: 'done' }, { cal, now })).toEqual({ ok: true, reschedule: null });
    expect(decideOutcome(planned, { outcome: 'not_home' }, { cal, now })).toEqual({ ok: true, reschedule: null });
    expect(decideOutcome({ outcome: 'done', durationMinutes: 60 }, { outcome: 'not_home' }, { cal, now })).toEqual({ ok: false, reason: 'visit_closed' });
  });
  it('confirms the day and time to the guardian, politely', () => {
    const n = visitNotification('request.visit_scheduled', { ticket: 'KBR-26-000001', date: '2026-11-24', time: '09:00', zone: 'WIB' }, { locale: 'id', officeName: 'Kecamatan Kembaran' })!;
    expect(n.text).toContain('Selasa, 24 November 2026 pukul 09:00 WIB');
    expect(n.text).toContain('Bapak/Ibu');
    expect(n.templateParams[2]).toContain('09:00 WIB');
  });
});

describe('the reminder', () => {
  it('is due the day before, from the morning on', () => {
    expect(reminderDue('2026-11-24', '2026-11-23', 9)).toBe(true);
    expect(reminderDue('2026-11-24', '2026-11-23', 7)).toBe(false);
    expect(reminderDue('2026-11-25', '2026-11-23', 10)).toBe(false);
    expect(reminderDue('2026-12-01', '2026-11-30', 10)).toBe(true);
  });
});
