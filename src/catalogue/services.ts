/**
 * The default service catalogue of a kecamatan office: the adminduk services it takes in and
 * forwards to Dindukcapil through SIAK.
 *
 * Requirement lists follow the national rules (Permendagri 2/2016 for KIA; Perpres 96/2018 and
 * Permendagri 108/2019 for the rest) as Dindukcapil offices publish them. They are defaults: an
 * office admin edits them, and the schemas in catalogue.ts validate the edited version. Anything
 * written here that a local office does differently is a data change, not a code change.
 */
import type { Condition, FieldRequirement, Requirement, Service } from './catalogue.js';
import type { Channel, DataField, DocumentType, LocalizedText } from './vocabulary.js';

// ---- small builders, so the data below reads like the published lists -----------------------

type Extra = Omit<Partial<Extract<Requirement, { need: 'required' }>>, 'need' | 'document'>;
const req = (document: DocumentType, extra: Extra = {}): Requirement => ({ need: 'required', document, ...extra });
const opt = (document: DocumentType, extra: Extra = {}): Requirement => ({ need: 'optional', document, ...extra });
const when = (document: DocumentType, condition: Condition, extra: Extra = {}): Requirement => ({
  need: 'conditional',
  when: condition,
  document,
  ...extra,
});
const field = (name: DataField, label?: LocalizedText): FieldRequirement =>
  label ? { need: 'required', field: name, label } : { need: 'required', field: name };
const optField = (name: DataField, condition?: Condition, label?: LocalizedText): FieldRequirement => ({
  need: 'optional',
  field: name,
  ...(condition && { when: condition }),
  ...(label && { label }),
});
const all = (...of: Condition[]): Condition => ({ kind: 'all', of });
const not = (condition: Condition): Condition => ({ kind: 'not', condition });

/** Make a whole list apply only when `condition` holds (used to splice one list into another). */
function onlyWhen(condition: Condition, list: readonly Requirement[]): Requirement[] {
  return list.map((r) => {
    if (r.need === 'required') return { ...r, need: 'conditional', when: condition };
    if (r.need === 'conditional') return { ...r, when: all(condition, r.when) };
    return { ...r, when: r.when ? all(condition, r.when) : condition };
  });
}

const service = (
  s: Omit<Service, 'feeRupiah' | 'slaWorkingDays'> & { slaWorkingDays?: number },
): Service => ({ feeRupiah: 0, slaWorkingDays: 1, ...s });

// ---- conditions used below ---------------------------------------------------------------

const FOREIGN: Condition = { kind: 'foreign_child' };
const CITIZEN = not(FOREIGN);
const NO_AKTA: Condition = { kind: 'no_birth_certificate' };
const AGE_5_PLUS: Condition = { kind: 'age_at_least', years: 5 };
const ADULT: Condition = { kind: 'any', of: [{ kind: 'age_at_least', years: 17 }, { kind: 'ever_married' }] };
/** KIA is for children under 17 who have never married (Permendagri 2/2016). */
const KIA_ELIGIBLE = all({ kind: 'age_below', years: 17 }, not({ kind: 'ever_married' }));
const KIA_REASON = {
  id: 'KIA hanya untuk anak di bawah 17 tahun yang belum pernah kawin. Untuk usia 17 tahun ke atas atau yang sudah/pernah kawin, silakan mengurus KTP-el.',
  en: 'The KIA is only for children under 17 who have never married. From 17, or once married, please apply for a KTP-el.',
};
const KTP_REASON = {
  id: 'KTP-el hanya untuk penduduk yang sudah berusia 17 tahun atau sudah/pernah kawin. Anak di bawah 17 tahun dapat mengurus KIA.',
  en: 'The KTP-el is only for residents aged 17 or over, or married or previously married. A child under 17 can apply for a KIA.',
};
/**
 * The combined path: an Indonesian child with no birth certificate registers the birth and gets
 * the KIA in the same request (the seed: "Apabila belum terdaftar, dapat melakukan pendaftaran dan
 * mendapatkan akte kelahiran dan KIA").
 */
