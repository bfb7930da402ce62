import { describe, expect, it } from 'vitest';
import { loadRegions } from '../regions/regions.js';
import { catalogueFor, findService, type RequirementContext, type Service } from './catalogue.js';
import { checkRequestFields, DETAIL_FIELDS, readFieldValue, type FieldInput } from './field-values.js';
import { DATA_FIELDS } from './vocabulary.js';

const rules = { regions: loadRegions(), today: '2026-11-23' };
const services = catalogueFor({ kiaRuleSet: 'national' });
const service = (code: string): Service => findService(services, code)!;

// A KK of Kembaran registered 10 May 2020; a girl's NIK of the same district.
const KK = '3302201005200001';
const CHILD_NIK = '3302205005200001';
const KIA_COLUMNS = { subject_nik: CHILD_NIK, subject_name: 'Ayu Lestari', subject_birth_date: '2020-05-10', subject_sex: 'P', desa: '33.02.20.2009' };

const check = (code: string, input: Partial<FieldInput>) =>
  checkRequestFields(service(code), { details: {}, columns: {}, context: {}, ...input }, rules);
const problemsOf = (code: string, input: Partial<FieldInput>) => {
  const result = check(code, input);
  return result.ok ? [] : result.problems.map((p) => `${p.field}:${p.problem}`).sort();
};

describe('reading one value by its input kind', () => {
  it('reads a KK number like a NIK without the +40: spaces and dots go, region and date must be real', () => {
    expect(readFieldValue('kk_number', ' 3302 2010 0520 0001 ', rules)).toEqual({ ok: true, value: KK });
    expect(readFieldValue('kk_number', '33022010052000', rules)).toMatchObject({ ok: false, problem: 'kk_invalid', numberErrors: ['format'] });
    // A woman's NIK (day 50) is not a KK number.
    expect(readFieldValue('kk_number', CHILD_NIK, rules)).toMatchObject({ ok: false, problem: 'kk_invalid', numberErrors: ['day_invalid'] });
    expect(readFieldValue('kk_number', '9999201005200001', rules)).toMatchObject({ ok: false, numberErrors: ['province_unknown'] });
    // A region the dataset does not know (a code from before a split) is not a refusal.
    expect(readFieldValue('kk_number', '9101011005200001', rules)).toEqual({ ok: true, value: '9101011005200001' });
    expect(readFieldValue('kk_number', '3302203002200001', rules)).toMatchObject({ ok: false, numberErrors: ['date_invalid'] });
  });

  it('reads a NIK with the NIK rules', () => {
    expect(readFieldValue('reporter_nik', '3302-2050-0520-0001', rules)).toEqual({ ok: true, value: CHILD_NIK });
    expect(readFieldValue('reporter_nik', '3302200000000000', rules)).toMatchObject({ ok: false, problem: 'nik_invalid' });
  });

  it('takes ISO dates that have happened, up to today', () => {
    expect(readFieldValue('date_of_death', '2026-11-23', rules)).toEqual({ ok: true, value: '2026-11-23' });
    expect(readFieldValue('date_of_death', '2026-11-24', rules)).toEqual({ ok: false, problem: 'date_future' });
    expect(readFieldValue('date_of_death', '2026-02-29', rules)).toEqual({ ok: false, problem: 'date_invalid' });
    expect(readFieldValue('date_of_death', '23-11-2026', rules)).toEqual({ ok: false, problem: 'date_invalid' });
  });

  it('trims text, keeps it on one line, and bounds it by kind or by field', () => {
    expect(readFieldValue('mother_name', '  Sri   Wahyuni \n', rules)).toEqual({ ok: true, value: 'Sri Wahyuni' });
    expect(readFieldValue('mother_name', '   ', rules)).toEqual({ ok: false, problem: 'required' });
    expect(readFieldValue('mother_name', 'a'.repeat(121), rules)).toEqual({ ok: false, problem: 'too_long', maxLength: 120 });
    expect(readFieldValue('destination_address', `Jl. Mawar 3\n  RT 02/RW 05 ${'x'.repeat(300)}`, rules)).toMatchObject({ ok: false, maxLength: 300 });
    expect(readFieldValue('destination_address', 'Jl. Mawar 3\n\n RT 02/RW 05', rules)).toEqual({ ok: true, value: 'Jl. Mawar 3\nRT 02/RW 05' });
    expect(readFieldValue('moving_members', 'x'.repeat(1000), rules).ok).toBe(true);
  });

  it('checks email addresses and Indonesian mobile numbers', () => {
    expect(readFieldValue('email', ' Sri.W@Example.co.id ', rules)).toEqual({ ok: true, value: 'sri.w@example.co.id' });
    for (const bad of ['sri@', 'sri@example', 'sri wahyuni@example.com', '@example.com']) expect(readFieldValue('email', bad, rules)).toEqual({ ok: false, problem: 'email_invalid' });
    expect(readFieldValue('phone', '0812-2700-1234', rules)).toEqual({ ok: true, value: '081227001234' });
    expect(readFieldValue('phone', '021 555 1234', rules)).toEqual({ ok: false, problem: 'phone_invalid' });
  });

  it('has an input kind for every field, and a column or a details key for each', () => {
    for (const field of DATA_FIELDS) expect(readFieldValue(field, '', rules)).toEqual({ ok: false, problem: 'required' });
    expect(DETAIL_FIELDS).toContain('kk_number');
    expect(DETAIL_FIELDS).not.toContain('subject_nik');
    expect(DETAIL_FIELDS).not.toContain('phone');
  });
});

