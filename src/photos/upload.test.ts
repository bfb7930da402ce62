import { describe, expect, it } from 'vitest';
import type { StoredPhotoFindings } from '../db/schema.js';
import { photoFindingsShown, problemsFor, retakeHints } from './upload.js';

const NIK = '3302205005200001';
const KK = '3302201005200001';
const found = (over: Partial<StoredPhotoFindings> = {}): StoredPhotoFindings => ({
  kind: null,
  problems: [],
  measures: { width: 1600, height: 1200, sharpness: 900, meanLuminance: 150 },
  reading: null,
  ocr: 'skipped',
  checkedAt: '2026-12-04T00:00:00.000Z',
  ...over,
});

describe('the photo findings for the slot a file ended in', () => {
  it('flags a photo that reads as an akta in the KK slot, and not in the akta slot', () => {
    expect(problemsFor({ kind: null, problems: ['blurred'], title: 'akta' }, 'kk')).toEqual(['wrong_document', 'blurred']);
    expect(problemsFor({ kind: null, problems: ['blurred'], title: 'akta' }, 'akta_kelahiran')).toEqual(['blurred']);
    // A document checked for the KK slot and read as a KK after all is not wrong.
    expect(problemsFor({ kind: 'akta', problems: ['wrong_document'], title: 'kk' }, 'kk')).toEqual([]);
  });

  it('keeps only exposure problems for a pass photo that was judged as a document', () => {
    expect(problemsFor({ kind: null, problems: ['blurred', 'cropped', 'dark'], title: null }, 'pas_foto')).toEqual(['dark']);
    expect(problemsFor({ kind: 'photo', problems: ['no_face'], title: null }, 'pas_foto')).toEqual(['no_face']);
  });

  it('words the retake advice as the issue asks, then that the photo may still be sent', () => {
    expect(retakeHints('id', ['blurred'], 'kk')).toEqual([
      'Foto KK kurang jelas/buram. Mohon foto ulang di tempat yang terang, seluruh kartu terlihat.',
      'Bila Bapak/Ibu tidak dapat memotret ulang, foto ini tetap dapat dikirim dan akan diperiksa petugas.',
    ]);
    expect(retakeHints('id', [], 'kk')).toEqual([]);
  });

  it('compares the typed NIK and KK number with those read on a KK, digit by digit', () => {
    const misread = `${KK.slice(0, 6)}9${KK.slice(7)}`;
    const shown = photoFindingsShown(found({ reading: { numbers: [misread, NIK], title: 'kk' }, ocr: 'read' }), 'kk', { nik: NIK, kk: KK }, 'id');
    expect(shown.numbers.map((n) => n.text)).toEqual([
      'NIK pada foto KK cocok.',
      `Nomor KK pada foto terbaca ${misread}, berbeda dengan yang diisi (${KK}) pada angka ke-7. Mohon periksa kembali nomor KK yang diisi.`,
    ]);
  });

  it('compares nothing when the OCR did not run, on a wrong document, or without typed numbers', () => {
    expect(photoFindingsShown(found(), 'kk', { nik: NIK }, 'id').numbers).toEqual([]);
    expect(photoFindingsShown(found({ reading: { numbers: [NIK], title: 'akta' }, ocr: 'read' }), 'kk', { nik: NIK }, 'id').numbers).toEqual([]);
    expect(photoFindingsShown(found({ reading: { numbers: [NIK], title: 'kk' }, ocr: 'read' }), 'kk', {}, 'id').numbers).toEqual([]);
  });
});
