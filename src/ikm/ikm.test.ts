import { describe, expect, it } from 'vitest';
import { computeIkm, gradeOf, minimumSample, UNSUR, type IkmAnswer, type IkmResponse } from './ikm.js';

/** A respondent from nine answers in the regulation's order of codes. */
const respondent = (...answers: IkmAnswer[]): IkmResponse => Object.fromEntries(UNSUR.map((u, i) => [u, answers[i]!])) as IkmResponse;
const times = (n: number, r: IkmResponse) => Array.from({ length: n }, () => r);

describe('the IKM of PermenPANRB 14/2017', () => {
  it('matches a case worked by hand, rounding 80.475 half up from the exact fraction', () => {
    // Totals per unsur 7, 6, 5, 8, 6, 7, 8, 5, 6 = 58 over 2 respondents.
    // Exact: 58 / 18 = 3.2222…, × 25 = 80.555… → 80.56 (B). With 0.111: 58 / 2 × 0.111 × 25 = 80.475 → 80.48,
    // which binary floating point would round to 80.47.
    const result = computeIkm([respondent(4, 3, 3, 4, 3, 3, 4, 3, 3), respondent(3, 3, 2, 4, 3, 4, 4, 2, 3)])!;
    expect(result).toEqual({
      respondents: 2,
      nrr: { PERSYARATAN: 3.5, PROSEDUR: 3, WAKTU: 2.5, BIAYA: 4, PRODUK: 3, KOMPETENSI: 3.5, PERILAKU: 4, PENGADUAN: 2.5, SARPRAS: 3 },
      ikm: 3.2222,
      converted: 80.56,
      grade: 'B',
      ikm0111: 3.219,
      converted0111: 80.48,
      grade0111: 'B',
      priorities: ['WAKTU', 'PENGADUAN', 'PROSEDUR', 'PRODUK', 'SARPRAS', 'PERSYARATAN', 'KOMPETENSI', 'BIAYA', 'PERILAKU'],
    });
  });

  it('gives A with the exact weight where the 0.111 spreadsheets give B', () => {
    // 40 respondents answering 4,4,4,4,4,3,3,3,3 (32) and 10 answering 4,4,4,4,3,3,3,3,3 (31): total 1590 / 50.
    // Exact: 25 × 1590 / 450 = 88.333… → 88.33, A. With 0.111: 2.775 × 1590 / 50 = 88.245 → 88.25, B.
    const result = computeIkm([...times(40, respondent(4, 4, 4, 4, 4, 3, 3, 3, 3)), ...times(10, respondent(4, 4, 4, 4, 3, 3, 3, 3, 3))])!;
    expect([result.converted, result.grade]).toEqual([88.33, 'A']);
    expect([result.converted0111, result.grade0111]).toEqual([88.25, 'B']);
    expect(result.nrr.PRODUK).toBe(3.8);
    expect(result.ikm).toBe(3.5333);
  });

  it('spans 25 to 100, D to A', () => {
    expect(computeIkm(times(3, respondent(1, 1, 1, 1, 1, 1, 1, 1, 1)))).toMatchObject({ ikm: 1, converted: 25, grade: 'D', converted0111: 24.98 });
    expect(computeIkm(times(3, respondent(4, 4, 4, 4, 4, 4, 4, 4, 4)))).toMatchObject({ ikm: 4, converted: 100, grade: 'A', converted0111: 99.9 });
  });

  it('reads the grade from the converted value at the regulation’s interval bounds', () => {
    const cases: [number, string][] = [[100, 'A'], [88.31, 'A'], [88.3, 'B'], [76.61, 'B'], [76.6, 'C'], [65, 'C'], [64.99, 'D'], [25, 'D']];
    for (const [converted, grade] of cases) expect(gradeOf(converted), String(converted)).toBe(grade);
  });

  it('keeps the regulation’s order among unsur with the same NRR', () => {
    expect(computeIkm([respondent(3, 3, 3, 3, 3, 3, 3, 3, 3)])!.priorities).toEqual([...UNSUR]);
    expect(computeIkm([respondent(3, 3, 3, 3, 3, 3, 3, 2, 2)])!.priorities.slice(0, 2)).toEqual(['PENGADUAN', 'SARPRAS']);
  });

  it('has nothing to say about no respondents', () => {
    expect(computeIkm([])).toBeNull();
  });
});

describe('the Krejcie–Morgan minimum sample', () => {
  it('matches the published table', () => {
    const table: [number, number][] = [[0, 0], [10, 10], [50, 44], [100, 80], [120, 92], [500, 217], [1000, 278], [10_000, 370], [1_000_000, 384]];
    for (const [population, sample] of table) expect(minimumSample(population), String(population)).toBe(sample);
  });

  it('refuses a population that is not a whole number', () => {
    expect(() => minimumSample(-1)).toThrow(RangeError);
    expect(() => minimumSample(2.5)).toThrow(RangeError);
  });
});
