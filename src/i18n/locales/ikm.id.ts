/** The satisfaction survey (IKM, PermenPANRB 14/2017) in Bahasa Indonesia: the regulation's own questions and answer words. */
const ikm = {
  unsur: {
    PERSYARATAN: { name: 'Persyaratan', question: 'Bagaimana pendapat Bapak/Ibu tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?', answers: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'] },
    PROSEDUR: { name: 'Sistem, mekanisme dan prosedur', question: 'Bagaimana pemahaman Bapak/Ibu tentang kemudahan prosedur pelayanan di unit ini?', answers: ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'] },
    WAKTU: { name: 'Waktu penyelesaian', question: 'Bagaimana pendapat Bapak/Ibu tentang kecepatan waktu dalam memberikan pelayanan?', answers: ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat'] },
    BIAYA: { name: 'Biaya/tarif', question: 'Bagaimana pendapat Bapak/Ibu tentang kewajaran biaya/tarif dalam pelayanan?', answers: ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'] },
    PRODUK: { name: 'Produk spesifikasi jenis pelayanan', question: 'Bagaimana pendapat Bapak/Ibu tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?', answers: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'] },
    KOMPETENSI: { name: 'Kompetensi pelaksana', question: 'Bagaimana pendapat Bapak/Ibu tentang kompetensi/kemampuan petugas dalam pelayanan?', answers: ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten'] },
    PERILAKU: { name: 'Perilaku pelaksana', question: 'Bagaimana pendapat Bapak/Ibu tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?', answers: ['Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah'] },
    PENGADUAN: { name: 'Penanganan pengaduan, saran dan masukan', question: 'Bagaimana pendapat Bapak/Ibu tentang penanganan pengaduan pengguna layanan?', answers: ['Tidak ada', 'Ada tetapi tidak berfungsi', 'Berfungsi kurang maksimal', 'Dikelola dengan baik'] },
    SARPRAS: { name: 'Sarana dan prasarana', question: 'Bagaimana pendapat Bapak/Ibu tentang kualitas sarana dan prasarana?', answers: ['Buruk', 'Cukup', 'Baik', 'Sangat baik'] },
  },
  grade: { A: 'Sangat baik', B: 'Baik', C: 'Kurang baik', D: 'Tidak baik' },
  csv: {
    missing_column: 'Baris {{row}}: kolom {{column}} tidak ada pada baris judul. Baris judul harus memuat kode kesembilan unsur: {{all}}.',
    duplicate_column: 'Baris {{row}}: kolom {{column}} muncul lebih dari sekali pada baris judul.',
    empty_answer: 'Baris {{row}}, kolom {{column}}: jawaban kosong. Setiap unsur dijawab 1, 2, 3 atau 4.',
    answer_out_of_range: 'Baris {{row}}, kolom {{column}}: "{{value}}" bukan jawaban yang sah. Jawaban harus 1, 2, 3 atau 4.',
    no_respondents: 'Berkas tidak memuat satu pun responden (hanya baris judul atau kosong).',
    unreadable: 'Baris {{row}}: berkas CSV tidak dapat dibaca (periksa tanda petik dan pemisah kolom).',
    file_unreadable: 'Berkas {{file}} tidak dapat dibuka.',
    not_computed: 'IKM tidak dihitung: {{count}} masalah pada berkas.',
  },
  cli: {
    respondents: 'Responden: {{count}}',
    nrr_line: '  {{name}} ({{code}}): NRR {{nrr}}',
    ikm_line: 'IKM (bobot 1/9, cara yang tepat): {{ikm}} → nilai konversi {{converted}}, mutu {{grade}} ({{words}})',
    ikm0111_line: 'Pembanding bobot 0,111 (seperti lembar kerja banyak instansi): {{ikm}} → {{converted}}, mutu {{grade}} ({{words}})',
    priorities: 'Prioritas perbaikan (NRR terendah lebih dulu): {{list}}',
    sample: 'Sampel minimum (Krejcie–Morgan) untuk populasi {{population}}: {{minimum}} responden — {{verdict}}',
    sample_enough: 'cukup',
    sample_short: 'kurang {{missing}} responden',
  },
} as const;

export default ikm;
