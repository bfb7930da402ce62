/**
 * Indeks Kepuasan Masyarakat (PermenPANRB 14/2017): 9 unsur answered 1–4 by each respondent.
 *
 * NRR per unsur = mean answer; IKM = Σ NRR × 1/9; converted = IKM × 25; grade on the converted
 * value rounded to 2 decimals. The exact weight is 1/9; agencies' spreadsheets use 0.111, which
 * gives a figure 0.1 % lower and sometimes another grade, so both are computed and labelled.
 *
 * Every figure is a ratio of integers (the answers' totals over the respondents), so it is
 * rounded once, half up, from the exact fraction: no floating-point drift at a grade boundary.
 */

/** Stored by code, never by position: sources disagree on the order of the last two unsur. */
export const UNSUR = ['PERSYARATAN', 'PROSEDUR', 'WAKTU', 'BIAYA', 'PRODUK', 'KOMPETENSI', 'PERILAKU', 'PENGADUAN', 'SARPRAS'] as const;
export type UnsurCode = (typeof UNSUR)[number];
export type IkmAnswer = 1 | 2 | 3 | 4;
export type IkmResponse = Record<UnsurCode, IkmAnswer>;

export type IkmGrade = 'A' | 'B' | 'C' | 'D';

/** Lower bounds of the converted value (PermenPANRB 14/2017, Lampiran: nilai interval konversi). */
const GRADE_FLOORS: readonly [IkmGrade, number][] = [
  ['A', 88.31],
  ['B', 76.61],
  ['C', 65.0],
  ['D', 0],
];

export function gradeOf(converted: number): IkmGrade {
  return GRADE_FLOORS.find(([, floor]) => converted >= floor)![0];
}

export type IkmResult = {
  respondents: number;
  /** Mean answer per unsur, rounded to 3 decimals. */
  nrr: Record<UnsurCode, number>;
  /** Σ NRR × 1/9, rounded to 4 decimals. */
  ikm: number;
  /** ikm × 25, rounded to 2 decimals: the figure the grade is read from. */
  converted: number;
  grade: IkmGrade;
  /** The same with the weight 0.111 agencies' spreadsheets use, for comparison only. */
  ikm0111: number;
  converted0111: number;
  grade0111: IkmGrade;
  /** Unsur from the lowest NRR up: where to improve first. Ties keep the regulation's order. */
  priorities: UnsurCode[];
};

/** `numerator / denominator` rounded half up to `decimals` places, from exact integers. */
function roundedRatio(numerator: bigint, denominator: bigint, decimals: number): number {
  const scale = 10n ** BigInt(decimals);
  const scaled = (2n * numerator * scale + denominator) / (2n * denominator);
  return Number(scaled) / Number(scale);
}

export function computeIkm(responses: readonly IkmResponse[]): IkmResult | null {
  const n = BigInt(responses.length);
  if (n === 0n) return null;
  const totals = Object.fromEntries(UNSUR.map((u) => [u, 0n])) as Record<UnsurCode, bigint>;
  for (const response of responses) for (const u of UNSUR) totals[u] += BigInt(response[u]);
  const all = UNSUR.reduce((sum, u) => sum + totals[u], 0n);

  const nrr = Object.fromEntries(UNSUR.map((u) => [u, roundedRatio(totals[u], n, 3)])) as Record<UnsurCode, number>;
  // IKM = Σ (total_u / n) / 9 = all / 9n; converted = 25 · all / 9n.
  const converted = roundedRatio(25n * all, 9n * n, 2);
  // With 0.111: converted = 25 · 0.111 · all / n = 2775 · all / 1000n.
  const converted0111 = roundedRatio(2775n * all, 1000n * n, 2);
  const priorities = [...UNSUR].sort((a, b) => {
    // Compare total_a / n with total_b / n exactly: the same n, so the totals decide.
    const diff = totals[a] - totals[b];
    return diff < 0n ? -1 : diff > 0n ? 1 : UNSUR.indexOf(a) - UNSUR.indexOf(b);
  });
  return {
    respondents: responses.length,
    nrr,
    ikm: roundedRatio(all, 9n * n, 4),
    converted,
    grade: gradeOf(converted),
    ikm0111: roundedRatio(111n * all, 1000n * n, 4),
    converted0111,
    grade0111: gradeOf(converted0111),
    priorities,
  };
}

/**
 * The least number of respondents for a population of `population` service users in the period
 * (Krejcie & Morgan 1970, 95 % confidence, 5 % margin, p = 0.5), as PermenPANRB 14/2017 cites.
 */
export function minimumSample(population: number): number {
  if (!Number.isInteger(population) || population < 0) throw new RangeError('population must be a whole number ≥ 0');
  if (population === 0) return 0;
  const chi = 3.841;
  return Math.round((chi * population * 0.25) / (0.0025 * (population - 1) + chi * 0.25));
}
