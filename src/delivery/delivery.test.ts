/** Jujuk Dolanan's rules: trips, proof, failures and the limit, the route order by desa, the citizen's notices. */
import { describe, expect, it } from 'vitest';
import { createWorkCalendar, type WeeklySchedule } from '../calendar/calendar.js';
import { checkRouteOrder, completeDelivery, failDelivery, nextWorkingDate, proofPurgeDate, startTrip, type DeliveryTask } from './delivery.js';
import { deliveryNotification, spokenDate } from './messages.js';
import { groupByDesa, moveDesa, moveTask } from './route.js';

const day = [{ open: '07:15', close: '15:30' }];
const WEEK: WeeklySchedule = { 1: day, 2: day, 3: day, 4: day, 5: day };
const cal = createWorkCalendar({ timeZone: 'Asia/Jakarta', schedule: WEEK, closures: [{ date: '2026-12-25', kind: 'libur_nasional', name: 'Natal' }] });
const task = (over: Partial<DeliveryTask> = {}): DeliveryTask => ({ state: 'scheduled', failedAttempts: 0, scheduledFor: '2026-11-23', ...over });
const now = new Date('2026-11-23T03:00:00Z');

describe('a trip', () => {
  it('tells the citizen when the kurir sets off, once', () => {
    const first = startTrip(task());
    expect(first).toEqual({ ok: true, task: task({ state: 'on_the_way' }), notify: true });
    expect(startTrip(task({ state: 'on_the_way' }))).toMatchObject({ ok: true, notify: false });
    expect(startTrip(task({ state: 'delivered' }))).toEqual({ ok: false, reason: 'task_closed' });
  });

  it('keeps a position only with consent, and no hand-over in the future', () => {
    const position = { lat: -7.4, lng: 109.2 };
    expect(completeDelivery(task(), { receivedAt: now, position, positionConsent: false }, now)).toEqual({ ok: false, reason: 'position_without_consent' });
    expect(completeDelivery(task(), { receivedAt: now, position, positionConsent: true }, now)).toMatchObject({ ok: true, position, task: { state: 'delivered' } });
    expect(completeDelivery(task(), { receivedAt: now, positionConsent: true }, now)).toMatchObject({ ok: true, position: null });
    expect(completeDelivery(task(), { receivedAt: new Date(now.getTime() + 60_000), positionConsent: false }, now)).toEqual({ ok: false, reason: 'received_in_future' });
    expect(completeDelivery(task({ state: 'returned_to_office' }), { receivedAt: now, positionConsent: false }, now)).toEqual({ ok: false, reason: 'task_closed' });
  });

  it('keeps the hand-over photo 90 days after the delivery', () => {
    expect(proofPurgeDate(now).toISOString()).toBe('2027-02-21T03:00:00.000Z');
  });
});

describe('a failed trip', () => {
  const ctx = { cal, today: '2026-11-23', maxFailedAttempts: 3 };
  it('is rescheduled to the next working day, over weekends and holidays', () => {
    expect(failDelivery(task(), { reason: 'not_home' }, ctx)).toEqual({ ok: true, returned: false, nextDate: '2026-11-24', task: { state: 'scheduled', failedAttempts: 1, scheduledFor: '2026-11-24' } });
    expect(nextWorkingDate(cal, '2026-11-27')).toBe('2026-11-30');
    expect(nextWorkingDate(cal, '2026-12-24')).toBe('2026-12-28');
  });

  it("goes back to the office at the office's limit", () => {
    expect(failDelivery(task({ failedAttempts: 2 }), { reason: 'refused' }, ctx)).toMatchObject({ ok: true, returned: true, task: { state: 'returned_to_office', failedAttempts: 3 } });
    expect(failDelivery(task({ failedAttempts: 0 }), { reason: 'refused' }, { ...ctx, maxFailedAttempts: 1 })).toMatchObject({ returned: true });
  });

  it('asks for words with "other", and refuses a closed task', () => {
    expect(failDelivery(task(), { reason: 'other', note: '  ' }, ctx)).toEqual({ ok: false, reason: 'note_required' });
    expect(failDelivery(task(), { reason: 'other', note: 'Jalan banjir' }, ctx)).toMatchObject({ ok: true });
    expect(failDelivery(task({ state: 'delivered' }), { reason: 'not_home' }, ctx)).toEqual({ ok: false, reason: 'task_closed' });
  });
});

describe("the kurir's route", () => {
  const tasks = [
    { id: 'a', desaCode: 'D1' },
    { id: 'b', desaCode: 'D2' },
    { id: 'c', desaCode: 'D1' },
    { id: 'd', desaCode: null },
  ];
  it('groups by desa where the desa first stands', () => {
    expect(groupByDesa(tasks).map((g) => [g.desaCode, g.tasks.map((t) => t.id)])).toEqual([
      ['D1', ['a', 'c']],
      ['D2', ['b']],
      [null, ['d']],
    ]);
  });
  it('moves a desa or a task within its desa, and stays put at the ends', () => {
    expect(moveDesa(tasks, 'D2', -1)).toEqual(['b', 'a', 'c', 'd']);
    expect(moveDesa(tasks, 'D1', -1)).toEqual(['a', 'c', 'b', 'd']);
    expect(moveTask(tasks, 'c', -1)).toEqual(['c', 'a', 'b', 'd']);
    expect(moveTask(tasks, 'c', 1)).toEqual(['a', 'c', 'b', 'd']);
  });
  it('accepts a new order only of the same tasks, each once', () => {
    expect(checkRouteOrder(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(checkRouteOrder(['a', 'b'], ['a', 'a'])).toBe(false);
    expect(checkRouteOrder(['a', 'b'], ['a', 'x'])).toBe(false);
    expect(checkRouteOrder(['a', 'b'], ['a'])).toBe(false);
  });
});

describe("the citizen's notices", () => {
  const ctx = { locale: 'id' as const, officeName: 'Kecamatan Kembaran' };
  it('says the kurir is on the way, politely, in Bahasa Indonesia first', () => {
    const n = deliveryNotification('request.delivery_on_the_way', { ticket: 'KBR-26-000001' }, ctx)!;
    expect(n.text).toContain('Bapak/Ibu');
    expect(n.text).toContain('KBR-26-000001');
    expect(n.templateParams).toHaveLength(3);
  });
  it('says why and when the kurir comes again, and where to collect after the limit', () => {
    expect(deliveryNotification('request.delivery_rescheduled', { ticket: 'T', reason: 'not_home', date: '2026-11-24' }, ctx)!.text).toContain('Selasa, 24 November 2026');
    expect(deliveryNotification('request.delivery_rescheduled', { ticket: 'T', reason: 'not_home', date: '2026-11-24' }, { ...ctx, locale: 'en' })!.text).toContain('nobody at home');
    expect(deliveryNotification('request.delivery_returned', { ticket: 'T', address: 'Jl. Raya Kembaran 1' }, ctx)!.text).toContain('Jl. Raya Kembaran 1');
    expect(deliveryNotification('request.ready', { ticket: 'T' }, ctx)).toBeUndefined();
    expect(spokenDate('2026-11-24', 'en')).toBe('Tuesday, 24 November 2026');
  });
});
