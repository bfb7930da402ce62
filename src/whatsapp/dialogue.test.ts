import { describe, expect, it } from 'vitest';
import { officeHolidayYear } from '../calendar/holidays.js';
import { NewRequestInput } from '../requests/service.js';
import { chat, dialogueContext, fileId, kembaranDesa, kembaranOffice, type Chat } from '../test-support/dialogue.js';
import type { ApplicantRequestSummary, DialogueCommand } from './dialogue-contract.js';
import { converse, initialDialogueState, type DialogueState } from './dialogue.js';

// Valid NIKs of Kecamatan Kembaran (330220), read on Tuesday 1 December 2026.
const BOY_7 = '3302201405190001'; // born 14 May 2019
const GIRL_3 = '3302205003230002'; // born 10 March 2023 (day + 40)
const FIFTH_BIRTHDAY_TODAY = '3302200112210003'; // born 1 December 2021
const FIFTH_BIRTHDAY_TOMORROW = '3302200212210004'; // born 2 December 2021
const ADULT_21 = '3302201405050001'; // born 14 May 2005
const KK = '3302201005200001'; // a family card of Kembaran, issued 10 May 2020

function submitted(commands: DialogueCommand[]) {
  const command = commands.find((c) => c.type === 'submit_request');
  if (command?.type !== 'submit_request') throw new Error('no submit_request command');
  return command.input;
}

/** From a new conversation to the first document of a new KIA, for a child with a birth certificate. */
function kiaUpToDocuments(nik: string, c: Chat = chat()) {
  c.say('halo');
  c.tap('m:apply');
  c.tap('cat:kia');
  c.tap('svc:kia_baru');
  c.say(nik);
  c.tap('nik:yes');
  c.say('Budi Santoso');
  c.tap('foreign:no');
  c.tap('akta:yes');
  c.say(KK);
  c.say('Banyumas');
  c.tap('rel:ibu');
  c.say('Siti Aminah');
  c.say('Ledug');
  return c;
}

/** The documents asked for, uploading each until the bot moves on to the disability question. */
function documentsAsked(c: Chat): string[] {
  const asked: string[] = [];
  for (let n = 1; n < 20 && !c.last.ids.includes('dis:none'); n++) {
    const match = /\*Dokumen \d+ dari \d+: ([^*]+)\*/.exec(c.last.text);
    if (!match) throw new Error(`expected a document prompt, got: ${c.last.text}`);
    asked.push(match[1]!);
    c.upload(fileId(n));
  }
  return asked;
}

const requests: ApplicantRequestSummary[] = [
  {
    id: 'b3f7c3a0-0000-4000-8000-000000000101',
    ticket: 'KBR-26-000101',
    serviceCode: 'kia_baru',
    state: 'returned',
    submittedAt: new Date('2026-11-30T03:00:00Z'),
    dueAt: new Date('2026-12-01T08:30:00Z'),
    returnReasons: [{ code: 'unreadable_document', documentType: 'kk', note: 'Foto KK buram, mohon difoto ulang' }],
    handOverChoice: 'pickup',
  },
  {
    id: 'b3f7c3a0-0000-4000-8000-000000000102',
    ticket: 'KBR-26-000102',
    serviceCode: 'akta_kelahiran',
    state: 'submitted',
    submittedAt: new Date('2026-12-01T01:00:00Z'),
    dueAt: new Date('2026-12-01T08:30:00Z'),
    returnReasons: null,
    handOverChoice: 'pickup',
  },
  {
    id: 'b3f7c3a0-0000-4000-8000-000000000103',
    ticket: 'KBR-26-000090',
    serviceCode: 'kia_baru',
    state: 'ready',
    submittedAt: new Date('2026-11-20T01:00:00Z'),
    dueAt: new Date('2026-11-20T08:30:00Z'),
    returnReasons: null,
    handOverChoice: 'pickup',
  },
];

describe('a first-time user', () => {
  it('is greeted and shown the main menu as a list', () => {
    const c = chat();
    const turn = c.say('Assalamualaikum');
    expect(turn.replies).toHaveLength(1);
    expect(turn.replies[0]!.type).toBe('list');
    // A salam is answered in kind (issue 10).
    expect(turn.text).toContain('Waalaikumsalam, Bapak/Ibu');
    expect(turn.text).toContain('WIS ORA KENCOT');
    expect(turn.text).toContain('GRATIS');
    expect(turn.ids).toEqual(['m:info', 'm:apply', 'm:status', 'm:staff', 'm:hours', 'm:language', 'm:complaint']);
    expect(c.state.lastActivityAt).toBe(c.now.toISOString());
  });

  it('is greeted whatever the first message is, even a photo', () => {
    const turn = chat().upload(fileId(1));
    expect(turn.ids).toContain('m:apply');
    expect(turn.text).toContain('Selamat datang');
  });

  it('is greeted in English after typing "English"', () => {
    const c = chat();
    const turn = c.say('English');
    expect(turn.text).toContain('Welcome to *WIS ORA KENCOT*');
    expect(turn.ids).toContain('m:apply');
    expect(c.state.locale).toBe('en');
  });

  it('starts over from the column default `{}` or a state it cannot read', () => {
    for (const stored of [{}, { v: 99 }, null, { locale: 'en', screen: 'nonsense' }]) {
      const result = converse(stored as unknown as DialogueState, { type: 'text', text: 'halo' }, dialogueContext());
      expect(result.replies[0]!.type).toBe('list');
      expect(result.state.screen).toEqual({ kind: 'menu' });
    }
    const english = converse({ locale: 'en' } as unknown as DialogueState, { type: 'text', text: 'hi' }, dialogueContext());
    expect(english.locale).toBe('en');
  });
});

