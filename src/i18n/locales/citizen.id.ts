/** What the citizen portal's public API says (phone codes, applying, tracking), in Bahasa Indonesia. */
const citizen = {
  errors: {
    phone_invalid: 'Nomor WhatsApp tidak valid. Tulis nomor HP Indonesia, misalnya 0812 2700 1234.',
    code_limit: 'Kode verifikasi sudah dikirim 3 kali ke nomor ini dalam satu jam terakhir. Mohon tunggu sampai pukul {{until}}, lalu minta kode lagi.',
    code_wrong: 'Kode verifikasi salah. Sisa percobaan: {{left}}.',
    code_used_up: 'Kode verifikasi sudah salah dimasukkan 5 kali sehingga tidak berlaku lagi. Mohon minta kode baru.',
    code_expired: 'Kode verifikasi sudah tidak berlaku (lebih dari 10 menit atau sudah dipakai). Mohon minta kode baru.',
    token_missing: 'Mohon verifikasi nomor WhatsApp Bapak/Ibu terlebih dahulu.',
    token_invalid: 'Sesi Bapak/Ibu sudah berakhir. Mohon ulangi verifikasi nomor WhatsApp (isian yang sudah diketik tetap tersimpan).',
    tracking_token_invalid: 'Sesi pelacakan sudah berakhir. Mohon masukkan kembali nomor tiket dan PIN.',
    service_not_online: 'Layanan ini tidak dapat diajukan secara online karena memerlukan kehadiran langsung (misalnya perekaman sidik jari dan foto). Silakan datang ke kantor kecamatan. Bagi penyandang disabilitas dan lansia, petugas dapat datang ke rumah: pilih layanan khusus dengan “Petugas datang ke rumah”.',
    not_eligible: 'Berdasarkan data yang diisi, permohonan ini belum memenuhi syarat. {{reason}}',
    nik_required: 'NIK wajib diisi untuk layanan ini.',
    documents_missing: 'Dokumen berikut belum dilampirkan: {{documents}}.',
    attachment_not_yours: 'Salah satu lampiran tidak dikenali. Mohon unggah ulang dokumennya.',
    applications_limit:
      'Satu kali verifikasi nomor WhatsApp dapat dipakai untuk paling banyak {{limit}} permohonan. Mohon verifikasi nomor lagi untuk permohonan berikutnya (isian yang sudah diketik tetap tersimpan).',
    tracking_failed: 'Nomor tiket atau PIN tidak cocok. Mohon periksa kembali tanda terima Bapak/Ibu, atau minta PIN baru ke WhatsApp lewat "Lupa PIN".',
  },
  nik: {
    format: 'NIK harus 16 angka.',
    province_unknown: '2 angka pertama NIK bukan kode provinsi di Indonesia.',
    day_invalid: 'Angka tanggal lahir pada NIK (angka ke-7 dan ke-8) tidak valid.',
    month_invalid: 'Angka bulan lahir pada NIK (angka ke-9 dan ke-10) tidak valid.',
    date_invalid: 'Tanggal lahir pada NIK (angka ke-7 sampai ke-12) bukan tanggal yang ada.',
    serial_zero: '4 angka terakhir NIK tidak boleh 0000.',
  },
} as const;

export default citizen;
