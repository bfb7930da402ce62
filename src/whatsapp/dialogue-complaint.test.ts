/** Complaints and suggestions in the pure dialogue: what was already written is kept, a short wish asks for the text, the number shows the answer. */
import { describe, expect, it } from 'vitest';
import { chat } from '../test-support/dialogue.js';

describe('a complaint in the chat', () => {
  it('takes a message that already tells what happened as the complaint, confirms it, and sends one command', () => {
    const c = chat();
    c.say('halo');
    const said = 'Saya kecewa, sudah dua minggu KIA anak saya belum jadi padahal katanya 1 hari';
    const confirm = c.say(said);
    expect(confirm.text).toContain(`"${said}"`);
    expect(confirm.text).toContain('pengaduan');
    const sent = c.tap('adu:send');
    expect(sent.commands).toEqual([{ type: 'record_complaint', kind: 'keluhan', body: said }]);
    const recorded = c.send({ type: 'complaint_recorded', kind: 'keluhan', number: 'ADU-KBR-26-0003', dueAt: '2026-12-08T02:00:00.000Z' });
    expect(recorded.text).toContain('*ADU-KBR-26-0003*');
    expect(recorded.text).toContain('8 Desember 2026');
    expect(c.state.screen.kind).toBe('menu');
  });

  it('asks for the text after a bare "mau komplain", refuses one too short to act on, and reads "saran" as a suggestion', () => {
    const c = chat();
    c.say('halo');
    expect(c.say('mau komplain').text).toContain('tuliskan pengaduan');
    expect(c.say('jelek').text).toContain('paling sedikit 10 huruf');
    const confirm = c.say('Petugas loket tidak ada di tempat jam 10 pagi tadi.');
    expect(confirm.ids).toEqual(['adu:send', 'adu:rewrite', 'adu:cancel']);
    expect(c.say('ya').commands).toEqual([{ type: 'record_complaint', kind: 'keluhan', body: 'Petugas loket tidak ada di tempat jam 10 pagi tadi.' }]);

    const s = chat();
    s.say('halo');
    s.say('saya ada saran untuk pelayanan kecamatan');
    const asked = s.say('Sebaiknya ada kursi tunggu tambahan di ruang tunggu luar.');
    expect(asked.text).toContain('saran berikut');
    expect(s.tap('adu:send').commands).toEqual([{ type: 'record_complaint', kind: 'saran', body: 'Sebaiknya ada kursi tunggu tambahan di ruang tunggu luar.' }]);
  });

  it('is reached from the main menu, and "batal" leaves without recording anything', () => {
    const c = chat();
    c.say('halo');
    expect(c.tap('m:complaint').text).toContain('tuliskan pengaduan');
    c.say('Antrean tidak tertib dan banyak yang menyerobot.');
    const left = c.say('batal');
    expect(left.commands).toEqual([]);
    expect(left.text).toContain('Data yang belum dikirim tidak kami simpan');
  });

  it('shows the answer when the number is typed, only to the WhatsApp number that sent it', () => {
    const complaints = [{ number: 'ADU-KBR-26-0003', kind: 'keluhan' as const, receivedAt: '2026-11-24T02:00:00.000Z', dueAt: '2026-12-01T02:00:00.000Z', answer: 'Mohon maaf, KIA sudah dapat diambil hari ini.' }];
    const c = chat({ context: { complaints } });
    c.say('halo');
    expect(c.say('adu kbr 26 3').text).toContain('Mohon maaf, KIA sudah dapat diambil hari ini.');
    expect(c.say('ADU-KBR-26-0004').text).toContain('tidak ditemukan untuk nomor WhatsApp ini');
  });
});
