/** Personal data (UU PDP): retention runs and data-subject requests, in Bahasa Indonesia. */
const privacy = {
  errors: {
    anonymised: 'Data pribadi pada permohonan ini sudah dianonimkan, sehingga tidak dapat diubah lagi dan tidak ada nomor yang dapat dihubungi.',
  },
  refusals: {
    request_open: 'Permohonan masih diproses. Mohon batalkan permohonan terlebih dahulu bila Bapak/Ibu pemilik data menghendaki penghapusan.',
    archive_period: 'Dokumen sudah diterbitkan, sehingga data permohonan wajib disimpan sebagai arsip layanan sampai {{until}}. Setelah itu data dianonimkan secara otomatis.',
    loan_open: 'Buku pojok baca masih dipinjam. Data peminjam dihapus setelah buku dikembalikan.',
  },
  cli: {
    none: 'Tidak ada data pribadi yang masa simpannya sudah habis.',
    request_personal: '{{count}} permohonan dianonimkan.',
    chat_message: '{{count}} pesan WhatsApp dikosongkan.',
    conversations: '{{count}} percakapan WhatsApp yang tidak aktif dihapus.',
    phone_verification: '{{count}} kode verifikasi nomor dihapus.',
    outbox_payload: '{{count}} pesan keluar dikosongkan.',
    audit_details: '{{count}} catatan audit dibersihkan dari data pribadi.',
  },
} as const;

export default privacy;