const AKTA_AND_KIA = all(CITIZEN, NO_AKTA);
/** A child "belum terdaftar": no NIK until the birth is registered, which also adds the child to the family's KK. */
const NO_NIK: Condition = { kind: 'no_nik' };

const ALL_CHANNELS: Channel[] = ['whatsapp', 'web', 'walk_in', 'school_session', 'home_visit'];
const REMOTE_AND_HOME: Channel[] = ['whatsapp', 'web', 'walk_in', 'home_visit'];
/** Biometric capture and face checks need an officer with a device, so no purely online channel. */
const IN_PERSON: Channel[] = ['walk_in', 'school_session', 'home_visit'];

const COPY_SHOW_ORIGINAL = { id: 'Fotokopi, dengan menunjukkan aslinya', en: 'A copy; please show the original' };
const KK_ORANG_TUA = { id: 'KK orang tua/wali', en: "Parents' or guardian's family card" };

// ---- birth registration (also spliced into KIA for the combined path) -------------------------

const AKTA_KELAHIRAN_REQUIREMENTS: Requirement[] = [
  req('surat_keterangan_kelahiran', { alternatives: ['sptjm_kelahiran'] }),
  req('kk', { details: KK_ORANG_TUA }),
  req('ktp_el_ibu'),
  opt('ktp_el_ayah', {
    details: { id: 'Jika nama ayah akan dicantumkan dalam akta', en: "If the father's name is to appear on the certificate" },
  }),
  opt('buku_nikah', {
    details: { id: 'Jika ada, agar nama ayah tercantum dalam akta', en: "If available, so the father's name can appear" },
  }),
];

// ---- KIA: two rule sets --------------------------------------------------------------------

const KIA_BARU_NATIONAL: Requirement[] = [
  when('akta_kelahiran', all(CITIZEN, not(NO_AKTA)), { details: COPY_SHOW_ORIGINAL }),
  req('kk', { details: KK_ORANG_TUA }),
  // A single mother (the akta names only the mother) has no father's KTP-el to give: her own
  // KTP-el with the SPTJM kebenaran data kelahiran stands in (Permendagri 109/2019).
  req('ktp_el_ayah', {
    alternatives: ['sptjm_kelahiran'],
    details: {
      id: 'KTP-el ayah atau wali. Jika akta kelahiran hanya mencantumkan nama ibu, cukup KTP-el ibu dengan SPTJM kebenaran data kelahiran.',
      en: "Father's or guardian's KTP-el. If the birth certificate names only the mother, her KTP-el with the birth SPTJM is enough.",
    },
  }),
  req('ktp_el_ibu', { details: { id: 'KTP-el ibu atau wali', en: "Mother's or guardian's KTP-el" } }),
  when('pas_foto', AGE_5_PLUS, {
    photo: { widthCm: 2, heightCm: 3, copies: 2, colour: true },
    details: { id: '2 lembar, berwarna, ukuran 2×3', en: 'Two colour photos, 2×3 cm' },
  }),
  when('paspor', FOREIGN),
  when('kitap', FOREIGN),
  ...onlyWhen(AKTA_AND_KIA, AKTA_KELAHIRAN_REQUIREMENTS),
];

/**
 * Banyumas practice (2022): akta + KK, and one 3×4 photo from age 5. It simplifies the list for
 * Indonesian children; nothing in it waives the immigration documents of a foreign child, so those
 * (and the parents' KTP-el for them) stay as the national rule has them.
 */
const KIA_BARU_BANYUMAS_2022: Requirement[] = [
  when('akta_kelahiran', all(CITIZEN, not(NO_AKTA)), { details: COPY_SHOW_ORIGINAL }),
  req('kk', { details: KK_ORANG_TUA }),
  when('pas_foto', AGE_5_PLUS, {
    photo: { widthCm: 3, heightCm: 4, colour: true },
    details: { id: 'Berwarna, ukuran 3×4', en: 'Colour photo, 3×4 cm' },
  }),
  when('paspor', FOREIGN),
  when('kitap', FOREIGN),
  when('ktp_el_ayah', FOREIGN),
  when('ktp_el_ibu', FOREIGN),
  ...onlyWhen(AKTA_AND_KIA, AKTA_KELAHIRAN_REQUIREMENTS),
];

