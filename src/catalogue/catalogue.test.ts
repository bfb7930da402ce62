import { describe, it, expect } from 'vitest';
import {
  CatalogueSchema,
  CatalogueSettingsSchema,
  ServiceSchema,
  catalogueFor,
  checkAttachments,
  describeCondition,
  eligibilityReasonOf,
  evaluateCondition,
  findService,
  requirementsFor,
  slaFor,
  type Checklist,
  type RequirementContext,
  type Service,
} from './catalogue.js';
import { SERVICES } from './services.js';
import { DOCUMENT_TYPES, DOCUMENT_TYPE_LABELS, type DocumentType } from './vocabulary.js';

const national = catalogueFor({ kiaRuleSet: 'national' });
const banyumas = catalogueFor({ kiaRuleSet: 'banyumas_2022' });
const get = (services: readonly Service[], code: string): Service => {
  const s = findService(services, code);
  if (!s) throw new Error(`no service ${code}`);
  return s;
};
const needOf = (checklist: Checklist, doc: DocumentType) => checklist.items.find((i) => i.document === doc)?.need;
const docs = (checklist: Checklist, need: 'required' | 'optional' | 'conditional') =>
  checklist.items.filter((i) => i.need === need).map((i) => i.document).sort();

describe('catalogue data', () => {
  it('validates against the schema an admin-edited catalogue will meet', () => {
    expect(() => CatalogueSchema.parse(SERVICES)).not.toThrow();
    expect(() => CatalogueSchema.parse(banyumas)).not.toThrow();
  });

  it('offers every service the office takes in, under stable codes', () => {
    expect(SERVICES.map((s) => s.code).sort()).toEqual(
      [
        'akta_kelahiran',
        'akta_kematian',
        'ikd_aktivasi',
        'kia_baru',
        'kia_hilang',
        'kia_pindah_datang',
        'kia_rusak',
        'kk_baru',
        'kk_pisah',
        'kk_hilang',
        'kk_rusak',
        'kk_perubahan',
        'ktp_el_cetak',
        'ktp_el_hilang',
        'ktp_el_rekam',
        'ktp_el_rusak',
        'pindah_datang',
        'surat_pindah',
      ].sort(),
    );
  });

  it('is free, one working day, except SKPWNI (3) and KIA at the counter (same day) or a school (7)', () => {
    for (const s of SERVICES) expect(s.feeRupiah).toBe(0);
    const days = Object.fromEntries(SERVICES.map((s) => [s.code, s.slaWorkingDays]));
    expect(days.surat_pindah).toBe(3);
    expect(Object.entries(days).filter(([code, d]) => code !== 'surat_pindah' && d !== 1)).toEqual([]);
    expect(slaFor(get(national, 'kia_baru'), 'school_session')).toBe(7);
    expect(slaFor(get(national, 'kia_baru'), 'walk_in')).toBe(0);
    expect(slaFor(get(national, 'kia_baru'), 'whatsapp')).toBe(1);
  });

  it('labels every document type in Indonesian and English', () => {
    for (const type of DOCUMENT_TYPES) {
      expect(DOCUMENT_TYPE_LABELS[type].id.length).toBeGreaterThan(1);
      expect(DOCUMENT_TYPE_LABELS[type].en.length).toBeGreaterThan(1);
    }
  });

  it('re-issues a lost KK on the police report and a damaged one on the card itself, each with a KTP-el, free, over WhatsApp too', () => {
    const lost = requirementsFor(get(SERVICES, 'kk_hilang'));
    expect(docs(lost, 'required')).toEqual(['ktp_el', 'surat_keterangan_hilang']);
    expect(lost.items.find((i) => i.document === 'surat_keterangan_hilang')?.details?.id).toMatch(/kepolisian/);
    const damaged = requirementsFor(get(SERVICES, 'kk_rusak'));
    expect(docs(damaged, 'required')).toEqual(['dokumen_rusak', 'ktp_el']);
    for (const code of ['kk_hilang', 'kk_rusak']) {
      expect(get(SERVICES, code).feeRupiah).toBe(0);
      expect(get(SERVICES, code).channels).toContain('whatsapp');
      expect(get(SERVICES, code).outputs).toEqual([{ document: 'kk' }]);
    }
  });

  it('refuses a fee, an unknown document type, a duplicate code and a photo spec on a non-photo', () => {
    const kia = get(SERVICES, 'kia_baru');
    expect(ServiceSchema.safeParse({ ...kia, feeRupiah: 10_000 }).success).toBe(false);
    expect(ServiceSchema.safeParse({ ...kia, requirements: [{ need: 'required', document: 'ijazah_palsu' }] }).success).toBe(false);
    expect(CatalogueSchema.safeParse([kia, kia]).success).toBe(false);
    const photoOnKk = { need: 'required', document: 'kk', photo: { widthCm: 2, heightCm: 3, colour: true } };
    expect(ServiceSchema.safeParse({ ...kia, requirements: [photoOnKk] }).success).toBe(false);
    expect(ServiceSchema.safeParse({ ...kia, slaWorkingDaysByChannel: { school_session: 7, web: 2 }, channels: ['walk_in'] }).success).toBe(false);
  });

  it('fills the defaults an admin may leave out', () => {
    const { slaWorkingDays: _omitted, ...rest } = get(SERVICES, 'kk_baru');
    expect(ServiceSchema.parse(rest).slaWorkingDays).toBe(1);
    expect(CatalogueSettingsSchema.parse({})).toEqual({ kiaRuleSet: 'national' });
  });

  it('resolves the rule set into the office catalogue, leaving no variants behind', () => {
    for (const s of banyumas) expect(s.requirementVariants).toBeUndefined();
    expect(get(national, 'kia_hilang').requirements).toEqual(get(banyumas, 'kia_hilang').requirements);
  });
});

