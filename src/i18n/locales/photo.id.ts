/**
 * Photo checks at upload (issue 16): what is wrong with a photo and how to retake it, in plain,
 * polite Indonesian. Every hint ends the same way in the channel: the citizen may still send it.
 * `{{doc}}` is the document's name, `{{whole}}` what must be seen whole (kartu or lembar).
 */
const photo = {
  doc: { kk: 'KK', akta: 'akta kelahiran', ktp: 'KTP-el', photo: 'pas foto anak', document: 'dokumen' },
  whole: { kk: 'seluruh kartu', akta: 'seluruh lembar akta', ktp: 'seluruh kartu', photo: 'wajah anak', document: 'seluruh dokumen' },
  problem: {
    blurred: 'Foto {{doc}} kurang jelas/buram. Mohon foto ulang di tempat yang terang, {{whole}} terlihat.',
    dark: 'Foto {{doc}} terlalu gelap. Mohon foto ulang di tempat yang terang atau dekat jendela, tanpa menutupi {{whole}}.',
    bright: 'Foto {{doc}} terlalu terang sehingga tulisannya pudar. Mohon foto ulang tanpa lampu kilat (flash) dan tidak di bawah sinar matahari langsung.',
    small: 'Foto {{doc}} terlalu kecil untuk dibaca. Mohon kirim foto asli dari kamera HP (bukan tangkapan layar atau foto yang diperkecil).',
    cropped: 'Foto {{doc}} terpotong atau terlalu jauh. Mohon foto ulang dari dekat, {{whole}} terlihat sampai ke tepinya dan memenuhi foto.',
    screen: 'Foto {{doc}} tampaknya diambil dari layar HP atau komputer. Mohon foto langsung dokumen aslinya.',
    no_face: 'Wajah anak tidak terlihat jelas di tengah foto. Mohon foto ulang dengan wajah anak menghadap kamera, di tengah foto, dengan latar polos.',
    wrong_document: 'Foto ini tampaknya bukan {{doc}} (terbaca: {{read}}). Mohon kirim foto {{doc}}.',
  },
  send_anyway: 'Bila Bapak/Ibu tidak dapat memotret ulang, foto ini tetap dapat dikirim dan akan diperiksa petugas.',
  ok: 'Foto {{doc}} sudah jelas.',
  number: {
    nik_match: 'NIK pada foto {{doc}} cocok.',
    kk_match: 'Nomor KK pada foto KK cocok.',
    nik_differs: 'NIK pada foto {{doc}} terbaca {{read}}, berbeda dengan yang diisi ({{typed}}) pada angka ke-{{positions}}. Mohon periksa kembali NIK yang diisi.',
    kk_differs: 'Nomor KK pada foto terbaca {{read}}, berbeda dengan yang diisi ({{typed}}) pada angka ke-{{positions}}. Mohon periksa kembali nomor KK yang diisi.',
    not_read: 'Nomor pada foto {{doc}} belum dapat dibaca otomatis; petugas akan memeriksanya.',
  },
  cli: {
    file_unreadable: 'Berkas {{file}} tidak dapat dibuka.',
    not_an_image: 'Berkas {{file}} bukan gambar yang dapat dibaca. Gunakan foto JPG, PNG atau WebP.',
    too_large: 'Berkas {{file}} terlalu besar ({{size}} MB); batasnya {{limit}} MB.',
    too_many_pixels: 'Gambar {{file}} terlalu besar ukurannya ({{width}} × {{height}} piksel).',
    kind_invalid: 'Jenis foto "{{kind}}" tidak dikenal. Pilih salah satu: kk, akta, ktp, photo.',
    measures: 'Ukuran: {{width}} × {{height}} piksel; ketajaman {{sharpness}}; kecerahan rata-rata {{mean}}.',
    numbers_none: 'Tidak ada nomor 16 angka yang terbaca.',
    numbers_timeout: 'Pembacaan nomor (OCR) tidak selesai dalam {{seconds}} detik.',
  },
} as const;

export default photo;