describe('service information', () => {
  it('picks a category first, then shows requirements, the fee and the time standard', () => {
    const c = chat();
    c.say('halo');
    const categories = c.tap('m:info');
    expect(categories.ids).toEqual(['cat:kia', 'cat:ktp_el', 'cat:kk', 'cat:akta', 'cat:pindah', 'cat:ikd']);
    c.tap('cat:kia');
    const info = c.tap('svc:kia_baru');
    expect(info.text).toContain('*KIA baru*');
    expect(info.text).toContain('Kutipan akta kelahiran');
    expect(info.text).toContain('Kartu Keluarga (KK)');
    expect(info.text).toMatch(/Pas foto berwarna — Berwarna, ukuran 3×4 \(jika berusia 5 tahun ke atas\)/);
    expect(info.text).toContain('GRATIS');
    expect(info.text).toContain('*Waktu penyelesaian:* 1 hari kerja');
    expect(info.text).toContain('Datang langsung ke kantor kecamatan: selesai pada hari kerja yang sama');
    expect(info.ids).toEqual(['apply:kia_baru', 'nav:services', 'nav:menu']);
  });

  it('says a service needs the person present, and may come with a home visit for a disabled or elderly person', () => {
    const c = chat();
    c.say('halo');
    c.tap('m:info');
    c.tap('cat:ktp_el');
    const info = c.tap('svc:ktp_el_rekam');
    expect(info.text).toContain('memerlukan kehadiran langsung');
    expect(info.text).toContain('penyandang disabilitas dan lansia');
    expect(info.ids).toContain('apply:ktp_el_rekam');
  });

  it('understands typed wishes at the menu', () => {
    const c = chat();
    c.say('halo');
    // "akta" alone is the birth certificate people mean most; "Layanan lain" is one tap away (issue 10: answer, do not list).
    expect(c.say('syarat akta').ids).toEqual(['apply:akta_kelahiran', 'nav:services', 'nav:menu']);
    expect(c.say('mau bikin KIA').text).toContain('NIK anak');
    c.say('menu');
    expect(c.say('IKD').text).toContain('*Aktivasi Identitas Kependudukan Digital (IKD)*');
  });
});

