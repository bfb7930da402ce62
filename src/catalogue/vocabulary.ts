/**
 * The closed vocabularies the catalogue is written in: document types an applicant attaches,
 * data fields a form asks for, documents the office issues, and the channels a request arrives by.
 *
 * They are closed lists (not free text) because other parts of the system key on them: the file
 * store records a scan's document type to pick its purpose and retention period (UU PDP), the
 * checklist matches attachments by type, and the SIAK outcome names what was issued. An admin
 * edits *which* of these a service asks for; adding a new type is a code change on purpose.
 *
 * Labels are shown to people: Bahasa Indonesia first, English second.
 */
import { z } from 'zod';
import { safeText } from '../platform/safe-text.js';

export const LocalizedTextSchema = z.object({
  id: safeText().trim().min(1),
  en: safeText().trim().min(1),
});
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

// ---------------------------------------------------------------------------------------------
// Documents the applicant brings or uploads

export const DOCUMENT_TYPES = [
  'akta_kelahiran',
  'kk',
  'ktp_el',
  'ktp_el_ayah',
  'ktp_el_ibu',
  'ktp_el_pelapor',
  'pas_foto',
  'paspor',
  'kitap',
  'surat_keterangan_kelahiran',
  'sptjm_kelahiran',
  'sptjm_kematian',
  'sptjm_perkawinan',
  'buku_nikah',
  'surat_keterangan_kematian',
  'surat_pindah',
  'surat_keterangan_hilang',
  'dokumen_rusak',
  'dokumen_pendukung',
] as const;
export const DocumentTypeSchema = z.enum(DOCUMENT_TYPES);
export type DocumentType = z.infer<typeof DocumentTypeSchema>;

export const DOCUMENT_TYPE_LABELS: Readonly<Record<DocumentType, LocalizedText>> = {
  akta_kelahiran: { id: 'Kutipan akta kelahiran', en: 'Birth certificate (extract)' },
  kk: { id: 'Kartu Keluarga (KK)', en: 'Family card (KK)' },
  ktp_el: { id: 'KTP-el', en: 'Electronic ID card (KTP-el)' },
  ktp_el_ayah: { id: 'KTP-el ayah', en: "Father's KTP-el" },
  ktp_el_ibu: { id: 'KTP-el ibu', en: "Mother's KTP-el" },
  ktp_el_pelapor: { id: 'KTP-el pelapor', en: "Reporting person's KTP-el" },
  pas_foto: { id: 'Pas foto berwarna', en: 'Colour passport photo' },
  paspor: { id: 'Paspor', en: 'Passport' },
  kitap: { id: 'Kartu Izin Tinggal Tetap (KITAP)', en: 'Permanent stay permit (KITAP)' },
  surat_keterangan_kelahiran: {
    id: 'Surat keterangan kelahiran dari rumah sakit, puskesmas, bidan, atau desa',
    en: 'Birth notification from the hospital, health centre, midwife or village office',
  },
  sptjm_kelahiran: {
    id: 'Surat Pernyataan Tanggung Jawab Mutlak (SPTJM) kebenaran data kelahiran',
    en: 'Sworn statement (SPTJM) that the birth details are true',
  },
  sptjm_kematian: {
    id: 'Surat Pernyataan Tanggung Jawab Mutlak (SPTJM) kebenaran data kematian',
    en: 'Sworn statement (SPTJM) that the death details are true',
  },
  sptjm_perkawinan: {
    id: 'SPTJM perkawinan/perceraian belum tercatat',
    en: 'Sworn statement (SPTJM) of a marriage or divorce not yet registered',
  },
  buku_nikah: { id: 'Buku nikah atau kutipan akta perkawinan', en: 'Marriage book or marriage certificate' },
  surat_keterangan_kematian: {
    id: 'Surat keterangan kematian dari rumah sakit, puskesmas, atau desa',
    en: 'Death notification from the hospital, health centre or village office',
  },
  surat_pindah: {
    id: 'Surat Keterangan Pindah WNI (SKPWNI) dari daerah asal',
    en: 'Moving certificate (SKPWNI) from the previous address',
  },
  surat_keterangan_hilang: { id: 'Surat keterangan kehilangan dari kepolisian', en: 'Police report of the loss' },
  dokumen_rusak: { id: 'Dokumen asli yang rusak', en: 'The damaged original document' },
  dokumen_pendukung: {
    id: 'Dokumen pendukung perubahan data (misalnya ijazah, akta, atau buku nikah)',
    en: 'Supporting document for the change (e.g. diploma, certificate or marriage book)',
  },
};

// ---------------------------------------------------------------------------------------------
// Documents the office issues (what a SIAK outcome records)

export const OUTPUT_DOCUMENTS = ['kia', 'ktp_el', 'kk', 'akta_kelahiran', 'akta_kematian', 'skpwni', 'ikd'] as const;
export const OutputDocumentSchema = z.enum(OUTPUT_DOCUMENTS);
export type OutputDocument = z.infer<typeof OutputDocumentSchema>;

