/** The words a citizen reads about a photo (issue 16), Indonesian first. */
import { describe, expect, it } from 'vitest';
import { numberHint, photoHints } from './messages.js';
import type { PhotoCheck } from './quality.js';

const check = (problems: PhotoCheck['problems']): PhotoCheck => ({ ok: problems.length === 0, problems, measures: {} as PhotoCheck['measures'] });

describe('telling the citizen what is wrong with a photo', () => {
  it('says a blurred KK in the words of the issue, then that it may still be sent', () => {
    expect(photoHints('id', 'kk', check(['blurred']))).toEqual([
      'Foto KK kurang jelas/buram. Mohon foto ulang di tempat yang terang, seluruh kartu terlihat.',
      'Bila Bapak/Ibu tidak dapat memotret ulang, foto ini tetap dapat dikirim dan akan diperiksa petugas.',
    ]);
  });

  it('names the document that was sent instead of the one asked for', () => {
    expect(photoHints('id', 'kk', check(['wrong_document']), 'akta')[0]).toBe('Foto ini tampaknya bukan KK (terbaca: akta kelahiran). Mohon kirim foto KK.');
  });

  it('says nothing about a good photo', () => {
    expect(photoHints('id', 'akta', check([]))).toEqual([]);
  });

  it('has a message for every problem code in both languages', () => {
    const all = check(['wrong_document', 'small', 'dark', 'bright', 'blurred', 'cropped', 'screen', 'no_face']);
    for (const lang of ['id', 'en'] as const) {
      const lines = photoHints(lang, 'photo', all, 'kk');
      expect(lines).toHaveLength(9);
      for (const line of lines) expect(line).not.toMatch(/photo\.[a-z_]+\.|\{\{/);
    }
  });
});

describe('cross-checking the typed number', () => {
  it('says the NIK on the KK photo matches', () => {
    expect(numberHint('id', 'kk', 'nik', '3201041290000001', { match: true, read: '3201041290000001' })).toBe('NIK pada foto KK cocok.');
  });

  it('gives the digits that differ', () => {
    const hint = numberHint('id', 'kk', 'kk', '3201041290000001', { match: false, read: '3201041290000071', differences: [{ position: 15, typed: '0', read: '7' }, { position: 16, typed: '1', read: '1' }] });
    expect(hint).toBe('Nomor KK pada foto terbaca 3201041290000071, berbeda dengan yang diisi (3201041290000001) pada angka ke-15, 16. Mohon periksa kembali nomor KK yang diisi.');
  });

  it('leaves it to the officer when nothing was read', () => {
    expect(numberHint('id', 'akta', 'nik', '3201041290000001', { match: false, read: null, differences: [] })).toBe('Nomor pada foto akta kelahiran belum dapat dibaca otomatis; petugas akan memeriksanya.');
  });
});