describe('applying for a new KIA', () => {
  it('goes from "halo" to the submit command and the ticket, through a refused photo and a voice note', () => {
    const c = chat();
    expect(c.say('halo').ids).toContain('m:apply');
    c.tap('m:apply');
    c.tap('cat:kia');
    expect(c.tap('svc:kia_baru').text).toContain('Silakan ketik *NIK anak*');

    const confirm = c.say('3302 2014 0519 0001');
    expect(confirm.text).toContain('14 Mei 2019');
    expect(confirm.text).toContain('7 tahun');
    expect(confirm.text).toContain('Laki-laki');
    expect(confirm.text).toContain('dengan foto');
    expect(confirm.ids).toEqual(['nik:yes', 'nik:no']);
    expect(c.tap('nik:yes').text).toContain('Nama lengkap anak');
    expect(c.say('Budi Santoso').ids).toEqual(['foreign:no', 'foreign:yes']);
    expect(c.tap('foreign:no').ids).toEqual(['akta:yes', 'akta:no']);
    const kk = c.tap('akta:yes');
    expect(kk.text).toContain('Silakan ketik *Nomor KK*');
    expect(kk.text).toContain('bagian atas Kartu Keluarga');
    // A woman's NIK is not a KK number: day 54 is no registration date.
    const wrongKk = c.say('3302 2054 0519 0001');
    expect(wrongKk.text).toContain('nomor KK tersebut tidak valid');
    expect(wrongKk.text).toContain('tanggal KK diterbitkan');
    expect(wrongKk.text).toContain('Silakan ketik *Nomor KK*');
    expect(c.say('33022010052').text).toContain('berisi 11 angka');
    expect(c.say('3302 2010 0520 0001').text).toContain('Silakan ketik *Tempat lahir anak*');
    expect(c.say('  Banyumas ').ids).toEqual(['rel:ayah', 'rel:ibu', 'rel:wali', 'rel:keluarga']);
    expect(c.tap('rel:ibu').text).toContain('nama lengkap Bapak/Ibu');
    const desa = c.say('Siti Aminah');
    expect(desa.ids).toContain('desa:33.02.20.2001');
    expect(desa.ids).toContain('page:1');

    const page2 = c.tap('page:1');
    expect(page2.ids).toContain('desa:33.02.20.2016');
    expect(c.tap('desa:33.02.20.2011').text).toContain('*Dokumen 1 dari 3: Kutipan akta kelahiran*');
    expect(c.upload(fileId(1)).text).toContain('*Dokumen 2 dari 3: Kartu Keluarga (KK)*');

    const voice = c.voice();
    expect(voice.text).toContain('pesan suara');
    expect(voice.text).toContain('*Dokumen 2 dari 3: Kartu Keluarga (KK)*');
    const tooLarge = c.refuse('too_large');
    expect(tooLarge.text).toContain('terlalu besar (maksimal 10 MB)');
    expect(tooLarge.text).toContain('*Dokumen 2 dari 3: Kartu Keluarga (KK)*');
    expect(c.say('sudah saya kirim').text).toContain('bukan pesan teks');
    expect(c.upload(fileId(2)).text).toContain('*Dokumen 3 dari 3: Pas foto berwarna*');
    expect(c.upload(fileId(3)).ids).toEqual(['dis:none', 'dis:yes', 'dis:elderly']);

    const summary = c.tap('dis:none');
    expect(summary.ids).toEqual(['sum:send', 'sum:edit', 'sum:cancel']);
    expect(summary.text).toContain('NIK anak: 3302201405190001');
    expect(summary.text).toContain('Nomor KK: 3302201005200001');
    expect(summary.text).toContain('Tempat lahir anak: Banyumas');
    expect(summary.text).toContain('Pemohon: Siti Aminah (Ibu)');
    expect(summary.text).toContain('Desa: Karangsoka');
    expect(summary.text).toContain('diambil di kantor kecamatan');

    const sent = c.tap('sum:send');
    const input = submitted(sent.commands);
    expect(input).toEqual({
      serviceCode: 'kia_baru',
      channel: 'whatsapp',
      desaCode: '33.02.20.2011',
      applicant: { name: 'Siti Aminah', phone: '6281227001234', relation: 'ibu' },
      subject: { name: 'Budi Santoso', nik: BOY_7, birthDate: '2019-05-14', sex: 'L' },
      details: { kk_number: KK, subject_birth_place: 'Banyumas' },
      circumstances: { foreign: false, hasBirthCertificate: true },
      handOverChoice: 'pickup',
      attachments: [
        { fileId: fileId(1), documentType: 'akta_kelahiran' },
        { fileId: fileId(2), documentType: 'kk' },
        { fileId: fileId(3), documentType: 'pas_foto' },
      ],
    });
    expect(NewRequestInput.parse(input)).toEqual(input);
    expect(sent.text).toContain('mohon tunggu');
    expect(c.say('halo?').text).toContain('Mohon tunggu');

    const ticket = c.send({
      type: 'request_submitted',
      ticket: 'KBR-26-000123',
      pin: '482913',
      requestId: 'b3f7c3a0-0000-4000-8000-000000000123',
      dueAt: new Date('2026-12-02T08:30:00Z'),
      warnings: [],
    });
    expect(ticket.text).toContain('*KIA baru*');
    expect(ticket.text).toContain('Nomor tiket: *KBR-26-000123*');
    expect(ticket.text).toContain('PIN pelacakan: *482913*');
    expect(ticket.text).toContain('Rabu, 2 Desember 2026 pukul 15.30 WIB');
    expect(ticket.text).toContain('diambil di kantor kecamatan');
    expect(ticket.commands).toEqual([{ type: 'concerns_request', requestId: 'b3f7c3a0-0000-4000-8000-000000000123' }]);
    expect(c.state.draft).toBeNull();
  });

  it('asks no photo for a child under five, and a photo from the fifth birthday', () => {
    expect(documentsAsked(kiaUpToDocuments(GIRL_3))).toEqual(['Kutipan akta kelahiran', 'Kartu Keluarga (KK)']);
    expect(documentsAsked(kiaUpToDocuments(FIFTH_BIRTHDAY_TOMORROW))).toEqual(['Kutipan akta kelahiran', 'Kartu Keluarga (KK)']);
    expect(documentsAsked(kiaUpToDocuments(FIFTH_BIRTHDAY_TODAY))).toEqual([
      'Kutipan akta kelahiran',
      'Kartu Keluarga (KK)',
      'Pas foto berwarna',
    ]);
  });

  it('tells the parent of a child under five the card needs no photo and until when it is valid', () => {
    const c = chat();
    c.say('halo');
    c.tap('m:apply');
    c.tap('cat:kia');
    c.tap('svc:kia_baru');
    const confirm = c.say(GIRL_3);
    expect(confirm.text).toContain('10 Maret 2023');
    expect(confirm.text).toContain('Perempuan');
    expect(confirm.text).toContain('tanpa foto');
    expect(confirm.text).toContain('berlaku sampai 10 Maret 2028');
  });

  it('asks again, saying why, for an invalid NIK', () => {
    const c = chat();
    c.say('halo');
    c.tap('m:apply');
    c.tap('cat:kia');
    c.tap('svc:kia_baru');
    expect(c.say('12345').text).toContain('16 angka, sedangkan yang Bapak/Ibu ketik berisi 5 angka');
    expect(c.say('9902201405190001').text).toContain('kode provinsi');
    expect(c.say('3302203002200001').text).toContain('tanggal lahir');
    expect(c.say('3302201405190000').text).toContain('0000');
    expect(c.say('anak saya').text).toContain('Mohon ketik NIK berupa 16 angka');
    expect(c.say(BOY_7).ids).toEqual(['nik:yes', 'nik:no']);
  });

  it('lets the parent type the NIK again when the data read from it is wrong', () => {
    const c = chat();
    c.say('halo');
    c.tap('m:apply');
    c.tap('cat:kia');
    c.tap('svc:kia_baru');
    c.say(BOY_7);
    expect(c.tap('nik:no').text).toContain('ketik ulang');
    expect(c.say(GIRL_3).text).toContain('10 Maret 2023');
  });

  it('politely refuses a child of 17 or over and suggests the KTP-el', () => {
    const c = chat();
    c.say('halo');
    c.tap('m:apply');
    c.tap('cat:kia');
    c.tap('svc:kia_baru');
    const refused = c.say(ADULT_21);
    expect(refused.text).toContain('Mohon maaf');
    expect(refused.text).toContain('21 tahun');
    expect(refused.text).toContain('di bawah 17 tahun');
    expect(refused.text).toContain('KTP-el');
    expect(refused.ids).toEqual(['q:retry', 'nav:staff', 'nav:menu']);
    expect(c.state.draft?.nik).toBeUndefined();
    expect(c.tap('q:retry').text).toContain('Silakan ketik *NIK anak*');
    expect(c.say(BOY_7).ids).toEqual(['nik:yes', 'nik:no']);
  });

  it('asks a foreign child for passport, KITAP and the parents\' KTP-el, and not about a birth certificate', () => {
    const c = chat();
    c.say('halo');
    c.tap('m:apply');
    c.tap('cat:kia');
    c.tap('svc:kia_baru');
    c.say(BOY_7);
    c.tap('nik:yes');
    c.say('Kenji Tanaka');
    expect(c.tap('foreign:yes').text).toContain('Silakan ketik *Nomor KK*');
    c.say(KK);
    c.say('Osaka');
    expect(c.last.text).toContain('Silakan ketik *Nomor paspor*');
    expect(c.say('TR1234567').ids).toContain('rel:ayah');
    c.tap('rel:ayah');
    c.say('Hiro Tanaka');
    c.say('ledug');
    expect(documentsAsked(c)).toEqual([
      'Kartu Keluarga (KK)',
      'Pas foto berwarna',
      'Paspor',
      'Kartu Izin Tinggal Tetap (KITAP)',
      'KTP-el ayah',
      'KTP-el ibu',
    ]);
  });

  it('registers the birth together with the KIA when the child has no birth certificate', () => {
    const c = chat();
    c.say('halo');
    c.tap('m:apply');
    c.tap('cat:kia');
    c.tap('svc:kia_baru');
    c.say(GIRL_3);
    c.tap('nik:yes');
    c.say('Ayu Lestari');
    c.tap('foreign:no');
    expect(c.tap('akta:no').text).toContain('sekaligus bersama KIA');
    c.say(KK);
    c.say('Purwokerto');
    // Registering the birth asks for the parents' names: the father's may be left out, the mother's not.
    const father = c.last;
    expect(father.text).toContain('Jika ada, silakan ketik *Nama ayah*');
    expect(father.ids).toEqual(['field:skip']);
    const mother = c.tap('field:skip');
    expect(mother.text).toContain('Silakan ketik *Nama ibu*');
    expect(mother.ids).toEqual([]);
    expect(c.say('lewati').text).toContain('*Nama ibu* perlu diisi');
    c.say('Sri Wahyuni');
    c.tap('rel:ayah');
    c.say('Joko');
    expect(c.say('Kembaran').text).toContain('*Dokumen 1 dari 5: Kartu Keluarga (KK)*');
    const choice = c.upload(fileId(1));
    expect(choice.ids).toEqual(['alt:surat_keterangan_kelahiran', 'alt:sptjm_kelahiran']);
    expect(c.tap('alt:sptjm_kelahiran').text).toContain('Surat Pernyataan Tanggung Jawab Mutlak');
    c.upload(fileId(2)); // the SPTJM
    expect(c.upload(fileId(3)).ids).toEqual(['doc:skip', 'redo:ktp_el_ibu']); // KTP-el ibu taken, KTP-el ayah optional
    c.tap('doc:skip');
    c.say('lewati'); // buku nikah, optional, skipped by typing
    const summary = c.tap('dis:none');
    expect(summary.text).toContain('Akta kelahiran: belum ada');
    expect(summary.text).toContain('Nama ibu: Sri Wahyuni');
    expect(summary.text).not.toContain('Nama ayah');
    expect(summary.text).toContain('Yang akan diterbitkan: Kartu Identitas Anak (KIA), Akta kelahiran');
    expect(summary.text).toContain('KTP-el ayah (dilewati)');
    const input = submitted(c.tap('sum:send').commands);
    expect(input.details).toEqual({ kk_number: KK, subject_birth_place: 'Purwokerto', mother_name: 'Sri Wahyuni' });
    expect(input.circumstances).toEqual({ foreign: false, hasBirthCertificate: false });
    expect(input.attachments).toEqual([
      { fileId: fileId(1), documentType: 'kk' },
      { fileId: fileId(2), documentType: 'sptjm_kelahiran' },
      { fileId: fileId(3), documentType: 'ktp_el_ibu' },
    ]);
  });

  it('offers home delivery to a disabled citizen and passes their needs on, with consent', () => {
    const c = kiaUpToDocuments(BOY_7);
    documentsAsked(c);
    expect(c.tap('dis:yes').ids).toEqual(['consent:yes', 'consent:no']);
    expect(c.last.text).toContain('data pribadi yang bersifat spesifik');
    expect(c.tap('consent:yes').text).toContain('Jenis disabilitasnya apa?');
    expect(c.say('9').text).toContain('Mohon ketik angka jenis disabilitas');
    const help = c.say('1 dan 5');
    expect(help.text).toContain('*5*. Dokumen diantar ke rumah (Jujuk Dolanan)');
    expect(c.say('1, 5').text).toContain('alamat lengkap');
    c.say('Jl. Raya Ledug 5, RT 02/RW 01, Ledug');
    expect(c.tap('dphone:same').text).toContain('Ada hal lain yang perlu petugas ketahui?');
    const summary = c.say('Anak pengguna kursi roda, rumah masuk gang');
    expect(summary.text).toContain('diantar ke rumah');
    expect(summary.text).toContain('Disabilitas (Fisik, Sensorik rungu)');
    const input = submitted(c.tap('sum:send').commands);
    expect(input.handOverChoice).toBe('home_delivery');
    expect(input.specialNeeds).toEqual({
      disabled: true,
      elderly: false,
      kinds: ['fisik', 'rungu'],
      accommodations: ['home_visit', 'home_delivery'],
      note: 'Anak pengguna kursi roda, rumah masuk gang',
      consent: true,
    });
    const ticket = c.send({ type: 'request_submitted', ticket: 'KBR-26-000124', pin: '739104', requestId: 'b3f7c3a0-0000-4000-8000-000000000124', dueAt: new Date('2026-12-02T08:30:00Z'), warnings: [] });
    expect(ticket.text).toContain('mengantarkannya ke rumah');
  });

  it('keeps nothing about a disability without consent, and offers no delivery', () => {
    const c = kiaUpToDocuments(BOY_7);
    documentsAsked(c);
    c.tap('dis:yes');
    const summary = c.say('tidak');
    expect(summary.text).toContain('tidak kami simpan');
    expect(summary.ids).toEqual(['sum:send', 'sum:edit', 'sum:cancel']);
    const input = submitted(c.tap('sum:send').commands);
    expect(input.specialNeeds).toBeUndefined();
    expect(input.handOverChoice).toBe('pickup');
  });

  it('serves an elderly applicant without asking consent or a kind of disability, and "0" asks no help', () => {
    const c = kiaUpToDocuments(BOY_7);
    documentsAsked(c);
    expect(c.say('lansia').text).toContain('Bantuan apa yang Bapak/Ibu perlukan?');
    expect(c.say('0').text).toContain('Ada hal lain');
    const input = submitted((c.say('lewati'), c.tap('sum:send')).commands);
    expect(input.specialNeeds).toEqual({ disabled: false, elderly: true, kinds: [], accommodations: [], consent: false });
  });

  it('changes one answer from the summary and comes straight back to it', () => {
    const c = kiaUpToDocuments(BOY_7);
    documentsAsked(c);
    c.tap('dis:none');
    const edit = c.tap('sum:edit');
    expect(edit.ids).toContain('edit:desa');
    expect(edit.ids).toContain('edit:doc:kk');
    c.tap('edit:desa');
    expect(c.say('bojongsari').text).toContain('Desa: Bojongsari');
    c.tap('sum:edit');
    expect(c.tap('edit:doc:kk').text).toContain('Kartu Keluarga (KK)');
    const summary = c.upload(fileId(9));
    expect(summary.ids).toEqual(['sum:send', 'sum:edit', 'sum:cancel']);
    expect(submitted(c.tap('sum:send').commands).attachments).toContainEqual({ fileId: fileId(9), documentType: 'kk' });
  });

  it('asks for the photo after the NIK is changed to an older child\'s', () => {
    const c = kiaUpToDocuments(GIRL_3);
    documentsAsked(c);
    c.tap('dis:none');
    c.tap('sum:edit');
    c.tap('edit:nik');
    c.say(BOY_7);
    const photo = c.tap('nik:yes');
    expect(photo.text).toContain('Pas foto berwarna');
    expect(c.upload(fileId(7)).ids).toEqual(['sum:send', 'sum:edit', 'sum:cancel']);
  });

  it('sends nothing and forgets the draft when the summary is cancelled', () => {
    const c = kiaUpToDocuments(BOY_7);
    documentsAsked(c);
    c.tap('dis:none');
    const cancelled = c.tap('sum:cancel');
    expect(cancelled.commands).toEqual([]);
    expect(cancelled.text).toContain('tidak jadi dikirim');
    expect(c.state.draft).toBeNull();
  });

  it('goes back to the NIK after the office refused it, then straight to the summary', () => {
    const c = kiaUpToDocuments(BOY_7);
    documentsAsked(c);
    c.tap('dis:none');
    c.tap('sum:send');
    const failed = c.send({ type: 'request_submit_failed', reason: 'nik_invalid' });
    expect(failed.text).toContain('NIK tersebut ditolak');
    expect(failed.text).toContain('Silakan ketik *NIK anak*');
    c.say(BOY_7);
    expect(c.tap('nik:yes').ids).toEqual(['sum:send', 'sum:edit', 'sum:cancel']);
  });

  it('keeps the answers after a system failure so the user can send again', () => {
    const c = kiaUpToDocuments(BOY_7);
    documentsAsked(c);
    c.tap('dis:none');
    c.tap('sum:send');
    const failed = c.send({ type: 'request_submit_failed', reason: 'internal' });
    expect(failed.text).toContain('Data Bapak/Ibu masih tersimpan');
    expect(failed.ids).toEqual(['sum:send', 'sum:edit', 'sum:cancel']);
    expect(c.tap('sum:send').commands.map((x) => x.type)).toEqual(['submit_request']);
  });

  it('names the open request when the same application already exists, and goes back to the menu', () => {
    const c = kiaUpToDocuments(BOY_7);
    documentsAsked(c);
    c.tap('dis:none');
    c.tap('sum:send');
    const refused = c.send({ type: 'request_submit_failed', reason: 'duplicate', existing: { ticket: 'KBR-26-000042', state: 'returned' } });
    expect(refused.text).toContain('Permohonan yang sama sudah ada: *KBR-26-000042* (status: ');
    expect(refused.text).toContain('Ketik *status* untuk melihatnya');
    expect(refused.ids).not.toContain('sum:send');
    const other = kiaUpToDocuments(BOY_7);
    documentsAsked(other);
    other.tap('dis:none');
    other.tap('sum:send');
    expect(other.send({ type: 'request_submit_failed', reason: 'duplicate_other' }).text).toContain('diajukan dari nomor WhatsApp lain');
  });

  it('asks the birth date and sex when a newborn has no NIK yet (akta kelahiran)', () => {
    const c = chat();
    c.say('halo');
    c.tap('m:apply');
    c.tap('cat:akta');
    c.tap('svc:akta_kelahiran');
    expect(c.last.ids).toEqual(['nik:skip']);
    c.tap('nik:skip');
    c.say('Bayi Ayu');
    expect(c.last.text).toContain('Tanggal lahir anak');
    expect(c.say('31-02-2026').text).toContain('belum dapat kami baca');
    expect(c.say('1 Januari 2027').text).toContain('tidak boleh setelah hari ini');
    expect(c.say('20 November 2026').ids).toEqual(['sex:L', 'sex:P']);
    c.tap('sex:P');
    expect(c.last.text).toContain('Silakan ketik *Tempat lahir anak*');
    c.say('Purwokerto');
    c.say('Rina Wati'); // the mother's name
    c.tap('field:skip'); // the father's name is optional
    c.say(KK);
    c.tap('rel:ibu');
    c.say('Rina');
    c.say('Pliken');
    expect(c.last.ids).toEqual(['alt:surat_keterangan_kelahiran', 'alt:sptjm_kelahiran']);
  });

  it('asks an adult for their own document with "myself" as a relation and no second name', () => {
    const c = chat();
    c.say('halo');
    c.tap('m:apply');
    c.tap('cat:ktp_el');
    c.tap('svc:ktp_el_hilang');
    c.say(ADULT_21);
    c.tap('nik:yes');
    c.say('Dewi Lestari');
    expect(c.last.ids).toContain('rel:diri_sendiri');
    expect(c.tap('rel:diri_sendiri').text).toContain('desa');
    c.say('purwodadi');
    c.upload(fileId(1));
    c.upload(fileId(2));
    c.tap('dis:none');
    const input = submitted(c.tap('sum:send').commands);
    expect(input.applicant).toEqual({ name: 'Dewi Lestari', phone: '6281227001234', relation: 'diri_sendiri' });
    expect(NewRequestInput.parse(input)).toEqual(input);
  });
});

