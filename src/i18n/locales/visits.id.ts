/** Home visits: what the guardian is told and the refusals, in Bahasa Indonesia. */
const visits = {
  notify: {
    visit_scheduled:
      'Bapak/Ibu, petugas {{office}} akan berkunjung ke rumah untuk permohonan *{{ticket}}* pada {{date}} pukul {{time}}. Mohon orang yang bersangkutan ada di rumah. Bila waktunya tidak sesuai, silakan balas pesan ini.',
    visit_rescheduled:
      'Bapak/Ibu, kunjungan petugas {{office}} untuk permohonan *{{ticket}}* dijadwalkan ulang menjadi {{date}} pukul {{time}}. Bila waktunya tidak sesuai, silakan balas pesan ini.',
    visit_not_home:
      'Mohon maaf, petugas {{office}} sudah berkunjung untuk permohonan *{{ticket}}* tetapi tidak ada orang di rumah. Petugas akan menghubungi Bapak/Ibu untuk mengatur waktu kunjungan berikutnya.',
    visit_reminder:
      'Pengingat untuk Bapak/Ibu: besok, {{date}} pukul {{time}}, petugas {{office}} akan berkunjung ke rumah untuk permohonan *{{ticket}}*. Mohon orang yang bersangkutan ada di rumah. Bila berhalangan, silakan balas pesan ini.',
    template_status: {
      visit_reminder: 'pengingat: petugas akan berkunjung besok, {{date}} pukul {{time}}',
      visit_scheduled: 'petugas akan berkunjung ke rumah pada {{date}} pukul {{time}}',
      visit_rescheduled: 'kunjungan petugas dijadwalkan ulang menjadi {{date}} pukul {{time}}',
      visit_not_home: 'petugas sudah berkunjung tetapi tidak ada orang di rumah',
    },
  },
  errors: {
    in_the_past: 'Waktu kunjungan harus setelah saat ini.',
    outside_office_hours: 'Kunjungan harus dimulai dan selesai di dalam jam layanan kantor pada hari kerja.',
    reason_required: 'Mohon tuliskan alasan kunjungan dijadwalkan ulang.',
    new_time_required: 'Mohon isi waktu kunjungan yang baru.',
    visit_closed: 'Hasil kunjungan ini sudah dicatat.',
    request_closed: 'Permohonan ini sudah selesai.',
    not_asked: 'Pemohon tidak meminta kunjungan ke rumah untuk permohonan ini.',
    officer_unknown: 'Petugas yang dipilih tidak dikenal atau tidak aktif di kecamatan ini.',
  },
} as const;

export default visits;