describe('KIA, national rules (Permendagri 2/2016)', () => {
  const kia = get(national, 'kia_baru');

  it('a 4-year-old with a birth certificate: akta, KK, both parents’ KTP-el, no photo', () => {
    const checklist = requirementsFor(kia, { subjectAgeYears: 4, hasBirthCertificate: true, foreign: false });
    expect(docs(checklist, 'required')).toEqual(['akta_kelahiran', 'kk', 'ktp_el_ayah', 'ktp_el_ibu']);
    expect(needOf(checklist, 'pas_foto')).toBeUndefined();
    expect(checklist.eligibility).toBe('eligible');
    expect(checklist.outputs).toEqual([{ document: 'kia' }]);
  });

  it('a 5-year-old also needs two colour photos, 2×3', () => {
    const checklist = requirementsFor(kia, { subjectAgeYears: 5, hasBirthCertificate: true, foreign: false });
    const photo = checklist.items.find((i) => i.document === 'pas_foto');
    expect(photo?.need).toBe('required');
    expect(photo?.photo).toEqual({ widthCm: 2, heightCm: 3, copies: 2, colour: true });
  });

  it('with the age unknown, the photo stays conditional and says when', () => {
    const checklist = requirementsFor(kia, { hasBirthCertificate: true, foreign: false });
    const photo = checklist.items.find((i) => i.document === 'pas_foto');
    expect(photo?.need).toBe('conditional');
    expect(photo?.when && describeCondition(photo.when).id).toBe('berusia 5 tahun ke atas');
    expect(checklist.eligibility).toBe('unknown');
  });

  it('a child with no birth certificate applies for akta and KIA together', () => {
    const checklist = requirementsFor(kia, { subjectAgeYears: 2, hasBirthCertificate: false, foreign: false });
    expect(needOf(checklist, 'akta_kelahiran')).toBeUndefined();
    expect(docs(checklist, 'required')).toEqual(['kk', 'ktp_el_ayah', 'ktp_el_ibu', 'surat_keterangan_kelahiran']);
    expect(docs(checklist, 'optional')).toEqual(['buku_nikah']);
    // The KK too, if the child has no NIK yet (is not on it).
    expect(checklist.outputs.map((o) => o.document)).toEqual(['kia', 'akta_kelahiran', 'kk']);
    expect(checklist.fields.find((f) => f.field === 'mother_name')?.need).toBe('required');
    // Listed once, though both the KIA and the birth-registration lists ask for it.
    expect(checklist.items.filter((i) => i.document === 'kk')).toHaveLength(1);
  });

  it('an SPTJM stands in for a missing birth notification', () => {
    const checklist = requirementsFor(kia, { subjectAgeYears: 2, hasBirthCertificate: false, foreign: false });
    const result = checkAttachments(checklist, ['kk', 'ktp_el_ayah', 'ktp_el_ibu', 'sptjm_kelahiran']);
    expect(result.missing).toEqual([]);
    expect(result.complete).toBe(true);
  });

  it('a foreign child with KITAP: passport, KITAP, KK, parents’ KTP-el; no akta asked', () => {
    const checklist = requirementsFor(kia, { subjectAgeYears: 3, hasBirthCertificate: false, foreign: true });
    expect(docs(checklist, 'required')).toEqual(['kitap', 'kk', 'ktp_el_ayah', 'ktp_el_ibu', 'paspor']);
    expect(checklist.outputs).toEqual([{ document: 'kia' }]);
  });

  it('refuses a 17-year-old and a married child', () => {
    expect(requirementsFor(kia, { subjectAgeYears: 17 }).eligibility).toBe('ineligible');
    expect(requirementsFor(kia, { subjectAgeYears: 16, everMarried: true }).eligibility).toBe('ineligible');
    expect(requirementsFor(kia, { subjectAgeYears: 16, everMarried: false }).eligibility).toBe('eligible');
  });
});

