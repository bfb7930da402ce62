import { describe, expect, it } from 'vitest';
import { NewRequestInput } from '../requests/service.js';
import { chat, fileId, type Chat } from '../test-support/dialogue.js';
import type { DialogueCommand } from './dialogue-contract.js';
import { readRelation } from './relations.js';

const BOY_7 = '3302201405190001';

function submitted(commands: DialogueCommand[]) {
  const command = commands.find((c) => c.type === 'submit_request');
  if (command?.type !== 'submit_request') throw new Error('no submit_request command');
  return command.input;
}

function kiaUpToRelation(): Chat {
  const c = chat();
  for (const line of ['halo', '2', '1', 'yg baru', BOY_7, '1', 'Budi Santoso', 'WNI', 'sudah', '3302201005200001', 'Banyumas']) c.say(line);
  expect(c.last.ids).toContain('rel:ibu');
  return c;
}

describe('the relation, as typed', () => {
  it('"saya ibunya" is the mother, with the words kept beside the code', () => {
    const c = kiaUpToRelation();
    expect(c.say('saya ibunya').text).toContain('nama lengkap Bapak/Ibu');
    for (const line of ['Siti Aminah', 'Ledug']) c.say(line);
    for (let n = 1; n <= 3; n++) c.upload(fileId(n));
    const summary = c.say('tidak');
    expect(summary.text).toContain('Pemohon: Siti Aminah (Ibu)');
    expect(submitted(c.say('kirim').commands).applicant).toEqual({ name: 'Siti Aminah', phone: '6281227001234', relation: 'ibu', relationText: 'saya ibunya' });
  });

  it('a grandmother is another family member, and her word is kept', () => {
    const c = kiaUpToRelation();
    c.say('neneknya');
    expect(c.state.draft).toMatchObject({ relation: 'keluarga', relationText: 'neneknya' });
  });

  it.each([
    ['saya ibunya', 'ibu'],
    ['bapake', 'ayah'],
    ['Ayah kandung', 'ayah'],
    ['walinya', 'wali'],
    ['kakak', 'keluarga'],
    ['mbah', 'keluarga'],
  ])('"%s" at a child\'s application → %s', (typed, code) => {
    expect(readRelation(typed, ['ayah', 'ibu', 'wali', 'keluarga'])).toBe(code);
  });

  it('reads an adult\'s own and family relations', () => {
    const person = ['diri_sendiri', 'suami_istri', 'orang_tua', 'anak', 'keluarga'];
    expect(readRelation('saya sendiri', person)).toBe('diri_sendiri');
    expect(readRelation('aku dewe', person)).toBe('diri_sendiri');
    expect(readRelation('ibunya', person)).toBe('orang_tua');
    expect(readRelation('istrinya', person)).toBe('suami_istri');
  });
});

describe('home delivery', () => {
  function toHandOver(): Chat {
    const c = kiaUpToRelation();
    for (const line of ['ibu', 'Siti Aminah', 'Ledug']) c.say(line);
    for (let n = 1; n <= 3; n++) c.upload(fileId(n));
    c.tap('dis:yes');
    c.say('setuju');
    c.say('1'); // fisik
    return c;
  }

  it('asks for the full address and a contact phone, and sends them with the request', () => {
    const c = toHandOver();
    const address = c.say('5'); // "Dokumen diantar ke rumah", typed
    expect(address.text).toContain('alamat lengkap');
    expect(address.text).toContain('RT/RW');
    expect(c.say('rumah saya dekat masjid').text).toContain('RT/RW');
    const phone = c.say('Jl. Raya Ledug 5, RT 02/RW 01, Desa Ledug, dekat masjid');
    expect(phone.text).toContain('0812-2700-1234');
    expect(phone.ids).toEqual(['dphone:same']);
    expect(c.say('0812 345').text).toContain('nomor HP tersebut belum benar');
    expect(c.say('0813-2700-9999').text).toContain('Ada hal lain');
    const summary = c.say('lewati');
    expect(summary.text).toContain('Alamat antar: Jl. Raya Ledug 5, RT 02/RW 01, Desa Ledug, dekat masjid');
    expect(summary.text).toContain('HP untuk petugas: 0813-2700-9999');
    const input = submitted(c.say('kirim').commands);
    expect(input.handOverChoice).toBe('home_delivery');
    expect(input.delivery).toEqual({ address: 'Jl. Raya Ledug 5, RT 02/RW 01, Desa Ledug, dekat masjid', phone: '081327009999' });
    expect(NewRequestInput.parse(input)).toMatchObject({ delivery: input.delivery });
  });

  it('asks no address when delivery is not among the help chosen', () => {
    const c = toHandOver();
    expect(c.say('0').text).toContain('Ada hal lain');
    expect(c.say('lewati').ids).toEqual(['sum:send', 'sum:edit', 'sum:cancel']);
    expect(submitted(c.say('kirim').commands).delivery).toBeUndefined();
  });
});
