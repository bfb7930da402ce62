import { describe, expect, it } from 'vitest';
import { homeDeliveryOffered, isElderly, priorityOf, priorityReasonOf, recordSpecialNeeds } from './special-needs.js';
import { SpecialNeedsInput } from './special-needs-schema.js';

const at = new Date('2026-12-04T02:00:00Z');
const stated = (over: Partial<SpecialNeedsInput>) => SpecialNeedsInput.parse({ disabled: false, consent: true, ...over });

describe('recording what an applicant states', () => {
  it('keeps a disability with its kinds and the help wanted, in a fixed order, with the consent', () => {
    const read = recordSpecialNeeds(stated({ disabled: true, kinds: ['rungu', 'fisik', 'fisik'], accommodations: ['home_delivery', 'home_visit'] }), false, at);
    expect(read).toEqual({
      ok: true,
      needs: { disabled: true, elderly: false, kinds: ['fisik', 'rungu'], accommodations: ['home_visit', 'home_delivery'], consent: { purpose: 'special_service', at: at.toISOString() } },
    });
  });

  it('keeps nothing when nothing is stated', () => {
    expect(recordSpecialNeeds(stated({ consent: false }), false, at)).toEqual({ ok: true, needs: null });
  });

  it.each([
    ['a disability without consent', { disabled: true, kinds: ['netra'], consent: false }, false, 'consent_required'],
    ['a disability without its kind', { disabled: true }, false, 'kind_required'],
    ['kinds for a person not disabled', { elderly: true, kinds: ['mental'] }, false, 'kinds_without_disability'],
    ['help for a person neither disabled nor elderly', { accommodations: ['home_delivery'] }, false, 'accommodations_without_need'],
  ] as const)('refuses %s', (_, over, elderlyByAge, problem) => {
    expect(recordSpecialNeeds(stated(over as Partial<SpecialNeedsInput>), elderlyByAge, at)).toEqual({ ok: false, problem });
  });

  it('needs no consent for an elderly person\'s help alone: an age is not health data', () => {
    const read = recordSpecialNeeds(stated({ elderly: true, accommodations: ['accompany'], consent: false }), false, at);
    expect(read).toEqual({ ok: true, needs: { disabled: false, elderly: true, kinds: [], accommodations: ['accompany'], consent: null } });
  });

  it('lets an elderly person by birth date ask for help without saying so', () => {
    const read = recordSpecialNeeds(stated({ accommodations: ['home_delivery'] }), true, at);
    expect(read.ok && read.needs).toMatchObject({ disabled: false, elderly: true, accommodations: ['home_delivery'] });
  });

  it('refuses a note with control characters at the boundary', () => {
    expect(SpecialNeedsInput.safeParse({ disabled: true, consent: true, kinds: ['fisik'], note: 'kursi\u0000roda' }).success).toBe(false);
  });
});

describe('who the special service is for', () => {
  it('is 60 and over on the day, from the birth date', () => {
    expect(isElderly('1966-12-04', '2026-12-04')).toBe(true);
    expect(isElderly('1966-12-05', '2026-12-04')).toBe(false);
    expect(isElderly(undefined, '2026-12-04')).toBe(false);
  });

  it('offers home delivery to a disabled or elderly person only — the same rule for every channel', () => {
    expect(homeDeliveryOffered({ disabled: true, elderly: false })).toBe(true);
    expect(homeDeliveryOffered({ disabled: false, elderly: true })).toBe(true);
    expect(homeDeliveryOffered({ disabled: false, elderly: false })).toBe(false);
  });

  it('puts disabled and elderly people first, with the reason in words', () => {
    const needs = recordSpecialNeeds(stated({ disabled: true, kinds: ['fisik'] }), false, at);
    const record = needs.ok ? needs.needs : null;
    expect(priorityReasonOf(record, false)).toBe('disabilitas');
    expect(priorityReasonOf(record, true)).toBe('disabilitas_lansia');
    expect(priorityReasonOf(null, true)).toBe('lansia');
    expect(priorityReasonOf(null, false)).toBeNull();
    expect(priorityOf('lansia')).toBeLessThan(priorityOf(null));
  });
});
