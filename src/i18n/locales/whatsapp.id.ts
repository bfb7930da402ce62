/** What the WhatsApp channel itself says (notifications, staff hand-off), in Bahasa Indonesia. */
const whatsapp = {
  notify: {
    received:
      'Permohonan Bapak/Ibu sudah kami terima dengan nomor tiket *{{ticket}}*. Petugas akan memeriksa berkasnya dan mengabari Bapak/Ibu melalui WhatsApp ini.',
    returned:
      'Mohon maaf, permohonan *{{ticket}}* perlu dilengkapi terlebih dahulu:\n{{reasons}}\n\nBapak/Ibu dapat memperbaikinya langsung di sini: ketik *menu* lalu pilih *Cek status*. Bisa juga melalui halaman Lacak Permohonan dengan nomor tiket dan PIN.',
    rejected:
      'Mohon maaf, permohonan *{{ticket}}* tidak dapat kami proses.\nAlasan: {{reason}}\n\nBila ada pertanyaan, silakan balas pesan ini atau datang ke kantor kecamatan.',
    ready_pickup:
      'Kabar baik! Dokumen untuk permohonan *{{ticket}}* sudah jadi dan dapat diambil di {{office}} pada jam layanan. Mohon tunjukkan nomor tiket ini kepada petugas.',
    ready_home_delivery:
      'Kabar baik! Dokumen untuk permohonan *{{ticket}}* sudah jadi. Petugas kami akan mengantarkannya ke rumah Bapak/Ibu dan menghubungi nomor ini terlebih dahulu.',
    delivered: 'Dokumen permohonan *{{ticket}}* sudah diserahkan. Terima kasih telah menggunakan layanan {{office}}. 🙏',
    cancelled: 'Permohonan *{{ticket}}* sudah dibatalkan. Ketik *menu* bila Bapak/Ibu ingin mengajukan permohonan baru.',
    pin_sent:
      'PIN baru untuk melacak permohonan *{{ticket}}*: *{{pin}}*\nPIN ini dikirim karena ada permintaan "Lupa PIN" di halaman Lacak Permohonan. PIN lama tetap berlaku sampai PIN baru ini dipakai; PIN baru berlaku 24 jam. Jangan berikan PIN ini kepada siapa pun, termasuk petugas. Bila Bapak/Ibu tidak memintanya, abaikan saja pesan ini: PIN lama Bapak/Ibu tetap berlaku.',
    pin_reissued:
      'PIN pelacakan permohonan *{{ticket}}* telah diganti di {{office}} dan tanda terima baru sudah dicetak. PIN yang lama tidak berlaku lagi. Bila Bapak/Ibu tidak memintanya, mohon segera hubungi kantor kecamatan.',
    verification_code:
      'Kode verifikasi permohonan Bapak/Ibu: *{{code}}*\nBerlaku 10 menit. Jangan berikan kode ini kepada siapa pun, termasuk petugas.',
    reason_line: '• {{label}}',
    reason_line_document: '• {{label}}: {{document}}',
    /** One line for the template's status parameter (templates allow no line breaks). */
    template_status: {
      received: 'sudah diterima',
      returned: 'perlu dilengkapi, silakan balas pesan ini untuk rinciannya',
      rejected: 'tidak dapat diproses, silakan balas pesan ini untuk rinciannya',
      ready_pickup: 'dokumen sudah jadi dan dapat diambil di kantor kecamatan',
      ready_home_delivery: 'dokumen sudah jadi dan akan diantar ke rumah',
      delivered: 'dokumen sudah diserahkan',
      cancelled: 'sudah dibatalkan',
      pin_reissued: 'PIN pelacakan sudah diganti dan tanda terima baru dicetak, PIN lama tidak berlaku lagi',
    },
  },
  apology: 'Mohon maaf, sistem kami sedang mengalami gangguan sehingga pesan Bapak/Ibu belum dapat kami proses. Petugas kami akan membantu secepatnya. Ketik *menu* untuk mencoba lagi.',
  handed_back: 'Terima kasih, percakapan dengan petugas sudah selesai. Ketik *menu* untuk melihat layanan otomatis kami.',
  handed_back_resume:
    'Terima kasih, percakapan dengan petugas sudah selesai. Permohonan Bapak/Ibu yang belum selesai masih tersimpan: ketik *1* untuk melanjutkan, atau *2* untuk mulai dari awal.',
  taken_over: 'Halo Bapak/Ibu, saya {{name}}, petugas {{office}}. Saya akan membantu melalui chat ini.',
  errors: {
    window_closed:
      'Sudah lebih dari 24 jam sejak pesan terakhir warga, sehingga WhatsApp hanya mengizinkan pesan template. Mohon hubungi warga melalui telepon atau tunggu sampai warga mengirim pesan lagi.',
    bad_signature: 'Tanda tangan webhook tidak valid.',
    not_json: 'Isi webhook bukan JSON yang valid.',
  },
  staff_alert: {
    no_template: 'Notifikasi tidak dapat dikirim karena sudah lewat 24 jam sejak pesan terakhir pemohon dan belum ada template yang disetujui.',
    undeliverable: 'Pesan tidak dapat dikirim ke nomor ini.',
  },
} as const;

export default whatsapp;