describe('applying for a death certificate', () => {
  it('asks the date and place of death and the reporter one at a time, refuses a date to come, and reads the answers back', () => {
    const c = chat();
    c.say('halo');
    c.tap('m:apply');
    c.tap('cat:akta');
    c.tap('svc:akta_kematian');
    c.say(ADULT_21);
    c.tap('nik:yes');
    expect(c.say('Karsono').text).toContain('Silakan ketik *Tanggal meninggal*');
    expect(c.say('2 Desember 2026').text).toContain('*Tanggal meninggal* tidak boleh setelah hari ini');
    expect(c.say('30-02-2026').text).toContain('belum dapat kami baca');
    expect(c.say('28 November 2026').text).toContain('Silakan ketik *Tempat meninggal*');
    expect(c.say('RSUD Banyumas').text).toContain('Silakan ketik *NIK pelapor*');
    const badNik = c.say('3302201405');
    expect(badNik.text).toContain('NIK harus terdiri dari 16 angka');
    expect(badNik.text).toContain('Silakan ketik *NIK pelapor*');
    c.say('3302204505800002');
    expect(c.last.text).toContain('Silakan ketik *Nama pelapor*');
    // "kembali" undoes the reporter's NIK and asks it again.
    expect(c.say('kembali').text).toContain('Silakan ketik *NIK pelapor*');
    c.say('3302204505800002');
    c.say('Wartini');
    c.say(KK);
    c.tap('rel:anak');
    c.say('Wartini');
    c.say('Kembaran');
    // No letter from a doctor or the desa: the SPTJM kematian is offered beside it.
    expect(c.last.ids).toEqual(['alt:surat_keterangan_kematian', 'alt:sptjm_kematian']);
    c.tap('alt:surat_keterangan_kematian');
    for (let n = 1; n < 10 && !c.last.ids.includes('dis:none'); n++) (c.last.ids.includes('doc:skip') ? c.tap('doc:skip') : c.upload(fileId(n)));
    const summary = c.tap('dis:none');
    expect(summary.text).toContain('Tanggal meninggal: 28 November 2026');
    expect(summary.text).toContain('Tempat meninggal: RSUD Banyumas');
    expect(summary.text).toContain('NIK pelapor: 3302204505800002');
    const input = submitted(c.tap('sum:send').commands);
    expect(input.details).toEqual({ date_of_death: '2026-11-28', place_of_death: 'RSUD Banyumas', reporter_nik: '3302204505800002', reporter_name: 'Wartini', kk_number: KK });
  });
});