describe('checking an application against its service', () => {
  const kiaDetails = { kk_number: KK, subject_birth_place: 'Banyumas' };

  it('accepts a KIA with the KK number and place of birth, normalised', () => {
    expect(check('kia_baru', { columns: KIA_COLUMNS, details: { kk_number: '3302.2010.0520.0001', subject_birth_place: ' Banyumas ' } })).toEqual({
      ok: true,
      details: { kk_number: KK, subject_birth_place: 'Banyumas' },
    });
  });

  it('names every required field that is missing, columns included', () => {
    expect(problemsOf('kia_baru', { columns: { subject_name: 'Ayu' } })).toEqual([
      'desa:required',
      'kk_number:required',
      'subject_birth_date:required',
      'subject_birth_place:required',
      'subject_nik:required',
      'subject_sex:required',
    ]);
  });

  it("asks for the mother's name only when the akta is applied for together with the KIA", () => {
    const combined: RequirementContext = { hasBirthCertificate: false, foreign: false };
    expect(problemsOf('kia_baru', { columns: KIA_COLUMNS, details: kiaDetails, context: combined })).toEqual(['mother_name:required']);
    expect(check('kia_baru', { columns: KIA_COLUMNS, details: { ...kiaDetails, mother_name: 'Sri Wahyuni' }, context: combined }).ok).toBe(true);
    // Father's name is optional there, and kept when given.
    expect(check('kia_baru', { columns: KIA_COLUMNS, details: { ...kiaDetails, mother_name: 'Sri', father_name: 'Budi' }, context: combined })).toMatchObject({
      ok: true,
      details: { father_name: 'Budi' },
    });
    // With an akta, the parents' names are not asked, and a leftover answer is dropped rather than stored.
    expect(check('kia_baru', { columns: KIA_COLUMNS, details: { ...kiaDetails, mother_name: 'Sri' }, context: { hasBirthCertificate: true, foreign: false } })).toEqual({
      ok: true,
      details: kiaDetails,
    });
    // Nobody said: nothing conditional is required.
    expect(check('kia_baru', { columns: KIA_COLUMNS, details: kiaDetails }).ok).toBe(true);
  });

  it('asks a foreign child for the passport number', () => {
    expect(problemsOf('kia_baru', { columns: KIA_COLUMNS, details: kiaDetails, context: { foreign: true } })).toEqual(['passport_number:required']);
    expect(check('kia_baru', { columns: KIA_COLUMNS, details: { ...kiaDetails, passport_number: 'C1234567' }, context: { foreign: true } }).ok).toBe(true);
  });

  it('checks a death registration: date and place of death, the reporter, with the date not in the future', () => {
    const columns = { subject_nik: '3302200101500001', subject_name: 'Karsono', desa: '33.02.20.2009' };
    const details = { date_of_death: '2026-11-20', place_of_death: 'RSUD Banyumas', reporter_nik: '3302201505800002', reporter_name: 'Wartini', kk_number: KK };
    expect(check('akta_kematian', { columns, details }).ok).toBe(true);
    expect(problemsOf('akta_kematian', { columns, details: { ...details, date_of_death: '2026-12-01', reporter_nik: '123' } })).toEqual(['date_of_death:date_future', 'reporter_nik:nik_invalid']);
    expect(problemsOf('akta_kematian', { columns, details: { kk_number: KK } })).toEqual(['date_of_death:required', 'place_of_death:required', 'reporter_name:required', 'reporter_nik:required']);
  });

  it('checks a move: destination, reason and who moves', () => {
    const columns = { subject_nik: '3302200101800001', subject_name: 'Darto', desa: '33.02.20.2009' };
    expect(problemsOf('surat_pindah', { columns, details: { kk_number: KK } })).toEqual(['destination_address:required', 'move_reason:required', 'moving_members:required']);
  });

  it('lets an optional field be left out or blank', () => {
    const columns = { subject_nik: '3302200101800001', subject_name: 'Darto', desa: '33.02.20.2009' };
    expect(check('pindah_datang', { columns, details: { skpwni_number: '474/123/2026', kk_number: '' } })).toEqual({ ok: true, details: { skpwni_number: '474/123/2026' } });
  });

  it('checks email and phone for IKD activation, the phone being the applicant’s column', () => {
    const columns = { subject_nik: '3302200101800001', subject_name: 'Darto', desa: '33.02.20.2009' };
    expect(problemsOf('ikd_aktivasi', { columns, details: { email: 'darto@' } })).toEqual(['email:email_invalid', 'phone:required']);
    expect(check('ikd_aktivasi', { columns: { ...columns, phone: '081227001234' }, details: { email: 'darto@example.com' } }).ok).toBe(true);
  });

  it('refuses field codes that do not exist and fields the service does not ask for', () => {
    const result = check('kia_baru', { columns: KIA_COLUMNS, details: { ...kiaDetails, shoe_size: '32', date_of_death: '2026-01-01' } });
    expect(result).toMatchObject({ ok: false, problems: [{ field: 'shoe_size', problem: 'unknown_field' }, { field: 'date_of_death', problem: 'not_for_service' }] });
    // A column field sent as a detail is not a detail.
    expect(problemsOf('kia_baru', { columns: KIA_COLUMNS, details: { ...kiaDetails, subject_nik: CHILD_NIK } })).toEqual(['subject_nik:unknown_field']);
  });

  it('labels each problem with the service’s own words for the field', () => {
    const result = check('akta_kematian', { columns: {}, details: {} });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.find((p) => p.field === 'subject_nik')?.label).toEqual({ id: 'NIK almarhum/almarhumah', en: 'NIK of the deceased' });
  });
});
