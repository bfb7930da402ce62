/** The console's pure pieces: clocks in words and the order of a queue. */
import { describe, expect, it } from 'vitest';
import consoleEn from '../../i18n/console.en.js';
import consoleId from '../../i18n/console.id.js';
import type { Clocks, ConsoleRequest } from './consoleApi.js';
import { ageInYears, duration, slaText } from './format.js';
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

describe('age at the counter', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(ageInYears('2021-11-23', '2026-11-23')).toBe(5);
    expect(ageInYears('2021-11-24', '2026-11-23')).toBe(4);
    expect(ageInYears('2020-02-29', '2026-02-28')).toBe(5);
  });
});

describe('the order of a queue', () => {
  const request = (id: string, flags: string[], overall: Clocks['overall']['state'], step: Clocks['overall']['state'], stepDue: string) =>
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
    ];
    expect(queue.sort(byUrgency).map((r) => r.id)).toEqual(['escalated', 'day-late', 'step-late', 'amber', 'calm-sooner', 'calm-later']);
  });
});