const KIA_FIELDS: FieldRequirement[] = [
  field('subject_nik', { id: 'NIK anak', en: "Child's NIK" }),
  field('subject_name', { id: 'Nama lengkap anak', en: "Child's full name" }),
  field('subject_birth_date', { id: 'Tanggal lahir anak', en: "Child's date of birth" }),
  field('kk_number'),
  field('desa'),
];

const KIA_SERVICES: Service[] = [
  service({
    code: 'kia_baru',
    category: 'kia',
    name: { id: 'KIA baru', en: 'New child ID card (KIA)' },
    description: {
      id: 'Untuk anak di bawah 17 tahun yang belum pernah kawin. Anak yang belum memiliki akta kelahiran dapat mengurus akta kelahiran dan KIA sekaligus.',
      en: 'For children under 17 who have never married. A child without a birth certificate can apply for the birth certificate and the KIA together.',
    },
    eligibility: KIA_ELIGIBLE,
    eligibilityReason: KIA_REASON,
    requirements: KIA_BARU_NATIONAL,
    requirementVariants: { banyumas_2022: KIA_BARU_BANYUMAS_2022 },
    fields: [
      // A registered child's NIK is on the KK; a child not registered yet gets it with the akta (the combined path).
      { need: 'conditional', field: 'subject_nik', when: not(AKTA_AND_KIA), label: { id: 'NIK anak', en: "Child's NIK" } },
      optField('subject_nik', AKTA_AND_KIA, { id: 'NIK anak (jika sudah ada)', en: "Child's NIK (if any)" }),
      ...KIA_FIELDS.filter((f) => f.field !== 'subject_nik'),
      field('subject_birth_place', { id: 'Tempat lahir anak', en: "Child's place of birth" }),
      field('subject_sex'),
      optField('father_name', AKTA_AND_KIA),
      { need: 'conditional', field: 'mother_name', when: AKTA_AND_KIA },
      { need: 'conditional', field: 'passport_number', when: FOREIGN },
    ],
    outputs: [{ document: 'kia' }, { document: 'akta_kelahiran', when: AKTA_AND_KIA }, { document: 'kk', when: all(AKTA_AND_KIA, NO_NIK) }],
    // At the counter the KIA is printed while the parent waits ("Layanan Langsung": same day);
    // a school session photographs and files a whole school at once: 1–7 working days.
    slaWorkingDaysByChannel: { walk_in: 0, school_session: 7 },
    channels: ALL_CHANNELS,
  }),
  service({
    code: 'kia_hilang',
    category: 'kia',
    name: { id: 'Penggantian KIA hilang', en: 'Replacement of a lost KIA' },
    eligibility: KIA_ELIGIBLE,
    eligibilityReason: KIA_REASON,
    requirements: [req('surat_keterangan_hilang'), req('kk', { details: KK_ORANG_TUA })],
    fields: KIA_FIELDS,
    outputs: [{ document: 'kia' }],
    channels: REMOTE_AND_HOME,
  }),
  service({
    code: 'kia_rusak',
    category: 'kia',
    name: { id: 'Penggantian KIA rusak', en: 'Replacement of a damaged KIA' },
    eligibility: KIA_ELIGIBLE,
    eligibilityReason: KIA_REASON,
    requirements: [
      req('dokumen_rusak', { details: { id: 'KIA yang rusak', en: 'The damaged KIA' } }),
      req('kk', { details: KK_ORANG_TUA }),
    ],
    fields: KIA_FIELDS,
    outputs: [{ document: 'kia' }],
    channels: REMOTE_AND_HOME,
  }),
  service({
    code: 'kia_pindah_datang',
    category: 'kia',
    name: { id: 'KIA karena pindah datang', en: 'KIA after moving in' },
    eligibility: KIA_ELIGIBLE,
    eligibilityReason: KIA_REASON,
    requirements: [
      req('surat_pindah'),
      req('kk', { details: { id: 'KK baru di alamat tujuan', en: 'The new family card at the new address' } }),
    ],
    fields: KIA_FIELDS,
    outputs: [{ document: 'kia' }],
    channels: ['whatsapp', 'web', 'walk_in'],
  }),
];

