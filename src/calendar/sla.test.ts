import { describe, it, expect } from 'vitest';
import { createWorkCalendar, type WeeklySchedule } from './calendar.js';
import { holidaysForYear } from './holidays.js';
import {
  ESCALATION_LADDER,
  SOP_STEP_STANDARD_MINUTES,
  escalationLevel,
  requestDue,
  requestStandardWorkingDays,
  slaStatus,
  stepDue,
} from './sla.js';

const monThu = [{ open: '07:15', close: '15:30' }];
const BANYUMAS: WeeklySchedule = { 1: monThu, 2: monThu, 3: monThu, 4: monThu, 5: [{ open: '07:15', close: '15:15' }] };
const cal = createWorkCalendar({ timeZone: 'Asia/Jakarta', schedule: BANYUMAS, closures: holidaysForYear(2026).closures });
const wib = (text: string) => new Date(`${text.replace(' ', 'T')}:00+07:00`);

describe('SOP step standards', () => {
  it('are the mutu baku of steps 6–8', () => {
    expect(SOP_STEP_STANDARD_MINUTES).toEqual({ verify: 5, process: 30, hand_over: 15 });
  });

  it('run on working minutes', () => {
    expect(stepDue(cal, wib('2026-03-02 10:00'), 'process')).toEqual(wib('2026-03-02 10:30'));
    expect(stepDue(cal, wib('2026-03-02 15:28'), 'verify')).toEqual(wib('2026-03-03 07:18'));
    expect(stepDue(cal, wib('2026-03-06 15:00'), 'hand_over')).toEqual(wib('2026-03-06 15:15')); // Friday's close
    expect(stepDue(cal, wib('2026-03-06 15:00'), 'process')).toEqual(wib('2026-03-09 07:30'));
  });
});

describe('request standards', () => {
  const overrides = { 'surat-pindah': 3, 'kia-langsung': 0 };

  it('defaults to 1 working day, with per-service overrides and school batches', () => {
    expect(requestStandardWorkingDays({ serviceCode: 'kk-baru' })).toBe(1);
    expect(requestStandardWorkingDays({ serviceCode: 'surat-pindah', overrides })).toBe(3);
    expect(requestStandardWorkingDays({ serviceCode: 'kia-langsung', overrides })).toBe(0);
    expect(requestStandardWorkingDays({ serviceCode: 'kia', overrides, schoolBatchWorkingDays: 7 })).toBe(7);
  });

  it('rejects school batches outside 1–7 days and broken overrides', () => {
    expect(() => requestStandardWorkingDays({ serviceCode: 'kia', schoolBatchWorkingDays: 8 })).toThrow(RangeError);
    expect(() => requestStandardWorkingDays({ serviceCode: 'kia', schoolBatchWorkingDays: 0 })).toThrow(RangeError);
    expect(() => requestStandardWorkingDays({ serviceCode: 'x', overrides: { x: -1 } })).toThrow(RangeError);
    expect(requestStandardWorkingDays({ serviceCode: 'toString', overrides: {} })).toBe(1); // no prototype lookups
  });

  it('gives the due time and the working-minute budget', () => {
    expect(requestDue(cal, wib('2026-03-02 10:00'), 1)).toEqual({ due: wib('2026-03-03 10:00'), budgetMinutes: 495 });
    expect(requestDue(cal, wib('2026-03-05 10:00'), 1)).toEqual({ due: wib('2026-03-06 10:00'), budgetMinutes: 495 });
    expect(requestDue(cal, wib('2026-03-05 15:20'), 1)).toEqual({ due: wib('2026-03-06 15:15'), budgetMinutes: 490 });
    expect(requestDue(cal, wib('2026-03-02 10:00'), 3)).toEqual({ due: wib('2026-03-05 10:00'), budgetMinutes: 3 * 495 });
    expect(requestDue(cal, wib('2026-03-02 10:00'), 0)).toEqual({ due: wib('2026-03-02 15:30'), budgetMinutes: 330 });
    expect(requestDue(cal, wib('2026-03-17 10:00'), 1).due).toEqual(wib('2026-03-25 10:00')); // Lebaran
  });
});