describe('KIA, Banyumas 2022 practice', () => {
  const kia = get(banyumas, 'kia_baru');

  it('asks only akta and KK under 5', () => {
    const checklist = requirementsFor(kia, { subjectAgeYears: 4, hasBirthCertificate: true, foreign: false });
    expect(docs(checklist, 'required')).toEqual(['akta_kelahiran', 'kk']);
    expect(checklist.items).toHaveLength(2);
  });

  it('adds one 3×4 photo from 5', () => {
    const checklist = requirementsFor(kia, { subjectAgeYears: 5, hasBirthCertificate: true, foreign: false });
    expect(docs(checklist, 'required')).toEqual(['akta_kelahiran', 'kk', 'pas_foto']);
    expect(checklist.items.find((i) => i.document === 'pas_foto')?.photo).toMatchObject({ widthCm: 3, heightCm: 4 });
  });

  it('differs from the national list for the same child', () => {
    const context = { subjectAgeYears: 8, hasBirthCertificate: true, foreign: false };
    const n = requirementsFor(get(national, 'kia_baru'), context);
    const b = requirementsFor(kia, context);
    expect(docs(n, 'required').filter((d) => !docs(b, 'required').includes(d))).toEqual(['ktp_el_ayah', 'ktp_el_ibu']);
  });

  it('keeps the combined akta + KIA path, adding what birth registration needs', () => {
    const checklist = requirementsFor(kia, { subjectAgeYears: 6, hasBirthCertificate: false, foreign: false });
    expect(docs(checklist, 'required')).toEqual(['kk', 'ktp_el_ibu', 'pas_foto', 'surat_keterangan_kelahiran']);
    expect(docs(checklist, 'optional')).toEqual(['buku_nikah', 'ktp_el_ayah']);
    expect(checklist.outputs.map((o) => o.document)).toEqual(['kia', 'akta_kelahiran', 'kk']);
  });

  it('keeps the national immigration documents for a foreign child', () => {
    const checklist = requirementsFor(kia, { subjectAgeYears: 3, foreign: true });
    expect(docs(checklist, 'required')).toEqual(['kitap', 'kk', 'ktp_el_ayah', 'ktp_el_ibu', 'paspor']);
  });

  it('with nothing known, still answers "what do I need?" with conditions attached', () => {
    const checklist = requirementsFor(kia);
    expect(docs(checklist, 'required')).toEqual(['kk']);
    const ibu = checklist.items.find((i) => i.document === 'ktp_el_ibu');
    // Needed for a foreign child or for the combined path: both conditions are kept.
    expect(ibu?.when?.kind).toBe('any');
    expect(checklist.outputs).toContainEqual(expect.objectContaining({ document: 'akta_kelahiran' }));
  });
});

describe('checkAttachments', () => {
  const checklist = requirementsFor(get(national, 'kia_baru'), { subjectAgeYears: 7, hasBirthCertificate: true, foreign: false });

  it('lists what is missing and what looks misfiled', () => {
    const result = checkAttachments(checklist, ['akta_kelahiran', 'kk', 'surat_pindah']);
    expect(result.complete).toBe(false);
    expect(result.missing.map((i) => i.document).sort()).toEqual(['ktp_el_ayah', 'ktp_el_ibu', 'pas_foto']);
    expect(result.unexpected).toEqual(['surat_pindah']);
  });

  it('is complete when every required document is there', () => {
    const all: DocumentType[] = ['akta_kelahiran', 'kk', 'ktp_el_ayah', 'ktp_el_ibu', 'pas_foto'];
    expect(checkAttachments(checklist, all)).toEqual({ complete: true, missing: [], undetermined: [], unexpected: [] });
  });

  it('is not complete while a condition is undecided', () => {
    const open = requirementsFor(get(national, 'kia_baru'), { hasBirthCertificate: true, foreign: false });
    const result = checkAttachments(open, ['akta_kelahiran', 'kk', 'ktp_el_ayah', 'ktp_el_ibu']);
    expect(result.missing).toEqual([]);
    expect(result.undetermined.map((i) => i.document)).toEqual(['pas_foto']);
    expect(result.complete).toBe(false);
  });
});

