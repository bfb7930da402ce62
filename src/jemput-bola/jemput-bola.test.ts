/** Jemput Bola's rules: the session's states, the batch deadline on the office calendar, the roster, the parents' notice. */
import { describe, expect, it } from 'vitest';
import { createWorkCalendar, type WeeklySchedule } from '../calendar/calendar.js';
import { batchDueAt, batchProgress, capturesOpen, deadlineDaysValid, decideSessionAction, photoTakenOnSite, rosterFor, SESSION_ACTIONS, SESSION_STATES } from './jemput-bola.js';
import { jemputBolaNotification } from './messages.js';

const day = [{ open: '07:15', close: '15:30' }];
const WEEK: WeeklySchedule = { 1: day, 2: day, 3: day, 4: day, 5: [{ open: '07:15', close: '11:00' }] };
const cal = createWorkCalendar({
  timeZone: 'Asia/Jakarta',
  schedule: WEEK,
  closures: [
    { date: '2026-12-24', kind: 'cuti_bersama', name: 'Cuti bersama Natal' },
    { date: '2026-12-25', kind: 'libur_nasional', name: 'Natal' },
  ],
});
const wib = (s: string) => new Date(`${s}:00+07:00`).toISOString();

describe('a session’s states', () => {
  it('goes planned → approved → held → closed, and is cancelled only before it is held', () => {
    expect(decideSessionAction('planned', 'approve', 'kasi')).toEqual({ ok: true, to: 'approved' });
    expect(decideSessionAction('approved', 'hold', 'operator')).toEqual({ ok: true, to: 'held' });
    expect(decideSessionAction('held', 'close', 'operator')).toEqual({ ok: true, to: 'closed' });
    expect(decideSessionAction('planned', 'cancel', 'operator')).toEqual({ ok: true, to: 'cancelled' });
    expect(decideSessionAction('approved', 'cancel', 'kasi')).toEqual({ ok: true, to: 'cancelled' });
    expect(decideSessionAction('held', 'cancel', 'kasi')).toEqual({ ok: false, reason: 'wrong_state' });
    expect(decideSessionAction('planned', 'hold', 'kasi')).toEqual({ ok: false, reason: 'wrong_state' });
    expect(decideSessionAction('approved', 'approve', 'kasi')).toEqual({ ok: false, reason: 'wrong_state' });
  });

  it('is approved by the kasi only', () => {
    for (const role of ['camat', 'sekcam', 'operator', 'kurir', 'admin', 'kabupaten'] as const) {
      expect(decideSessionAction('planned', 'approve', role)).toEqual({ ok: false, reason: 'role_not_allowed' });
    }
  });

  it('leaves closed and cancelled sessions as they are', () => {
    for (const action of SESSION_ACTIONS) {
      expect(decideSessionAction('closed', action, 'kasi').ok).toBe(false);
      expect(decideSessionAction('cancelled', action, 'kasi').ok).toBe(false);
    }
  });

  it('takes captures only while approved', () => {
    expect(SESSION_STATES.filter(capturesOpen)).toEqual(['approved']);
  });
});

describe('the batch deadline', () => {
  it('accepts whole working days from 1 to 7 only', () => {
    expect([1, 4, 7].every(deadlineDaysValid)).toBe(true);
    expect([0, 8, -1, 2.5, Number.NaN, '3', null].some(deadlineDaysValid)).toBe(false);
  });

  it('is the close of the Nth working day after the session, across the weekend', () => {
    // Thursday 26 November 2026
    expect(batchDueAt(cal, '2026-11-26', 1).toISOString()).toBe(wib('2026-11-27T11:00')); // Friday's short day
    expect(batchDueAt(cal, '2026-11-26', 2).toISOString()).toBe(wib('2026-11-30T15:30')); // Monday
    expect(batchDueAt(cal, '2026-11-23', 7).toISOString()).toBe(wib('2026-12-02T15:30'));
  });

  it('skips holidays and joint leave days', () => {
    // Wednesday 23 December: 24 and 25 are closed, 26–27 the weekend.
    expect(batchDueAt(cal, '2026-12-23', 1).toISOString()).toBe(wib('2026-12-28T15:30'));
    expect(batchDueAt(cal, '2026-12-22', 3).toISOString()).toBe(wib('2026-12-29T15:30'));
  });

  it('counts from the next working day for a session on a Saturday', () => {
    expect(batchDueAt(cal, '2026-11-28', 1).toISOString()).toBe(wib('2026-11-30T15:30'));
  });

  it('refuses a deadline outside 1–7', () => {
    expect(() => batchDueAt(cal, '2026-11-26', 0)).toThrow(RangeError);
    expect(() => batchDueAt(cal, '2026-11-26', 8)).toThrow(RangeError);
  });
});