describe('slaStatus', () => {
  // Received Monday 10:00 with 1 working day: due Tuesday 10:00, budget 495 minutes.
  const due = wib('2026-03-03 10:00');
  const at = (now: string) => slaStatus(cal, due, wib(now), 495);

  it('moves from on track through amber and red to overdue', () => {
    expect(at('2026-03-02 10:00')).toEqual({ state: 'on_track', remainingMinutes: 495 });
    expect(at('2026-03-03 07:15')).toEqual({ state: 'on_track', remainingMinutes: 165 });
    expect(at('2026-03-03 08:30')).toEqual({ state: 'amber', remainingMinutes: 90 });
    expect(at('2026-03-03 09:15')).toEqual({ state: 'red', remainingMinutes: 45 });
    expect(at('2026-03-03 10:00')).toEqual({ state: 'red', remainingMinutes: 0 });
    expect(at('2026-03-03 10:01')).toEqual({ state: 'overdue', remainingMinutes: -1 });
  });

  it('does not tick overnight', () => {
    expect(at('2026-03-02 15:30')).toEqual(at('2026-03-02 22:00'));
  });

  it('puts the boundaries at strictly less than 25% and 10% left', () => {
    const status = (minutesLeft: number) => slaStatus(cal, due, new Date(due.getTime() - minutesLeft * 60_000), 100).state;
    expect(status(25)).toBe('on_track');
    expect(status(24)).toBe('amber');
    expect(status(10)).toBe('amber');
    expect(status(9)).toBe('red');
    const strict = { amberBelowRemainingFraction: 0.5, redBelowRemainingFraction: 0.3 };
    expect(slaStatus(cal, due, new Date(due.getTime() - 40 * 60_000), 100, strict).state).toBe('amber');
  });

  it('is overdue after hours even though no working minute has passed', () => {
    const result = slaStatus(cal, wib('2026-03-02 15:30'), wib('2026-03-02 17:00'), 495);
    expect(result.state).toBe('overdue');
    expect(Object.is(result.remainingMinutes, 0)).toBe(true);
    expect(slaStatus(cal, wib('2026-03-06 15:15'), wib('2026-03-09 08:15'), 480)).toEqual({ state: 'overdue', remainingMinutes: -60 });
  });

  it('rejects a budget that is not positive', () => {
    expect(() => slaStatus(cal, due, wib('2026-03-02 10:00'), 0)).toThrow(RangeError);
  });
});

describe('escalationLevel', () => {
  it('goes to the Kasi when overdue and to the Camat a working day later', () => {
    expect(ESCALATION_LADDER.map((s) => s.role)).toEqual(['kasi', 'camat']);
    const due = wib('2026-03-03 10:00');
    const level = (now: string) => escalationLevel(cal, due, wib(now));
    expect(level('2026-03-03 09:59')).toBeNull();
    expect(level('2026-03-03 10:00')).toBeNull();
    expect(level('2026-03-03 10:01')).toBe('kasi');
    expect(level('2026-03-04 10:00')).toBe('kasi');
    expect(level('2026-03-04 10:01')).toBe('camat');
  });

  it('measures the extra working day across weekends and holidays', () => {
    expect(escalationLevel(cal, wib('2026-03-06 10:00'), wib('2026-03-08 10:00'))).toBe('kasi'); // Sunday
    expect(escalationLevel(cal, wib('2026-03-06 10:00'), wib('2026-03-09 10:01'))).toBe('camat');
    expect(escalationLevel(cal, wib('2026-03-17 10:00'), wib('2026-03-24 12:00'))).toBe('kasi'); // Lebaran
    expect(escalationLevel(cal, wib('2026-03-17 10:00'), wib('2026-03-25 10:01'))).toBe('camat');
    // Due at closing: the Camat hears at closing the next working day, not the morning after.
    expect(escalationLevel(cal, wib('2026-03-02 15:30'), wib('2026-03-03 15:31'))).toBe('camat');
  });

  it('takes a ladder with the Sekcam in between', () => {
    const ladder = [
      { role: 'kasi' as const, overdueBy: { workingMinutes: 0 } },
      { role: 'sekcam' as const, overdueBy: { workingMinutes: 120 } },
      { role: 'camat' as const, overdueBy: { workingDays: 2 } },
    ];
    const due = wib('2026-03-02 15:00');
    expect(escalationLevel(cal, due, wib('2026-03-03 08:45'), ladder)).toBe('kasi');
    expect(escalationLevel(cal, due, wib('2026-03-03 08:46'), ladder)).toBe('sekcam');
    expect(escalationLevel(cal, due, wib('2026-03-04 15:01'), ladder)).toBe('camat');
  });
});
