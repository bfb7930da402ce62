/** Pengaduan and saran: the chat, the notices and the refusals, in Bahasa Indonesia. */
const complaints = {
  kind: { keluhan: 'Pengaduan', saran: 'Saran' },
  notify: {
    answered: 'Bapak/Ibu, berikut jawaban {{office}} atas *{{number}}*:\n\n{{answer}}\n\nTerima kasih telah menyampaikannya kepada kami. 🙏',
    template_status: 'pengaduan Bapak/Ibu sudah dijawab: {{answer}}',
  },
  chat: {
    ask_keluhan:
      'Mohon maaf atas ketidaknyamanan yang Bapak/Ibu alami. 🙏 Silakan tuliskan pengaduan Bapak/Ibu dalam *satu pesan*: apa yang terjadi, kapan, dan di mana (bila tentang permohonan, sebutkan nomornya). Pengaduan akan diberi nomor dan dijawab petugas.',
    ask_saran: 'Terima kasih, saran Bapak/Ibu sangat berarti bagi kami. Silakan tuliskan saran Bapak/Ibu dalam *satu pesan*.',
    too_short: 'Mohon ceritakan sedikit lebih lengkap (paling sedikit {{min}} huruf), agar petugas dapat menindaklanjutinya.',
    too_long: 'Mohon ringkas menjadi paling banyak {{max}} huruf dalam satu pesan.',
    not_text: 'Mohon tuliskan dalam bentuk pesan teks.',
    confirm: 'Kami akan mencatat {{what}} berikut:\n\n"{{body}}"\n\nKirim sekarang?',
    send: 'Kirim',
    rewrite: 'Tulis ulang',
    cancel: 'Batal',
    saving: 'Sedang dicatat…',
    recorded:
      'Terima kasih. {{what}} Bapak/Ibu sudah kami terima dengan nomor *{{number}}*. Petugas akan menjawab lewat WhatsApp ini paling lambat *{{due}}*. Untuk menanyakannya, kirim nomor tersebut.',
    failed: 'Mohon maaf, {{what}} Bapak/Ibu belum dapat dicatat karena gangguan sistem. Silakan coba lagi sebentar lagi, atau pilih *Bicara dgn petugas*.',
    cancelled: 'Baik, tidak jadi dicatat.',
    start_keluhan: 'Tulis pengaduan',
    start_saran: 'Tulis saran',
    status_open: '*{{number}}* ({{what}}, {{received}}) sedang ditindaklanjuti. Jawaban paling lambat *{{due}}*.',
    status_answered: 'Jawaban atas *{{number}}* ({{what}}, {{received}}):\n\n{{answer}}',
    not_yours: 'Nomor *{{number}}* tidak ditemukan untuk nomor WhatsApp ini.',
  },
  errors: {
    already_answered: 'Pengaduan ini sudah dijawab.',
    lookup_failed: 'Nomor pengaduan atau PIN tidak cocok. Mohon periksa kembali.',
  },
} as const;

export default complaints;
