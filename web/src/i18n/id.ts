/** Bahasa Indonesia — the first language of the web client; every other catalogue has this shape. */
import inbox from './inbox.id.js';
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
  inbox,
  console: consoleId,
  citizen,
};

export type Messages = typeof id;
export default id;
