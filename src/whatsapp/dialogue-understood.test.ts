/** The chatbot acting on free text: every message issue 10 quotes, doing what the citizen expects. */
import { describe, expect, it } from 'vitest';
import { chat } from '../test-support/dialogue.js';
import type { ApplicantRequestSummary } from './dialogue-contract.js';

const request: ApplicantRequestSummary = {
  id: 'b3f7c3a0-0000-4000-8000-000000000002',
  ticket: 'KBR-26-000002',
  serviceCode: 'kia_baru',
  state: 'processing',
  submittedAt: new Date('2026-11-30T03:00:00Z'),
  dueAt: new Date('2026-12-01T08:30:00Z'),
  returnReasons: null,
  handOverChoice: 'pickup',
};

/** A new KIA application up to the NIK step. */
function atNik() {
  const c = chat();
  c.say('halo');
  c.tap('m:apply');
  c.tap('cat:kia');
  c.tap('svc:kia_baru');
  expect(c.last.text).toContain('NIK anak');
  return c;
}

describe('a first message with a salam and a request', () => {
  it('"assalamualaikum, mau bikin KIA anak saya" answers the salam and starts the KIA application', () => {
    const c = chat();
    const turn = c.say('assalamualaikum, mau bikin KIA anak saya');
    expect(turn.text).toMatch(/^Waalaikumsalam, Bapak\/Ibu/);
    expect(turn.text).toContain('KIA baru');
    expect(turn.text).toContain('NIK anak');
    expect(c.state.screen).toEqual({ kind: 'form', page: 0 });
    expect(c.state.draft?.serviceCode).toBe('kia_baru');
  });

  it('"permisi, kantor kecamatan buka jam berapa ya?" greets and answers the hours', () => {
    const turn = chat().say('permisi, kantor kecamatan buka jam berapa ya?');
    expect(turn.text).toMatch(/^Selamat pagi, Bapak\/Ibu/);
    expect(turn.text).toContain('Senin–Kamis: 07.15–15.30');
  });
});

describe('information questions answer and do not start an application', () => {
  it('"bikin akta kelahiran syaratnya apa" gives the birth certificate requirements', () => {
    const c = chat();
    c.say('halo');
    const turn = c.say('bikin akta kelahiran syaratnya apa');
    expect(turn.text).toContain('*Akta kelahiran*');
    expect(turn.text).toContain('Persyaratan');
    expect(c.state.draft).toBeNull();
    expect(turn.ids).toContain('apply:akta_kelahiran');
  });

  it('"berapa biaya bikin ktp?" says it is free, Rp0 by law', () => {
    const c = chat();
    c.say('halo');
    const turn = c.say('berapa biaya bikin ktp?');
    expect(turn.text).toContain('GRATIS (Rp0)');
    expect(turn.text).toContain('Perekaman KTP-el');
    expect(c.state.draft).toBeNull();
  });

  it('"KIA itu apa? anak umur 3 tahun perlu?" explains the KIA', () => {
    const c = chat();
    c.say('halo');
    const turn = c.say('KIA itu apa? anak umur 3 tahun perlu?');
    expect(turn.text).toContain('Untuk anak di bawah 17 tahun');
    expect(c.state.draft).toBeNull();
  });

  it('"alamatnya dimana?" gives the office address', () => {
    const c = chat();
    c.say('halo');
    const turn = c.say('alamatnya dimana?');
    expect(turn.text).toContain('Alamat Kecamatan Kembaran');
    expect(turn.text).not.toContain('belum memahami');
  });

  it('"KK hilang gimana" shows the lost-KK path, with applying one tap away', () => {
    const c = chat();
    c.say('halo');
    const turn = c.say('KK hilang gimana');
    expect(turn.text).toContain('*Penggantian KK hilang*');
    expect(turn.text).toContain('kepolisian');
    expect(turn.ids).toContain('apply:kk_hilang');
    expect(c.state.draft).toBeNull();
  });
});

describe('a ticket typed in any spelling', () => {
  it.each(['cek status KBR-26-000002', 'cek status kbr 26 2'])('"%s" shows that request directly', (message) => {
    const c = chat({ requests: [request] });
    c.say('halo');
    const turn = c.say(message);
    expect(turn.text).toContain('*KBR-26-000002*');
    expect(c.state.screen).toEqual({ kind: 'status_detail', requestId: request.id });
  });

  it('shows it even as the first message', () => {
    const c = chat({ requests: [request] });
    expect(c.say('cek status kbr 26 2').text).toContain('*KBR-26-000002*');
  });
});

describe('questions in the middle of an application', () => {
  it('"berapa biayanya?" at the NIK step is answered, then the NIK is asked again', () => {
    const c = atNik();
    const turn = c.say('berapa biayanya?');
    expect(turn.text).toContain('GRATIS (Rp0)');
    expect(turn.text).toContain('NIK anak');
    expect(turn.text).not.toContain('Mohon ketik NIK berupa 16 angka');
    expect(c.state.screen).toEqual({ kind: 'form', page: 0 });
    expect(c.state.draft?.serviceCode).toBe('kia_baru');
  });

  it('"syaratnya apa aja?" at the NIK step lists the KIA requirements, then the NIK again', () => {
    const c = atNik();
    const turn = c.say('syaratnya apa aja?');
    expect(turn.text).toContain('Persyaratan');
    expect(turn.text).toContain('Kartu Keluarga (KK)');
    expect(turn.text).toContain('Kita lanjutkan pengisian permohonan');
    expect(turn.text).toContain('NIK anak');
    expect(c.say('3302201405190001').text).not.toContain('Mohon ketik NIK');
  });
});

describe('reaching a person', () => {
  it.each(['mau ngomong sama petugas', 'saya mau bicara dengan petugas saja'])('"%s" hands off, from the menu and mid-application', (message) => {
    const c = chat();
    c.say('halo');
    expect(c.say(message).commands).toEqual([{ type: 'hand_off_to_staff' }]);
    const d = atNik();
    expect(d.say(message).commands).toEqual([{ type: 'hand_off_to_staff' }]);
  });

  it('after the hand-off says once that an officer will answer, then stays silent', () => {
    const c = chat();
    c.say('halo');
    expect(c.say('petugas').text).toContain('Silakan tuliskan keperluan Bapak/Ibu');
    const first = c.say('syarat bikin KIA untuk anak angkat apa ya bu?');
    expect(first.text).toContain('sudah kami teruskan kepada petugas');
    expect(first.ids).toEqual([]);
    expect(first.text).not.toContain('Persyaratan');
    const second = c.say('anaknya umur 4 tahun');
    expect(second.replies).toEqual([]);
    expect(c.say('menu').ids).toContain('m:apply');
  });
});

describe('home service and disability', () => {
  it.each([
    'anak saya pakai kursi roda, bisa diantar ke rumah?',
    'apa petugas bisa datang ke rumah untuk rekam?',
    'apa ada layanan untuk disabilitas?',
  ])('"%s" is told about home visits and delivery, with an officer on offer', (message) => {
    const c = chat();
    c.say('halo');
    const turn = c.say(message);
    expect(turn.text).toContain('datang ke rumah');
    expect(turn.text).toContain('diantar ke rumah');
    expect(turn.text).not.toContain('Senin–Kamis');
    expect(turn.ids).toContain('nav:staff');
    expect(turn.commands).toEqual([]);
  });
});