// ---- KTP-el --------------------------------------------------------------------------------

const PERSON_FIELDS: FieldRequirement[] = [field('subject_nik'), field('subject_name'), field('desa')];

const KTP_SERVICES: Service[] = [
  service({
    code: 'ktp_el_rekam',
    category: 'ktp_el',
    name: { id: 'Perekaman KTP-el', en: 'KTP-el enrolment (biometrics)' },
    description: {
      id: 'Untuk penduduk yang sudah berusia 17 tahun atau sudah/pernah kawin. Perekaman sidik jari, iris, dan foto dilakukan langsung oleh petugas.',
      en: 'For residents aged 17 or over, or married or previously married. Fingerprints, iris and photo are captured in person by an officer.',
    },
    eligibility: ADULT,
    eligibilityReason: KTP_REASON,
    requirements: [req('kk')],
    fields: PERSON_FIELDS,
    outputs: [{ document: 'ktp_el' }],
    channels: IN_PERSON,
  }),
  service({
    code: 'ktp_el_cetak',
    category: 'ktp_el',
    name: { id: 'Pencetakan KTP-el (sudah rekam)', en: 'KTP-el printing (already enrolled)' },
    eligibility: ADULT,
    eligibilityReason: KTP_REASON,
    requirements: [req('kk')],
    fields: PERSON_FIELDS,
    outputs: [{ document: 'ktp_el' }],
    channels: REMOTE_AND_HOME,
  }),
  service({
    code: 'ktp_el_hilang',
    category: 'ktp_el',
    name: { id: 'Penggantian KTP-el hilang', en: 'Replacement of a lost KTP-el' },
    eligibility: ADULT,
    eligibilityReason: KTP_REASON,
    requirements: [req('surat_keterangan_hilang'), req('kk')],
    fields: PERSON_FIELDS,
    outputs: [{ document: 'ktp_el' }],
    channels: REMOTE_AND_HOME,
  }),
  service({
    code: 'ktp_el_rusak',
    category: 'ktp_el',
    name: { id: 'Penggantian KTP-el rusak', en: 'Replacement of a damaged KTP-el' },
    eligibility: ADULT,
    eligibilityReason: KTP_REASON,
    requirements: [req('dokumen_rusak', { details: { id: 'KTP-el yang rusak', en: 'The damaged KTP-el' } }), req('kk')],
    fields: PERSON_FIELDS,
    outputs: [{ document: 'ktp_el' }],
    channels: REMOTE_AND_HOME,
  }),
];

// ---- KK ------------------------------------------------------------------------------------