describe('typing a desa', () => {
  const atDesa = () => {
    const c = kiaUpToDocuments(BOY_7);
    c.say('kembali'); // undo the desa
    return c;
  };

  it.each([
    ['LEDUG', 'Ledug'],
    ['desa ledug rt 03', 'Ledug'],
    ['dukuh waluh', 'Dukuhwaluh'],
    ['karangtengah', 'Karang Tengah'],
    ['Purwadadi', 'Purwodadi'],
    ['tambaksari', 'Tambaksari Kidul'],
  ])('"%s" is %s', (typed, name) => {
    const c = atDesa();
    expect(c.say(typed).text).toContain(`Desa *${name}*`);
  });

  it('offers the choice when several desa match', () => {
    const c = atDesa();
    expect(c.say('sambeng').ids).toEqual(['desa:33.02.20.2006', 'desa:33.02.20.2007']);
    expect(c.tap('desa:33.02.20.2007').text).toContain('Dokumen 1');
  });

  it('says so when the desa is not in the kecamatan', () => {
    const c = atDesa();
    const turn = c.say('Sokaraja Kulon');
    expect(turn.text).toContain('tidak kami temukan di wilayah Kecamatan Kembaran');
    expect(turn.ids).toContain('desa:33.02.20.2001');
  });

  it('lists all 16 desa over two pages of at most ten rows', () => {
    const c = atDesa();
    const first = c.last.ids.filter((id) => id.startsWith('desa:'));
    const second = c.tap('page:1').ids.filter((id) => id.startsWith('desa:'));
    expect([...first, ...second]).toEqual(kembaranDesa.map((d) => `desa:${d.code}`));
    expect(c.last.ids).toContain('page:0');
  });
});

