import { describe, expect, it } from 'vitest';
import { chat, fileId } from '../test-support/dialogue.js';
import type { DialogueCommand } from './dialogue-contract.js';
import { documentToRedo } from './document-redo.js';
import { emptyDraft } from './application-plan.js';

const BOY_7 = '3302201405190001';

function submitted(commands: DialogueCommand[]) {
  const command = commands.find((c) => c.type === 'submit_request');
  if (command?.type !== 'submit_request') throw new Error('no submit_request command');
  return command.input;
}

/** A new KIA up to its first document (the akta), by typing. */
function atAkta() {
  const c = chat();
  for (const line of ['halo', '2', '1', 'yg baru', BOY_7, '1', 'Budi Santoso', 'WNI', 'sudah', '3302201005200001', 'Banyumas', 'ibu', 'Siti Aminah', 'Ledug']) c.say(line);
  expect(c.last.text).toContain('*Dokumen 1 dari 3: Kutipan akta kelahiran*');
  return c;
}

describe('sending a document again', () => {
  it('"maaf bu foto akta tadi gelap, saya kirim ulang ya", then the akta photo: replaces the akta, not filed as the KK', () => {
    const c = atAkta();
    const kk = c.upload(fileId(1));
    expect(kk.text).toContain('*Dokumen 2 dari 3: Kartu Keluarga (KK)*');
    // The step says how to redo the previous upload.
    expect(kk.text).toContain('Ketik *kembali* untuk mengirim ulang');
    expect(kk.ids).toContain('redo:akta_kelahiran');
    const offer = c.say('maaf bu foto akta tadi gelap, saya kirim ulang ya');
    expect(offer.text).toContain('silakan kirim ulang *Akta kelahiran*');
    expect(offer.text).toContain('Kirim ulang dokumen 1 dari 3: Kutipan akta kelahiran');
    expect(offer.ids).toEqual(['redo:keep']);
    const next = c.upload(fileId(11));
    expect(next.text).toContain('Akta kelahiran sudah kami ganti');
    expect(next.text).toContain('*Dokumen 2 dari 3: Kartu Keluarga (KK)*');
    c.upload(fileId(2));
    c.upload(fileId(3));
    c.say('tidak');
    const input = submitted(c.say('kirim').commands);
    expect(input.attachments).toEqual([
      { fileId: fileId(11), documentType: 'akta_kelahiran' },
      { fileId: fileId(2), documentType: 'kk' },
      { fileId: fileId(3), documentType: 'pas_foto' },
    ]);
  });

  it('keeps the earlier upload when the user changes their mind', () => {
    const c = atAkta();
    c.upload(fileId(1));
    c.tap('redo:akta_kelahiran');
    const kept = c.tap('redo:keep');
    expect(kept.text).toContain('yang tadi tetap kami pakai');
    expect(kept.text).toContain('*Dokumen 2 dari 3: Kartu Keluarga (KK)*');
    expect(c.state.draft?.docs.akta_kelahiran).toEqual({ fileId: fileId(1), documentType: 'akta_kelahiran' });
  });

  it('works from the summary too, and "kembali" at an upload step redoes the previous one', () => {
    const c = atAkta();
    for (let n = 1; n <= 3; n++) c.upload(fileId(n));
    c.say('tidak');
    expect(c.say('foto kk nya buram, saya kirim ulang').text).toContain('Kirim ulang dokumen 2 dari 3: Kartu Keluarga (KK)');
    expect(c.upload(fileId(22)).ids).toEqual(['sum:send', 'sum:edit', 'sum:cancel']);
    expect(c.state.draft?.docs.kk).toEqual({ fileId: fileId(22), documentType: 'kk' });
  });

  it('reads which document is meant', () => {
    const draft = {
      ...emptyDraft('kia_baru'),
      docs: { akta_kelahiran: { fileId: fileId(1), documentType: 'akta_kelahiran' }, kk: { fileId: fileId(2), documentType: 'kk' } },
      order: ['doc:akta_kelahiran', 'doc:kk'],
    };
    expect(documentToRedo('maaf bu foto akta tadi gelap, saya kirim ulang ya', draft)).toBe('akta_kelahiran');
    expect(documentToRedo('KK nya kepotong', draft)).toBe('kk');
    expect(documentToRedo('yang tadi salah, saya kirim ulang', draft)).toBe('kk');
    expect(documentToRedo('foto ktp ibu gelap', draft)).toBeUndefined();
    expect(documentToRedo('akta sudah saya kirim', draft)).toBeUndefined();
  });
});

describe('a wrong answer is re-asked briefly', () => {
  it('does not repeat the 20-line summary after a message it cannot read there', () => {
    const c = atAkta();
    for (let n = 1; n <= 3; n++) c.upload(fileId(n));
    const summary = c.say('tidak');
    expect(summary.text).toContain('Ringkasan permohonan');
    const again = c.say('hmm gimana ya');
    expect(again.text).not.toContain('NIK anak:');
    expect(again.text).toContain('Mohon tekan *Kirim*');
    expect(again.text.split('\n').length).toBeLessThan(8);
    expect(again.ids).toEqual(['sum:send', 'sum:edit', 'sum:cancel']);
  });

  it('re-asks a document without the whole how-to again', () => {
    const c = atAkta();
    const asked = c.last.text;
    const again = c.voice();
    expect(again.text).toContain('*Dokumen 1 dari 3: Kutipan akta kelahiran*');
    expect(again.text).not.toContain('satu per satu');
    expect(asked).toContain('satu per satu');
  });
});

describe('fixing a returned request', () => {
  it('says at the second document how to send the first again', () => {
    const c = chat({
      requests: [{
        id: 'b3f7c3a0-0000-4000-8000-000000000101',
        ticket: 'KBR-26-000101',
        serviceCode: 'kia_baru',
        state: 'returned',
        submittedAt: new Date('2026-11-30T03:00:00Z'),
        dueAt: new Date('2026-12-01T08:30:00Z'),
        returnReasons: [{ code: 'unreadable_document', documentType: 'kk' }, { code: 'unreadable_document', documentType: 'akta_kelahiran' }],
        handOverChoice: 'pickup',
      }],
    });
    c.say('halo');
    c.say('KBR-26-000101');
    expect(c.tap('fix:start').text).not.toContain('kembali');
    const second = c.upload(fileId(1));
    expect(second.text).toContain('Perbaikan 2 dari 2');
    expect(second.text).toContain('Foto *Kartu Keluarga (KK)* tadi kurang jelas? Ketik *kembali* untuk mengirim ulang.');
    expect(c.say('kembali').text).toContain('Perbaikan 1 dari 2');
  });
});
