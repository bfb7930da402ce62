/** The WhatsApp simulator page (developers and demos), in Bahasa Indonesia. */
const simulator = {
  title: 'Simulator WhatsApp',
  intro:
    'Halaman ini meniru aplikasi WhatsApp agar layanan WIS ORA KENCOT dapat dicoba tanpa akun Meta. Setiap pesan dikirim ke server ini sebagai webhook Cloud API yang ditandatangani, dan balasan bot diambil dari tiruan Graph API lokal — jalur kodenya sama dengan WhatsApp sungguhan.',
  office: 'Kantor kecamatan',
  phone: 'Nomor WhatsApp warga (62…)',
  phoneHint:
    'Nomor ini khusus untuk peramban ini: hanya Anda yang dapat membaca pesannya. Pakai nomor ini juga di formulir permohonan web untuk menerima kode. Nomor yang sudah dipakai warga atau perangkat lain tidak dapat dipakai.',
  name: 'Nama profil WhatsApp',
  chatLabel: 'Percakapan',
  empty: 'Belum ada pesan. Coba kirim "halo".',
  you: 'Anda',
  bot: 'Kecamatan',
  message: 'Pesan',
  send: 'Kirim',
  attach: 'Kirim foto atau PDF',
  voice: 'Kirim pesan suara',
  location: 'Kirim lokasi',
  sticker: 'Kirim stiker',
  openList: 'Buka pilihan',
  template: (name: string) => `Pesan template "${name}"`,
  status: { sent: 'terkirim', delivered: 'sampai', read: 'dibaca', failed: 'gagal' } as Record<string, string>,
  sending: 'Mengirim…',
  voiceNote: '🎤 Pesan suara',
  locationNote: '📍 Lokasi',
  stickerNote: 'Stiker',
  fileNote: (name: string) => `📎 ${name}`,
};

export default simulator;
