/**
 * Everything the upload path will tell a citizen about one photo (issue 16), in one call for the
 * worker: the quality check, the title and numbers read by OCR within a time budget, and the
 * cross-check with the NIK and KK number typed in the application; the CLI's call. The upload
 * channels use `upload.ts` instead, which keeps the findings on the file and words them for the
 * slot the file ends in; the photo is kept whatever they say.
 */
import type { Locale } from '../i18n/i18n.js';
import { decodePhoto } from './decode.js';
import { detectFace } from './face-detector.js';
import { photoKindFor } from './kinds.js';
import { numberHint, photoHints } from './messages.js';
import { compareNumber, type NumberComparison } from './numbers.js';
import { DEFAULT_OCR_TIMEOUT_MS, readDocument, type DocumentReading } from './ocr.js';
import { checkPhotoQuality, type PhotoCheck, type PhotoKind } from './quality.js';

export { photoKindFor } from './kinds.js';

export type PhotoFindings = {
  check: PhotoCheck;
  /** What the OCR read, or null when it did not run or ran out of time. */
  reading: DocumentReading | null;
  comparisons: { field: 'nik' | 'kk'; typed: string; comparison: NumberComparison }[];
  /** Plain words for the citizen, problems first, then the number cross-checks. */
  hints: string[];
};

export type FindingsOptions = {
  documentType?: string | null | undefined;
  typed?: { nik?: string | undefined; kk?: string | undefined } | undefined;
  lang?: Locale | undefined;
  /** 0 skips the OCR; its absence changes nothing but the hints. */
  ocrTimeoutMs?: number | undefined;
};

/** null when the bytes are not a picture sharp can decode (a PDF, say): nothing to say then. */
export async function photoFindings(bytes: Buffer, opts: FindingsOptions = {}): Promise<PhotoFindings | null> {
  const lang = opts.lang ?? 'id';
  const kind = photoKindFor(opts.documentType);
  let pixels;
  try {
    pixels = await decodePhoto(bytes);
  } catch {
    return null;
  }
  const budget = opts.ocrTimeoutMs ?? DEFAULT_OCR_TIMEOUT_MS;
  const document = kind !== null && kind !== 'photo' ? kind : null;
  const reading = document && budget > 0 ? await readDocument(bytes, { timeoutMs: budget }) : null;
  const face = kind === 'photo' ? await detectFace(pixels.rgb) : undefined;
  const check = checkPhotoQuality(pixels, kind ?? 'kk', { title: reading?.title, face });
  const comparisons: PhotoFindings['comparisons'] = [];
  if (document && reading) {
    // The KK number is printed on the KK only; a NIK on all three.
    if (opts.typed?.nik) comparisons.push({ field: 'nik', typed: opts.typed.nik, comparison: compareNumber(opts.typed.nik, reading.numbers) });
    if (opts.typed?.kk && document === 'kk') comparisons.push({ field: 'kk', typed: opts.typed.kk, comparison: compareNumber(opts.typed.kk, reading.numbers) });
  }
  // A wrong document's numbers are not the ones to compare: say only that it is the wrong one.
  const crossChecks = check.problems.includes('wrong_document') ? [] : comparisons.map((c) => numberHint(lang, document!, c.field, c.typed, c.comparison));
  return { check, reading, comparisons, hints: [...photoHints(lang, kind ?? 'document', check, reading?.title), ...crossChecks] };
}
