/**
 * The words citizens write to WIS ORA KENCOT, as data: everyday and chat-style Indonesian ("yg",
 * "gmn", "bikin"), Banyumasan Javanese ("kepriwe", "pira", "arep", "wis", "ngendi"), and the
 * cues that say what a message asks for. `understand.ts` reads them; a new word is a line here,
 * never a new branch there.
 *
 * Every phrase below is written in the *canonical* words of `SPELLING`'s right-hand side, so
 * "biayane pira" and "biayanya brp" both meet the cue `biaya berapa`.
 */

/** Intents the bot acts on. `unknown` when nothing here matched. */
export const INTENTS = [
  'greeting', 'apply', 'requirements', 'fee', 'duration', 'status', 'hours', 'location', 'human',
  'home_service', 'complaint', 'thanks', 'cancel', 'menu', 'unknown',
] as const;
export type Intent = (typeof INTENTS)[number];

/**
 * Spelling → canonical word. Chat abbreviations, Javanese words, common misspellings and suffixed
 * forms that stemming alone would not find. Several words may share a canonical form (a concept).
 */
export const SPELLING: Readonly<Record<string, string>> = {
  // question words
  gimana: 'bagaimana', gmn: 'bagaimana', gmna: 'bagaimana', gmana: 'bagaimana', bgmn: 'bagaimana', gimna: 'bagaimana', gimane: 'bagaimana',
  kepriwe: 'bagaimana', kepriye: 'bagaimana', priwe: 'bagaimana', piye: 'bagaimana', pripun: 'bagaimana', kpriwe: 'bagaimana', kprw: 'bagaimana', kepiye: 'bagaimana',
  brp: 'berapa', brapa: 'berapa', berpa: 'berapa', pira: 'berapa', pinten: 'berapa', brpa: 'berapa', piro: 'berapa',
  dmn: 'dimana', dimn: 'dimana', dmana: 'dimana', ngendi: 'dimana', ngendhi: 'dimana', endi: 'dimana', pundi: 'dimana', mana: 'dimana', manakah: 'dimana', dimanakah: 'dimana',
  kpn: 'kapan', kapane: 'kapan', kapankah: 'kapan',
  apakah: 'apa', ap: 'apa', opo: 'apa', apaan: 'apa', napa: 'apa', nopo: 'apa', apane: 'apa',
  knp: 'kenapa', ngapa: 'kenapa', kenopo: 'kenapa', mengapa: 'kenapa', kenang: 'kenapa',
  // wanting, doing, making
  mo: 'mau', mw: 'mau', mao: 'mau', pengin: 'mau', pengen: 'mau', pingin: 'mau', kepengin: 'mau', kepingin: 'mau', ingin: 'mau', arep: 'mau', ape: 'mau', meh: 'mau', badhe: 'mau', bade: 'mau', hendak: 'mau', akan: 'mau',
  bikin: 'buat', bkin: 'buat', bikinin: 'buat', gawe: 'buat', nggawe: 'buat', gawekna: 'buat', gawekaken: 'buat', membuat: 'buat', pembuatan: 'buat', dibuat: 'buat', dibikin: 'buat', bwt: 'buat', bt: 'buat',
  urus: 'urus', ngurus: 'urus', mengurus: 'urus', ngurusi: 'urus', ngurusin: 'urus', pengurusan: 'urus', diurus: 'urus', ngurusna: 'urus', urusan: 'urus',
  daftar: 'daftar', ndaftar: 'daftar', mendaftar: 'daftar', daftarin: 'daftar', pendaftaran: 'daftar', ajukan: 'daftar', mengajukan: 'daftar', ngajukan: 'daftar', pengajuan: 'daftar', apply: 'daftar', registrasi: 'daftar',
  mohon: 'mohon', nyuwun: 'mohon', tulung: 'tolong', tlg: 'tolong', tolonge: 'tolong',
  bisa: 'bisa', bs: 'bisa', bsa: 'bisa', isa: 'bisa', iso: 'bisa', bisakah: 'bisa', dapat: 'bisa', saged: 'bisa', biso: 'bisa',
  perlu: 'perlu', butuh: 'perlu', harus: 'perlu', wajib: 'perlu', kudu: 'perlu', diperlukan: 'perlu', dibutuhkan: 'perlu', perlune: 'perlu', butuhe: 'perlu', hrs: 'perlu', mesti: 'perlu',
  bawa: 'bawa', dibawa: 'bawa', nggawa: 'bawa', gawa: 'bawa', digawa: 'bawa', membawa: 'bawa', siapkan: 'bawa', disiapkan: 'bawa', nyiapke: 'bawa', disiapke: 'bawa', dilampirkan: 'bawa', lampiran: 'bawa',
  // time and state
  sudah: 'sudah', udah: 'sudah', udh: 'sudah', sdh: 'sudah', dah: 'sudah', wis: 'sudah', uwis: 'sudah', wes: 'sudah', uwes: 'sudah', sampun: 'sudah', telah: 'sudah',
  belum: 'belum', blm: 'belum', blom: 'belum', belom: 'belum', durung: 'belum', urung: 'belum', dereng: 'belum',
  tidak: 'tidak', ora: 'tidak', gak: 'tidak', ga: 'tidak', nggak: 'tidak', enggak: 'tidak', engga: 'tidak', tdk: 'tidak', ndak: 'tidak', mboten: 'tidak', gk: 'tidak', g: 'tidak', kaga: 'tidak', nda: 'tidak', ogah: 'tidak',
  jadi: 'jadi', dadi: 'jadi', jd: 'jadi', jdi: 'jadi', sida: 'jadi', sido: 'jadi', rampung: 'selesai', beres: 'selesai', kelar: 'selesai', slesai: 'selesai', selese: 'selesai', selesei: 'selesai', diselesaikan: 'selesai', penyelesaian: 'selesai',
  lama: 'lama', lma: 'lama', suwe: 'lama', suwene: 'lama', lamanya: 'lama', lamane: 'lama', lawas: 'lama', sue: 'lama',
  hari: 'hari', dina: 'hari', dino: 'hari', hr: 'hari', minggu: 'minggu', seminggu: 'minggu', sehari: 'hari',
  sekarang: 'sekarang', skrg: 'sekarang', skrng: 'sekarang', saiki: 'sekarang', siki: 'sekarang', mangkin: 'sekarang', sekarng: 'sekarang',
  besok: 'besok', sesuk: 'besok', mbesuk: 'besok', bsk: 'besok', benjing: 'besok',
  // people
  saya: 'saya', sy: 'saya', aku: 'saya', aq: 'saya', inyong: 'saya', nyong: 'saya', kula: 'saya', gue: 'saya', gw: 'saya', sya: 'saya',
  anda: 'anda', rika: 'anda', sampeyan: 'anda', panjenengan: 'anda', njenengan: 'anda', kamu: 'anda', situ: 'anda',
  anak: 'anak', anake: 'anak', bocah: 'anak', bocahe: 'anak', putra: 'anak', putri: 'anak', putrane: 'anak', anakku: 'anak', ank: 'anak', bayi: 'bayi', bayine: 'bayi', baby: 'bayi',
  petugas: 'petugas', ptgs: 'petugas', operator: 'petugas', cs: 'petugas', pegawai: 'petugas', staf: 'petugas', staff: 'petugas', orang: 'orang', manusia: 'orang', wong: 'orang', uwong: 'orang', human: 'orang',
  // talking
  bicara: 'bicara', ngomong: 'bicara', omong: 'bicara', ngobrol: 'bicara', berbicara: 'bicara', ngomongan: 'bicara', chat: 'bicara', chatting: 'bicara', hubungi: 'bicara', menghubungi: 'bicara', kontak: 'kontak', telpon: 'telepon', tlp: 'telepon', telp: 'telepon', nelpon: 'telepon', call: 'telepon', dihubungi: 'bicara', sambung: 'bicara', sambungkan: 'bicara', disambungkan: 'bicara', langsung: 'langsung',
  // documents and their states
  akte: 'akta', akta: 'akta', aktanya: 'akta', aktane: 'akta', akt: 'akta', certificate: 'akta',
  lahir: 'lahir', kelahiran: 'lahir', lair: 'lahir', klahiran: 'lahir', kelairan: 'lahir', lahiran: 'lahir', melahirkan: 'lahir', birth: 'lahir',
  meninggal: 'meninggal', kematian: 'meninggal', wafat: 'meninggal', mati: 'meninggal', seda: 'meninggal', ninggal: 'meninggal', almarhum: 'meninggal', almarhumah: 'meninggal', alm: 'meninggal', meninggalnya: 'meninggal', tilar: 'meninggal', death: 'meninggal', matine: 'meninggal', wafate: 'meninggal',
  hilang: 'hilang', ilang: 'hilang', kehilangan: 'hilang', ilange: 'hilang', hlang: 'hilang', ical: 'hilang', lost: 'hilang', hilangnya: 'hilang', ketlisut: 'hilang', kecopetan: 'hilang', dicuri: 'hilang', kemalingan: 'hilang',
  rusak: 'rusak', sobek: 'rusak', suwek: 'rusak', robek: 'rusak', luntur: 'rusak', patah: 'rusak', rusake: 'rusak', damaged: 'rusak', pudar: 'rusak', kebakar: 'rusak', terbakar: 'rusak', kecuci: 'rusak', ancur: 'rusak', hancur: 'rusak', retak: 'rusak', buram: 'rusak', lecek: 'rusak', rsk: 'rusak', rusaknya: 'rusak',
  baru: 'baru', anyar: 'baru', pertama: 'baru', new: 'baru',
  rekam: 'rekam', perekaman: 'rekam', merekam: 'rekam', ngrekam: 'rekam', rekaman: 'rekam', direkam: 'rekam', record: 'rekam', biometrik: 'rekam', sidik: 'rekam',
  cetak: 'cetak', nyetak: 'cetak', dicetak: 'cetak', pencetakan: 'cetak', print: 'cetak', ngeprint: 'cetak', cetake: 'cetak',
  pisah: 'pisah', misah: 'pisah', pecah: 'pisah', memisahkan: 'pisah', pemisahan: 'pisah', dipisah: 'pisah', misahna: 'pisah', split: 'pisah', numpang: 'numpang',
  ubah: 'ubah', perubahan: 'ubah', ganti: 'ganti', mengganti: 'ganti', penggantian: 'ganti', diganti: 'ganti', tambah: 'ubah', nambah: 'ubah', menambah: 'ubah', penambahan: 'ubah', ditambah: 'ubah', tambahkan: 'ubah', masukin: 'ubah', masukkan: 'ubah', dimasukkan: 'ubah', dimasukin: 'ubah', revisi: 'ubah', koreksi: 'ubah', update: 'ubah', pembetulan: 'ubah', benerin: 'ubah', betulkan: 'ubah', dibetulkan: 'ubah', dibenerin: 'ubah', salah: 'salah', keliru: 'salah', kurang: 'ubah', dibenahi: 'ubah',
  pindah: 'pindah', pindahan: 'pindah', boyongan: 'pindah', mutasi: 'pindah', skpwni: 'skpwni', pindahe: 'pindah', move: 'pindah', moving: 'pindah',
  datang: 'datang', dateng: 'datang', teka: 'datang', rawuh: 'datang', kesini: 'datang', mrene: 'datang', kemari: 'datang', didatangi: 'datang', mendatangi: 'datang', nyambangi: 'datang', nekani: 'datang', ndatangi: 'datang',
  digital: 'digital', ikd: 'ikd', aktivasi: 'aktivasi', aktifasi: 'aktivasi', aktifkan: 'aktivasi', mengaktifkan: 'aktivasi', aktivkan: 'aktivasi',
  kia: 'kia', kiya: 'kia', kartu: 'kartu', ktp: 'ktp', ktpel: 'ktp', ektp: 'ktp', eltp: 'ktp', ktpnya: 'ktp', ktpne: 'ktp', ktpku: 'ktp', ktp2: 'ktp',
  kk: 'kk', kkne: 'kk', kknya: 'kk', kkku: 'kk', kaka: 'kk', kartukeluarga: 'kk',
  // fee
  biaya: 'biaya', biayanya: 'biaya', biayane: 'biaya', ongkos: 'biaya', ongkose: 'biaya', tarif: 'biaya', tarifnya: 'biaya', harga: 'biaya', harganya: 'biaya', regane: 'biaya', rega: 'biaya', bea: 'biaya', fee: 'biaya', cost: 'biaya', price: 'biaya', retribusi: 'biaya',
  bayar: 'bayar', mbayar: 'bayar', bayare: 'bayar', membayar: 'bayar', dibayar: 'bayar', pembayaran: 'bayar', byr: 'bayar', pay: 'bayar', nebus: 'bayar', tebus: 'bayar',
  uang: 'uang', duit: 'uang', dhuwit: 'uang', duwit: 'uang', rupiah: 'uang', rp: 'uang', sepeser: 'uang', ribu: 'uang', ewu: 'uang',
  gratis: 'gratis', free: 'gratis', cuma: 'gratis', prei: 'libur', geratis: 'gratis', grates: 'gratis',
  pungli: 'pungli', pungutan: 'pungut', dipungut: 'pungut', pungut: 'pungut', polisi: 'polisi', kepolisian: 'polisi', polres: 'polisi', polsek: 'polisi', sogok: 'pungli', suap: 'pungli', amplop: 'pungli', calo: 'pungli', nyogok: 'pungli',
  // requirements
  syarat: 'syarat', syaratnya: 'syarat', syarate: 'syarat', sarat: 'syarat', saratnya: 'syarat', sarate: 'syarat', persyaratan: 'syarat', persyaratannya: 'syarat', syrt: 'syarat', syaratipun: 'syarat', requirement: 'syarat', requirements: 'syarat', dokumen: 'dokumen', berkas: 'dokumen', berkasnya: 'dokumen', berkase: 'dokumen', dokumennya: 'dokumen', dokumene: 'dokumen', file: 'dokumen',
  cara: 'cara', caranya: 'cara', carane: 'cara', prosedur: 'cara', prosedurnya: 'cara', alur: 'cara', alurnya: 'cara', langkah: 'cara', tahapan: 'cara', tata: 'cara',
  info: 'info', informasi: 'info', infonya: 'info', penjelasan: 'info', jelaskan: 'info', tanya: 'tanya', nanya: 'tanya', takon: 'tanya', tangled: 'tanya', bertanya: 'tanya', pitakon: 'tanya', ndangu: 'tanya',
  umur: 'umur', usia: 'umur', umure: 'umur', umurnya: 'umur', tahun: 'tahun', thn: 'tahun', th: 'tahun', taun: 'tahun',
  // office
  kantor: 'kantor', kantore: 'kantor', kantornya: 'kantor', ktr: 'kantor', kecamatan: 'kecamatan', kec: 'kecamatan', kcmtn: 'kecamatan', kecamatane: 'kecamatan', camat: 'kecamatan', kecamatannya: 'kecamatan',
  jam: 'jam', pukul: 'jam', jame: 'jam', jamnya: 'jam', hours: 'jam',
  buka: 'buka', bukak: 'buka', bukane: 'buka', bukanya: 'buka', dibuka: 'buka', open: 'buka', melayani: 'buka', pelayanan: 'layanan', layanan: 'layanan', ngelayani: 'buka', operasional: 'buka',
  tutup: 'tutup', tutupe: 'tutup', tutupnya: 'tutup', close: 'tutup', closed: 'tutup', istirahat: 'tutup', libur: 'libur', liburan: 'libur', tanggal: 'tanggal', merah: 'merah',
  sabtu: 'sabtu', setu: 'sabtu', senin: 'senin', jumat: 'jumat', jemuah: 'jumat', jumuah: 'jumat', ahad: 'minggu',
  alamat: 'alamat', alamatnya: 'alamat', alamate: 'alamat', almt: 'alamat', address: 'alamat',
  lokasi: 'lokasi', lokasinya: 'lokasi', lokasine: 'lokasi', letak: 'lokasi', letaknya: 'lokasi', maps: 'lokasi', gmaps: 'lokasi', peta: 'lokasi', sharelok: 'lokasi', shareloc: 'lokasi', location: 'lokasi', posisi: 'lokasi', tempat: 'tempat', tempate: 'tempat', tempatnya: 'tempat', nggon: 'tempat', nggone: 'tempat', arah: 'arah', rute: 'arah', jalan: 'jalan', dalan: 'jalan', lewat: 'lewat', sebelah: 'sebelah', dekat: 'sebelah', cedhak: 'sebelah', cedak: 'sebelah',
  // status
  status: 'status', setatus: 'status', statusnya: 'status', statuse: 'status', sts: 'status', cek: 'cek', cekin: 'cek', check: 'cek', ngecek: 'cek', mengecek: 'cek', ngecheck: 'cek', cheking: 'cek', ceknya: 'cek', dicek: 'cek', cekke: 'cek',
  lacak: 'lacak', melacak: 'lacak', tracking: 'lacak', track: 'lacak', progres: 'progres', progress: 'progres', perkembangan: 'progres', kabar: 'progres', kabare: 'progres', kabarnya: 'progres', proses: 'proses', diproses: 'proses', prosesnya: 'proses', prosese: 'proses',
  tiket: 'tiket', ticket: 'tiket', tiketnya: 'tiket', resi: 'tiket', nomer: 'nomor', nomor: 'nomor', no: 'nomor', nmr: 'nomor',
  permohonan: 'permohonan', permohonannya: 'permohonan', permohonane: 'permohonan', pengajuannya: 'permohonan', ajuan: 'permohonan',
  ambil: 'ambil', diambil: 'ambil', njupuk: 'ambil', jupuk: 'ambil', dijupuk: 'ambil', pengambilan: 'ambil',
  // home service and disability
  rumah: 'rumah', omah: 'rumah', griya: 'rumah', rmh: 'rumah', umah: 'rumah', rumahnya: 'rumah', omahe: 'rumah', home: 'rumah',
  antar: 'antar', diantar: 'antar', dianter: 'antar', anter: 'antar', nganter: 'antar', diantarkan: 'antar', dianterin: 'antar', mengantar: 'antar', kirim: 'antar', dikirim: 'antar', dikirimkan: 'antar', delivery: 'antar', diterke: 'antar', dieterna: 'antar', diteraken: 'antar', jemput: 'jemput', bola: 'bola', dijemput: 'jemput',
  disabilitas: 'difabel', difabel: 'difabel', disabilitasnya: 'difabel', cacat: 'difabel', penyandang: 'difabel', tunanetra: 'difabel', tunarungu: 'difabel', tunadaksa: 'difabel', tunawicara: 'difabel', tuli: 'difabel', buta: 'difabel', lumpuh: 'difabel', stroke: 'difabel', disable: 'difabel', disabled: 'difabel', autis: 'difabel', berkebutuhan: 'difabel', abk: 'difabel', odgj: 'difabel',
  lansia: 'lansia', jompo: 'lansia', sepuh: 'lansia', manula: 'lansia', tua: 'lansia',
  sakit: 'sakit', gerah: 'sakit', terbaring: 'sakit', opname: 'sakit', dirawat: 'sakit',
  kursi: 'kursi', roda: 'roda', tongkat: 'difabel', krek: 'difabel',
  // complaint
  kecewa: 'kecewa', kuciwa: 'kecewa', mengecewakan: 'kecewa', ngecewain: 'kecewa', komplain: 'komplain', ngadu: 'komplain', mengadu: 'komplain', diadukan: 'komplain', complain: 'komplain', keluhan: 'komplain', mengeluh: 'komplain', ngeluh: 'komplain', protes: 'komplain', aduan: 'komplain', pengaduan: 'komplain', lapor: 'lapor', melaporkan: 'lapor', laporkan: 'lapor',
  lambat: 'lambat', lelet: 'lambat', lemot: 'lambat', alon: 'lambat', lelet2: 'lambat', molor: 'lambat', telat: 'lambat', terlambat: 'lambat',
  jelek: 'buruk', buruk: 'buruk', elek: 'buruk', parah: 'buruk', payah: 'buruk', kacau: 'buruk', ribet: 'buruk', dipersulit: 'buruk', mempersulit: 'buruk', judes: 'buruk', galak: 'buruk', kasar: 'buruk', sombong: 'buruk', cuek: 'buruk', lalai: 'buruk',
  marah: 'marah', nesu: 'marah', jengkel: 'marah', kesel: 'marah', kesal: 'marah', mangkel: 'marah', sebel: 'marah',
  // closing words
  makasih: 'makasih', makasi: 'makasih', trims: 'makasih', trimakasih: 'makasih', terimakasih: 'makasih', suwun: 'makasih', nuwun: 'makasih', thx: 'makasih', tq: 'makasih', tengkyu: 'makasih', thanks: 'makasih', thank: 'makasih', mksh: 'makasih', makasii: 'makasih', tks: 'makasih', trimakasi: 'makasih', kasih: 'kasih', matur: 'matur', maturnuwun: 'makasih', matursuwun: 'makasih', maturnuhun: 'makasih', nikah: 'nikah', menikah: 'nikah', kawin: 'nikah', pengantin: 'nikah', rabi: 'nikah',
  batal: 'batal', batalkan: 'batal', dibatalkan: 'batal', membatalkan: 'batal', cancel: 'batal', gajadi: 'batal', gjd: 'batal', urungkan: 'batal', mbatalna: 'batal', stop: 'batal', berhenti: 'batal', udahan: 'batal', wurung: 'batal',
  menu: 'menu', mulai: 'mulai', awal: 'awal', ulang: 'ulang', kembali: 'kembali', balik: 'kembali', utama: 'utama', pilihan: 'pilihan',
  // salam and address words
  halo: 'halo', hallo: 'halo', helo: 'halo', hello: 'halo', hai: 'halo', hi: 'halo', hay: 'halo', hey: 'halo', hei: 'halo', p: 'halo', ping: 'halo',
  permisi: 'permisi', misi: 'permisi', punten: 'permisi', kulonuwun: 'permisi', kulanuwun: 'permisi', excuse: 'permisi',
  assalamualaikum: 'assalamualaikum', asalamualaikum: 'assalamualaikum', assalamuallaikum: 'assalamualaikum', assalammualaikum: 'assalamualaikum', asslamualaikum: 'assalamualaikum', assalamu: 'assalamualaikum', askum: 'assalamualaikum', aslm: 'assalamualaikum', ass: 'assalamualaikum', salamualaikum: 'assalamualaikum', samlekom: 'assalamualaikum', assalamualaikom: 'assalamualaikum', asalamu: 'assalamualaikum', assalaamu: 'assalamualaikum', assalaamualaikum: 'assalamualaikum', asw: 'assalamualaikum',
  selamat: 'selamat', slmt: 'selamat', met: 'selamat', sugeng: 'selamat', pagi: 'pagi', siang: 'siang', sore: 'sore', malam: 'malam', malem: 'malam', enjing: 'pagi', sonten: 'sore', dalu: 'malam', morning: 'pagi',
  bapak: 'pak', pak: 'pak', bu: 'bu', ibu: 'ibu', buk: 'bu', mas: 'mas', mbak: 'mbak', mba: 'mbak', kak: 'kak', kakak: 'kak', min: 'min', mimin: 'min', admin: 'min', gan: 'kak', dik: 'kak', sis: 'kak', bos: 'kak', lur: 'kak', sedulur: 'kak',
  aja: 'saja', saja: 'saja', bae: 'saja', wae: 'saja', doang: 'saja', tok: 'saja',
  yang: 'yang', yg: 'yang', sing: 'yang', ingkang: 'yang',
  dengan: 'dengan', dgn: 'dengan', sama: 'dengan', sm: 'dengan', karo: 'dengan', kalih: 'dengan', ama: 'dengan',
  untuk: 'untuk', utk: 'untuk', buat2: 'untuk', kanggo: 'untuk', nggo: 'untuk', go: 'untuk',
  karena: 'karena', krn: 'karena', soale: 'karena', soalnya: 'karena', mergo: 'karena', merga: 'karena',
  kalau: 'kalau', kalo: 'kalau', klo: 'kalau', kl: 'kalau', nek: 'kalau', yen: 'kalau', menawi: 'kalau', jika: 'kalau', bila: 'kalau', apabila: 'kalau',
  dong: 'dong', donk: 'dong', ya: 'ya', yah: 'ya', yaa: 'ya', nggih: 'ya', iya: 'ya', y: 'ya', ok: 'ya', oke: 'ya', okey: 'ya', siap: 'ya', sip: 'ya', mohon2: 'mohon',
  nik: 'nik', kok: 'kok', koq: 'kok', ko: 'kok', padahal: 'padahal', terus: 'terus', trs: 'terus', trus: 'terus', banget: 'banget', bgt: 'banget', pisan: 'banget', temen: 'banget', nemen: 'banget', sekali: 'banget',
};

