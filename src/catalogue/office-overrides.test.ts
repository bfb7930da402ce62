/** An office's own version of a service, merged into the catalogue it works with. */
import { describe, expect, it } from 'vitest';
import { catalogueFor, findService, requirementsFor, ServiceOverrideSchema, slaFor } from './catalogue.js';

describe('office overrides in the catalogue', () => {
  it('leaves a switched-off service out of what the office offers, but keeps it for requests taken in before', () => {
    const overrides = [{ serviceCode: 'ikd_aktivasi', enabled: false }];
    expect(findService(catalogueFor({ kiaRuleSet: 'national', overrides }), 'ikd_aktivasi')).toBeUndefined();
    expect(findService(catalogueFor({ kiaRuleSet: 'national', overrides }, undefined, { includeDisabled: true }), 'ikd_aktivasi')).toBeDefined();
  });

  it("replaces the rule set's requirement list with the office's own, and the base standard, not the channel's", () => {
    const overrides = [
      { serviceCode: 'kia_baru', enabled: true, requirements: [{ need: 'required' as const, document: 'kk' as const }], slaWorkingDays: 2 },
    ];
    const kia = findService(catalogueFor({ kiaRuleSet: 'banyumas_2022', overrides }), 'kia_baru')!;
    expect(requirementsFor(kia, { subjectAgeYears: 7 }).items.map((i) => i.document)).toEqual(['kk']);
    expect(slaFor(kia, 'whatsapp')).toBe(2);
    expect(slaFor(kia, 'walk_in')).toBe(0);
  });

  it('keeps the shipped list where the office set only the standard', () => {
    const kia = findService(catalogueFor({ kiaRuleSet: 'national', overrides: [{ serviceCode: 'kia_baru', enabled: true, slaWorkingDays: null }] }), 'kia_baru')!;
    expect(kia.requirements).toEqual(findService(catalogueFor({ kiaRuleSet: 'national' }), 'kia_baru')!.requirements);
    expect(kia.slaWorkingDays).toBe(1);
  });

  it('refuses an empty list, an unknown document and a photo size on a non-photo', () => {
    const base = { serviceCode: 'kia_baru', enabled: true };
    expect(ServiceOverrideSchema.safeParse({ ...base, requirements: [] }).success).toBe(false);
    expect(ServiceOverrideSchema.safeParse({ ...base, requirements: [{ need: 'required', document: 'ijazah' }] }).success).toBe(false);
    expect(
      ServiceOverrideSchema.safeParse({ ...base, requirements: [{ need: 'required', document: 'kk', photo: { widthCm: 3, heightCm: 4, colour: true } }] }).success,
    ).toBe(false);
    expect(ServiceOverrideSchema.safeParse({ ...base, slaWorkingDays: 31 }).success).toBe(false);
  });
});
