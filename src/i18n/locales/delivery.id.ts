/** Jujuk Dolanan (home delivery): what the citizen is told and the kurir's refusals, in Bahasa Indonesia. */
const delivery = {
  notify: {
    delivery_on_the_way:
      'Bapak/Ibu, petugas kurir {{office}} sedang menuju alamat Bapak/Ibu untuk mengantarkan dokumen permohonan *{{ticket}}*. Mohon pastikan ada yang dapat menerima di rumah. Terima kasih. 🙏',
    delivery_rescheduled:
      'Mohon maaf, dokumen permohonan *{{ticket}}* belum dapat kami serahkan hari ini ({{reason}}). Petugas kurir akan datang kembali pada {{date}}. Bila alamat atau nomor yang dihubungi perlu diubah, silakan balas pesan ini.',
    delivery_returned:
      'Mohon maaf, dokumen permohonan *{{ticket}}* belum berhasil kami antarkan setelah beberapa kali kunjungan, sehingga dokumen kami simpan kembali di {{office}}. Bapak/Ibu dapat mengambilnya di {{address}} pada jam layanan dengan menunjukkan nomor tiket ini.',
    template_status: {
      delivery_on_the_way: 'petugas kurir sedang menuju alamat Bapak/Ibu untuk mengantarkan dokumen',
      delivery_rescheduled: 'dokumen belum dapat diserahkan hari ini, petugas kurir akan datang kembali',
      delivery_returned: 'dokumen dikembalikan ke kantor kecamatan dan dapat diambil pada jam layanan',
    },
  },
  errors: {
    task_closed: 'Tugas antar ini sudah selesai atau dokumennya tidak lagi menunggu diantar.',
    position_without_consent: 'Lokasi hanya boleh disimpan bila penerima sudah menyetujuinya.',
    received_in_future: 'Waktu serah terima tidak boleh di masa depan.',
    note_required: 'Mohon tuliskan alasannya bila memilih "Alasan lain".',
    proof_missing: 'Mohon unggah foto serah terima terlebih dahulu.',
    route_mismatch: 'Urutan rute harus memuat semua tugas hari ini, masing-masing satu kali. Mohon muat ulang halaman.',
  },
} as const;

export default delivery;
