/**
 * Every list and button set can be answered by typing: its options are numbered in the text, and a
 * number or the option's own words choose it (an old phone, a screen reader, a habit).
 */
import { describe, expect, it } from 'vitest';
import { chat, fileId, type Chat } from '../test-support/dialogue.js';
import type { ApplicantRequestSummary, DialogueCommand } from './dialogue-contract.js';
import { chooseSeveral, chooseTyped, readYesNo } from './dialogue-kit.js';
import { handedBack } from './dialogue.js';

const BOY_7 = '3302201405190001'; // born 14 May 2019
const KK = '3302201005200001';

function submitted(commands: DialogueCommand[]) {
  const command = commands.find((c) => c.type === 'submit_request');
  if (command?.type !== 'submit_request') throw new Error('no submit_request command');
  return command.input;
}

/** A new KIA from "halo" to the summary, answering every list and button by typing. */
function kiaByTyping(answers: { list: [string, string, string]; confirm: string; citizen: string; akta: string; relation: string; disability: string }): Chat {
  const c = chat();
  c.say('halo');
  expect(c.say(answers.list[0]).ids).toContain('cat:kia');
  expect(c.say(answers.list[1]).ids).toContain('svc:kia_baru');
  expect(c.say(answers.list[2]).text).toContain('Silakan ketik *NIK anak*');
  expect(c.say(BOY_7).ids).toEqual(['nik:yes', 'nik:no']);
  expect(c.say(answers.confirm).text).toContain('Nama lengkap anak');
  expect(c.say('Budi Santoso').ids).toEqual(['foreign:no', 'foreign:yes']);
  expect(c.say(answers.citizen).ids).toEqual(['akta:yes', 'akta:no']);
  expect(c.say(answers.akta).text).toContain('Silakan ketik *Nomor KK*');
  c.say(KK);
  expect(c.say('Banyumas').ids).toEqual(['rel:ayah', 'rel:ibu', 'rel:wali', 'rel:keluarga']);
  expect(c.say(answers.relation).text).toContain('nama lengkap Bapak/Ibu');
  c.say('Siti Aminah');
  c.say('Ledug');
  for (let n = 1; n <= 3; n++) c.upload(fileId(n));
  expect(c.last.ids).toEqual(['dis:none', 'dis:yes', 'dis:elderly']);
  expect(c.say(answers.disability).ids).toEqual(['sum:send', 'sum:edit', 'sum:cancel']);
  return c;
}

describe('options are numbered in the text', () => {
  it('numbers the rows of a list and the buttons of a question', () => {
    const c = chat();
    const menu = c.say('halo');
    expect(menu.text).toContain('1. Info layanan\n2. Ajukan permohonan');
    expect(menu.text).toContain('Ketik angkanya, atau pilih dari daftar.');
    c.say('2');
    c.say('1');
    c.say('yg baru');
    const confirm = c.say(BOY_7);
    expect(confirm.text).toContain('Atau ketik angkanya: *1* Ya · *2* Tidak');
  });

  it('numbers them in English too', () => {
    const c = chat();
    expect(c.say('English').text).toContain('1. Service info');
    expect(c.say('2').text).toContain('Type a number, or choose from the list.');
  });
});

