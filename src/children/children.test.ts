import { describe, expect, it } from 'vitest';
import { loadRegions } from '../regions/regions.js';
import { findDesa, mapColumns, parseListDate, validateChildRow, type RowContext } from './children.js';
import { planImport, type RegisteredChild } from './matching.js';
import { checkRoster, readRosterCsv } from './roster.js';

const desa = [
  { code: '33.02.20.2001', name: 'Ledug' },
  { code: '33.02.20.2004', name: 'Karang Tengah' },
];
const ctx: RowContext = { regions: loadRegions(), today: '2026-12-05', desa };

describe('a row of a children list', () => {
  it('takes the birth date and sex from the NIK when the list gives none, and the desa by name or code', () => {
    const result = validateChildRow({ nik: '3302 2050 0520 0001', desa: 'karangtengah', punya_kia: 'Tidak', no_wa: '0812-2700-1234' }, 2, ctx);
    expect(result).toEqual({ ok: true, facts: { nik: '3302205005200001', birthDate: '2020-05-10', sex: 'P', desaCode: '33.02.20.2004', hasKia: false, whatsapp: '6281227001234' } });
    expect(findDesa('33.02.20.2001', desa)?.name).toBe('Ledug');
    expect(findDesa('2001', desa)?.name).toBe('Ledug');
    expect(findDesa('Desa Ledug', desa)?.code).toBe('33.02.20.2001');
  });

  it('reads YYYY-MM-DD and DD-MM-YYYY, nothing else', () => {
    expect(parseListDate('2019-05-10')).toBe('2019-05-10');
    expect(parseListDate('10-05-2019')).toBe('2019-05-10');
    expect(parseListDate('10/5/2019')).toBe('2019-05-10');
    expect(parseListDate('31-02-2019')).toBeUndefined();
    expect(parseListDate('5 Mei 2019')).toBeUndefined();
  });

  it('names every problem of a row by its column', () => {
    const result = validateChildRow({ nik: '3302201013200001', tanggal_lahir: '2027-01-01', jenis_kelamin: 'X', desa: 'Atlantis', npsn: '123', punya_kia: 'mungkin' }, 5, ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.column}:${p.code}`)).toEqual([
      'nik:nik_month_invalid',
      'tanggal_lahir:date_future',
      'jenis_kelamin:sex_invalid',
      'desa:desa_unknown',
      'npsn:npsn_format',
      'punya_kia:yes_no_invalid',
    ]);
  });

  it('without a NIK needs a name and a birth date; a youth of 17 is no child', () => {
    const noName = validateChildRow({ tanggal_lahir: '2018-01-01' }, 3, ctx);
    expect(noName.ok ? [] : noName.problems.map((p) => p.code)).toEqual(['missing_name']);
    const old = validateChildRow({ nama: 'Budi', tanggal_lahir: '2009-12-05' }, 3, ctx);
    expect(old.ok ? [] : old.problems).toEqual([{ row: 3, column: 'tanggal_lahir', code: 'not_a_child', params: { age: 17 } }]);
    expect(validateChildRow({ nama: 'Budi', tanggal_lahir: '2009-12-06' }, 3, ctx).ok).toBe(true);
  });

  it('finds columns in any order and case, ignores the others, refuses a header without identity', () => {
    expect([...mapColumns(['No', 'NAMA', 'Tanggal Lahir', 'NIK'], 1).positions]).toEqual([['nama', 1], ['tanggal_lahir', 2], ['nik', 3]]);
    expect(mapColumns(['nama', 'desa'], 1).problems).toEqual([{ row: 1, column: 'nik', code: 'missing_identity_columns' }]);
    expect([...mapColumns(['Nama Siswa', 'Tgl'], 1, { 'Nama Siswa': 'nama', Tgl: 'tanggal_lahir' }).positions]).toEqual([['nama', 0], ['tanggal_lahir', 1]]);
  });

  it('names rows by their line in the file, the header being line 1', () => {
    const table = readRosterCsv('nama;tanggal_lahir\n"Siti\nAminah";2019-01-01\n\nBudi;2099-01-01\n');
    if ('problem' in table) throw new Error('unreadable');
    const checked = checkRoster(table, ctx);
    expect(checked.valid.map((v) => v.row)).toEqual([3]);
    expect(checked.problems).toEqual([{ row: 5, column: 'tanggal_lahir', code: 'date_future', params: { date: '2099-01-01' } }]);
  });
});

describe('matching a list to the register', () => {
  const register: RegisteredChild[] = [
    { id: 'a', nik: '3302205005200001', name: 'Siti Aminah', birthDate: '2020-05-10', desaCode: '33.02.20.2001' },
    { id: 'b', name: 'Budi Santoso', birthDate: '2018-03-01', desaCode: '33.02.20.2001' },
    { id: 'c', nik: '3302200101190001', name: 'Joko', birthDate: '2019-01-01', desaCode: '33.02.20.2001' },
  ];

  it('by NIK, then by name + birth date + desa; doubtful ones go to review, never written', () => {
    const plan = planImport(
      [
        { row: 2, facts: { nik: '3302205005200001', name: 'SITI  AMINAH', birthDate: '2020-05-10', schoolClass: '1A' } },
        { row: 3, facts: { name: 'budi santoso', birthDate: '2018-03-01', desaCode: '33.02.20.2001' } },
        { row: 4, facts: { name: 'Joko', birthDate: '2019-01-01', nik: '3302200101190002', desaCode: '33.02.20.2001' } },
        { row: 5, facts: { name: 'Budi Santoso', birthDate: '2018-03-01', desaCode: '33.02.20.2004' } },
        { row: 6, facts: { name: 'Ani', birthDate: '2021-01-01' } },
        { row: 7, facts: { name: 'Ani', birthDate: '2021-01-01' } },
        { row: 8, facts: { name: 'Ani', birthDate: '2021-01-01', schoolClass: '2' } },
      ],
      register,
    );
    expect(plan.rows).toEqual([
      { kind: 'update', row: 2, id: 'a', changes: { schoolClass: '1A' } },
      { kind: 'unchanged', row: 3, id: 'b' },
      { kind: 'insert', row: 6, facts: { name: 'Ani', birthDate: '2021-01-01' } },
      { kind: 'unchanged', row: 7, id: 'row:6' },
    ]);
    expect(plan.problems).toEqual([
      { row: 4, column: 'nik', code: 'doubtful_other_nik' },
      { row: 5, column: 'nama', code: 'doubtful_other_desa' },
      { row: 8, column: 'nama', code: 'duplicate_in_file', params: { first: 6 } },
    ]);
  });

  it('a row with a NIK completes a child known by name only', () => {
    const plan = planImport([{ row: 2, facts: { nik: '3302200103180001', name: 'Budi Santoso', birthDate: '2018-03-01', desaCode: '33.02.20.2001' } }], register);
    expect(plan.rows).toEqual([{ kind: 'update', row: 2, id: 'b', changes: { nik: '3302200103180001' } }]);
  });
});
