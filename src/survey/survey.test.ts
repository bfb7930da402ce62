import { describe, expect, it } from 'vitest';
import { UNSUR } from '../ikm/ikm.js';
import { answerColumns, ikmResponseOf, periodDates, periodsInYear } from './survey.js';

describe('survey periods', () => {
  it('gives the office-local dates of a month, quarter, semester and year, leap days included', () => {
    expect(periodDates('month', 2028, 2)).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodDates('month', 2026, 2)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodDates('quarter', 2026, 4)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodDates('semester', 2026, 1)).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(periodDates('year', 2026, 7)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
  it('refuses a number the period does not have', () => {
    expect(periodDates('quarter', 2026, 5)).toBeUndefined();
    expect(periodDates('semester', 2026, 0)).toBeUndefined();
    expect(periodDates('month', 2026, 13)).toBeUndefined();
    expect([periodsInYear('month'), periodsInYear('quarter'), periodsInYear('semester'), periodsInYear('year')]).toEqual([12, 4, 2, 1]);
  });
  it('stores answers by unsur code and reads them back the same', () => {
    const answers = Object.fromEntries(UNSUR.map((u, i) => [u, (i % 4) + 1])) as Record<(typeof UNSUR)[number], 1 | 2 | 3 | 4>;
    expect(ikmResponseOf(answerColumns(answers))).toEqual(answers);
  });
});