describe('other services', () => {
  it('KTP-el enrolment is for 17+ or married, and only in person', () => {
    const rekam = get(national, 'ktp_el_rekam');
    expect(requirementsFor(rekam, {}).eligibility).toBe('unknown');
    expect(requirementsFor(rekam, { subjectAgeYears: 16 }).eligibility).toBe('ineligible');
    expect(requirementsFor(rekam, { subjectAgeYears: 16, everMarried: false }).eligibility).toBe('ineligible');
    expect(requirementsFor(rekam, { subjectAgeYears: 16, everMarried: true }).eligibility).toBe('eligible');
    expect(rekam.channels).not.toContain('whatsapp');
  });

  it('a death registration needs the notification, KK and the reporter’s KTP-el', () => {
    const checklist = requirementsFor(get(national, 'akta_kematian'));
    expect(docs(checklist, 'required')).toEqual(['kk', 'ktp_el_pelapor', 'surat_keterangan_kematian']);
    expect(checklist.fields.find((f) => f.field === 'subject_nik')?.label.id).toBe('NIK almarhum/almarhumah');
  });
});

describe('conditions', () => {
  it('are three-valued: unknown facts stay unknown through not/all/any', () => {
    const age5 = { kind: 'age_at_least', years: 5 } as const;
    expect(evaluateCondition(age5, {})).toBe('unknown');
    expect(evaluateCondition({ kind: 'not', condition: age5 }, {})).toBe('unknown');
    expect(evaluateCondition({ kind: 'all', of: [age5, { kind: 'foreign_child' }] }, { foreign: false })).toBe(false);
    expect(evaluateCondition({ kind: 'any', of: [age5, { kind: 'foreign_child' }] }, { foreign: true })).toBe(true);
    expect(evaluateCondition({ kind: 'any', of: [age5, { kind: 'foreign_child' }] }, { foreign: false })).toBe('unknown');
  });

  it('read naturally in both languages', () => {
    expect(describeCondition({ kind: 'all', of: [{ kind: 'not', condition: { kind: 'foreign_child' } }, { kind: 'no_birth_certificate' }] })).toEqual({
      id: 'anak WNI dan belum memiliki akta kelahiran',
      en: 'an Indonesian child and has no birth certificate yet',
    });
  });
});

describe("each service's own refusal", () => {
  const reasonFor = (code: string, context: RequirementContext) => requirementsFor(findService(SERVICES, code)!, context).eligibilityReason;
  it.each([
    ['ktp_el_rekam', { subjectAgeYears: 15 }, 'KTP-el hanya untuk penduduk yang sudah berusia 17 tahun atau sudah/pernah kawin.'],
    ['ktp_el_cetak', { subjectAgeYears: 15 }, 'KTP-el hanya untuk'],
    ['ktp_el_hilang', { subjectAgeYears: 16 }, 'KTP-el hanya untuk'],
    ['ktp_el_rusak', { subjectAgeYears: 16 }, 'KTP-el hanya untuk'],
    ['kk_pisah', { subjectAgeYears: 15 }, 'Pisah KK hanya untuk'],
    ['ikd_aktivasi', { subjectAgeYears: 15 }, 'Aktivasi IKD hanya untuk pemilik KTP-el'],
    ['kia_baru', { subjectAgeYears: 17 }, 'KIA hanya untuk anak di bawah 17 tahun'],
    ['kia_hilang', { subjectAgeYears: 16, everMarried: true }, 'KIA hanya untuk anak di bawah 17 tahun yang belum pernah kawin'],
  ] as const)('%s refuses with its own reason', (code, context, text) => {
    const reason = reasonFor(code, context);
    expect(reason?.id).toContain(text);
    if (!code.startsWith('kia')) expect(reason?.id).not.toContain('KIA hanya');
    expect(reason?.en.length).toBeGreaterThan(10);
  });

  it('every service with an eligibility rule has a reason in its own words, and eligible people get none', () => {
    for (const service of SERVICES.filter((s) => s.eligibility)) {
      expect(service.eligibilityReason, service.code).toBeDefined();
      expect(requirementsFor(service, {}).eligibilityReason).toBeUndefined();
    }
  });

  it('an edited service without a reason still names itself and its condition', () => {
    const edited = { ...findService(SERVICES, 'kk_pisah')!, eligibilityReason: undefined };
    expect(eligibilityReasonOf(edited).id).toBe('Pisah KK hanya untuk penduduk yang berusia 17 tahun ke atas atau sudah atau pernah kawin.');
  });
});

