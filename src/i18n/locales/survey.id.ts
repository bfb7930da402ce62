/** The IKM survey around the regulation's questions (those are in ikm.id.ts): profile, chat, invitations, errors. */
const survey = {
  profile: {
    ageBand: { label: 'Usia', options: { u20: 'Di bawah 20 tahun', '20_29': '20–29 tahun', '30_39': '30–39 tahun', '40_49': '40–49 tahun', '50_59': '50–59 tahun', '60_plus': '60 tahun ke atas' } },
    sex: { label: 'Jenis kelamin', options: { L: 'Laki-laki', P: 'Perempuan' } },
    education: { label: 'Pendidikan terakhir', options: { sd: 'SD atau di bawahnya', smp: 'SMP/sederajat', sma: 'SMA/sederajat', diploma: 'D1–D4', s1: 'S1', s2_plus: 'S2 ke atas' } },
    occupation: { label: 'Pekerjaan', options: { pns: 'PNS/ASN', tni_polri: 'TNI/Polri', swasta: 'Pegawai swasta', wirausaha: 'Wirausaha', pelajar: 'Pelajar/mahasiswa', lainnya: 'Lainnya' } },
  },
  channel: { whatsapp: 'WhatsApp', portal: 'Portal', qr: 'Kode QR di loket' },
  errors: {
    already_answered: 'Survei untuk permohonan ini sudah diisi. Terima kasih, Bapak/Ibu.',
    not_handed_over: 'Survei dapat diisi setelah dokumen diserahkan kepada Bapak/Ibu.',
    period_invalid: 'Periode tidak dikenal: bulan 1–12, triwulan 1–4, semester 1–2.',
  },
  notify: {
    invite:
      'Bagaimana pengalaman Bapak/Ibu dengan pelayanan permohonan *{{ticket}}*? Bantu kami memperbaiki pelayanan {{office}} dengan mengisi survei kepuasan singkat (9 pertanyaan, tanpa nama). Balas *survei* untuk mulai. Terima kasih.',
    template_status: 'Mohon kesediaan Bapak/Ibu mengisi survei kepuasan: balas *survei*.',
  },
  chat: {
    saving: 'Sebentar, jawaban survei Bapak/Ibu sedang kami simpan…',
    intro: 'Terima kasih atas kesediaan Bapak/Ibu mengisi survei kepuasan untuk permohonan *{{ticket}}*. Ada 9 pertanyaan; jawaban Bapak/Ibu tidak disertai nama maupun nomor. Ketik *berhenti* kapan saja untuk melanjutkan nanti.',
    resumed: 'Kita lanjutkan survei permohonan *{{ticket}}* dari pertanyaan {{number}}.',
    question: '*Pertanyaan {{number}} dari 9 — {{name}}*\n{{question}}',
    choose: 'Pilih jawaban',
    answers_section: 'Jawaban',
    not_an_answer: 'Maaf, jawaban belum kami kenali. Mohon ketik angka 1 sampai 4 atau kata jawabannya.',
    profile_ask: 'Terima kasih. Bolehkah kami menanyakan sedikit data responden (usia, jenis kelamin, pendidikan, pekerjaan)? Sifatnya sukarela dan tanpa nama.',
    profile_yes: 'Boleh',
    profile_skip: 'Lewati',
    profile_question: '*{{label}}*',
    skip_row: 'Tidak ingin menjawab',
    suggestion_ask: 'Terakhir: adakah saran atau masukan Bapak/Ibu untuk pelayanan kami? Silakan ketik, atau ketik *lewati*.',
    suggestion_too_long: 'Mohon ringkas saran Bapak/Ibu (paling banyak {{max}} huruf).',
    thanks: 'Terima kasih, Bapak/Ibu. Jawaban survei permohonan *{{ticket}}* sudah kami simpan dan menjadi bahan perbaikan pelayanan {{office}}.',
    already_answered: 'Survei untuk permohonan *{{ticket}}* sudah Bapak/Ibu isi sebelumnya. Terima kasih.',
    paused: 'Baik, survei kami simpan sampai pertanyaan {{number}}. Ketik *survei* kapan saja untuk melanjutkan.',
    none_pending: 'Saat ini belum ada survei untuk Bapak/Ibu. Survei dikirim setelah dokumen permohonan diserahkan.',
    failed: 'Maaf, jawaban survei belum dapat kami simpan. Silakan ketik *survei* untuk mencoba lagi.',
  },
} as const;

export default survey;