describe('a typed answer chooses', () => {
  it('"2", "1" and "yg baru" at the lists; "1" at Ya/Tidak, WNI/WNA and the rest; "1" at Kirim', () => {
    const c = kiaByTyping({ list: ['2', '1', 'yg baru'], confirm: '1', citizen: '1', akta: '1', relation: '2', disability: '1' });
    const input = submitted(c.say('1').commands);
    expect(input).toMatchObject({ serviceCode: 'kia_baru', applicant: { relation: 'ibu' }, circumstances: { foreign: false, hasBirthCertificate: true } });
  });

  it('"iya bener" at Ya/Tidak, WNI/WNA, akta and Kirim', () => {
    const c = kiaByTyping({ list: ['2', '1', 'yg baru'], confirm: 'iya bener', citizen: 'iya bener', akta: 'iya bener', relation: 'ibu', disability: 'tidak' });
    expect(c.state.draft).toMatchObject({ nikConfirmed: true, foreign: false, hasBirthCertificate: true, disability: 'none' });
    expect(submitted(c.say('iya bener').commands).serviceCode).toBe('kia_baru');
  });

  it('"WNI", "ya" and "kirim" as words', () => {
    const c = kiaByTyping({ list: ['ajukan permohonan', 'KIA', 'yg baru'], confirm: 'ya', citizen: 'WNI', akta: 'sudah', relation: 'ayah', disability: 'tidak ada' });
    expect(submitted(c.say('kirim').commands).applicant.relation).toBe('ayah');
  });

  it('"2" at the WNI/WNA question is WNA, and "tidak" at Ya/Tidak asks for the NIK again', () => {
    const c = chat();
    c.say('halo');
    c.say('2');
    c.say('1');
    c.say('1');
    c.say(BOY_7);
    expect(c.say('tidak').text).toContain('periksa kembali NIK');
    c.say(BOY_7);
    c.say('1');
    c.say('Budi Santoso');
    c.say('2');
    expect(c.state.draft?.foreign).toBe(true);
  });

  it('"1" and "iya bener" at Lanjutkan after a pause', () => {
    for (const answer of ['1', 'iya bener', 'lanjut']) {
      const c = chat();
      c.say('halo');
      c.say('2');
      c.say('1');
      c.say('yg baru');
      c.wait(31);
      expect(c.say('halo').ids).toEqual(['idle:continue', 'idle:restart']);
      const resumed = c.say(answer);
      expect(resumed.text).toContain('Baik, kita lanjutkan.');
      expect(resumed.text).toContain('Silakan ketik *NIK anak*');
    }
  });

  it('"1" and "iya bener" at Kirim perbaikan', () => {
    const returned: ApplicantRequestSummary = {
      id: 'b3f7c3a0-0000-4000-8000-000000000101',
      ticket: 'KBR-26-000101',
      serviceCode: 'kia_baru',
      state: 'returned',
      submittedAt: new Date('2026-11-30T03:00:00Z'),
      dueAt: new Date('2026-12-01T08:30:00Z'),
      returnReasons: [{ code: 'unreadable_document', documentType: 'kk' }],
      handOverChoice: 'pickup',
    };
    for (const answer of ['1', 'iya bener']) {
      const c = chat({ requests: [returned] });
      c.say('halo');
      c.say('KBR-26-000101');
      c.say('1'); // the useful action comes first: "Perbaiki sekarang"
      const confirm = c.upload(fileId(9));
      expect(confirm.ids).toEqual(['fix:send', 'fix:cancel']);
      expect(c.say(answer).commands).toEqual([{ type: 'resubmit_request', requestId: returned.id, attachments: [{ fileId: fileId(9), documentType: 'kk' }] }]);
    }
  });

  it('keeps "menu", "batal" and "kembali" as they were, and reads a desa typed at its list', () => {
    const c = chat();
    c.say('halo');
    c.say('2');
    expect(c.say('kembali').ids).toContain('m:apply');
    c.say('2');
    c.say('1');
    c.say('1');
    expect(c.say('batal').text).toContain('proses dibatalkan');
  });
});