/**
 * Words never "corrected" to a nearby vocabulary word: everyday words one letter away from a cue
 * ("biasa" is not "biaya", "bukan" is not "buka", "tanah" is not "tanya").
 */
export const KEEP_AS_TYPED: readonly string[] = [
  'biasa', 'bukan', 'tanah', 'lalu', 'laku', 'maka', 'jika', 'suka', 'buku', 'baca', 'bata', 'kata', 'data', 'nama', 'namanya', 'lagi', 'lain', 'dulu', 'tadi', 'nanti', 'saat',
  'masa', 'rasa', 'desa', 'kota', 'kita', 'kami', 'mama', 'papa', 'bapa', 'masih', 'mesin', 'jual', 'juga', 'pada', 'para', 'apa', 'ada', 'anak', 'adik', 'istri', 'suami', 'bayi',
  'warga', 'hari', 'jari', 'cari', 'diri', 'kiri', 'kanan', 'depan', 'rumah', 'ramah', 'sudah', 'susah', 'mudah', 'murah', 'marah', 'lama', 'lima', 'sama', 'mana', 'ini', 'itu',
  'ibu', 'ayah', 'kakek', 'nenek', 'atas', 'baik', 'benar', 'bener', 'betul', 'buat', 'bulan', 'tahun', 'umur', 'lewat', 'lahir', 'datang', 'dalam', 'luar', 'kartu', 'tolong',
  'foto', 'fotokopi', 'asli', 'surat', 'keterangan', 'kepala', 'keluarga', 'nomor', 'tanggal', 'sekolah', 'kerja', 'bekerja', 'nikah', 'menikah', 'cerai', 'tinggal', 'ganti',
  'akun', 'aman', 'tahu', 'tau', 'ngerti', 'paham', 'kenal', 'pakai', 'pake', 'punya', 'dapat', 'dapet', 'kasih', 'lihat', 'liat', 'kabar', 'pergi', 'pulang', 'bantu', 'bantuan',
  'rusa', 'hilir', 'bisu', 'buta', 'biru', 'bayam', 'cukup', 'hanya', 'semua', 'sendiri', 'orang', 'tua', 'muda', 'kecil', 'besar', 'rodanya', 'jalan', 'jadi', 'mati', 'lagi',
];

