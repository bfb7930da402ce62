/** The numbers and title read on a document photo, and their cross-check with the application (issue 16). */
import { describe, expect, it } from 'vitest';
import { compareNumber, sixteenDigitNumbers, titleOf } from './numbers.js';

describe('finding 16-digit numbers in OCR text', () => {
  it('finds every NIK and KK number, in order, once each', () => {
    const text = 'KARTU KELUARGA\nNo. 6171156205019379\n1 NUR HIDAYAH 3271475304415792 LAKI-LAKI\n2 AHMAD 3515430504657586 PEREMPUAN\n3 X 3271475304415792';
    expect(sixteenDigitNumbers(text)).toEqual(['6171156205019379', '3271475304415792', '3515430504657586']);
  });

  it('joins groups split by spaces or dots and reads a few look-alike letters as digits', () => {
    expect(sixteenDigitNumbers('NIK : 3201 0412 9000 0001')).toEqual(['3201041290000001']);
    expect(sixteenDigitNumbers('NIK 32O1.O412.9OOO.OOO1')).toEqual([]);
    expect(sixteenDigitNumbers('NIK 32O104129000000l')).toEqual(['3201041290000001']);
  });

  it('leaves out runs that are not 16 digits and words that end in a look-alike letter', () => {
    expect(sixteenDigitNumbers('3201-LT-19001682-0001\n12345678901234567\n123456789012345')).toEqual([]);
    expect(sixteenDigitNumbers('Nomor s 3201041290000001')).toEqual(['3201041290000001']);
  });
});

describe('telling which document a photo shows by its printed title', () => {
  it('reads the KK, the akta and the KTP-el', () => {
    expect(titleOf('REPUBLIK INDONESIA\nKARTU KELUARGA\nNo. 1')).toBe('kk');
    expect(titleOf('KUTIPAN AKTA KELAHIRAN\nNIK 1')).toBe('akta');
    expect(titleOf('KARTU TANDA PENDUDUK')).toBe('ktp');
    expect(titleOf('PROVINSI JAWA BARAT\nNIK: 1\nBerlaku Hingga : SEUMUR HIDUP')).toBe('ktp');
  });

  it('tolerates the OCR splitting or mis-spacing the title, and says null when there is none', () => {
    expect(titleOf('KARTU  KELU ARGA')).toBe('kk');
    expect(titleOf('a blurry page')).toBeNull();
  });
});

describe('comparing the number typed in the application with the numbers read', () => {
  it('says it matches when one of them is the typed number', () => {
    expect(compareNumber('3201041290000001', ['6171156205019379', '3201041290000001'])).toEqual({ match: true, read: '3201041290000001' });
  });

  it('gives the nearest read number and the differing digits, by position', () => {
    expect(compareNumber('3201041290000001', ['6171156205019379', '3201041290000007', '3201041290000071'])).toEqual({
      match: false,
      read: '3201041290000007',
      differences: [{ position: 16, typed: '1', read: '7' }],
    });
  });

  it('says nothing was read when the OCR found no number', () => {
    expect(compareNumber('3201041290000001', [])).toEqual({ match: false, read: null, differences: [] });
  });
});
