/** The staff console's WhatsApp inbox, in Bahasa Indonesia. */
const inbox = {
  nav: 'WhatsApp',
  title: 'Kotak masuk WhatsApp',
  intro: 'Percakapan warga dengan layanan WIS ORA KENCOT. Yang meminta dilayani petugas tampil paling atas.',
  listLabel: 'Daftar percakapan',
  empty: 'Belum ada percakapan WhatsApp.',
  choose: 'Pilih percakapan di sebelah kiri untuk membacanya.',
  waiting: 'Menunggu petugas',
  unread: (n: number) => `${n} pesan belum dibaca`,
  modeBot: 'Dilayani bot',
  modeStaff: 'Dilayani petugas',
  threadLabel: (name: string) => `Percakapan dengan ${name}`,
  from: { pemohon: 'Warga', bot: 'Bot', staff: 'Petugas', system: 'Notifikasi' } as Record<string, string>,
  status: { pending: 'menunggu dikirim', sending: 'sedang dikirim', sent: 'terkirim', delivered: 'sampai', read: 'dibaca', failed: 'gagal terkirim' } as Record<string, string>,
  refused: { too_large: 'berkas terlalu besar', unsupported_type: 'jenis berkas tidak diterima', unreadable: 'berkas tidak terbaca', pdf_active_content: 'PDF berisi skrip', empty: 'berkas kosong', download_failed: 'gagal diunduh' } as Record<string, string>,
  document: 'Dokumen',
  kinds: { image: '📷 Foto', document: '📎 Dokumen', audio: '🎤 Pesan suara', location: '📍 Lokasi', reaction: 'Reaksi', sticker: 'Stiker' } as Record<string, string>,
  request: (ticket: string) => `Permohonan terkait: ${ticket}`,
  takeOver: 'Ambil alih dari bot',
  handBack: 'Kembalikan ke bot',
  reply: 'Balasan',
  replyHint: 'Pesan dikirim dari nomor WhatsApp kantor atas nama petugas.',
  send: 'Kirim balasan',
  sending: 'Mengirim…',
  windowClosed:
    'Sudah lebih dari 24 jam sejak warga terakhir mengirim pesan, jadi WhatsApp tidak mengizinkan balasan bebas. Hubungi warga melalui telepon, atau tunggu sampai warga mengirim pesan lagi.',
  sent: 'Balasan masuk antrean pengiriman.',
};

export default inbox;