/** Suffixes (Indonesian and Javanese) tried off an unknown word: "syaratnya", "kantore", "biayane", "ktpku". */
export const SUFFIXES: readonly string[] = ['nya', 'ipun', 'ne', 'e', 'ku', 'mu', 'lah', 'kah', 'in', 'an', 'na', 'ke'];
/** Prefixes tried off an unknown word: "ngecek", "dicetak", "kebuka". */
export const PREFIXES: readonly string[] = ['nge', 'ng', 'ny', 'di', 'ke', 'me', 'mem', 'men', 'meng', 'ter', 'n', 'm'];

/** A salam or greeting at the start (or the whole) of a message, in canonical words. */
export const GREETING_PHRASES: readonly string[] = [
  'assalamualaikum warahmatullahi wabarakatuh', 'assalamualaikum wr wb', 'assalamualaikum wr', 'assalamualaikum wrwb', 'assalamualaikum warohmatullahi wabarokatuh',
  'assalamualaikum alaikum', 'assalamualaikum', 'salam', 'halo', 'permisi', 'selamat pagi', 'selamat siang', 'selamat sore', 'selamat malam',
  'selamat', 'pagi', 'siang', 'sore', 'malam', 'good morning', 'good afternoon', 'good evening', 'tes', 'test', 'nuwun sewu', 'ngapunten', 'maaf', 'mohon maaf',
];
/** Words of address that may follow a salam ("halo min", "permisi bu", "pagi pak"). */
export const ADDRESS_WORDS: readonly string[] = ['pak', 'bu', 'ibu', 'mas', 'mbak', 'kak', 'min', 'semua', 'ya', 'dong', 'dik', 'bapak', 'petugas kecamatan', 'kecamatan'];
/** Salam that asks a "Waalaikumsalam" back. */
export const ISLAMIC_SALAM = 'assalamualaikum';