const KK_SERVICES: Service[] = [
  service({
    code: 'kk_baru',
    category: 'kk',
    name: { id: 'KK baru (membentuk keluarga baru)', en: 'New family card (new household)' },
    requirements: [
      // A marriage not yet registered (nikah siri, adat): the SPTJM perkawinan/perceraian belum tercatat (Permendagri 109/2019).
      req('buku_nikah', { alternatives: ['sptjm_perkawinan'] }),
      req('kk', { details: { id: 'KK lama (KK orang tua)', en: 'The previous family card (parents’)' } }),
      opt('surat_pindah', {
        details: { id: 'Jika pasangan pindah dari daerah lain', en: 'If the spouse moves in from another area' },
      }),
    ],
    fields: [
      field('subject_nik', { id: 'NIK calon kepala keluarga', en: 'NIK of the new head of household' }),
      field('subject_name', { id: 'Nama calon kepala keluarga', en: 'Name of the new head of household' }),
      field('kk_number', { id: 'Nomor KK lama', en: 'Previous KK number' }),
      field('desa'),
    ],
    outputs: [{ document: 'kk' }],
    channels: REMOTE_AND_HOME,
  }),
  service({
    code: 'kk_perubahan',
    category: 'kk',
    name: { id: 'Perubahan data KK', en: 'Change of family card data' },
    requirements: [req('kk'), req('dokumen_pendukung')],
    fields: [
      field('subject_nik', { id: 'NIK anggota keluarga yang datanya berubah', en: 'NIK of the member whose data changes' }),
      field('kk_number'),
      field('desa'),
    ],
    outputs: [{ document: 'kk' }],
    channels: REMOTE_AND_HOME,
  }),
  service({
    code: 'kk_pisah',
    category: 'kk',
    name: { id: 'Pisah KK', en: 'Splitting a family card' },
    eligibility: ADULT,
    eligibilityReason: {
      id: 'Pisah KK hanya untuk calon kepala keluarga yang sudah berusia 17 tahun atau sudah/pernah kawin.',
      en: 'Splitting a family card is only for a new head of household aged 17 or over, or married or previously married.',
    },
    requirements: [
      req('kk', { details: { id: 'KK lama', en: 'The current family card' } }),
      req('ktp_el', { details: { id: 'KTP-el calon kepala keluarga', en: 'KTP-el of the new head of household' } }),
    ],
    fields: [
      field('subject_nik', { id: 'NIK calon kepala keluarga', en: 'NIK of the new head of household' }),
      field('kk_number', { id: 'Nomor KK lama', en: 'Current KK number' }),
      field('desa'),
    ],
    outputs: [{ document: 'kk' }],
    channels: REMOTE_AND_HOME,
  }),
  // A lost or damaged KK is re-issued with the same number (Perpres 96/2018 art. 12): the police
  // report of the loss, or the damaged card itself, and the KTP-el of the one applying.
  service({
    code: 'kk_hilang',
    category: 'kk',
    name: { id: 'Penggantian KK hilang', en: 'Replacement of a lost family card' },
    description: {
      id: 'KK yang hilang dicetak ulang dengan nomor yang sama. Diajukan oleh kepala keluarga atau anggota keluarga yang tercantum di KK.',
      en: 'A lost family card is reprinted with the same number. The head of household or a member listed on the card applies.',
    },
    requirements: [
      req('surat_keterangan_hilang', { details: { id: 'Surat keterangan kehilangan dari kepolisian', en: 'The police report of the loss' } }),
      req('ktp_el', { details: { id: 'KTP-el kepala keluarga atau anggota keluarga yang mengajukan', en: 'KTP-el of the head of household or the member applying' } }),
    ],
    fields: [
      field('subject_nik', { id: 'NIK kepala keluarga atau anggota keluarga', en: 'NIK of the head of household or a member' }),
      field('subject_name', { id: 'Nama kepala keluarga', en: 'Name of the head of household' }),
      optField('kk_number', undefined, { id: 'Nomor KK (jika ingat)', en: 'KK number (if known)' }),
      field('desa'),
    ],
    outputs: [{ document: 'kk' }],
    channels: REMOTE_AND_HOME,
  }),
  service({
    code: 'kk_rusak',
    category: 'kk',
    name: { id: 'Penggantian KK rusak', en: 'Replacement of a damaged family card' },
    description: {
      id: 'KK yang rusak (sobek, luntur, tidak terbaca) dicetak ulang dengan nomor yang sama. KK yang rusak diserahkan saat pengambilan.',
      en: 'A damaged family card (torn, faded, unreadable) is reprinted with the same number. The damaged card is handed in at collection.',
    },
    requirements: [
      req('dokumen_rusak', { details: { id: 'KK yang rusak', en: 'The damaged family card' } }),
      req('ktp_el', { details: { id: 'KTP-el kepala keluarga atau anggota keluarga yang mengajukan', en: 'KTP-el of the head of household or the member applying' } }),
    ],
    fields: [
      field('subject_nik', { id: 'NIK kepala keluarga atau anggota keluarga', en: 'NIK of the head of household or a member' }),
      field('subject_name', { id: 'Nama kepala keluarga', en: 'Name of the head of household' }),
      field('kk_number'),
      field('desa'),
    ],
    outputs: [{ document: 'kk' }],
    channels: REMOTE_AND_HOME,
  }),
];

// ---- civil registration, moving, IKD --------------------------------------------------------