describe('the roster', () => {
  const child = (id: string, over: Partial<Parameters<typeof rosterFor>[0][number]>) => ({ id, name: id, birthDate: '2017-03-01', schoolNpsn: '20301234', schoolClass: '3', hasKia: false, ...over });
  it('holds the school’s children 0–16 without a KIA (not known counts as without), by class then name', () => {
    const register = [
      child('Wulan', { schoolClass: '4' }),
      child('Bima', { schoolClass: '10' }),
      child('Ayu', { schoolClass: '4' }),
      child('Citra', { hasKia: null, schoolClass: '1' }),
      child('Dimas', { hasKia: true }),
      child('Eko', { schoolNpsn: '20305678' }),
      child('Fajar', { schoolNpsn: null }),
      child('Gita', { birthDate: '2009-01-01' }), // 17 on the session's day
    ];
    expect(rosterFor(register, '20301234', '2026-11-26').map((c) => c.id)).toEqual(['Citra', 'Ayu', 'Wulan', 'Bima']);
  });

  it('asks for the photo on site from age 5', () => {
    expect(photoTakenOnSite('2021-11-26', '2026-11-26')).toBe(true);
    expect(photoTakenOnSite('2021-11-27', '2026-11-26')).toBe(false);
  });
});

describe('the batch’s progress', () => {
  it('counts each milestone with the requests that reached it or went past it', () => {
    expect(batchProgress(['submitted', 'verified', 'processing', 'ready', 'handed_over', 'handed_over', 'returned'])).toEqual({
      total: 7,
      byState: { submitted: 1, verified: 1, processing: 1, ready: 1, handed_over: 2, returned: 1 },
      verified: 5,
      processed: 4,
      printed: 3,
      handed_over: 2,
    });
  });
});

describe('the parents’ notice', () => {
  const payload = { child: 'Ayu Lestari', school: 'SD Negeri 1 Kembaran', date: '2026-11-26', time: '08:00', zone: 'WIB', photoOnSite: true };
  it('says what to bring, the day, the time and the school, politely', () => {
    const n = jemputBolaNotification('jemput_bola.notice', payload, { locale: 'id', officeName: 'Kecamatan Kembaran' })!;
    expect(n.text).toContain('Yth. Bapak/Ibu orang tua/wali Ayu Lestari');
    expect(n.text).toContain('SD Negeri 1 Kembaran pada Kamis, 26 November 2026 pukul 08:00 WIB');
    expect(n.text).toContain('akta kelahiran dan Kartu Keluarga (KK)');
    expect(n.text).toContain('Foto anak diambil langsung oleh petugas di sekolah');
    expect(n.templateParams).toEqual(['Ayu Lestari', 'SD Negeri 1 Kembaran', 'Kamis, 26 November 2026', '08:00 WIB', 'akta kelahiran dan KK; foto anak diambil di sekolah']);
  });
  it('does not mention the photo for a child under 5', () => {
    const n = jemputBolaNotification('jemput_bola.notice', { ...payload, photoOnSite: false }, { locale: 'id', officeName: 'Kecamatan Kembaran' })!;
    expect(n.text).not.toContain('Foto anak');
    expect(n.templateParams[4]).toBe('akta kelahiran dan KK');
  });
  it('answers only its own kind', () => {
    expect(jemputBolaNotification('request.received', payload, { locale: 'id', officeName: 'X' })).toBeUndefined();
  });
});
