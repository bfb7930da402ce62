/** Pojok baca (issue 13): the reading corner's refusals and the overdue reminder, in Bahasa Indonesia. */
const readingCorner = {
  field: {
    isbn_format: 'ISBN tidak dikenali. Mohon ketik 10 atau 13 angka ISBN seperti tercetak di sampul belakang atau halaman hak cipta, misalnya 978-602-03-3295-6.',
    isbn_check_digit: 'ISBN tidak valid: angka terakhirnya (angka pemeriksa) tidak cocok. Mohon periksa kembali angka-angkanya, mungkin ada yang tertukar atau salah ketik.',
    isbn_exists: 'Buku dengan ISBN ini sudah ada di katalog ("{{title}}"). Bila ada sumbangan buku yang sama, mohon tambahkan jumlah eksemplarnya saja.',
    copies_below_lent: 'Jumlah eksemplar tidak boleh kurang dari yang sedang dipinjam ({{lent}}).',
    phone_invalid: 'Nomor WhatsApp peminjam tidak valid. Contoh penulisan: 0812 2700 1234.',
    day_future: 'Pengunjung hanya dicatat untuk hari ini atau hari yang sudah lewat.',
    day_too_old: 'Jumlah pengunjung hanya dapat dicatat atau diperbaiki sampai {{days}} hari ke belakang.',
  },
  errors: {
    no_copy_available: 'Semua eksemplar "{{title}}" sedang dipinjam. Mohon tawarkan buku lain atau tunggu sampai ada yang dikembalikan.',
    already_returned: 'Buku ini sudah tercatat dikembalikan.',
    period_invalid: 'Rentang tanggal tidak valid: tanggal awal harus sebelum tanggal akhir.',
    month_invalid: 'Bulan tidak valid. Contoh penulisan: 2026-11.',
  },
  notify: {
    overdue:
      'Yth. Bapak/Ibu {{name}}, buku "{{title}}" yang Bapak/Ibu pinjam dari Pojok Baca {{office}} seharusnya dikembalikan pada {{due}}. Mohon kiranya buku tersebut dikembalikan ke ruang tunggu kantor kecamatan pada jam layanan. Bila masih memerlukan waktu, silakan sampaikan kepada petugas. Terima kasih.',
  },
} as const;

export default readingCorner;