/**
 * Cues per intent: a phrase of canonical words (consecutive), and its weight. The highest total
 * wins; ties go to the earlier intent in `PRIORITY`. A negative weight takes a reading back
 * ("mau tanya" is not "mau" = applying).
 */
export const INTENT_CUES: Readonly<Partial<Record<Intent, readonly (readonly [string, number])[]>>> = {
  human: [
    ['petugas', 2.5], ['bicara', 1.5], ['bicara dengan petugas', 3], ['bicara petugas', 3], ['dengan petugas', 1.5], ['orang', 0.5], ['bicara dengan orang', 3],
    ['telepon', 1.5], ['min', 0], ['langsung dengan petugas', 2], ['cs', 2], ['dilayani petugas', 2], ['mau petugas', 1], ['tanya petugas', 2], ['hubungkan', 2],
    ['bukan bot', 3], ['bot', 1], ['robot', 1.5], ['mesin', 1], ['balas manual', 3], ['manual', 1.5], ['telepon petugas', 2], ['kontak petugas', 2], ['nomor petugas', 1.5],
  ],
  home_service: [
    ['rumah', 1.5], ['ke rumah', 2.5], ['datang ke rumah', 3], ['antar', 2.5], ['antar ke rumah', 2], ['antar rumah', 2], ['difabel', 4.5], ['kursi roda', 4.5], ['roda', 1],
    ['lansia', 3.5], ['sakit', 2.5], ['jemput bola', 4], ['tidak bisa datang', 3.5], ['tidak bisa jalan', 4], ['tidak bisa ke kantor', 3.5], ['tidak bisa keluar', 3],
    ['layanan rumah', 3], ['petugas datang', 3], ['petugas bisa datang', 1.5], ['rekam di rumah', 3], ['di rumah', 1.5], ['home visit', 4], ['visit', 2],
    ['jemput', 2], ['kebutuhan khusus', 4], ['lumpuh', 3], ['tidak bisa berjalan', 4], ['pakai tongkat', 3], ['terbaring', 3], ['tidak mampu datang', 4],
  ],
  complaint: [
    ['komplain', 4], ['kecewa', 5], ['lapor', 1], ['pungli', 5], ['buruk', 3], ['marah', 3], ['lambat', 3], ['kok lama', 3], ['lama banget', 3], ['lama sekali', 3],
    ['kok belum', 2.5], ['kok tidak', 2], ['padahal', 1.5], ['sudah lama', 1.5], ['belum juga', 2.5], ['tidak jadi jadi', 3], ['diminta bayar', 4], ['disuruh bayar', 4],
    ['dimintai uang', 4], ['minta uang', 3.5], ['bayar uang', 2], ['tidak dibalas', 3], ['tidak dilayani', 3.5], ['tidak ramah', 4], ['dipingpong', 4], ['bolak balik', 3],
    ['mau lapor', 0.5], ['saran', 2], ['kritik', 3], ['tidak profesional', 4], ['tidak becus', 4], ['percuma', 3], ['sia sia', 3], ['gimana sih', 2], ['bagaimana sih', 2],
  ],
  cancel: [
    ['batal', 4], ['tidak jadi', 3.5], ['tidak usah', 2.5], ['tidak jadi daftar', 2], ['tidak perlu lagi', 2.5], ['hapus', 2], ['hapus permohonan', 2], ['batal permohonan', 1],
  ],
  status: [
    ['status', 3.5], ['cek', 2], ['lacak', 3.5], ['progres', 3], ['sudah jadi', 3.5], ['sudah jadi belum', 1], ['sudah selesai', 3], ['sudah selesai belum', 1],
    ['sudah bisa diambil', 3], ['bisa diambil', 2], ['sudah bisa ambil', 3], ['sampai dimana', 3.5], ['sampai mana', 3.5], ['tiket', 2.5], ['permohonan saya', 2.5], ['pengajuan saya', 2.5],
    ['proses', 1], ['masih proses', 3], ['sudah diproses', 3], ['diproses', 1], ['kapan bisa diambil', 2], ['belum jadi', 2], ['jadi belum', 2], ['sudah', 0.3],
    ['berkas saya', 2], ['kia saya', 1.5], ['ktp saya', 1.5], ['kk saya', 1], ['akta saya', 1.5], ['nomor tiket', 1.5], ['yang kemarin', 2], ['kemarin', 1], ['minggu lalu', 1.5],
  ],
  fee: [
    ['biaya', 4], ['bayar', 3.5], ['uang', 2.5], ['gratis', 4], ['berapa', 1.5], ['biaya berapa', 1], ['berapa biaya', 1], ['berapa ribu', 3], ['bayar berapa', 1],
    ['ada biaya', 1], ['tidak bayar', 1], ['pungut', 3], ['dipungut', 3], ['biaya admin', 1], ['uang administrasi', 2], ['administrasi', 1.5], ['sukarela', 2],
  ],
  duration: [
    ['berapa lama', 4.5], ['lama', 2.5], ['berapa hari', 4.5], ['kapan jadi', 4], ['kapan selesai', 4], ['jadi kapan', 4], ['selesai kapan', 4], ['jadinya kapan', 4],
    ['butuh waktu', 4], ['perlu waktu', 4], ['waktu', 2], ['prosesnya', 1], ['proses berapa', 2], ['langsung jadi', 4.5], ['bisa ditunggu', 4], ['ditunggu', 2],
    ['sehari jadi', 4], ['hari jadi', 2.5], ['berapa minggu', 4], ['cepat', 2], ['jadi dalam', 2.5], ['selesai dalam', 2.5], ['estimasi', 3], ['kapan', 1.5], ['selesai', 1.5], ['jadi', 1],
    ['hari ini jadi', 3], ['hari ini bisa jadi', 3], ['langsung selesai', 4], ['jam jadi', 2],
  ],
  requirements: [
    ['syarat', 4.5], ['dokumen', 2], ['bawa', 3], ['perlu', 1.5], ['perlu apa', 2], ['apa saja', 1.5], ['cara', 3], ['bagaimana', 1.5], ['bagaimana cara', 1], ['urus bagaimana', 3], ['bagaimana urus', 3], ['info', 2.5], ['tanya', 0.5],
    ['apa itu', 3], ['itu apa', 3], ['fungsi', 3], ['kegunaan', 3], ['guna', 2], ['manfaat', 3], ['siapa', 1], ['siapa saja', 2], ['boleh', 1.5], ['wajib', 2], ['prosedur', 3],
    ['fotokopi', 2.5], ['polisi', 2.5], ['buat apa', 3.5], ['untuk apa', 3], ['foto', 1], ['asli', 1.5], ['pas foto', 2.5], ['surat keterangan', 2], ['pengantar', 2.5], ['rt', 1.5], ['rw', 1.5], ['lampiran', 2], ['apa yang', 1],
    ['harus', 1.5], ['perlu tidak', 2], ['butuh', 1.5], ['umur', 1.5], ['tahun', 0.5], ['bisa tidak', 0.5], ['kalau', 0.5], ['online', 1.5], ['lewat wa', 1.5], ['lewat whatsapp', 1.5],
  ],
  hours: [
    ['jam', 3], ['buka', 3.5], ['tutup', 3.5], ['libur', 3.5], ['jam berapa', 2], ['jam buka', 2], ['jam layanan', 2], ['jam kerja', 2], ['jam operasional', 2], ['hari apa', 2.5],
    ['sabtu', 2.5], ['minggu', 1], ['senin', 1.5], ['jumat', 1.5], ['istirahat', 2], ['tanggal merah', 3], ['masih buka', 2], ['kapan buka', 2], ['sampai jam', 2.5], ['hari libur', 1],
    ['layanan', 0.5], ['besok', 1], ['sekarang', 0.5],
  ],
  location: [
    ['alamat', 4.5], ['lokasi', 4.5], ['dimana', 3.5], ['di dimana', 1], ['tempat', 1.5], ['arah', 3], ['jalan', 1.5], ['lewat mana', 3], ['lewat dimana', 3], ['kantor', 1],
    ['kecamatan', 0.5], ['sebelah', 2], ['share lokasi', 2], ['patokan', 3.5], ['kantor dimana', 1], ['maps', 3], ['google', 1.5], ['nomor telepon', 2], ['kontak', 2.5], ['email', 2.5], ['instagram', 2.5], ['wa kantor', 2.5],
  ],
  apply: [
    ['mau', 1], ['buat', 2.5], ['urus', 2.5], ['daftar', 3], ['mohon', 0.5], ['ajukan', 3], ['mau buat', 1], ['mau urus', 1], ['mau daftar', 1], ['buat baru', 1],
    ['mau tanya', -1.5], ['ganti', 1], ['ganti baru', 1.5], ['perpanjang', 2], ['lanjut', 0.5], ['sekarang', 0.5], ['tolong', 1], ['tolong buatkan', 2], ['buatkan', 2.5], ['bantu', 1], ['minta', 1.5],
    ['lapor', 2], ['pindah datang', 1.5], ['rekam', 1.5], ['cetak', 1.5], ['pisah', 1], ['hilang', 1.5], ['rusak', 1.5], ['pindah', 1], ['aktivasi', 1.5], ['online', 0.5], ['lewat wa', 0.5], ['di sini', 1], ['disini', 1],
  ],
  thanks: [
    ['makasih', 4], ['terima kasih', 4], ['matur makasih', 4], ['matur', 2], ['kasih', 0.5], ['siap terima kasih', 1], ['alhamdulillah', 2], ['mantap', 2], ['membantu', 1], ['sudah jelas', 3], ['jelas', 1.5], ['paham', 1.5],
  ],
  menu: [
    ['menu', 4], ['menu utama', 1], ['mulai', 2.5], ['awal', 2], ['ulang', 2], ['mulai lagi', 1], ['dari awal', 1], ['kembali', 2.5], ['pilihan', 2], ['daftar layanan', 2], ['layanan apa saja', 3], ['bisa apa', 2],
  ],
};

