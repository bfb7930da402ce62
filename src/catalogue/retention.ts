/**
 * Why the office keeps each scan and for how long (UU 27/2022 PDP: a stated purpose, and no longer
 * than that purpose needs). Data, not code: the purpose is shown to citizens in the portal, the
 * period drives `files.purge_after`, and a purge worker deletes the bytes when it has passed.
 *
 * How the periods were chosen:
 * - Kencot is not the population register. Once a request is closed, what Dindukcapil issued is
 *   recorded in SIAK; our scans only served to take the application in and check it.
 * - A closed request (handed over, refused or cancelled) keeps its scans 90 days, so a complaint,
 *   an objection to a refusal, a correction of a misprinted card or an inspection can still be
 *   checked against what the applicant actually sent. Complaints to the office or the Ombudsman
 *   come within weeks, not years.
 * - The colour photo is the child's face and has one use, being printed on the card. 30 days
 *   covers a reprint after a misprint noticed at hand-over.
 * - An upload that never became part of a request (a portal or chat application given up half
 *   way) goes after 7 days: the portal's token lasts two hours and a chat resumed after a week
 *   starts again anyway. A document replaced by a fix starts the same 7 days when it is replaced,
 *   so the officer who returned the file can still compare the two.
 * - Days are calendar days counted from the instant the request closed, not working days: a
 *   retention period is a promise to citizens, not an SLA.
 *
 * Pure: no clock, no I/O. Times are passed in.
 */
import { DOCUMENT_TYPES, type DocumentType, type LocalizedText } from './vocabulary.js';

export type DocumentRetention = {
  /** What the office uses this document for, as the citizen reads it. */
  purpose: LocalizedText;
  /** Calendar days the scan is kept after the request it belongs to is closed. */
  daysAfterClosing: number;
};

/** The default period after closing; also used for a scan whose type is not (or no longer) known. */
export const DAYS_AFTER_CLOSING = 90;
/** The child's photo: only needed to print the card. */
const PHOTO_DAYS_AFTER_CLOSING = 30;
/** Uploads that never became part of a request, and documents replaced by a fix. */
export const UNATTACHED_UPLOAD_DAYS = 7;

const keep = (id: string, en: string, daysAfterClosing = DAYS_AFTER_CLOSING): DocumentRetention => ({ purpose: { id, en }, daysAfterClosing });

export const DOCUMENT_RETENTION: Readonly<Record<DocumentType, DocumentRetention>> = {
  akta_kelahiran: keep(
    'Untuk mencocokkan nama, tanggal lahir, dan nama orang tua dengan data permohonan.',
    "To check the name, date of birth and parents' names against the application.",
  ),
  kk: keep(
    'Untuk memastikan bahwa yang dibuatkan dokumen tercatat dalam Kartu Keluarga, serta mencocokkan NIK dan alamatnya.',
    'To make sure the person the document is for is on the family card, and to check their NIK and address.',
  ),
  ktp_el: keep('Untuk memastikan identitas dan NIK orang yang mengajukan.', 'To confirm the identity and NIK of the person applying.'),
  ktp_el_ayah: keep(
    'Untuk mencocokkan identitas ayah dengan akta kelahiran dan Kartu Keluarga.',
    "To check the father's identity against the birth certificate and the family card.",
  ),
  ktp_el_ibu: keep(
    'Untuk mencocokkan identitas ibu dengan akta kelahiran dan Kartu Keluarga.',
    "To check the mother's identity against the birth certificate and the family card.",
  ),
  ktp_el_pelapor: keep(
    'Untuk mengetahui dan memastikan identitas orang yang melaporkan peristiwa.',
    'To know and confirm who reported the event.',
  ),
  pas_foto: keep(
    // Only the KIA of a child aged 5 or over takes a photo; the KTP-el photo is taken at enrolment.
    'Untuk dicetak pada KIA anak berusia 5 tahun ke atas.',
    'To be printed on the KIA of a child aged 5 or over.',
    PHOTO_DAYS_AFTER_CLOSING,
  ),
  paspor: keep(
    'Untuk memastikan identitas dan kewarganegaraan anak berkewarganegaraan asing.',
    'To confirm the identity and nationality of a child who is a foreign national.',
  ),
  kitap: keep(
    'Untuk memastikan izin tinggal tetap, yang menentukan masa berlaku KIA anak berkewarganegaraan asing.',
    "To confirm the permanent stay permit, which sets how long a foreign child's KIA is valid.",
  ),
  surat_keterangan_kelahiran: keep(
    'Sebagai bukti kelahiran untuk penerbitan akta kelahiran.',
    'As proof of the birth, to issue the birth certificate.',
  ),
  sptjm_kelahiran: keep(
    'Sebagai pernyataan kebenaran data kelahiran bila surat keterangan kelahiran tidak ada.',
    'As the statement that the birth details are true, when there is no birth notification.',
  ),
  sptjm_kematian: keep(
    'Sebagai pernyataan kebenaran data kematian bila surat keterangan kematian dari dokter atau desa tidak ada.',
    'As the statement that the death details are true, when there is no death letter from a doctor or the village.',
  ),
  sptjm_perkawinan: keep(
    'Sebagai pernyataan perkawinan atau perceraian yang belum tercatat, untuk status kawin pada Kartu Keluarga.',
    'As the statement of a marriage or divorce not yet registered, for the marital status on the family card.',
  ),
  buku_nikah: keep(
    'Untuk mencatat status perkawinan orang tua atau perubahan data yang diajukan.',
    "To record the parents' marital status, or the change of data applied for.",
  ),
  surat_keterangan_kematian: keep(
    'Sebagai bukti kematian untuk penerbitan akta kematian.',
    'As proof of the death, to issue the death certificate.',
  ),
  surat_pindah: keep(
    'Untuk mencatat kepindahan dari daerah asal ke alamat yang baru.',
    'To record the move from the previous address to the new one.',
  ),
  surat_keterangan_hilang: keep(
    'Sebagai bukti bahwa dokumen lama hilang, sehingga dapat diterbitkan kembali.',
    'As proof that the old document was lost, so that it can be issued again.',
  ),
  dokumen_rusak: keep(
    'Sebagai bukti bahwa dokumen lama rusak, sehingga dapat diganti.',
    'As proof that the old document is damaged, so that it can be replaced.',
  ),
  dokumen_pendukung: keep(
    'Sebagai dasar perubahan data yang Bapak/Ibu ajukan.',
    'As the basis for the change of data you applied for.',
  ),
};

const DAY_MS = 24 * 60 * 60 * 1000;

function isDocumentType(value: string | null): value is DocumentType {
  return value !== null && (DOCUMENT_TYPES as readonly string[]).includes(value);
}

/** The rule for a scan; a missing or unknown type (e.g. a chat photo not yet sorted) gets the default. */
export function retentionFor(documentType: string | null): DocumentRetention {
  return isDocumentType(documentType)
    ? DOCUMENT_RETENTION[documentType]
    : { purpose: { id: 'Untuk memeriksa permohonan.', en: 'To check the application.' }, daysAfterClosing: DAYS_AFTER_CLOSING };
}

/**
 * When a scan's bytes must go. `closedAt` is when the request it belongs to reached a final state
 * (null: it belongs to no request); `unattachedSince` is its upload time, or when a fix replaced it.
 */
export function purgeDateFor(documentType: string | null, closedAt: Date | null, unattachedSince: Date): Date {
  if (closedAt) return new Date(closedAt.getTime() + retentionFor(documentType).daysAfterClosing * DAY_MS);
  return new Date(unattachedSince.getTime() + UNATTACHED_UPLOAD_DAYS * DAY_MS);
}