describe('menu, batal and kembali work everywhere', () => {
  const places: [string, (c: Chat) => void][] = [
    ['the category list', (c) => { c.say('halo'); c.tap('m:info'); }],
    ['the NIK question', (c) => { c.say('halo'); c.tap('m:apply'); c.tap('cat:kia'); c.tap('svc:kia_baru'); }],
    ['the NIK confirmation', (c) => { c.say('halo'); c.tap('m:apply'); c.tap('cat:kia'); c.tap('svc:kia_baru'); c.say(BOY_7); }],
    ['a document', (c) => { kiaUpToDocuments(BOY_7, c); }],
    ['a data field', (c) => { c.say('halo'); c.tap('m:apply'); c.tap('cat:kia'); c.tap('svc:kia_baru'); c.say(BOY_7); c.tap('nik:yes'); c.say('Budi'); c.tap('foreign:no'); c.tap('akta:yes'); c.say(KK); }],
    ['the status of a request', (c) => { c.say('halo'); c.tap('m:status'); c.tap(`req:${requests[0]!.id}`); }],
    ['fixing a returned request', (c) => { c.say('halo'); c.tap('m:status'); c.tap(`req:${requests[0]!.id}`); c.tap('fix:start'); }],
  ];

  it.each(places)('"Menu." at %s shows the main menu and drops the draft', (_, reach) => {
    const c = chat({ requests });
    reach(c);
    const turn = c.say('Menu.');
    expect(turn.ids).toContain('m:apply');
    expect(c.state.draft).toBeNull();
    expect(c.state.fix).toBeNull();
  });

  it.each(places)('"BATAL!" at %s leaves the flow', (_, reach) => {
    const c = chat({ requests });
    reach(c);
    const turn = c.say('BATAL!');
    expect(turn.text).toMatch(/dibatalkan|tidak ada proses/);
    expect(turn.ids).toContain('m:apply');
    expect(turn.commands).toEqual([]);
  });

  it.each(places)('"kembali" at %s goes one step back', (_, reach) => {
    const c = chat({ requests });
    reach(c);
    const before = c.state;
    const turn = c.say('kembali');
    expect(turn.replies.length).toBeGreaterThan(0);
    expect(c.state).not.toEqual({ ...before, lastActivityAt: c.state.lastActivityAt });
  });

  it('"kembali" in a form undoes exactly the last answer', () => {
    const c = chat();
    c.say('halo');
    c.tap('m:apply');
    c.tap('cat:kia');
    c.tap('svc:kia_baru');
    c.say(BOY_7);
    c.tap('nik:yes');
    expect(c.say('kembali').ids).toEqual(['nik:yes', 'nik:no']);
    expect(c.say('Kembali!').text).toContain('Silakan ketik *NIK anak*');
    expect(c.say('kembali').ids).toContain('svc:kia_baru');
    expect(c.state.draft).toBeNull();
    expect(c.say('kembali').ids).toContain('cat:kia');
    expect(c.say('kembali').ids).toContain('m:apply');
    expect(c.say('kembali').text).toContain('sudah berada di menu utama');
  });

  it('understands the English words too', () => {
    const c = chat();
    c.say('english');
    c.tap('m:apply');
    c.tap('cat:kia');
    c.tap('svc:kia_baru');
    c.say(BOY_7);
    expect(c.say('Back').text).toContain('Please type the *Child\'s NIK*');
    expect(c.say('cancel').text).toContain('cancelled');
    expect(c.say('MENU').ids).toContain('m:apply');
  });
});

