import { describe, expect, it } from 'vitest';
import { subjectKeyOf } from './dataSubjectsApi.js';

describe('reading what the officer typed as a NIK or a phone number', () => {
  it('a 16-digit NIK, spaces and dots allowed', () => {
    expect(subjectKeyOf('3302 2050 0520 0001')).toEqual({ nik: '3302205005200001' });
  });
  it('an Indonesian mobile number in the usual spellings', () => {
    expect(subjectKeyOf('0812-2700-1234')).toEqual({ phone: '081227001234' });
    expect(subjectKeyOf('+62 812 2700 1234')).toEqual({ phone: '+6281227001234' });
  });
  it('anything else is neither', () => {
    expect(subjectKeyOf('Ayu Lestari')).toBeUndefined();
    expect(subjectKeyOf('330220500520000')).toBeUndefined();
  });
});
