/**
 * Issue 13: a service that needs the person present (Perekaman KTP-el: fingerprints, iris, photo)
 * is applied for by chat only for a disabled or elderly person, with an officer's home visit.
 */
import { describe, expect, it } from 'vitest';
import { chat, fileId } from '../test-support/dialogue.js';

const MOTHER_46 = '3302204505800003';

function toNeedsQuestion() {
  const c = chat();
  c.say('halo');
  c.say('2'); // Ajukan permohonan
  c.say('ktp');
  const first = c.say('perekaman');
  return { c, first };
}

describe('a service that needs the person present, by chat', () => {
  it('asks who it is for first, and the home visit is always part of the help', () => {
    const { c, first } = toNeedsQuestion();
    expect(first.text).toContain('*Perekaman KTP-el* memerlukan kehadiran langsung');
    expect(first.ids).toEqual(['dis:none', 'dis:yes', 'dis:elderly']);
    c.say('ada');
    c.say('setuju');
    expect(c.say('1').text).toContain('Petugas akan datang ke rumah untuk layanan ini');
    c.say('5'); // only the delivery typed: the visit comes with it
    c.say('Jl. Raya Ledug 5, RT 02/RW 01, Ledug');
    c.say('1');
    expect(c.say('lewati').text).toContain('Silakan ketik *NIK*');
    c.say(MOTHER_46);
    c.say('1');
    c.say('Sri Wahyuni');
    c.say('4'); // Anak
    c.say('Budi Santoso');
    c.say('Ledug');
    c.upload(fileId(1));
    expect(c.last.text).toContain('Kebutuhan khusus: Disabilitas (Fisik) · Petugas datang ke rumah, Dokumen diantar ke rumah');
    const submit = c.say('1').commands.find((command) => command.type === 'submit_request');
    expect(submit?.type === 'submit_request' && submit.input).toMatchObject({
      serviceCode: 'ktp_el_rekam',
      handOverChoice: 'home_delivery',
      specialNeeds: { disabled: true, kinds: ['fisik'], accommodations: ['home_visit', 'home_delivery'], consent: true },
    });
  });

  it('an elderly person with no other help still gets the visit', () => {
    const { c } = toNeedsQuestion();
    c.say('lansia');
    expect(c.say('0').text).toContain('Ada hal lain yang perlu petugas ketahui');
    expect(c.state.draft).toMatchObject({ disability: 'elderly', accommodations: ['home_visit'] });
  });

  it.each([
    ['"Tidak ada"', ['tidak ada']],
    ['no consent to keep the disability', ['ada', 'tidak setuju']],
  ])('ends kindly with %s, pointing to the office', (_, answers) => {
    const { c } = toNeedsQuestion();
    let last = c.last;
    for (const answer of answers) last = c.say(answer);
    expect(last.text).toContain('hanya dapat dilayani di kantor kecamatan pada jam pelayanan');
    expect(last.ids).toContain('m:apply');
    expect(c.state.draft).toBeNull();
  });
});
