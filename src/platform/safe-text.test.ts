import { describe, expect, it } from 'vitest';
import { readFieldValue } from '../catalogue/field-values.js';
import { loadRegions } from '../regions/regions.js';
import { isSafeText, safeLines, safeText, unsafeTextPaths } from './safe-text.js';

describe('safe text', () => {
  it('refuses C0 and C1 controls, DEL and lone surrogates, but not letters from any script', () => {
    for (const bad of ['Ayu\u0000', '\u0007', 'a\u001bb', '\u007f', 'x\u0085', '\u009f', 'Ayu \ud800', '\udc00 Ayu', 'a\tb', 'a\nb', 'a\rb']) expect(isSafeText(bad)).toBe(false);
    for (const good of ['Ayu Lestari', "Ni Luh Putu Ayu D'Souza", 'Kembaran, RT 01/RW 02', 'أحمد', '张伟', 'Ayu 👶🏽', 'É']) expect(isSafeText(good)).toBe(true);
  });

  it('lets tabs and line breaks through only where a field has several lines', () => {
    expect(isSafeText('Jl. Raya 1\r\nKembaran\tBanyumas', 'lines')).toBe(true);
    expect(isSafeText('Jl. Raya 1\u0000', 'lines')).toBe(false);
    expect(safeLines().safeParse('baris satu\nbaris dua').success).toBe(true);
    expect(safeText().trim().min(1).safeParse('Ayu\nLestari').success).toBe(false);
    expect(safeText().trim().min(1).safeParse(' Ayu Lestari ')).toEqual({ success: true, data: 'Ayu Lestari' });
  });

  it('finds every unsafe string in a parsed body, keys included', () => {
    const body = { subject: { name: 'Ayu\u0000' }, details: { ok: 'Banyumas', 'bad\u0000key': 'x' }, list: ['a', 'b\u0001'], note: 'dua\nbaris' };
    expect(unsafeTextPaths(body, 'body')).toEqual(['body.subject.name', 'body.details', 'body.list.1']);
  });

  it('makes a data field refuse control characters, so the chatbot asks again', () => {
    const rules = { regions: loadRegions(), today: '2026-11-23' };
    expect(readFieldValue('subject_birth_place', 'Banyu\u0000mas', rules)).toEqual({ ok: false, problem: 'control_characters' });
    expect(readFieldValue('subject_birth_place', '  Banyumas\n', rules)).toEqual({ ok: true, value: 'Banyumas' });
  });
});
