/** Bahasa Indonesia — the default language of every message. */
import bot from './bot.id.js';
import children from './children.id.js';
import complaints from './complaints.id.js';
import citizen from './citizen.id.js';
import delivery from './delivery.id.js';
import visits from './visits.id.js';
import ikm from './ikm.id.js';
import jemputBola from './jemput-bola.id.js';
import photo from './photo.id.js';
import privacy from './privacy.id.js';
import readingCorner from './reading-corner.id.js';
import survey from './survey.id.js';
import whatsapp from './whatsapp.id.js';

const id = {
  bot,
  children,
  complaints,
  delivery,
  visits,
  ikm,
  jemputBola,
  photo,
  survey,
  errors: {
    validation: 'Data yang dikirim belum sesuai. Mohon periksa kembali isian Bapak/Ibu.',
    bad_json: 'Permintaan tidak dapat dibaca (format JSON tidak valid).',
    not_found: 'Data yang Bapak/Ibu cari tidak ditemukan.',
    delivery_proof_required: 'Dokumen antaran diserahkan lewat halaman Antar dokumen, dengan foto bukti serah terima.',
    route_not_found: 'Alamat yang diminta tidak tersedia.',
    unauthenticated: 'Silakan masuk terlebih dahulu.',
    forbidden: 'Maaf, akun Bapak/Ibu tidak memiliki izin untuk tindakan ini.',
    csrf: 'Sesi formulir tidak valid atau sudah kedaluwarsa. Mohon muat ulang halaman lalu coba lagi.',
    rate_limited: 'Terlalu banyak percobaan. Mohon tunggu sebentar lalu coba lagi.',
    internal: 'Maaf, terjadi gangguan pada sistem. Silakan coba beberapa saat lagi.',
    unavailable: 'Layanan sedang tidak tersedia. Silakan coba beberapa saat lagi.',
    payload_too_large: 'Ukuran data yang dikirim terlalu besar.',
    unsupported_media_type: 'Jenis data yang dikirim tidak didukung.',
    login_failed: 'Nama pengguna atau kata sandi salah, atau akun sedang dibatasi. Silakan coba lagi dalam beberapa menit.',
    cannot_deactivate_self: 'Bapak/Ibu tidak dapat menonaktifkan akun sendiri.',
    last_active_admin: 'Akun ini admin aktif terakhir di kecamatan ini. Aktifkan atau buat admin lain terlebih dahulu.',
    // WhatsApp simulator (demo): numbers are per browser.
    simulator_number_taken: 'Nomor ini sudah dipakai di perangkat lain atau sudah terdaftar untuk warga, jadi tidak dapat dipakai di simulator. Silakan gunakan nomor lain.',
    simulator_numbers_limit: 'Simulator di peramban ini sudah memakai terlalu banyak nomor. Silakan tutup peramban lalu buka kembali simulator.',
    wrong_current_password: 'Kata sandi lama tidak sesuai.',
    weak_password: 'Kata sandi baru minimal 10 karakter dan tidak boleh sama dengan nama pengguna.',
    username_taken: 'Nama pengguna "{{username}}" sudah dipakai.',
    office_unknown: 'Kecamatan dengan kode {{code}} tidak dikenal.',
    audit_immutable: 'Catatan audit tidak dapat diubah atau dihapus.',
    file_link_invalid: 'Tautan dokumen tidak valid atau sudah kedaluwarsa.',
    file_purged:
      'Berkas ini sudah dihapus pada {{date, datetime}} karena masa simpannya telah habis, sesuai aturan pelindungan data pribadi. Data kependudukan resmi tetap tercatat di SIAK Dinas Kependudukan dan Pencatatan Sipil (Dindukcapil).',
    nik_invalid: 'NIK tidak valid. Mohon periksa kembali 16 angka NIK sesuai Kartu Keluarga.',
    fields_invalid: 'Mohon lengkapi atau perbaiki isian berikut: {{fields}}.',
    special_needs: {
      consent_required: 'Mohon centang persetujuan: keterangan disabilitas hanya kami pakai untuk mengatur layanan khusus dan hanya dilihat petugas yang melayani.',
      kind_required: 'Mohon pilih jenis disabilitas (boleh lebih dari satu).',
      kinds_without_disability: 'Jenis disabilitas hanya diisi bila yang dimohonkan penyandang disabilitas.',
      accommodations_without_need: 'Layanan khusus, termasuk dokumen diantar ke rumah (Jujuk Dolanan), kami berikan untuk warga penyandang disabilitas dan lansia (60 tahun ke atas).',
    },
    field: {
      markup: '{{label}} memuat tanda < atau > yang tidak dapat disimpan. Mohon tulis hanya nama atau teksnya saja.',
      not_eligible: 'Berdasarkan tanggal lahir pada {{label}}, permohonan ini tidak memenuhi syarat layanan: {{condition}}.',
      required: '{{label}} wajib diisi.',
      unknown_field: 'Isian "{{field}}" tidak dikenal.',
      not_for_service: '{{label}} tidak diminta untuk layanan ini.',
      too_long: '{{label}} terlalu panjang (paling banyak {{max}} karakter).',
      nik_invalid: '{{label}} tidak valid. Mohon periksa kembali 16 angka NIK sesuai Kartu Keluarga.',
      kk_invalid: '{{label}} tidak valid. Mohon periksa kembali 16 angka nomor KK yang tertera di Kartu Keluarga.',
      date_invalid: '{{label}} bukan tanggal yang benar.',
      date_future: '{{label}} tidak boleh lewat dari hari ini.',
      email_invalid: '{{label}} tidak valid. Contoh penulisan: nama@contoh.com.',
      phone_invalid: '{{label}} tidak valid. Contoh penulisan: 0812 2700 1234.',
      sex_invalid: '{{label}} harus laki-laki (L) atau perempuan (P).',
      desa_invalid: '{{label}} tidak dikenal.',
      // Control characters (issue 9): a NUL or similar, usually pasted from another application.
      control_characters:
        '{{label}} memuat karakter tersembunyi yang tidak dapat disimpan (biasanya terbawa saat menyalin dari aplikasi lain). Mohon ketik ulang isian ini.',
      control_characters_here:
        'Isian ini memuat karakter tersembunyi yang tidak dapat disimpan (biasanya terbawa saat menyalin dari aplikasi lain). Mohon ketik ulang isian ini.',
    },
    transition_refused: 'Tindakan ini tidak dapat dilakukan pada permohonan ini.',
    emblem_invalid: 'Berkas lambang tidak dapat dibaca sebagai gambar. Mohon unggah gambar PNG, JPEG, WebP, atau SVG.',
    emblem_too_large: 'Berkas lambang terlalu besar (paling besar {{max}}). Mohon unggah gambar yang lebih kecil.',
    closure_too_old: 'Tanggal {{date}} sudah lewat lebih dari setahun. Mohon periksa tahunnya; tanggal tutup dicatat untuk hari ini, ke depan, atau paling jauh setahun ke belakang.',
    outage_in_future: 'Gangguan hanya dicatat setelah terjadi: waktu mulai dan selesai tidak boleh di masa depan.',
    outage_too_old: 'Gangguan hanya dapat dicatat sampai {{days}} hari ke belakang.',
    outage_ends_before_start: 'Waktu selesai harus sesudah waktu mulai.',
    outage_already_ended: 'Gangguan ini sudah dicatat selesai.',
    closure_exists: 'Tanggal tutup ini sudah tercatat.',
    not_cuti_bersama: 'Tanggal {{date}} bukan hari cuti bersama dalam kalender kantor, sehingga tidak perlu dinyatakan buka.',
    holiday_year_empty:
      'Daftar libur nasional dan cuti bersama tahun {{year}} masih kosong. Masukkan dulu semua tanggal sesuai SKB 3 Menteri, lalu konfirmasi.',
    holiday_year_shipped: 'Daftar libur tahun {{year}} sudah sesuai SKB 3 Menteri bawaan aplikasi; tidak perlu dikonfirmasi.',
    holiday_year_already_confirmed: 'Daftar libur tahun {{year}} sudah dikonfirmasi.',
    holiday_year_would_be_empty:
      'Ini tanggal terakhir dalam daftar libur {{year}} yang sudah dikonfirmasi. Batalkan dulu konfirmasi tahun {{year}} bila daftarnya memang hendak dikosongkan.',
    request_changed: 'Permohonan ini baru saja diubah oleh petugas lain. Mohon muat ulang lalu periksa kembali.',
    duplicate_request:
      'Permohonan yang sama sudah ada: {{ticket}} (status: {{state}}). Satu orang hanya dapat memiliki satu permohonan yang masih berjalan untuk layanan yang sama.',
    duplicate_request_other:
      'Permohonan layanan ini untuk orang yang sama sudah ada dan masih berjalan (diajukan dari nomor WhatsApp lain). Bila Bapak/Ibu tetap perlu mengajukan, mohon hubungi kantor kecamatan.',
    // Least privilege per role (issue 9): a search key the role may not see.
    search_key_not_allowed: 'Mohon maaf, peran Bapak/Ibu tidak dapat mencari permohonan dengan kata kunci jenis ini. Silakan cari dengan nomor tiket.',
    transition: {
      state_is_final: 'Permohonan ini sudah selesai sehingga tidak dapat diubah lagi.',
      action_not_allowed_in_state: 'Tindakan ini tidak sesuai dengan tahap permohonan saat ini.',
      role_not_allowed: 'Peran Bapak/Ibu tidak berwenang melakukan tindakan ini pada tahap ini.',
      flag_required: 'Tindakan ini hanya untuk permohonan dengan tanda khusus (misalnya eskalasi atau antar ke rumah).',
      invalid_payload: 'Data untuk tindakan ini belum lengkap atau tidak sesuai.',
      courier_not_assigned: 'Permohonan ini belum ditugaskan kepada kurir tersebut.',
      documents_missing:
        'Berkas belum lengkap: masih ada dokumen wajib yang belum dilampirkan. Kembalikan berkas ke pemohon (TIDAK), atau tuliskan alasan bila Bapak/Ibu tetap menyatakan lengkap (misalnya dokumen asli sudah diperiksa di loket).',
    },
    upload: {
      missing: 'Mohon lampirkan satu berkas (foto atau PDF).',
      too_large: 'Ukuran berkas terlalu besar. Batas maksimal {{limit}}. Mohon kirim foto dengan ukuran lebih kecil.',
      unsupported_type:
        'Jenis berkas tidak dapat diterima. Mohon kirim foto (JPG, PNG, WebP, HEIC, AVIF) atau dokumen PDF.',
      unreadable: 'Berkas tidak dapat dibaca (mungkin rusak atau terpotong). Mohon foto ulang atau kirim ulang berkasnya.',
      pdf_active_content:
        'PDF ini berisi skrip atau lampiran tersembunyi sehingga tidak dapat diterima demi keamanan. Mohon kirim hasil pindai (scan) biasa atau foto dokumen.',
      empty: 'Berkas yang dikirim kosong.',
      // Say what was wrong (issue 9): the picture's pixels or the PDF's inflated content, not the file size.
      too_many_pixels:
        'Gambar terlalu besar ukurannya: {{width}} × {{height}} piksel (sekitar {{megapixels}} juta piksel), sedangkan batasnya {{maxMegapixels}} juta piksel. Mohon kirim foto biasa dari kamera HP atau perkecil gambarnya.',
      pdf_too_large:
        'Isi PDF ini menjadi terlalu besar saat dibuka (lebih dari {{pdfLimit}}) sehingga tidak dapat diterima. Mohon kirim hasil pindai (scan) biasa atau foto dokumen.',
    },
    backup: {
      damaged: 'Berkas cadangan rusak atau bukan cadangan Kencot ({{detail}}). Pemulihan dibatalkan; basis data tidak diubah.',
      part_damaged: 'Bagian "{{part}}" dalam berkas cadangan rusak (sidik SHA-256 tidak cocok). Pemulihan dibatalkan; basis data tidak diubah.',
      part_missing: 'Bagian "{{part}}" tidak ada dalam berkas cadangan. Pemulihan dibatalkan; basis data tidak diubah.',
      manifest_invalid: 'Daftar isi (manifest) berkas cadangan tidak dapat dibaca. Pemulihan dibatalkan; basis data tidak diubah.',
      format_unsupported: 'Berkas cadangan memakai format versi {{version}}, yang belum dikenal versi Kencot ini. Mohon perbarui Kencot terlebih dahulu.',
      newer_migration: 'Cadangan ini dibuat oleh versi Kencot yang lebih baru (migrasi {{backup}}; versi ini hanya sampai {{known}}). Mohon perbarui Kencot terlebih dahulu, lalu pulihkan lagi.',
      unknown_migration: 'Cadangan ini memuat migrasi {{backup}} yang tidak dikenal versi Kencot ini. Pulihkan dengan versi Kencot yang membuat cadangan tersebut.',
      not_empty: 'Basis data tujuan tidak kosong (berisi data di tabel: {{tables}}). Pemulihan hanya dilakukan ke basis data kosong. Jika data tersebut memang harus diganti seluruhnya (termasuk catatan audit), hentikan semua server Kencot lalu jalankan lagi dengan --force.',
      schema_mismatch: 'Struktur tabel {{table}} di basis data tujuan tidak sesuai dengan cadangan. Pemulihan dibatalkan; basis data tidak diubah.',
      load_failed: 'Data tabel {{table}} tidak dapat dimuat (kode PostgreSQL {{code}}). Pemulihan dibatalkan; basis data tidak diubah.',
      output_exists: 'Berkas {{path}} sudah ada. Cadangan tidak menimpa berkas lain; mohon pilih nama berkas baru.',
    },
  },
  console: {
    errors: {
      courier_unknown: 'Kurir yang dipilih bukan kurir aktif di kantor kecamatan ini.',
      receipt_pin_mismatch:
        'PIN tidak cocok dengan permohonan ini. Tanda terima dicetak dengan PIN yang baru saja diberikan saat permohonan diterima.',
    },
    receipt: {
      title: 'TANDA TERIMA PERMOHONAN',
      ticket: 'Nomor tiket',
      pin: 'PIN pelacakan',
      pinNote: 'Simpan PIN ini. Nomor tiket dan PIN dipakai untuk melacak permohonan. Jangan berikan PIN kepada orang lain.',
      service: 'Layanan',
      subject: 'Atas nama',
      applicant: 'Pemohon',
      desa: 'Desa/kelurahan',
      channel: 'Diterima melalui',
      received: 'Diterima',
      due: 'Perkiraan selesai',
      handOver: 'Penyerahan dokumen',
      documents: 'Berkas yang diterima:',
      noDocuments: 'Belum ada berkas yang dilampirkan.',
      track: 'Lacak permohonan',
      trackNote: 'Pindai kode QR atau buka alamat di atas, lalu masukkan PIN.',
      free: 'Layanan ini GRATIS. Jangan memberikan uang kepada siapa pun.',
      officer: 'Petugas',
      handOverChoices: {
        pickup: 'Diambil di kantor kecamatan',
        home_delivery: 'Diantar ke rumah (Jujuk Dolanan)',
        school: 'Diserahkan di sekolah',
      },
    },
  },
  fields: {
    required: 'wajib diisi',
    invalid: 'tidak valid',
  },
  cli: {
    files_purged: '{{count}} berkas dihapus karena masa simpannya sudah habis.',
    files_purged_none: 'Tidak ada berkas yang masa simpannya sudah habis.',
    // Satu proses saja pada direktori data bawaan (src/db/data-dir-lock.ts).
    database_in_use_by_server: 'Basis data bawaan di {{dataDir}} sedang dipakai server Kencot (pid {{pid}}, port {{port}}, sejak {{since}}). Hentikan server itu dahulu, atau gunakan DATABASE_URL untuk server PostgreSQL.',
    database_in_use_by_starting_server: 'Basis data bawaan di {{dataDir}} sedang dipakai server Kencot yang sedang dinyalakan (pid {{pid}}, sejak {{since}}). Hentikan server itu dahulu, atau gunakan DATABASE_URL untuk server PostgreSQL.',
    database_in_use_by_cli: 'Basis data bawaan di {{dataDir}} sedang dipakai perintah kencot lain (pid {{pid}}, sejak {{since}}). Tunggu sampai selesai, atau gunakan DATABASE_URL untuk server PostgreSQL.',
    backup_written: 'Cadangan selesai: {{tables}} tabel, {{rows}} baris, {{blobs}} dokumen, {{size}} bita. SHA-256 berkas: {{sha256}}.',
    backup_missing_blobs: 'Perhatian: {{count}} dokumen yang masih tercatat tidak ditemukan di penyimpanan berkas dan tidak ikut dicadangkan (SHA-256 tercantum di manifest).',
    backup_encrypt_reminder: 'Berkas cadangan berisi data pribadi spesifik (data anak, pindaian dokumen identitas). Segera enkripsi dan simpan di lokasi lain di Indonesia (lihat README, bagian "Backups").',
    restore_done: 'Cadangan tanggal {{createdAt}} ({{engine}}, migrasi {{migration}}) berhasil dipulihkan: {{blobs}} dokumen.',
    restore_table: '  {{table}}: {{rows}} baris',
    user_deactivated: 'Akun {{username}} dinonaktifkan; semua sesinya diakhiri.',
    user_reactivated: 'Akun {{username}} diaktifkan kembali.',
  },
  whatsapp,
  citizen,
  privacy,
  readingCorner,
} as const;

export default id;
