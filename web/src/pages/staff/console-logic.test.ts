/** The console's pure pieces: clocks in words and the order of a queue. */
import { describe, expect, it } from 'vitest';
import consoleEn from '../../i18n/console.en.js';
import consoleId from '../../i18n/console.id.js';
import type { Clocks, ConsoleRequest } from './consoleApi.js';
import { ageInYears, duration, slaText, waitingText, workText } from './format.js';
import { byUrgency } from './urgency.js';

describe('an SLA clock in words', () => {
  it('says what is left and how late, in minutes and hours', () => {
    expect(slaText({ state: 'on_track', remainingMinutes: 3 }, consoleId)).toBe('sisa 3 menit');
    expect(slaText({ state: 'amber', remainingMinutes: 65 }, consoleId)).toBe('sisa 1 jam 5 menit');
    expect(slaText({ state: 'overdue', remainingMinutes: -12 }, consoleId)).toBe('terlambat 12 menit');
    expect(slaText({ state: 'overdue', remainingMinutes: -120 }, consoleId)).toBe('terlambat 2 jam');
    expect(slaText({ state: 'overdue', remainingMinutes: -12 }, consoleEn)).toBe('12 min late');
  });

  it('still says late when the due time passed after hours and no working minute has', () => {
    expect(slaText({ state: 'overdue', remainingMinutes: 0 }, consoleId)).toBe('lewat batas waktu');
    expect(duration(0, consoleId)).toBe('0 menit');
  });
});

describe('the two clocks in words (issue 11)', () => {
  const step = (over: Partial<NonNullable<Clocks['step']>>): NonNullable<Clocks['step']> => ({
    step: 'verify',
    state: 'not_taken',
    standardMinutes: 5,
    takenAt: null,
    workedMinutes: 0,
    remainingMinutes: 5,
    pausedMinutes: 0,
    due: null,
    ...over,
  });
  const overall = (over: Partial<Clocks['overall']>): Clocks['overall'] => ({
    state: 'on_track',
    due: '2026-11-24T02:00:00Z',
    remainingMinutes: 300,
    escalatedTo: null,
    submittedAt: '2026-11-23T02:00:00Z',
    elapsedMinutes: 150,
    budgetMinutes: 495,
    standardWorkingDays: 1,
    pausedMinutes: 0,
    ...over,
  });

  it('a file waiting in the queue is not taken, not late', () => {
    expect(workText(step({}), consoleId)).toBe('belum diambil');
    expect(workText(step({}), consoleEn)).toBe('not taken yet');
  });

  it('the work since taking the file against the standard', () => {
    const taken = { takenAt: '2026-11-23T02:00:00Z' };
    expect(workText(step({ ...taken, state: 'overdue', workedMinutes: 7, remainingMinutes: -2 }), consoleId)).toBe('dikerjakan 7 menit (standar 5 menit) · terlambat 2 menit');
    expect(workText(step({ ...taken, state: 'amber', workedMinutes: 4, remainingMinutes: 1 }), consoleId)).toBe('dikerjakan 4 menit (standar 5 menit) · sisa 1 menit (hampir habis)');
  });

  it('the waiting against the working days, and the time an outage stopped the clock', () => {
    expect(waitingText(overall({}), consoleId)).toBe('Menunggu 2 jam 30 menit (standar 1 hari kerja)');
    expect(waitingText(overall({ standardWorkingDays: 0 }), consoleId)).toBe('Menunggu 2 jam 30 menit (standar selesai hari itu juga)');
    expect(waitingText(overall({ pausedMinutes: 120 }), consoleId)).toBe('Menunggu 2 jam 30 menit (standar 1 hari kerja) · jam dihentikan 2 jam karena gangguan sistem');
    expect(waitingText(overall({ standardWorkingDays: 3 }), consoleEn)).toBe('Waiting 2 h 30 min (standard 3 working days)');
  });
});

describe('age at the counter', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(ageInYears('2021-11-23', '2026-11-23')).toBe(5);
    expect(ageInYears('2021-11-24', '2026-11-23')).toBe(4);
    expect(ageInYears('2020-02-29', '2026-02-28')).toBe(5);
  });
});

describe('the order of a queue', () => {
  const request = (id: string, flags: string[], overall: Clocks['overall']['state'], step: NonNullable<Clocks['step']>['state'], stepDue: string) =>
    ({
      id,
      flags,
      clocks: {
        overall: { state: overall, due: '2026-11-23T08:30:00Z', remainingMinutes: 100, escalatedTo: null },
        step: { step: 'verify', state: step, due: stepDue, remainingMinutes: 1 },
      },
    }) as unknown as ConsoleRequest & { clocks: Clocks };

  it('puts escalated, then late, then the nearest step first', () => {
    const queue = [
      request('calm-later', [], 'on_track', 'on_track', '2026-11-23T03:10:00Z'),
      request('calm-sooner', [], 'on_track', 'on_track', '2026-11-23T03:05:00Z'),
      request('step-late', [], 'on_track', 'overdue', '2026-11-23T03:20:00Z'),
      request('amber', [], 'on_track', 'amber', '2026-11-23T03:30:00Z'),
      request('day-late', [], 'overdue', 'on_track', '2026-11-23T03:40:00Z'),
      request('escalated', ['escalated'], 'overdue', 'on_track', '2026-11-23T04:00:00Z'),
      request('not-taken', [], 'on_track', 'not_taken', '2026-11-23T03:00:00Z'),
    ];
    // A file nobody took yet comes after the ones being worked on: its minutes have not started.
    expect(queue.sort(byUrgency).map((r) => r.id)).toEqual(['escalated', 'day-late', 'step-late', 'amber', 'calm-sooner', 'calm-later', 'not-taken']);
  });
});
