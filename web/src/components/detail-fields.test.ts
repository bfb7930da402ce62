import { describe, expect, it } from 'vitest';
import { fieldsFor } from '../pages/portal/requirements.js';
import type { CatalogueService } from '../pages/portal/api.js';
import { detailProblem, detailsToSend, type DetailFieldSpec } from './detail-fields.js';

const spec = (input: string, need: 'required' | 'optional' = 'required', maxLength = 120): DetailFieldSpec => ({ field: 'x', label: { id: 'X', en: 'X' }, need, input, maxLength });
const TODAY = '2026-11-23';

describe('a detail field checked on the phone', () => {
  it('says what is plainly wrong, by input kind', () => {
    expect(detailProblem(spec('kk_number'), '', TODAY)).toBe('required');
    expect(detailProblem(spec('kk_number', 'optional'), ' ', TODAY)).toBeUndefined();
    expect(detailProblem(spec('kk_number'), '3302 2010 0520 0001', TODAY)).toBeUndefined();
    expect(detailProblem(spec('kk_number'), '3302201005', TODAY)).toBe('number');
    expect(detailProblem(spec('date'), '2026-11-24', TODAY)).toBe('future');
    expect(detailProblem(spec('date'), '23/11/2026', TODAY)).toBe('date');
    expect(detailProblem(spec('email'), 'sri@', TODAY)).toBe('email');
    expect(detailProblem(spec('text', 'required', 5), 'Banyumas', TODAY)).toBe('too_long');
  });

  it('sends only the fields on the form, trimmed, blanks left out', () => {
    expect(detailsToSend([{ ...spec('text'), field: 'mother_name' }, { ...spec('text'), field: 'father_name' }], { mother_name: ' Sri ', father_name: '', passport_number: 'C1' })).toEqual({ mother_name: 'Sri' });
  });
});

describe('the portal’s detail fields for these answers', () => {
  const combined = { kind: 'all', of: [{ kind: 'not', condition: { kind: 'foreign_child' } }, { kind: 'no_birth_certificate' }] } as const;
  const service = {
    fields: [
      { field: 'subject_nik', need: 'required', when: null, label: { id: 'NIK anak', en: "Child's NIK" }, input: 'nik', maxLength: 120, detail: false },
      { field: 'kk_number', need: 'required', when: null, label: { id: 'Nomor KK', en: 'KK number' }, input: 'kk_number', maxLength: 120, detail: true },
      { field: 'mother_name', need: 'conditional', when: combined, label: { id: 'Nama ibu', en: "Mother's name" }, input: 'text', maxLength: 120, detail: true },
      { field: 'father_name', need: 'optional', when: combined, label: { id: 'Nama ayah', en: "Father's name" }, input: 'text', maxLength: 120, detail: true },
    ],
  } as unknown as CatalogueService;

  it("shows the parents' names only once the child is known to have no akta", () => {
    expect(fieldsFor(service, { foreign: false }).map((f) => f.field)).toEqual(['kk_number']);
    expect(fieldsFor(service, { foreign: false, hasBirthCertificate: true }).map((f) => f.field)).toEqual(['kk_number']);
    expect(fieldsFor(service, { foreign: false, hasBirthCertificate: false }).map((f) => `${f.field}:${f.need}`)).toEqual(['kk_number:required', 'mother_name:required', 'father_name:optional']);
  });
});

describe('text no keyboard types', () => {
  it('refuses a NUL or an escape in a field, as the server does, and keeps line breaks in several-line fields', () => {
    expect(detailProblem(spec('text'), 'Budi\u0000', TODAY)).toBe('control_characters');
    expect(detailProblem(spec('text'), 'Budi\u001b[31m', TODAY)).toBe('control_characters');
    expect(detailProblem(spec('text'), 'Budi Santoso', TODAY)).toBeUndefined();
  });
});
