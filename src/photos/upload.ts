/**
 * The photo checks wired into uploads (issue 16). `checkUploadedPhoto` runs where an upload is
 * stored: the quality check (well under a second) always, the OCR of title and numbers only when
 * the caller gives it a time budget (the WhatsApp worker does; a portal or counter request does
 * not wait for it). `photoFindingsShown` turns what was kept into words for the place the file is
 * shown, once the document's slot and the typed numbers are known. The photo is kept whatever the
 * check says: every finding is a hint, never a refusal.
 */
import type { StoredPhotoFindings } from '../db/schema.js';
import { t, type Locale } from '../i18n/i18n.js';
import { photoKindFor } from './kinds.js';
import { numberHint } from './messages.js';
import { compareNumber, type NumberComparison } from './numbers.js';
import { PHOTO_PROBLEMS, type PhotoKind, type PhotoProblem } from './quality.js';

export type UploadPhotoOptions = {
  documentType?: string | null | undefined;
  /** 0 (the default) skips the OCR; then only the quality check runs. */
  ocrTimeoutMs?: number | undefined;
  now: Date;
};

/** null when the upload is not a picture (a PDF): nothing to say. */
export async function checkUploadedPhoto(bytes: Buffer, mime: string, opts: UploadPhotoOptions): Promise<StoredPhotoFindings | null> {
  if (!mime.startsWith('image/')) return null;
  // Loaded on first use: sharp's pixels, tesseract and the face detector are heavy.
  const [{ decodePhoto }, { readDocument }, { detectFace }, { checkPhotoQuality }] = await Promise.all([
    import('./decode.js'),
    import('./ocr.js'),
    import('./face-detector.js'),
    import('./quality.js'),
  ]);
  let pixels;
  try {
    pixels = await decodePhoto(bytes);
  } catch {
    return null;
  }
  const kind = photoKindFor(opts.documentType);
  const budget = opts.ocrTimeoutMs ?? 0;
  const reading = kind !== 'photo' && budget > 0 ? await readDocument(bytes, { timeoutMs: budget }) : null;
  const face = kind === 'photo' ? await detectFace(pixels.rgb) : undefined;
  const check = checkPhotoQuality(pixels, kind ?? 'kk', { title: reading?.title, face });
  const m = check.measures;
  return {
    kind,
    problems: [...check.problems],
    measures: { width: m.width, height: m.height, sharpness: round(m.sharpness), meanLuminance: round(m.meanLuminance) },
    reading: reading ? { numbers: reading.numbers, title: reading.title } : null,
    ocr: budget <= 0 || kind === 'photo' ? 'skipped' : reading ? 'read' : 'not_read',
    checkedAt: opts.now.toISOString(),
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The checks that judge a pass photo fairly when it was checked as a document (its slot unknown then). */
const FIT_FOR_PASS_PHOTO: readonly PhotoProblem[] = ['dark', 'bright'];

/**
 * The problems for the slot the file ended in. A photo checked before its slot was known (a
 * WhatsApp photo) was judged as a document: it is the wrong document when the title read is
 * another's, and only exposure tells about a pass photo judged so.
 */
export function problemsFor(findings: { kind: PhotoKind | null; problems: readonly string[]; title: string | null }, documentType: string | null | undefined): PhotoProblem[] {
  const slot = photoKindFor(documentType);
  const found = new Set(findings.problems.filter((p): p is PhotoProblem => (PHOTO_PROBLEMS as readonly string[]).includes(p)));
  if (findings.kind === null && slot === 'photo') for (const p of found) if (!FIT_FOR_PASS_PHOTO.includes(p)) found.delete(p);
  const title = findings.title;
  if (slot !== null && slot !== 'photo' && title !== null && title !== slot) found.add('wrong_document');
  if (slot !== null && title === slot) found.delete('wrong_document');
  return PHOTO_PROBLEMS.filter((p) => found.has(p));
}

/** What to retake and how, in the citizen's words; empty when the photo is fine. */
export function retakeHints(lang: Locale, problems: readonly PhotoProblem[], documentType: string | null | undefined, title?: string | null): string[] {
  if (problems.length === 0) return [];
  const kind: PhotoKind | 'document' = photoKindFor(documentType) ?? 'document';
  const params = { doc: t(lang, `photo.doc.${kind}`), whole: t(lang, `photo.whole.${kind}`), read: title ? t(lang, `photo.doc.${title}`) : '' };
  return [...problems.map((p) => t(lang, `photo.problem.${p}`, params)), t(lang, 'photo.send_anyway')];
}

/** What the uploader is told at once: the problems and how to retake the photo; null for a PDF. */
export function photoAdvice(findings: StoredPhotoFindings | null, documentType: string | null | undefined, lang: Locale): { problems: PhotoProblem[]; hints: string[] } | null {
  if (!findings) return null;
  const problems = problemsFor({ kind: findings.kind, problems: findings.problems, title: findings.reading?.title ?? null }, documentType);
  return { problems, hints: retakeHints(lang, problems, documentType, findings.reading?.title) };
}

export type NumberCheckShown = { field: 'nik' | 'kk'; comparison: NumberComparison; text: string };

export type PhotoFindingsShown = {
  problems: PhotoProblem[];
  /** The problems in words, then that the photo may still be used. */
  hints: string[];
  /** The typed NIK / KK number against the numbers read: "NIK pada foto KK cocok" or the differing digits. */
  numbers: NumberCheckShown[];
  /** 'not_read': the OCR ran out of time or found nothing; 'skipped': it did not run. */
  ocr: StoredPhotoFindings['ocr'];
  measures: StoredPhotoFindings['measures'];
  checkedAt: string;
};

/** Everything the verifier reads beside the document. */
export function photoFindingsShown(
  findings: StoredPhotoFindings,
  documentType: string | null | undefined,
  typed: { nik?: string | undefined; kk?: string | undefined },
  lang: Locale,
): PhotoFindingsShown {
  const problems = problemsFor({ kind: findings.kind, problems: findings.problems, title: findings.reading?.title ?? null }, documentType);
  const slot = photoKindFor(documentType);
  const numbers: NumberCheckShown[] = [];
  // A wrong document's numbers are not the ones to compare; a pass photo has none.
  if (findings.reading && slot !== null && slot !== 'photo' && !problems.includes('wrong_document')) {
    const read = findings.reading.numbers;
    const push = (field: 'nik' | 'kk', value: string) => {
      const comparison = compareNumber(value, read);
      numbers.push({ field, comparison, text: numberHint(lang, slot, field, value, comparison) });
    };
    if (typed.nik) push('nik', typed.nik);
    // The KK number is printed on the KK only.
    if (typed.kk && slot === 'kk') push('kk', typed.kk);
  }
  return {
    problems,
    hints: retakeHints(lang, problems, documentType, findings.reading?.title),
    numbers,
    ocr: findings.ocr,
    measures: findings.measures,
    checkedAt: findings.checkedAt,
  };
}