const OTHER_SERVICES: Service[] = [
  service({
    code: 'akta_kelahiran',
    category: 'akta',
    name: { id: 'Akta kelahiran', en: 'Birth certificate' },
    requirements: AKTA_KELAHIRAN_REQUIREMENTS,
    fields: [
      optField('subject_nik', undefined, { id: 'NIK anak (jika sudah ada)', en: "Child's NIK (if any)" }),
      field('subject_name', { id: 'Nama lengkap anak', en: "Child's full name" }),
      field('subject_birth_date', { id: 'Tanggal lahir anak', en: "Child's date of birth" }),
      field('subject_birth_place', { id: 'Tempat lahir anak', en: "Child's place of birth" }),
      field('subject_sex'),
      field('mother_name'),
      optField('father_name'),
      field('kk_number'),
      field('desa'),
    ],
    outputs: [{ document: 'akta_kelahiran' }],
    channels: REMOTE_AND_HOME,
  }),
  service({
    code: 'akta_kematian',
    category: 'akta',
    name: { id: 'Akta kematian', en: 'Death certificate' },
    requirements: [
      // No letter from a doctor or the desa (a death at home, long ago): the SPTJM kebenaran data kematian (Permendagri 109/2019).
      req('surat_keterangan_kematian', { alternatives: ['sptjm_kematian'] }),
      req('kk', { details: { id: 'KK almarhum/almarhumah', en: 'Family card of the deceased' } }),
      req('ktp_el_pelapor'),
      opt('ktp_el', { details: { id: 'KTP-el almarhum/almarhumah, jika ada', en: 'KTP-el of the deceased, if any' } }),
    ],
    fields: [
      field('subject_nik', { id: 'NIK almarhum/almarhumah', en: 'NIK of the deceased' }),
      field('subject_name', { id: 'Nama almarhum/almarhumah', en: 'Name of the deceased' }),
      field('date_of_death'),
      field('place_of_death'),
      field('reporter_nik'),
      field('reporter_name'),
      field('kk_number'),
      field('desa'),
    ],
    outputs: [{ document: 'akta_kematian' }],
    channels: REMOTE_AND_HOME,
  }),
  service({
    code: 'surat_pindah',
    category: 'pindah',
    name: { id: 'Surat pindah (SKPWNI)', en: 'Moving-out certificate (SKPWNI)' },
    requirements: [req('kk'), opt('ktp_el')],
    fields: [
      ...PERSON_FIELDS,
      field('kk_number'),
      field('destination_address'),
      field('move_reason'),
      field('moving_members'),
    ],
    outputs: [{ document: 'skpwni' }],
    slaWorkingDays: 3,
    channels: ['whatsapp', 'web', 'walk_in'],
  }),
  service({
    code: 'pindah_datang',
    category: 'pindah',
    name: { id: 'Pindah datang', en: 'Moving in' },
    requirements: [
      req('surat_pindah'),
      opt('kk', {
        details: {
          id: 'KK yang akan ditumpangi, jika bergabung ke keluarga yang sudah ada',
          en: 'The family card you join, if joining an existing household',
        },
      }),
    ],
    fields: [
      ...PERSON_FIELDS,
      field('skpwni_number'),
      optField('kk_number', undefined, { id: 'Nomor KK yang ditumpangi', en: 'KK number of the household joined' }),
    ],
    outputs: [{ document: 'kk' }],
    channels: ['whatsapp', 'web', 'walk_in'],
  }),
  service({
    code: 'ikd_aktivasi',
    category: 'ikd',
    name: { id: 'Aktivasi Identitas Kependudukan Digital (IKD)', en: 'Digital ID (IKD) activation' },
    eligibility: ADULT,
    eligibilityReason: {
      id: 'Aktivasi IKD hanya untuk pemilik KTP-el, yaitu penduduk yang sudah berusia 17 tahun atau sudah/pernah kawin.',
      en: 'Digital ID activation is only for KTP-el holders: residents aged 17 or over, or married or previously married.',
    },
    requirements: [req('ktp_el')],
    fields: [...PERSON_FIELDS, field('email'), field('phone')],
    outputs: [{ document: 'ikd' }],
    channels: IN_PERSON,
  }),
];

export const SERVICES: readonly Service[] = [...KIA_SERVICES, ...KTP_SERVICES, ...KK_SERVICES, ...OTHER_SERVICES];