describe('reading a typed choice', () => {
  const yesNo = [{ id: 'nik:yes', title: 'Ya' }, { id: 'nik:no', title: 'Tidak' }];
  const kia = [
    { id: 'svc:kia_baru', title: 'KIA baru' },
    { id: 'svc:kia_hilang', title: 'KIA hilang' },
    { id: 'svc:kia_rusak', title: 'KIA rusak' },
  ];
  const needs = [
    { id: 'dis:none', title: 'Tidak ada' },
    { id: 'dis:yes', title: 'Disabilitas' },
    { id: 'dis:elderly', title: 'Lansia (60+)' },
  ];

  it.each([
    ['2', kia, 'svc:kia_hilang'],
    ['no. 3', kia, 'svc:kia_rusak'],
    ['yg baru', kia, 'svc:kia_baru'],
    ['KIA hilang aja', kia, 'svc:kia_hilang'],
    ['iya bener', yesNo, 'nik:yes'],
    ['Ya, sudah sesuai', yesNo, 'nik:yes'],
    ['nggak', yesNo, 'nik:no'],
    ['tidak benar', yesNo, 'nik:no'],
    ['tidak ada', needs, 'dis:none'],
    ['lansia', needs, 'dis:elderly'],
  ])('"%s" chooses', (typed, offered, id) => {
    expect(chooseTyped(typed, offered)?.id).toBe(id);
  });

  it.each([
    ['4', kia],
    ['kia', kia],
    ['saya mau bikin KIA untuk anak saya yang baru lahir', kia],
    ['iya bener', kia],
    // "ada" is the opposite of "Tidak ada", though it is one of its words.
    ['ada', needs],
  ])('"%s" chooses nothing', (typed, offered) => {
    expect(chooseTyped(typed, offered)).toBeUndefined();
  });

  it('reads yes and no in their many forms, and nothing else', () => {
    expect(['iya bener', 'ya', 'betul', 'nggih leres', 'ok sip'].map(readYesNo)).toEqual(['yes', 'yes', 'yes', 'yes', 'yes']);
    expect(['tidak', 'gak', 'ora', 'belum', 'bukan itu'].map(readYesNo)).toEqual(['no', 'no', 'no', 'no', 'no']);
    expect(readYesNo('Budi Santoso')).toBeUndefined();
  });
});

describe('the status card', () => {
  const submittedRequest: ApplicantRequestSummary = {
    id: 'b3f7c3a0-0000-4000-8000-000000000102',
    ticket: 'KBR-26-000102',
    serviceCode: 'akta_kelahiran',
    state: 'submitted',
    submittedAt: new Date('2026-12-01T01:00:00Z'),
    dueAt: new Date('2026-12-01T08:30:00Z'),
    returnReasons: null,
    handOverChoice: 'pickup',
  };

  it('puts the useful action first and "Batalkan permohonan" last', () => {
    const c = chat({ requests: [submittedRequest] });
    c.say('halo');
    const detail = c.say('KBR-26-000102');
    expect(detail.ids).toEqual(['nav:menu', 'cancel:ask']);
    expect(detail.titles[0]).not.toBe('Batalkan permohonan');
    // "1" is the harmless choice, never a cancellation.
    expect(c.say('1').ids).toContain('m:apply');
  });
});

describe('an officer in the middle of an application', () => {
  it('keeps the application through a hand-off and offers it again when the officer hands back', () => {
    const c = chat();
    expect(c.say('assalamualaikum, mau bikin KIA anak saya').text).toContain('Waalaikumsalam');
    c.say(BOY_7);
    c.say('1');
    const fee = c.say('berapa biayanya?');
    expect(fee.text).toMatch(/gratis|tidak dipungut biaya/i);
    expect(fee.text).toContain('Nama lengkap anak');

    const handOff = c.say('saya mau bicara dengan petugas saja');
    expect(handOff.commands).toEqual([{ type: 'hand_off_to_staff' }]);
    expect(handOff.text).toContain('Isian permohonan Bapak/Ibu tetap kami simpan');
    expect(c.say('anak saya lahir di Jakarta, KK-nya Banyumas, bisa?').text).toContain('Mohon tunggu balasan petugas');

    const back = handedBack(c.state);
    expect(back.resumable).toBe(true);
    c.state = back.state;
    const resumed = c.say('1');
    expect(resumed.text).toContain('Baik, kita lanjutkan.');
    expect(resumed.text).toContain('Nama lengkap anak');
    c.say('Budi Santoso');
    expect(c.state.draft).toMatchObject({ serviceCode: 'kia_baru', nik: BOY_7, subjectName: 'Budi Santoso' });
  });

  it('starts afresh after a hand-back when nothing was under way, and can also start over', () => {
    const c = chat();
    c.say('halo');
    c.say('petugas');
    expect(handedBack(c.state)).toMatchObject({ resumable: false, state: { screen: { kind: 'menu' }, draft: null } });

    const d = chat();
    d.say('mau bikin KIA baru');
    d.say('petugas');
    d.state = handedBack(d.state).state;
    expect(d.say('2').text).toContain('kita mulai dari awal');
    expect(d.state.draft).toBeNull();
  });
});

