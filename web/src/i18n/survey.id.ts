/**
 * The satisfaction survey (IKM) on the portal and its results in the console, Bahasa Indonesia.
 * The regulation's questions, answer words and grade words and the respondent profile's words are
 * the server's own catalogues (one text, every channel).
 */
import ikm from '../../../src/i18n/locales/ikm.id.js';
import survey from '../../../src/i18n/locales/survey.id.js';

const surveyWeb = {
  unsur: ikm.unsur,
  grade: ikm.grade,
  profile: survey.profile,
  channel: survey.channel,
  form: {
    intro: 'Survei ini membantu kami memperbaiki pelayanan. Jawaban Bapak/Ibu tidak disertai nama maupun nomor telepon.',
    question: (n: number) => `Pertanyaan ${n} dari 9`,
    profileHeading: 'Data responden (boleh dikosongkan)',
    notSaying: '— Tidak ingin menjawab —',
    suggestion: 'Saran dan masukan (boleh dikosongkan)',
    submit: 'Kirim survei',
    sending: 'Mengirim…',
    missing: (name: string) => `Mohon pilih jawaban untuk "${name}".`,
    problemsHeading: 'Ada yang belum diisi',
    thanks: 'Terima kasih, Bapak/Ibu. Jawaban survei sudah kami simpan dan menjadi bahan perbaikan pelayanan.',
  },
  track: {
    heading: 'Survei kepuasan',
    invite: 'Dokumen sudah Bapak/Ibu terima. Bersediakah Bapak/Ibu mengisi survei kepuasan singkat (9 pertanyaan, tanpa nama)?',
    open: 'Isi survei kepuasan',
    answered: 'Survei untuk permohonan ini sudah diisi. Terima kasih.',
  },
  qr: {
    title: 'Survei kepuasan masyarakat',
    lead: (office: string) => `Bagaimana pelayanan ${office} hari ini? Mohon luangkan waktu sebentar untuk mengisi survei ini.`,
    unknownOffice: 'Kecamatan ini tidak kami kenali. Mohon pindai kembali kode QR di loket.',
    again: 'Isi survei lagi untuk orang lain',
  },
  results: {
    nav: 'Survei kepuasan (IKM)',
    title: 'Indeks Kepuasan Masyarakat (IKM)',
    office: 'Kecamatan',
    period: 'Periode',
    periods: { month: 'Bulan', quarter: 'Triwulan', semester: 'Semester', year: 'Tahun' },
    year: 'Tahun',
    which: { month: 'Bulan ke-', quarter: 'Triwulan ke-', semester: 'Semester ke-', year: '' },
    show: 'Tampilkan',
    span: (from: string, to: string) => `${from} s.d. ${to}`,
    respondents: 'Responden',
    population: 'Permohonan diserahkan dalam periode (populasi)',
    minimum: 'Sampel minimum (Krejcie–Morgan)',
    enough: 'cukup',
    short: (n: number) => `kurang ${n} responden`,
    none: 'Belum ada jawaban survei dalam periode ini.',
    tableCaption: 'Nilai rata-rata (NRR) per unsur, urutan peraturan',
    unsur: 'Unsur',
    nrr: 'NRR',
    summaryCaption: 'IKM dan mutu pelayanan',
    method: 'Cara hitung',
    exact: 'Bobot 1/9 (cara yang tepat, dipakai untuk mutu)',
    w0111: 'Bobot 0,111 (pembanding, seperti lembar kerja banyak instansi)',
    ikm: 'IKM',
    converted: 'Nilai konversi',
    grade: 'Mutu',
    priorities: 'Prioritas perbaikan (NRR terendah lebih dulu)',
    byChannel: 'Menurut saluran',
  },
};

export default surveyWeb;
export type SurveyMessages = typeof surveyWeb;
