/**
 * The words a citizen reads about a photo: one line per problem, in the order to fix them, then
 * that the photo may still be sent; and the cross-check of a typed number with the one read.
 */
import { t, type Locale } from '../i18n/i18n.js';
import type { NumberComparison } from './numbers.js';
import type { DocumentKind, PhotoCheck, PhotoKind } from './quality.js';

type Subject = PhotoKind | 'document';
const names = (lang: Locale, kind: Subject) => ({ doc: t(lang, `photo.doc.${kind}`), whole: t(lang, `photo.whole.${kind}`) });

/** What is wrong and how to retake it; empty when the photo is fine. */
export function photoHints(lang: Locale, kind: Subject, check: PhotoCheck, title?: DocumentKind | null): string[] {
  if (check.ok) return [];
  const params = { ...names(lang, kind), read: title ? t(lang, `photo.doc.${title}`) : '' };
  return [...check.problems.map((p) => t(lang, `photo.problem.${p}`, params)), t(lang, 'photo.send_anyway')];
}

/** "NIK pada foto KK cocok", or the digits that differ. */
export function numberHint(lang: Locale, kind: DocumentKind, field: 'nik' | 'kk', typed: string, comparison: NumberComparison): string {
  const { doc } = names(lang, kind);
  if (comparison.match) return t(lang, `photo.number.${field}_match`, { doc });
  if (comparison.read === null) return t(lang, 'photo.number.not_read', { doc });
  const positions = comparison.differences.map((d) => d.position).join(', ');
  return t(lang, `photo.number.${field}_differs`, { doc, read: comparison.read, typed, positions });
}