describe('requirement lists against current Dukcapil practice', () => {
  const nationalService = (code: string) => findService(national, code)!;
  const complete = (code: string, attached: DocumentType[], context: RequirementContext = {}) =>
    checkAttachments(requirementsFor(nationalService(code), context), attached).complete;

  it.each([
    // [case, service, attached, context, complete]
    ["a single mother's KIA: her KTP-el with the birth SPTJM, no father's KTP-el", 'kia_baru', ['akta_kelahiran', 'kk', 'ktp_el_ibu', 'sptjm_kelahiran'], { subjectAgeYears: 3, hasBirthCertificate: true, foreign: false }, true],
    ["a KIA with neither the father's KTP-el nor an SPTJM", 'kia_baru', ['akta_kelahiran', 'kk', 'ktp_el_ibu'], { subjectAgeYears: 3, hasBirthCertificate: true, foreign: false }, false],
    ['akta kematian with the SPTJM instead of a death letter', 'akta_kematian', ['sptjm_kematian', 'kk', 'ktp_el_pelapor'], {}, true],
    ['akta kematian with neither', 'akta_kematian', ['kk', 'ktp_el_pelapor'], {}, false],
    ['a new KK with the SPTJM perkawinan belum tercatat instead of the marriage book', 'kk_baru', ['sptjm_perkawinan', 'kk'], {}, true],
    ['a new KK with neither', 'kk_baru', ['kk'], {}, false],
  ] as const)('%s', (_case, code, attached, context, expected) => {
    expect(complete(code, [...attached], context)).toBe(expected);
  });
});

describe('the child’s NIK on the combined path (issue 11: a child "belum terdaftar")', () => {
  const nikNeed = (context: Parameters<typeof requirementsFor>[1]) => requirementsFor(get(banyumas, 'kia_baru'), context).fields.filter((f) => f.field === 'subject_nik');
  it.each([
    ['nothing known yet', {}, 'conditional'],
    ['a child with an akta', { hasBirthCertificate: true, foreign: false }, 'required'],
    ['a foreign child', { hasBirthCertificate: false, foreign: true }, 'required'],
    ['an Indonesian child with no akta', { hasBirthCertificate: false, foreign: false }, 'optional'],
  ] as const)('%s: the NIK is %s, and asked once', (_, context, need) => {
    const fields = nikNeed(context);
    expect(fields).toHaveLength(1);
    expect(fields[0]!.need).toBe(need);
  });

  it('a newborn with no NIK gets the akta, the KK with the child added, and the KIA', () => {
    const kia = get(banyumas, 'kia_baru');
    const newborn = requirementsFor(kia, { subjectAgeYears: 0, hasBirthCertificate: false, foreign: false, hasNik: false });
    expect(newborn.outputs.map((o) => o.document)).toEqual(['kia', 'akta_kelahiran', 'kk']);
    // A child already on the KK (with a NIK) but without an akta: the KK does not change.
    const registered = requirementsFor(kia, { subjectAgeYears: 6, hasBirthCertificate: false, foreign: false, hasNik: true });
    expect(registered.outputs.map((o) => o.document)).toEqual(['kia', 'akta_kelahiran']);
  });

  it('keeps other services’ NIK required', () => {
    for (const code of ['kia_hilang', 'kia_rusak', 'ktp_el_baru']) {
      const service = SERVICES.find((s) => s.code === code);
      if (!service) continue;
      expect(requirementsFor(service, { hasBirthCertificate: false, foreign: false }).fields.find((f) => f.field === 'subject_nik')?.need).toBe('required');
    }
  });
});
