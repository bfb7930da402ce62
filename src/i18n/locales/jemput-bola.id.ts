/** Jemput Bola KIA di sekolah (issue 12) dalam Bahasa Indonesia: pemberitahuan orang tua dan penolakan. */
const jemputBola = {
  notify: {
    notice:
      'Yth. Bapak/Ibu orang tua/wali {{child}}, petugas {{office}} akan melayani pembuatan Kartu Identitas Anak (KIA) di {{school}} pada {{date}} pukul {{time}}. Mohon titipkan kepada anak fotokopi akta kelahiran dan Kartu Keluarga (KK).{{photo}} Layanan ini tidak dipungut biaya. Bila ada pertanyaan, silakan balas pesan ini.',
    photo_on_site: ' Foto anak diambil langsung oleh petugas di sekolah.',
    bring: 'akta kelahiran dan KK',
    bring_with_photo: 'akta kelahiran dan KK; foto anak diambil di sekolah',
  },
  errors: {
    deadline_out_of_range: 'Batas waktu penyelesaian harus bilangan bulat antara 1 dan 7 hari kerja.',
    school_unknown: 'Sekolah dengan NPSN ini belum terdaftar di kecamatan ini. Mohon tambahkan sekolahnya terlebih dahulu.',
    officer_unknown: 'Petugas yang dipilih tidak dikenal atau tidak aktif di kecamatan ini.',
    in_the_past: 'Waktu sesi harus setelah saat ini.',
    wrong_state: 'Tindakan ini tidak dapat dilakukan pada sesi yang berstatus "{{state}}".',
    role_not_allowed: 'Hanya Kepala Seksi (kasi) yang dapat menyetujui sesi jemput bola.',
    captures_closed: 'Pendataan di lokasi hanya dapat dicatat untuk sesi yang sudah disetujui dan belum selesai.',
    not_on_roster: 'Anak ini tidak ada dalam daftar sesi ini.',
    nik_required: 'NIK anak wajib diisi untuk anak yang hadir.',
    birth_place_required: 'Tempat lahir anak (sesuai akta kelahiran) wajib diisi untuk anak yang hadir.',
    kk_required: 'Nomor KK wajib diisi untuk anak yang hadir.',
    documents_required: 'Akta kelahiran dan KK harus sudah diperiksa petugas (centang keduanya).',
    kk_invalid: 'Nomor KK tidak valid: periksa kembali 16 angkanya.',
    whatsapp_invalid: 'Nomor WhatsApp tidak valid: tulis misalnya 0812 3456 7890.',
    contact_required: 'Nomor WhatsApp orang tua belum ada, dan sekolah belum memiliki nomor kontak. Mohon isi nomor WhatsApp orang tua.',
    nothing_ready: 'Belum ada KIA dari sesi ini yang siap diserahkan.',
    photo_unknown: 'Foto tidak ditemukan di kecamatan ini. Mohon unggah ulang fotonya.',
    key_reused: 'Kunci pengiriman ini sudah dipakai untuk data anak lain. Perangkat perlu membuat kunci baru.',
  },
  list: {
    title: 'DAFTAR SERAH TERIMA KARTU IDENTITAS ANAK (KIA)',
    school: 'Sekolah',
    sessionDate: 'Tanggal jemput bola',
    number: 'No.',
    name: 'Nama anak',
    nik: 'NIK',
    schoolClass: 'Kelas',
    ticket: 'Nomor permohonan',
    count: 'Jumlah KIA',
    place: 'Tempat',
    receivedBy: 'Yang menerima, petugas sekolah',
    handedOverBy: 'Yang menyerahkan, Kepala Seksi Pelayanan',
    signatureName: 'nama jelas dan tanda tangan',
  },
  status: {
    planned: 'Direncanakan',
    approved: 'Disetujui',
    held: 'Sudah dilaksanakan',
    closed: 'Selesai',
    cancelled: 'Dibatalkan',
  },
} as const;

export default jemputBola;