/** Ties go to the first of these. A request for a person or a complaint must never be mistaken for a wish to apply. */
export const PRIORITY: readonly Intent[] = [
  'human', 'home_service', 'complaint', 'cancel', 'status', 'fee', 'duration', 'requirements', 'hours', 'location', 'apply', 'thanks', 'menu', 'greeting',
];

/**
 * Document families named in a message (canonical word phrases), and the modifiers that pick one
 * service of a family. The first matching modifier of a family wins, so "KTP hilang mau ganti"
 * is the lost KTP-el, not a change of data.
 */
export const DOCUMENT_CUES: Readonly<Record<string, readonly string[]>> = {
  kia: ['kia', 'kartu identitas anak', 'kartu anak', 'ktp anak', 'kartu identitas', 'identitas anak'],
  ikd: ['ikd', 'identitas digital', 'ktp digital', 'identitas kependudukan digital', 'ktp online', 'ktp di hp', 'aktivasi ktp digital'],
  ktp: ['ktp', 'e ktp', 'ktp el', 'kartu tanda penduduk', 'ktp elektronik', 'rekam'],
  kk: ['kk', 'kartu keluarga', 'kartu kk', 'k k'],
  akta_kematian: ['akta meninggal', 'surat meninggal', 'meninggal'],
  akta_kelahiran: ['akta lahir', 'akta', 'surat lahir', 'akta anak', 'akta bayi'],
  pindah: ['pindah', 'skpwni', 'surat pindah', 'pindah domisili', 'domisili', 'pindah alamat'],
};

