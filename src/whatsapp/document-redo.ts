/**
 * Sending a document again: "maaf bu foto akta tadi gelap, saya kirim ulang ya" names the akta
 * already sent, so the next photo replaces the akta instead of being filed as the document asked
 * for now. The words people use for each document are one table here.
 */
import type { DocumentType } from '../catalogue/vocabulary.js';
import { normalise } from './dialogue-kit.js';
import type { Draft } from './dialogue-state.js';

/** What citizens call each document, most specific first within a type ("ktp ibu" before "ktp"). */
export const DOCUMENT_WORDS: Readonly<Record<DocumentType, readonly string[]>> = {
  akta_kelahiran: ['akta kelahiran', 'akte kelahiran', 'akta lahir', 'akte lahir', 'akta', 'akte', 'birth certificate'],
  kk: ['kartu keluarga', 'kk', 'family card'],
  ktp_el_ayah: ['ktp ayah', 'ktp bapak', 'ktp bapaknya', 'ktp suami', 'ktp el ayah', 'ktp father'],
  ktp_el_ibu: ['ktp ibu', 'ktp ibunya', 'ktp istri', 'ktp el ibu', 'ktp mother'],
  ktp_el_pelapor: ['ktp pelapor', 'ktp saya', 'ktp sy'],
  ktp_el: ['ktp el', 'e ktp', 'ektp', 'ktp'],
  pas_foto: ['pas foto', 'pasfoto', 'foto 3x4', 'foto anak', 'foto wajah', 'photo'],
  paspor: ['paspor', 'passport'],
  kitap: ['kitap', 'kitas'],
  surat_keterangan_kelahiran: ['surat keterangan lahir', 'surat keterangan kelahiran', 'surat lahir', 'ket lahir', 'surat bidan', 'surat rumah sakit'],
  sptjm_kelahiran: ['sptjm kelahiran', 'sptjm lahir', 'sptjm'],
  sptjm_kematian: ['sptjm kematian', 'sptjm meninggal'],
  sptjm_perkawinan: ['sptjm perkawinan', 'sptjm nikah', 'sptjm perceraian', 'sptjm cerai'],
  buku_nikah: ['buku nikah', 'akta nikah', 'surat nikah', 'akta perkawinan'],
  surat_keterangan_kematian: ['surat kematian', 'surat keterangan kematian', 'ket kematian'],
  surat_pindah: ['skpwni', 'surat pindah'],
  surat_keterangan_hilang: ['surat hilang', 'surat kehilangan', 'keterangan hilang', 'surat polisi'],
  dokumen_rusak: ['yang rusak', 'dokumen rusak', 'kartu rusak'],
  dokumen_pendukung: ['dokumen pendukung', 'pendukung'],
};

/** Words saying the earlier upload was not good and another one follows. */
const REDO_WORDS = [
  'kirim ulang', 'kirim lagi', 'ulang', 'ulangi', 'ganti', 'diganti', 'salah', 'keliru', 'gelap', 'buram', 'burem', 'blur', 'kabur',
  'kurang jelas', 'tidak jelas', 'gak jelas', 'ga jelas', 'nggak jelas', 'ora cetha', 'kepotong', 'terpotong', 'kebalik', 'terbalik',
  'revisi', 'ralat', 'resend', 'send again', 'again', 'wrong', 'dark', 'blurry',
];

function mentions(typed: string, phrase: string): boolean {
  return ` ${typed} `.includes(` ${phrase} `);
}

/**
 * The document a message says will be sent again, among those already sent, or undefined. A
 * message with the redo words but no document named means the one sent last.
 */
export function documentToRedo(input: string, draft: Draft): string | undefined {
  const typed = normalise(input);
  if (!REDO_WORDS.some((w) => mentions(typed, w))) return undefined;
  const sent = Object.entries(draft.docs).flatMap(([item, attached]) => ('fileId' in attached ? [{ item, type: attached.documentType }] : []));
  if (sent.length === 0) return undefined;
  // "foto akta": "foto" alone is any picture, so the most specific phrase named wins.
  let best: { item: string; length: number } | undefined;
  for (const { item, type } of sent) {
    const words = DOCUMENT_WORDS[type as DocumentType] ?? DOCUMENT_WORDS[item as DocumentType] ?? [];
    for (const phrase of words) if (mentions(typed, phrase) && phrase.length > (best?.length ?? 0)) best = { item, length: phrase.length };
  }
  if (best) return best.item;
  const namesOther = Object.values(DOCUMENT_WORDS).some((words) => words.some((w) => mentions(typed, w)));
  if (namesOther) return undefined;
  const last = [...draft.order].reverse().find((k) => k.startsWith('doc:') && sent.some((s) => `doc:${s.item}` === k));
  return last && /\b(tadi|sebelumnya|barusan|yang tadi|yg tadi|ulang|lagi)\b/.test(typed) ? last.slice('doc:'.length) : undefined;
}
