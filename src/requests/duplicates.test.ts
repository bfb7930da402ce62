import { describe, expect, it } from 'vitest';
import { duplicateLockKey, findDuplicate, normaliseName, subjectKeyOf } from './duplicates.js';

const open = (over: Partial<{ serviceCode: string; state: string; subjectNik: string | null; subject: { name: string; birthDate?: string } }> = {}) => ({
  id: 'r1',
  serviceCode: 'kia_baru',
  state: 'submitted',
  subjectNik: '3302205005200001',
  subject: { name: 'Ayu Lestari' },
  ...over,
});

describe('one open request per subject and service', () => {
  it('knows a subject by NIK, or without one by name and birth date, and not at all without either', () => {
    expect(subjectKeyOf({ nik: '3302205005200001', name: 'Ayu' })).toEqual({ kind: 'nik', nik: '3302205005200001' });
    expect(subjectKeyOf({ name: ' Muh.  Rizki ', birthDate: '2026-11-20' })).toEqual({ kind: 'name_birth', name: 'muh rizki', birthDate: '2026-11-20' });
    expect(subjectKeyOf({ name: 'Muh Rizki' })).toBeUndefined();
    expect(normaliseName("SITI  Nur'aini.")).toBe('siti nur aini');
  });

  it('finds an open request of the same service for the same subject, in any state but a final one', () => {
    const key = subjectKeyOf({ nik: '3302205005200001', name: 'Ayu' })!;
    expect(findDuplicate('kia_baru', key, [open()])).toMatchObject({ id: 'r1' });
    for (const state of ['returned', 'verified', 'processing', 'ready']) expect(findDuplicate('kia_baru', key, [open({ state })])).toBeDefined();
    for (const state of ['handed_over', 'rejected', 'cancelled']) expect(findDuplicate('kia_baru', key, [open({ state })])).toBeUndefined();
    expect(findDuplicate('kia_hilang', key, [open()])).toBeUndefined();
    expect(findDuplicate('kia_baru', key, [open({ subjectNik: '3302205005200002' })])).toBeUndefined();
  });

  it('matches a subject without NIK by name as written on the KK, whatever the case and spacing, and the birth date', () => {
    const key = subjectKeyOf({ name: 'muh. rizki', birthDate: '2026-11-20' })!;
    const noNik = (name: string, birthDate: string) => open({ subjectNik: null, subject: { name, birthDate } });
    expect(findDuplicate('kia_baru', key, [noNik('Muh Rizki', '2026-11-20')])).toBeDefined();
    expect(findDuplicate('kia_baru', key, [noNik('Muh Rizki', '2026-11-21')])).toBeUndefined();
    expect(findDuplicate('kia_baru', key, [noNik('Muh Rizka', '2026-11-20')])).toBeUndefined();
  });

  it('serialises submissions on the service and the subject, not on anything else', () => {
    const a = duplicateLockKey('kia_baru', { kind: 'nik', nik: '3302205005200001' });
    expect(duplicateLockKey('kia_baru', { kind: 'nik', nik: '3302205005200001' })).toBe(a);
    expect(duplicateLockKey('kia_hilang', { kind: 'nik', nik: '3302205005200001' })).not.toBe(a);
  });
});
