import { describe, expect, it } from 'vitest';
import { complaintFigures, complaintStatus, formatComplaintNumber, isValidAnswerDays, parseComplaintNumber } from './complaints.js';

const at = (iso: string) => new Date(iso);

describe('complaint numbers', () => {
  it('carry ADU, the office prefix, the year and a four-digit sequence', () => {
    expect(formatComplaintNumber('kbr', 2026, 7)).toBe('ADU-KBR-26-0007');
    expect(formatComplaintNumber('KBR', 2027, 12345)).toBe('ADU-KBR-27-12345');
  });
  it('refuse what cannot be a number', () => {
    expect(() => formatComplaintNumber('KB', 2026, 1)).toThrow(RangeError);
    expect(() => formatComplaintNumber('KBR', 2026, 0)).toThrow(RangeError);
  });
  it('are read as people type them, never guessed', () => {
    expect(parseComplaintNumber('adu kbr 26 7')).toBe('ADU-KBR-26-0007');
    expect(parseComplaintNumber(' ADU–KBR–26–0007 ')).toBe('ADU-KBR-26-0007');
    expect(parseComplaintNumber('KBR-26-000007')).toBeNull();
    expect(parseComplaintNumber('ADU-KBR-26-0')).toBeNull();
  });
});

describe('the time to answer', () => {
  it('is 1 to 14 working days', () => {
    expect([0, 1, 5, 14, 15, 2.5].map(isValidAnswerDays)).toEqual([false, true, true, true, false, false]);
  });
  it('makes a complaint overdue once its due time has passed without an answer, late when answered after it', () => {
    const c = { receivedAt: at('2026-11-02T02:00:00Z'), dueAt: at('2026-11-09T09:00:00Z') };
    expect(complaintStatus({ ...c, answeredAt: null }, at('2026-11-09T08:59:00Z'))).toBe('open');
    expect(complaintStatus({ ...c, answeredAt: null }, at('2026-11-09T09:01:00Z'))).toBe('overdue');
    expect(complaintStatus({ ...c, answeredAt: at('2026-11-09T09:00:00Z') }, at('2026-12-01T00:00:00Z'))).toBe('answered');
    expect(complaintStatus({ ...c, answeredAt: at('2026-11-10T01:00:00Z') }, at('2026-12-01T00:00:00Z'))).toBe('answered_late');
  });
});

describe("a period's figures", () => {
  it('count kinds, answers on time, open and overdue ones, with the median and p90 answer time in hours', () => {
    const received = at('2026-11-02T00:00:00Z');
    const due = at('2026-11-09T00:00:00Z');
    const answered = (hours: number) => ({ kind: 'keluhan' as const, receivedAt: received, dueAt: due, answeredAt: new Date(received.getTime() + hours * 3_600_000) });
    const rows = [answered(2), answered(4), answered(10), answered(200), { kind: 'saran' as const, receivedAt: received, dueAt: due, answeredAt: null }, { kind: 'saran' as const, receivedAt: at('2026-11-20T00:00:00Z'), dueAt: at('2026-11-27T00:00:00Z'), answeredAt: null }];
    expect(complaintFigures(rows, at('2026-11-21T00:00:00Z'))).toEqual({
      received: 6,
      keluhan: 4,
      saran: 2,
      answered: 4,
      answeredOnTime: 3,
      open: 2,
      overdue: 1,
      medianAnswerHours: 4,
      p90AnswerHours: 200,
    });
  });
  it('have no answer times when nothing was answered', () => {
    expect(complaintFigures([], at('2026-11-21T00:00:00Z'))).toMatchObject({ received: 0, medianAnswerHours: null, p90AnswerHours: null });
  });
});