describe('a conversation picked up again', () => {
  it('asks after 31 idle minutes mid-application whether to continue, and continues', () => {
    const c = chat();
    c.say('halo');
    c.tap('m:apply');
    c.tap('cat:kia');
    c.tap('svc:kia_baru');
    c.say(BOY_7);
    c.wait(31);
    const prompt = c.say('halo');
    expect(prompt.text).toContain('sedang mengisi permohonan *KIA baru*');
    expect(prompt.ids).toEqual(['idle:continue', 'idle:restart']);
    const resumed = c.tap('idle:continue');
    expect(resumed.text).toContain('kita lanjutkan');
    expect(resumed.ids).toEqual(['nik:yes', 'nik:no']);
  });

  it('starts over when asked to', () => {
    const c = kiaUpToDocuments(BOY_7);
    c.wait(45);
    c.upload(fileId(1)); // expected anyway: an upload after a pause simply continues
    expect(c.last.text).toContain('Dokumen 2');
    c.wait(31);
    c.say('p');
    const restarted = c.tap('idle:restart');
    expect(restarted.ids).toContain('m:apply');
    expect(c.state.draft).toBeNull();
  });

  it('does not ask after exactly 30 minutes', () => {
    const c = kiaUpToDocuments(BOY_7);
    c.wait(29); // the message itself moves the clock one more minute
    expect(c.upload(fileId(1)).text).toContain('Dokumen 2');
    c.wait(29);
    expect(c.voice().text).toContain('Dokumen 2');
  });

  it('greets again after a pause outside a flow', () => {
    const c = chat();
    c.say('halo');
    c.tap('m:hours');
    c.wait(120);
    const again = c.say('selamat siang');
    expect(again.text).toContain('Selamat datang kembali');
    expect(again.ids).toContain('m:apply');
  });
});

describe('checking status', () => {
  it('lists this number\'s requests and shows one in plain words', () => {
    const c = chat({ requests });
    c.say('halo');
    const list = c.tap('m:status');
    expect(list.ids).toEqual(requests.map((r) => `req:${r.id}`));
    expect(list.titles).toEqual(['KBR-26-000101', 'KBR-26-000102', 'KBR-26-000090']);
    const ready = c.tap(`req:${requests[2]!.id}`);
    expect(ready.text).toContain('sudah siap');
    expect(ready.text).toContain('ambil di kantor kecamatan');
    expect(ready.ids).not.toContain('cancel:ask');
    expect(ready.commands).toEqual([{ type: 'concerns_request', requestId: requests[2]!.id }]);
  });

  it('finds a typed ticket of this number, in any spelling', () => {
    const c = chat({ requests });
    c.say('halo');
    const found = c.say('kbr 26 102');
    expect(found.text).toContain('*KBR-26-000102* · Akta kelahiran');
    expect(found.text).toContain('menunggu pemeriksaan petugas');
    expect(found.text).toContain('Target selesai: Selasa, 1 Desember 2026 pukul 15.30 WIB');
  });

  it('politely says a ticket of another number cannot be shown', () => {
    const c = chat({ requests });
    c.say('halo');
    const other = c.say('KBR-26-000555');
    expect(other.text).toContain('tidak kami temukan untuk nomor WhatsApp ini');
    expect(other.text).toContain('portal');
    expect(other.commands).toEqual([]);
  });

  it('says so when this number has made no request', () => {
    const c = chat();
    c.say('halo');
    const none = c.tap('m:status');
    expect(none.text).toContain('Belum ada permohonan');
    expect(none.ids).toEqual(['m:apply', 'nav:menu']);
  });

  it('pages a long list of requests', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ ...requests[1]!, id: `id-${i}`, ticket: `KBR-26-0002${String(i).padStart(2, '0')}` }));
    const c = chat({ requests: many });
    c.say('halo');
    const first = c.tap('m:status');
    expect(first.ids.filter((id) => id.startsWith('req:'))).toHaveLength(8);
    expect(c.tap('page:1').ids.filter((id) => id.startsWith('req:'))).toHaveLength(4);
  });

  it('fixes a returned request document by document and resubmits it', () => {
    const c = chat({ requests });
    c.say('halo');
    c.tap('m:status');
    const detail = c.tap(`req:${requests[0]!.id}`);
    expect(detail.text).toContain('dikembalikan');
    expect(detail.text).toContain('Dokumen kurang jelas atau tidak terbaca: Kartu Keluarga (KK) — "Foto KK buram, mohon difoto ulang"');
    expect(detail.ids).toEqual(['fix:start', 'nav:menu', 'cancel:ask']);

    const ask = c.tap('fix:start');
    expect(ask.text).toContain('Perbaikan 1 dari 1 (tiket KBR-26-000101): Kartu Keluarga (KK)');
    expect(ask.commands).toEqual([{ type: 'concerns_request', requestId: requests[0]!.id }]);
    expect(c.refuse('unreadable').text).toContain('tidak dapat dibaca');
    expect(c.voice().text).toContain('pesan suara');
    const confirm = c.upload(fileId(11));
    expect(confirm.ids).toEqual(['fix:send', 'fix:cancel']);
    const sent = c.tap('fix:send');
    expect(sent.commands).toEqual([
      { type: 'resubmit_request', requestId: requests[0]!.id, attachments: [{ fileId: fileId(11), documentType: 'kk' }] },
    ]);
    const done = c.send({ type: 'request_resubmitted', ticket: 'KBR-26-000101' });
    expect(done.text).toContain('Perbaikan berkas tiket *KBR-26-000101* sudah kami terima');
    expect(c.state.fix).toBeNull();
  });

  it('sends a returned request whose reasons name no document to an officer', () => {
    const dataMismatch = { ...requests[0]!, returnReasons: [{ code: 'data_mismatch', note: 'Nama di KK berbeda' }] };
    const c = chat({ requests: [dataMismatch] });
    c.say('halo');
    c.tap('m:status');
    const detail = c.tap(`req:${dataMismatch.id}`);
    expect(detail.text).toContain('Data tidak sesuai dengan dokumen — "Nama di KK berbeda"');
    expect(detail.ids).toEqual(['nav:staff', 'nav:menu', 'cancel:ask']);
  });

  it('cancels a submitted request after a confirmation', () => {
    const c = chat({ requests });
    c.say('halo');
    c.tap('m:status');
    c.tap(`req:${requests[1]!.id}`);
    const confirm = c.tap('cancel:ask');
    expect(confirm.text).toContain('yakin ingin membatalkan permohonan *KBR-26-000102*');
    expect(confirm.commands).toEqual([]);
    expect(c.tap('cancel:no').text).toContain('tidak dibatalkan');
    c.tap('cancel:ask');
    const cancelling = c.tap('cancel:yes');
    expect(cancelling.commands).toEqual([{ type: 'cancel_request', requestId: requests[1]!.id }]);
    expect(c.send({ type: 'request_cancelled', ticket: 'KBR-26-000102' }).text).toContain('sudah dibatalkan');
  });

  it('explains when the office moved the request before the cancel arrived', () => {
    const c = chat({ requests });
    c.say('halo');
    c.tap('m:status');
    c.tap(`req:${requests[1]!.id}`);
    c.tap('cancel:ask');
    c.tap('cancel:yes');
    const failed = c.send({ type: 'request_action_failed', ticket: 'KBR-26-000102', reason: 'transition_action_not_allowed_in_state' });
    expect(failed.text).toContain('baru saja berubah');
    expect(failed.ids).toContain('nav:status');
  });
});