describe('a child with no NIK yet (issue 11: "apabila belum terdaftar")', () => {
  function upToAkta(): Chat {
    const c = chat();
    c.say('mau bikin KIA anak saya');
    expect(c.last.ids).toEqual(['nik:skip']);
    c.say('Belum punya NIK');
    c.say('Sekar Ayu');
    c.say('20-11-2026');
    c.say('2'); // Perempuan
    c.say('1'); // WNI
    return c;
  }

  it('registers the birth and gets the KIA and the KK in one application, with no NIK', () => {
    const c = upToAkta();
    expect(c.say('2').text).toContain('Akta kelahiran dapat diurus sekaligus'); // belum punya akta
    c.say(KK);
    c.say('Banyumas');
    c.say('Budi Santoso');
    c.say('Siti Aminah');
    c.say('2'); // Ibu
    c.say('Siti Aminah');
    c.say('Ledug');
    for (let n = 1; n <= 8 && !c.last.ids.includes('dis:none'); n++) {
      if (c.last.ids.some((id) => id.startsWith('alt:'))) c.say('1');
      else c.upload(fileId(n));
    }
    const summary = c.say('tidak ada');
    expect(summary.text).toContain('NIK anak: belum ada');
    expect(summary.text).toMatch(/Yang akan diterbitkan: .*Akta kelahiran.*Kartu Keluarga/);
    const input = submitted(c.say('1').commands);
    expect(input.subject.nik).toBeUndefined();
    expect(input.subject).toMatchObject({ name: 'Sekar Ayu', birthDate: '2026-11-20', sex: 'P' });
    expect(input.circumstances).toMatchObject({ hasBirthCertificate: false, foreign: false });
  });

  it('asks for the NIK after all when the child turns out to have an akta', () => {
    const c = upToAkta();
    const turn = c.say('1'); // sudah punya akta
    expect(turn.text).toContain('sudah terdaftar dan memiliki NIK');
    expect(turn.text).toContain('Silakan ketik *NIK anak*');
    expect(turn.ids).not.toContain('nik:skip');
    expect(c.say('Belum punya NIK').text).toContain('16 angka');
  });
});

describe('several options typed at once', () => {
  const kinds = ['Fisik (mis. sulit berjalan, memakai kursi roda)', 'Intelektual', 'Mental', 'Sensorik netra (penglihatan)', 'Sensorik rungu (pendengaran)', 'Sensorik wicara (bicara)'];
  it.each([
    ['1 4', [0, 3]],
    ['1,4', [0, 3]],
    ['4 dan 1 dan 4', [0, 3]],
    ['netra sama rungu', [3, 4]],
    ['pakai kursi roda', [0]],
  ])('"%s" chooses %j', (typed, chosen) => {
    expect(chooseSeveral(typed, kinds, false)).toEqual(chosen);
  });

  it('refuses a number out of range and words that name nothing', () => {
    expect(chooseSeveral('1 9', kinds, false)).toBeUndefined();
    expect(chooseSeveral('hmm gimana ya', kinds, false)).toBeUndefined();
  });

  it('reads "0" or "tidak ada" as none only where none is an answer', () => {
    expect(chooseSeveral('0', kinds, true)).toEqual([]);
    expect(chooseSeveral('tidak ada', kinds, true)).toEqual([]);
    expect(chooseSeveral('tidak ada', kinds, false)).toBeUndefined();
  });
});
