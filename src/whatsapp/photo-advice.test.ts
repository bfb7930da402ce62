import { describe, expect, it } from 'vitest';
import { chat, fileId } from '../test-support/dialogue.js';

const BOY_7 = '3302201405190001';
const KK = '3302201005200001';

/** A new KIA up to its first document (the akta), then the akta sent. */
function atTheKk() {
  const c = chat();
  c.say('halo');
  c.tap('m:apply');
  c.tap('cat:kia');
  c.tap('svc:kia_baru');
  c.say(BOY_7);
  c.tap('nik:yes');
  c.say('Budi Santoso');
  c.tap('foreign:no');
  c.tap('akta:yes');
  c.say(KK);
  c.say('Banyumas');
  c.tap('rel:ibu');
  c.say('Siti Aminah');
  expect(c.say('Ledug').text).toContain('*Dokumen 1 dari 3: Kutipan akta kelahiran*');
  expect(c.upload(fileId(1)).text).toContain('*Dokumen 2 dari 3: Kartu Keluarga (KK)*');
  return c;
}

describe('the photo check at upload, in the chat (issue 16)', () => {
  it('answers a blurred KK photo with "received", the retake advice and the way to send it again', () => {
    const c = atTheKk();
    const reply = c.upload(fileId(2), 'image/jpeg', { kind: null, problems: ['blurred'], title: null });
    expect(reply.text).toContain('Kartu Keluarga (KK) sudah kami terima');
    expect(reply.text).toContain('Foto KK kurang jelas/buram. Mohon foto ulang di tempat yang terang, seluruh kartu terlihat.');
    expect(reply.text).toContain('tetap dapat dikirim');
    // The photo is kept: the chat moves on, offering to send the KK again.
    expect(reply.text).toContain('*Dokumen 3 dari 3');
    expect(reply.ids).toContain('redo:kk');
    expect(c.tap('redo:kk').text).toContain('silakan kirim ulang *Kartu Keluarga (KK)*');
    expect(c.upload(fileId(3)).text).toContain('sudah kami ganti');
  });

  it('says nothing more for a good photo', () => {
    const reply = atTheKk().upload(fileId(2), 'image/jpeg', { kind: null, problems: [], title: 'kk' });
    expect(reply.text).toContain('Kartu Keluarga (KK) sudah kami terima');
    expect(reply.text).not.toContain('foto ulang');
  });

  it('flags an akta sent for the KK and asks whether it was meant for the akta', () => {
    const reply = atTheKk().upload(fileId(2), 'image/jpeg', { kind: null, problems: [], title: 'akta' });
    expect(reply.text).toContain('Foto ini tampaknya bukan KK (terbaca: akta kelahiran). Mohon kirim foto KK.');
    expect(reply.text).toContain('Apakah foto ini sebenarnya untuk *akta kelahiran*?');
  });

  it('judges a pass photo checked as a document by its exposure only', () => {
    const c = atTheKk();
    c.upload(fileId(2));
    const prompt = c.last.text;
    expect(prompt).toContain('Pas foto');
    const soft = c.upload(fileId(3), 'image/jpeg', { kind: null, problems: ['blurred', 'cropped'], title: null });
    expect(soft.text).not.toContain('foto ulang');
  });
});
