/** Bahasa Indonesia — the first language of the web client; every other catalogue has this shape. */
import children from './children.id.js';
import complaints from './complaints.id.js';
import inbox from './inbox.id.js';
import readingCorner from './reading-corner.id.js';
import survey from './survey.id.js';
import delivery from './delivery.id.js';
import visits from './visits.id.js';
import jemputBola from './jemput-bola.id.js';
import simulator from './simulator.id.js';
import citizen from './portal.id.js';
import type { Role } from '../types.js';
import consoleId from './console.id.js';

type Weekdays = Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', string>;

const id = {
  app: {
    name: 'Kencot',
    tagline: 'Layanan kependudukan kecamatan',
    skipLink: 'Langsung ke konten utama',
    navLabel: 'Menu utama',
    languageLabel: 'Pilih bahasa / Choose language',
    loading: 'Memuat…',
    retry: 'Coba lagi',
    backHome: 'Kembali ke beranda',
    footerFree: 'Semua layanan administrasi kependudukan di kecamatan GRATIS, tanpa biaya apa pun.',
    footerStaff: 'Halaman petugas',
    pageTitle: (page: string) => `${page} — Kencot`,
  },
  nav: {
    home: 'Beranda',
    apply: 'Ajukan permohonan',
    track: 'Lacak permohonan',
  },
  errors: {
    heading: 'Mohon maaf, terjadi kendala',
    formHeading: 'Mohon periksa kembali isian berikut:',
    network: 'Tidak dapat terhubung ke server. Mohon periksa koneksi internet Bapak/Ibu, lalu coba lagi.',
    unexpected: (status: number) =>
      `Server memberikan jawaban yang tidak terduga (kode ${status}). Silakan coba beberapa saat lagi.`,
    required: (label: string) => `${label} wajib diisi.`,
  },
  /** The service's data fields on the counter and portal forms. */
  fields: {
    required: 'wajib',
    optional: 'tidak wajib',
    hints: {
      kk_number: '16 angka di bagian atas Kartu Keluarga.',
      nik: '16 angka, sesuai KTP-el atau Kartu Keluarga.',
      address: 'Jalan/dusun, RT/RW, desa/kelurahan, kecamatan, kabupaten/kota, provinsi.',
      email: 'Contoh: nama@contoh.com',
    } as Partial<Record<'kk_number' | 'nik' | 'address' | 'email', string>>,
    problems: {
      required: (label: string) => `${label} wajib diisi.`,
      number: (label: string) => `${label} harus 16 angka.`,
      date: (label: string) => `${label} bukan tanggal yang benar.`,
      future: (label: string) => `${label} tidak boleh lewat dari hari ini.`,
      email: (label: string) => `${label} tidak valid. Contoh penulisan: nama@contoh.com.`,
      too_long: (label: string) => `${label} terlalu panjang.`,
      markup: (label: string) => `${label} memuat tanda < atau > yang tidak dapat disimpan. Mohon tulis hanya nama atau teksnya saja.`,
      control_characters: (label: string) => `${label} berisi karakter yang tidak dapat diketik (misalnya karakter kontrol). Mohon ketik ulang.`,
    },
  },
  specialNeeds: {
    legend: 'Layanan khusus disabilitas dan lansia',
    intro: 'Untuk penyandang disabilitas dan lansia (60 tahun ke atas): petugas dapat datang ke rumah, menjemput atau mendampingi, dan dokumen dapat diantar ke rumah (Jujuk Dolanan).',
    group: 'Apakah yang dibuatkan dokumen, atau pemohon, penyandang disabilitas atau lansia?',
    groups: { none: 'Tidak', disabled: 'Penyandang disabilitas', elderly: 'Lansia (60 tahun ke atas)', both: 'Penyandang disabilitas dan lansia' },
    elderlyByAge: 'Menurut tanggal lahirnya, yang dibuatkan dokumen berusia 60 tahun ke atas: layanan khusus lansia dapat dipilih.',
    consent:
      'Saya setuju keterangan disabilitas ini dipakai hanya untuk mengatur layanan khusus, hanya dilihat petugas yang melayani, dan disimpan selama masa simpan permohonan.',
    kinds: 'Jenis disabilitas (boleh lebih dari satu)',
    help: 'Bantuan yang diperlukan (boleh lebih dari satu)',
    note: 'Hal lain yang perlu petugas ketahui (tidak wajib)',
    noteHint: 'Misalnya: memakai kursi roda, rumah masuk gang.',
    address: 'Alamat lengkap untuk pengantaran',
    addressHint: 'Jalan/dusun, nomor rumah, RT/RW, dan desa. Patokan boleh ditambahkan.',
    deliveryPhone: 'Nomor HP lain untuk petugas pengantar (tidak wajib)',
    deliveryPhoneHint: 'Kosongkan bila petugas cukup menghubungi nomor WhatsApp pemohon.',
    problems: {
      consent_required: 'Mohon centang persetujuan agar keterangan disabilitas dapat kami simpan.',
      kind_required: 'Mohon pilih jenis disabilitas.',
      kinds_without_disability: 'Jenis disabilitas hanya diisi untuk penyandang disabilitas.',
      accommodations_without_need: 'Layanan khusus untuk penyandang disabilitas dan lansia.',
      address_incomplete: 'Mohon lengkapi alamat dengan nomor rumah atau RT/RW.',
      home_visit_required: 'Layanan ini memerlukan kehadiran. Dari HP hanya dapat diajukan untuk penyandang disabilitas atau lansia: mohon pilih kelompoknya dan centang “Petugas datang ke rumah”.',
    },
    summaryNone: 'Tidak ada',
    priority: { disabilitas: 'Prioritas · disabilitas', lansia: 'Prioritas · lansia', disabilitas_lansia: 'Prioritas · disabilitas, lansia' } as Record<string, string>,
  },
  weekdays: {
    '1': 'Senin',
    '2': 'Selasa',
    '3': 'Rabu',
    '4': 'Kamis',
    '5': 'Jumat',
    '6': 'Sabtu',
    '7': 'Minggu',
  } satisfies Weekdays as Weekdays,
  portal: {
    titleFallback: 'Layanan Kecamatan',
    noOffice: 'Belum ada kantor kecamatan yang terdaftar di layanan ini.',
    freeHeading: 'Semua layanan GRATIS',
    freeText:
      'Pengurusan dokumen kependudukan (KTP-el, Kartu Keluarga, KIA, akta kelahiran dan kematian, surat pindah, dan lainnya) di kecamatan tidak dipungut biaya apa pun. Mohon Bapak/Ibu tidak memberikan uang kepada siapa pun untuk layanan ini.',
    waHeading: 'WIS ORA KENCOT',
    waExpansion: 'WhatsApp Informasi Kependudukan Online Terpadu',
    waText:
      'Bapak/Ibu dapat bertanya dan mengajukan permohonan dokumen kependudukan melalui WhatsApp, tanpa harus datang ke kantor kecamatan.',
    waButton: (number: string) => `Kirim pesan WhatsApp ke ${number}`,
    actionsLabel: 'Layanan daring',
    applyHint: 'Kirim permohonan dokumen dari rumah.',
    trackHint: 'Lihat sampai mana permohonan Bapak/Ibu diproses.',
    contactHeading: 'Alamat dan kontak',
    address: 'Alamat',
    phone: 'Telepon',
    whatsapp: 'WhatsApp',
    email: 'Email',
    instagram: 'Instagram',
    hoursHeading: 'Jam pelayanan',
    day: 'Hari',
    hours: 'Jam',
    closed: 'Tutup',
    today: 'hari ini',
    holidayNote: 'Kantor tutup pada hari libur nasional dan cuti bersama.',
    desaHeading: (count: number) => `Desa di wilayah kecamatan (${count})`,
    otherOffices: 'Kecamatan lain',
  },
  notFound: {
    title: 'Halaman tidak ditemukan',
    text: 'Mohon maaf, halaman yang Bapak/Ibu cari tidak tersedia. Mungkin alamatnya salah ketik atau halamannya sudah dipindahkan.',
  },
  staff: {
    title: 'Halaman petugas',
    signInTitle: 'Masuk petugas',
    signInIntro: 'Halaman ini khusus untuk petugas kecamatan. Warga tidak perlu masuk untuk melihat informasi layanan.',
    username: 'Nama pengguna',
    password: 'Kata sandi',
    showPassword: 'Tampilkan kata sandi',
    signIn: 'Masuk',
    signingIn: 'Sedang masuk…',
    signedOut: 'Bapak/Ibu sudah keluar. Terima kasih.',
    sessionExpired: 'Sesi Bapak/Ibu sudah berakhir. Silakan masuk kembali.',
    welcome: (name: string) => `Selamat datang, ${name}`,
    accountHeading: 'Akun Bapak/Ibu',
    role: 'Peran',
    office: 'Kantor',
    regency: (code: string) => `Kabupaten (kode ${code})`,
    mustChangeTitle: 'Ganti kata sandi',
    mustChangeText:
      'Demi keamanan, Bapak/Ibu wajib mengganti kata sandi sementara dari admin sebelum melanjutkan. Kata sandi baru hanya Bapak/Ibu yang tahu.',
    changeHeading: 'Ganti kata sandi',
    currentPassword: 'Kata sandi saat ini',
    newPassword: 'Kata sandi baru',
    newPasswordHint: 'Minimal 10 karakter dan tidak sama dengan nama pengguna. Rangkaian beberapa kata mudah diingat dan sulit ditebak.',
    confirmPassword: 'Ulangi kata sandi baru',
    tooShort: 'Kata sandi baru minimal 10 karakter.',
    sameAsUsername: 'Kata sandi baru tidak boleh sama dengan nama pengguna.',
    mismatch: 'Kedua isian kata sandi baru belum sama.',
    change: 'Simpan kata sandi baru',
    changing: 'Sedang menyimpan…',
    changed: 'Kata sandi berhasil diganti.',
    signOut: 'Keluar',
    signingOut: 'Sedang keluar…',
  },
  roles: {
    camat: 'Camat',
    sekcam: 'Sekretaris Camat',
    kasi: 'Kepala Seksi Pelayanan',
    operator: 'Operator (Tim Pelaksana)',
    kurir: 'Kurir',
    admin: 'Admin',
    kabupaten: 'Kabupaten',
  } satisfies Record<Role, string> as Record<Role, string>,
  simulator,
  children,
  complaints,
  inbox,
  readingCorner,
  survey,
  delivery,
  visits,
  jemputBola,
  console: consoleId,
  citizen,
};

export type Messages = typeof id;
export default id;
