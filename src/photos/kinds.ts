/**
 * Which photo check a catalogue document type gets. Pure and light: the chat's dialogue and the
 * request page use it without loading the image, OCR or face libraries.
 */
import type { PhotoKind } from './quality.js';

/** null: only the generic quality checks. */
export function photoKindFor(documentType: string | null | undefined): PhotoKind | null {
  switch (documentType) {
    case 'kk':
      return 'kk';
    case 'akta_kelahiran':
      return 'akta';
    case 'ktp_el':
    case 'ktp_el_ayah':
    case 'ktp_el_ibu':
    case 'ktp_el_pelapor':
      return 'ktp';
    case 'pas_foto':
      return 'photo';
    default:
      return null;
  }
}