describe('talking to an officer', () => {
  it('hands off during office hours and says until when the office is open', () => {
    const c = chat();
    c.say('halo');
    const turn = c.tap('m:staff');
    expect(turn.commands).toEqual([{ type: 'hand_off_to_staff' }]);
    expect(turn.text).toContain('sampai pukul 15.30 WIB');
  });

  it('says when an officer will answer outside office hours', () => {
    const c = chat({ now: '2026-12-05T03:00:00Z' }); // Saturday
    c.say('halo');
    const turn = c.say('PETUGAS');
    expect(turn.commands).toEqual([{ type: 'hand_off_to_staff' }]);
    expect(turn.text).toContain('di luar jam layanan');
    expect(turn.text).toContain('Senin, 7 Desember 2026 pukul 07.15 WIB');
  });

  it('hands off from the middle of an application too, keeping what was filled in for afterwards', () => {
    const c = kiaUpToDocuments(BOY_7);
    expect(c.say('bicara dengan petugas').commands).toEqual([{ type: 'hand_off_to_staff' }]);
    expect(c.state.draft).toMatchObject({ serviceCode: 'kia_baru', nik: BOY_7 });
    // "menu" leaves the officer and the application alike.
    c.say('menu');
    expect(c.state.draft).toBeNull();
  });
});

describe('office hours and location', () => {
  it('lists the hours per day, whether the office is open now, and the contacts', () => {
    const c = chat();
    c.say('halo');
    const turn = c.tap('m:hours');
    expect(turn.text).toContain('Senin–Kamis: 07.15–15.30');
    expect(turn.text).toContain('Jumat: 07.15–15.15');
    expect(turn.text).toContain('Sabtu–Minggu: tutup');
    expect(turn.text).toContain('Saat ini kantor *buka* sampai pukul 15.30');
    expect(turn.text).toContain('Kantor Kecamatan Kembaran');
    expect(turn.text).toContain('085161725300');
    expect(turn.text).toContain('pelayanankecamatankembaran1@gmail.com');
    expect(turn.ids).toEqual(['nav:menu', 'nav:staff']);
  });

  it('gives the next opening when closed, in English too', () => {
    const c = chat({ now: '2026-12-04T09:00:00Z' }); // Friday 16:00 WIB
    c.say('english');
    const turn = c.say('opening hours');
    expect(turn.text).toContain('Monday–Thursday: 07:15–15:30');
    expect(turn.text).toContain('The office is *closed* now. It opens again Monday, 7 December 2026 at 07:15 WIB.');
  });
});

describe('office hours on holidays', () => {
  // Kembaran's calendar as the worker loads it: the SKB 3 Menteri list of 2026 in force.
  const withHolidays = (now: string) => chat({ now, context: { office: { ...kembaranOffice, closures: officeHolidayYear(2026, [], false).closures } } });

  it('says the office is closed on 20 March 2026 (cuti bersama Idulfitri), not "buka sampai pukul 15.15", and skips the holidays to the next opening', () => {
    const c = withHolidays('2026-03-20T02:00:00Z'); // Friday 09:00 WIB
    c.say('halo');
    const turn = c.tap('m:hours');
    expect(turn.text).not.toContain('buka* sampai pukul 15.15');
    expect(turn.text).toContain('Saat ini kantor *tutup*. Buka kembali Rabu, 25 Maret 2026 pukul 07.15 WIB.');
    const staff = c.tap('nav:staff');
    expect(staff.text).not.toContain('sampai pukul 15.15');
  });

  it('says open on an ordinary Friday of the same month', () => {
    const c = withHolidays('2026-03-27T02:00:00Z');
    c.say('halo');
    expect(c.tap('m:hours').text).toContain('Saat ini kantor *buka* sampai pukul 15.15');
  });
});

describe('anything else', () => {
  it('answers a reaction with nothing and leaves the state alone', () => {
    const state = initialDialogueState();
    const result = converse(state, { type: 'reaction', emoji: '👍' }, dialogueContext());
    expect(result.replies).toEqual([]);
    expect(result.commands).toEqual([]);
    expect(result.state).toEqual(state);
  });

  it('meets unknown text at the menu with short help and the menu', () => {
    const c = chat();
    c.say('halo');
    const turn = c.say('qwerty');
    expect(turn.text).toContain('belum memahami');
    expect(turn.ids).toContain('m:apply');
  });

  it('re-asks after a stale button tapped in the middle of a form', () => {
    const c = chat();
    c.say('halo');
    c.tap('m:apply');
    c.tap('cat:kia');
    c.tap('svc:kia_baru');
    const turn = c.tapStale('sum:send');
    expect(turn.text).toContain('sudah tidak berlaku');
    expect(turn.text).toContain('NIK anak');
    expect(turn.commands).toEqual([]);
  });

  it('still sends valid messages for an office with no desa or services configured', () => {
    const c = chat({ context: { desa: [], services: [] } });
    c.say('halo');
    expect(c.tap('m:apply').text).toContain('belum ada layanan');
    const desaless = chat({ context: { desa: [] } });
    kiaUpToDocuments(BOY_7, desaless);
    expect(desaless.last.replies.every((m) => m.type === 'text')).toBe(true);
  });

  it('switches language from the menu and back', () => {
    const c = chat();
    c.say('halo');
    c.tap('m:language');
    expect(c.tap('lang:en').text).toContain("continue in English");
    c.tap('m:language');
    expect(c.tap('lang:id').text).toContain('Bahasa Indonesia');
    expect(c.state.locale).toBe('id');
  });
});