export const OUTPUT_DOCUMENT_LABELS: Readonly<Record<OutputDocument, LocalizedText>> = {
  kia: { id: 'Kartu Identitas Anak (KIA)', en: 'Child ID card (KIA)' },
  ktp_el: { id: 'KTP-el', en: 'Electronic ID card (KTP-el)' },
  kk: { id: 'Kartu Keluarga (KK)', en: 'Family card (KK)' },
  akta_kelahiran: { id: 'Akta kelahiran', en: 'Birth certificate' },
  akta_kematian: { id: 'Akta kematian', en: 'Death certificate' },
  skpwni: { id: 'Surat Keterangan Pindah WNI (SKPWNI)', en: 'Moving certificate (SKPWNI)' },
  ikd: { id: 'Identitas Kependudukan Digital (IKD) aktif', en: 'Digital ID (IKD) activated' },
};

// ---------------------------------------------------------------------------------------------
// Data fields a form asks for

/** How a field is entered and validated (field-values.ts); NIK and KK numbers use identity/nik.ts. */
export const FIELD_INPUT_KINDS = ['nik', 'kk_number', 'text', 'date', 'desa', 'sex', 'address', 'email', 'phone'] as const;
export type FieldInputKind = (typeof FIELD_INPUT_KINDS)[number];

export const DATA_FIELDS = [
  'subject_nik',
  'subject_name',
  'subject_birth_date',
  'subject_birth_place',
  'subject_sex',
  'kk_number',
  'desa',
  'father_name',
  'mother_name',
  'reporter_nik',
  'reporter_name',
  'date_of_death',
  'place_of_death',
  'destination_address',
  'move_reason',
  'moving_members',
  'skpwni_number',
  'email',
  'phone',
  'passport_number',
] as const;
export const DataFieldSchema = z.enum(DATA_FIELDS);
export type DataField = z.infer<typeof DataFieldSchema>;

/**
 * Generic labels; a service may override one in context (the subject NIK of a KIA request is
 * "NIK anak", of a death registration "NIK almarhum/almarhumah").
 */
export const DATA_FIELD_DEFINITIONS: Readonly<Record<DataField, { input: FieldInputKind; label: LocalizedText; maxLength?: number }>> = {
  subject_nik: { input: 'nik', label: { id: 'NIK', en: 'NIK (national ID number)' } },
  subject_name: { input: 'text', label: { id: 'Nama lengkap', en: 'Full name' } },
  subject_birth_date: { input: 'date', label: { id: 'Tanggal lahir', en: 'Date of birth' } },
  subject_birth_place: { input: 'text', label: { id: 'Tempat lahir', en: 'Place of birth' } },
  subject_sex: { input: 'sex', label: { id: 'Jenis kelamin', en: 'Sex' } },
  kk_number: { input: 'kk_number', label: { id: 'Nomor KK', en: 'Family card (KK) number' } },
  desa: { input: 'desa', label: { id: 'Desa/kelurahan', en: 'Village (desa/kelurahan)' } },
  father_name: { input: 'text', label: { id: 'Nama ayah', en: "Father's name" } },
  mother_name: { input: 'text', label: { id: 'Nama ibu', en: "Mother's name" } },
  reporter_nik: { input: 'nik', label: { id: 'NIK pelapor', en: "Reporting person's NIK" } },
  reporter_name: { input: 'text', label: { id: 'Nama pelapor', en: "Reporting person's name" } },
  date_of_death: { input: 'date', label: { id: 'Tanggal meninggal', en: 'Date of death' } },
  place_of_death: { input: 'text', label: { id: 'Tempat meninggal', en: 'Place of death' } },
  destination_address: { input: 'address', label: { id: 'Alamat tujuan pindah', en: 'Address moving to' } },
  move_reason: { input: 'text', label: { id: 'Alasan pindah', en: 'Reason for moving' }, maxLength: 300 },
  // Names (and NIKs) of everyone moving: a family of eight needs room.
  moving_members: {
    input: 'text',
    label: { id: 'Anggota keluarga yang ikut pindah', en: 'Family members moving too' },
    maxLength: 1000,
  },
  skpwni_number: { input: 'text', label: { id: 'Nomor SKPWNI', en: 'SKPWNI number' } },
  email: { input: 'email', label: { id: 'Alamat email', en: 'Email address' } },
  phone: { input: 'phone', label: { id: 'Nomor HP', en: 'Mobile number' } },
  passport_number: { input: 'text', label: { id: 'Nomor paspor', en: 'Passport number' } },
};

// ---------------------------------------------------------------------------------------------
// Channels

/**
 * How a request reaches the office: the WhatsApp line (WIS ORA KENCOT), the web portal, the
 * counter, a school session (Jemput Bola KIA) and a home visit (layanan khusus disabilitas).
 */
export const CHANNELS = ['whatsapp', 'web', 'walk_in', 'school_session', 'home_visit'] as const;
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof ChannelSchema>;

export const CHANNEL_LABELS: Readonly<Record<Channel, LocalizedText>> = {
  whatsapp: { id: 'WhatsApp (WIS ORA KENCOT)', en: 'WhatsApp (WIS ORA KENCOT)' },
  web: { id: 'Layanan online (web)', en: 'Online (web)' },
  walk_in: { id: 'Datang langsung ke kantor kecamatan', en: 'In person at the kecamatan office' },
  school_session: { id: 'Jemput Bola di sekolah', en: 'Outreach session at school' },
  home_visit: { id: 'Kunjungan ke rumah', en: 'Home visit' },
};