/** A family named first that gives way when another is named too: the other is what is asked for. */
export const YIELDS_TO: Readonly<Record<string, readonly string[]>> = { pindah: ['kia'] };

/**
 * The family named first is the one asked about ("KIA, syaratnya KK?" is the KIA). Which service a family's modifiers select: first match wins; the last row (no words) is the default.
 */
export const SERVICE_RULES: Readonly<Record<string, readonly (readonly [string, readonly string[]])[]>> = {
  kia: [
    ['kia_hilang', ['hilang']],
    ['kia_rusak', ['rusak']],
    ['kia_pindah_datang', ['pindah', 'pindahan', 'datang', 'dari luar']],
    ['kia_baru', []],
  ],
  ikd: [['ikd_aktivasi', []]],
  ktp: [
    ['ktp_el_hilang', ['hilang']],
    ['ktp_el_rusak', ['rusak']],
    ['ktp_el_cetak', ['cetak', 'sudah rekam', 'tinggal cetak', 'belum dicetak', 'belum cetak', 'blangko', 'blanko', 'ubah', 'ganti', 'salah', 'ganti status']],
    ['ktp_el_rekam', ['rekam', '17 tahun', 'umur 17', 'pertama', 'baru', 'belum punya', 'belum rekam']],
    ['ktp_el_rekam', []],
  ],
  kk: [
    ['kk_hilang', ['hilang']],
    ['kk_rusak', ['rusak']],
    ['kk_pisah', ['pisah']],
    ['kk_baru', ['nikah', 'menikah', 'pengantin', 'kawin']],
    ['kk_pisah', ['sendiri', 'numpang']],
    ['kk_perubahan', ['ubah', 'salah', 'ganti', 'masuk', 'tambah', 'anggota', 'bayi', 'lahir', 'meninggal', 'keluarkan', 'coret', 'hapus', 'nama', 'data']],
    ['kk_baru', ['baru', 'nikah', 'menikah', 'keluarga baru', 'pengantin', 'kawin']],
    ['kk_baru', []],
  ],
  akta_kematian: [['akta_kematian', []]],
  akta_kelahiran: [['akta_kelahiran', []]],
  pindah: [
    ['pindah_datang', ['datang', 'masuk', 'kesini', 'dari luar', 'pindahan dari', 'dari', 'pindah masuk']],
    ['surat_pindah', []],
  ],
};
