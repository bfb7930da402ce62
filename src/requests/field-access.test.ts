import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../auth/roles.js';
import { likePattern } from './storage.js';
import {
  accessTo,
  detailValueFor,
  maskIdNumber,
  maySearchBy,
  presentRequestFor,
  REQUEST_PARTS,
  withinReadScope,
  type RequestPart,
  type RequestRecord,
} from './field-access.js';

const parts = Object.keys(REQUEST_PARTS) as RequestPart[];

/** Who sees which part, written out by hand so a careless edit of the table shows up here. */
const OFFICE = Object.fromEntries(parts.map((p) => [p, 'full'])) as Record<RequestPart, 'full'>;
const EXPECTED: Record<Role, Partial<Record<RequestPart, 'full' | 'masked'>>> = {
  camat: OFFICE,
  sekcam: OFFICE,
  kasi: OFFICE,
  operator: OFFICE,
  kurir: { subjectName: 'full', applicantName: 'full', applicantPhone: 'full', siakOutcomes: 'full', courier: 'full', handOverRecord: 'full', disabilityNeeds: 'full', specialNeeds: 'full', priority: 'full' },
  admin: {},
  kabupaten: { subjectNik: 'masked', subjectBirthDate: 'masked', subjectSex: 'masked', identityCheck: 'masked', siakNumbers: 'masked', history: 'full' },
};

const record: RequestRecord = {
  id: 'r1',
  officeCode: '33.02.20',
  ticket: 'KBR-26-000001',
  serviceCode: 'kia_baru',
  channel: 'walk_in',
  state: 'ready',
  flags: ['home_delivery'],
  desaCode: '33.02.20.2009',
  applicant: { name: 'Sri Wahyuni', phone: '6281227001234', relation: 'ibu' },
  subject: { nik: '3302205005200001', name: 'Ayu Lestari', birthDate: '2020-05-10', sex: 'P' },
  details: { kk_number: '3302201005200001', mother_name: 'Sri Wahyuni', email: 'sri@contoh.id' },
  circumstances: { hasBirthCertificate: true },
  handOverChoice: 'home_delivery',
  disabilityNeeds: 'Kursi roda',
  priorityReason: 'disabilitas',
  attachments: [{ fileId: 'f1', documentType: 'kk' }],
  siakOutcomes: [{ document: 'kia', number: '3302205005200001', printed: true }],
  returnReasons: null,
  handOverRecord: null,
  submittedAt: new Date('2026-11-23T03:00:00Z'),
  stateEnteredAt: new Date('2026-11-23T03:00:00Z'),
  dueAt: new Date('2026-11-23T08:30:00Z'),
};

describe('which role sees which part of a request', () => {
  it('matches the intended matrix', () => {
    for (const role of ROLES) {
      const seen = Object.fromEntries(parts.flatMap((p) => (accessTo(role, p) ? [[p, accessTo(role, p)]] : [])));
      expect(seen, role).toEqual(EXPECTED[role]);
    }
  });

  it('a kurir reads only the deliveries given to it; every other role its whole reach', () => {
    expect(withinReadScope({ role: 'kurir', userId: 'k1' }, { courierStaffId: 'k1' })).toBe(true);
    expect(withinReadScope({ role: 'kurir', userId: 'k1' }, { courierStaffId: 'k2' })).toBe(false);
    expect(withinReadScope({ role: 'kurir', userId: 'k1' }, { courierStaffId: null })).toBe(false);
    for (const role of ROLES.filter((r) => r !== 'kurir')) expect(withinReadScope({ role, userId: 'x' }, { courierStaffId: null }), role).toBe(true);
  });

  it('searches only by keys whose field the role sees', () => {
    expect(['ticket', 'nik', 'phone', 'name'].filter((k) => maySearchBy('kurir', k as 'nik'))).toEqual(['ticket', 'phone', 'name']);
    expect(['ticket', 'nik', 'phone', 'name'].filter((k) => maySearchBy('kabupaten', k as 'nik'))).toEqual(['ticket', 'nik']);
    expect(['ticket', 'nik', 'phone', 'name'].filter((k) => maySearchBy('operator', k as 'nik'))).toEqual(['ticket', 'nik', 'phone', 'name']);
  });
});

describe('presenting a request', () => {
  it('masks a NIK or KK number to province, regency and serial', () => {
    expect(maskIdNumber('3302205005200001')).toBe('3302xxxxxxxx0001');
    expect(maskIdNumber('12345')).toBe('xxxxx');
  });

  it('gives a detail field whole, masked or not at all', () => {
    expect(detailValueFor('operator', 'mother_name', 'Sri')).toBe('Sri');
    expect(detailValueFor('kabupaten', 'kk_number', '3302201005200001')).toBe('3302xxxxxxxx0001');
    expect(detailValueFor('kabupaten', 'mother_name', 'Sri')).toBeUndefined();
    expect(detailValueFor('kabupaten', 'passport_number', 'A123')).toBeUndefined();
    expect(detailValueFor('kurir', 'email', 'sri@contoh.id')).toBeUndefined();
    expect(detailValueFor('kurir', 'kk_number', '3302201005200001')).toBeUndefined();
  });

  it('gives the kurir and the office the delivery address and phone, and the regency neither', () => {
    const delivering = { ...record, applicant: { ...record.applicant, relationText: 'saya ibunya' }, details: { ...record.details, delivery_address: 'Jl. Raya Ledug 5, RT 02/RW 01', delivery_phone: '6281327009999' } };
    for (const role of ['kurir', 'operator'] as const) {
      const view = presentRequestFor({ role }, delivering);
      expect(view.details, role).toMatchObject({ delivery_address: 'Jl. Raya Ledug 5, RT 02/RW 01', delivery_phone: '6281327009999' });
      expect(view.applicant, role).toMatchObject({ relation: 'ibu', relationText: 'saya ibunya' });
    }
    const regency = presentRequestFor({ role: 'kabupaten' }, delivering);
    expect(JSON.stringify(regency)).not.toContain('Ledug 5');
    expect(JSON.stringify(regency)).not.toContain('6281327009999');
  });

  it('leaves out, for the kurir, everything a delivery does not need', () => {
    const view = presentRequestFor({ role: 'kurir' }, record);
    expect(view.subject).toEqual({ name: 'Ayu Lestari' });
    expect(view.applicant).toEqual({ name: 'Sri Wahyuni', relation: 'ibu', phone: '6281227001234' });
    expect(view.details).toEqual({});
    expect(view.siakOutcomes).toEqual([{ document: 'kia', printed: true }]);
    expect(Object.keys(view)).not.toEqual(expect.arrayContaining(['attachments']));
    expect(view.disabilityNeeds).toBe('Kursi roda');
    expect(JSON.stringify(view)).not.toContain('3302205005200001');
  });

  it('gives the regency a masked NIK and KK number and nothing personal besides', () => {
    const view = presentRequestFor({ role: 'kabupaten' }, record);
    expect(view.subject).toEqual({ nik: '3302xxxxxxxx0001' });
    expect(view.applicant).toEqual({});
    expect(view.details).toEqual({ kk_number: '3302xxxxxxxx0001' });
    for (const key of ['circumstances', 'disabilityNeeds', 'attachments', 'siakOutcomes', 'returnReasons', 'handOverRecord']) expect(view, key).not.toHaveProperty(key);
  });
});

describe('a name search pattern', () => {
  it('takes % and _ literally', () => {
    expect(likePattern('%%%')).toBe('%\\%\\%\\%%');
    expect(likePattern('a_b\\')).toBe('%a\\_b\\\\%');
  });
});
