/**
 * The 16-digit numbers and the title read on a document photo, and their cross-check with what
 * was typed in the application. Pure text functions: `ocr.ts` gives them the OCR's text.
 */
import type { DocumentKind } from './quality.js';

/** Letters OCR commonly reads for digits, replaced only inside a run that is mostly digits. */
const LOOKALIKE: Record<string, string> = { O: '0', o: '0', D: '0', Q: '0', I: '1', l: '1', '|': '1', i: '1', Z: '2', z: '2', S: '5', s: '5', B: '8', G: '6', b: '6', T: '7', g: '9', q: '9' };

/**
 * Every 16-digit number in the text, in order, without repeats. A run may be split by single
 * spaces (as typed or as OCR reads wide spacing) and hold a few look-alike letters (O for 0); a
 * run of more than 16 digits is no NIK and is left out.
 */
export function sixteenDigitNumbers(text: string): string[] {
  const found: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    // Runs of digits and look-alikes, allowing single spaces and dots between groups.
    for (const match of line.matchAll(/[0-9OoDQIl|iZzSsBGbTgq](?:[ .]?[0-9OoDQIl|iZzSsBGbTgq])*/g)) {
      // A word ending in a look-alike letter ("s") may touch the number: when the run is too long,
      // only digits may start and end it.
      let run = match[0].replace(/[ .]/g, '');
      if (run.length > 16) run = run.replace(/^[^0-9]+|[^0-9]+$/g, '');
      const lookalikes = run.replace(/[0-9]/g, '').length;
      if (run.length !== 16 || lookalikes > 3) continue;
      const number = [...run].map((c) => LOOKALIKE[c] ?? c).join('');
      if (!found.includes(number)) found.push(number);
    }
  }
  return found;
}

/** Which document a title names. The KK is checked first: its header also says "Kepala Keluarga". */
export function titleOf(text: string): DocumentKind | null {
  const words = text.toUpperCase().replace(/[^A-Z]+/g, ' ');
  const squeezed = words.replace(/ /g, '');
  if (squeezed.includes('KARTUKELUARGA')) return 'kk';
  if (squeezed.includes('AKTAKELAHIRAN') || squeezed.includes('KUTIPANAKTA') || /\bKELAHIRAN\b/.test(words)) return 'akta';
  if (squeezed.includes('KARTUTANDAPENDUDUK') || squeezed.includes('BERLAKUHINGGA')) return 'ktp';
  if (/\bKELUARGA\b/.test(words)) return 'kk';
  return null;
}

export type DigitDifference = { position: number; typed: string; read: string };
export type NumberComparison =
  | { match: true; read: string }
  | { match: false; read: string; differences: DigitDifference[] }
  | { match: false; read: null; differences: [] };

/**
 * The number typed in the application against those read on the photo: a match, or the nearest
 * read number (fewest differing digits) with its differences digit by digit (1-based positions).
 */
export function compareNumber(typed: string, read: readonly string[]): NumberComparison {
  if (read.includes(typed)) return { match: true, read: typed };
  let best: { read: string; differences: DigitDifference[] } | null = null;
  for (const candidate of read) {
    const differences: DigitDifference[] = [];
    for (let i = 0; i < Math.max(typed.length, candidate.length); i++) {
      if (typed[i] !== candidate[i]) differences.push({ position: i + 1, typed: typed[i] ?? '', read: candidate[i] ?? '' });
    }
    if (!best || differences.length < best.differences.length) best = { read: candidate, differences };
  }
  return best ? { match: false, ...best } : { match: false, read: null, differences: [] };
}
