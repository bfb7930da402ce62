import { describe, expect, it } from 'vitest';
import { DAYS_AFTER_CLOSING, DOCUMENT_RETENTION, purgeDateFor, retentionFor, UNATTACHED_UPLOAD_DAYS } from './retention.js';
import { SERVICES } from './services.js';
import { DOCUMENT_TYPES } from './vocabulary.js';

const day = 24 * 60 * 60 * 1000;
const uploaded = new Date('2026-11-02T03:00:00Z');
const closed = new Date('2026-11-23T08:15:00Z');

describe('purpose and retention per document type', () => {
  it('states a purpose in Indonesian and English and a period for every document type the catalogue knows', () => {
    expect(Object.keys(DOCUMENT_RETENTION).sort()).toEqual([...DOCUMENT_TYPES].sort());
    for (const type of DOCUMENT_TYPES) {
      const rule = DOCUMENT_RETENTION[type];
      expect(rule.purpose.id, type).toMatch(/^[A-Z].{20,}\.$/);
      expect(rule.purpose.en, type).toMatch(/^[A-Z].{15,}\.$/);
      expect(rule.purpose.id, type).not.toBe(rule.purpose.en);
      expect(Number.isInteger(rule.daysAfterClosing) && rule.daysAfterClosing > UNATTACHED_UPLOAD_DAYS, type).toBe(true);
    }
  });

  it('covers every document any service asks for, alternatives included', () => {
    const asked = SERVICES.flatMap((s) => s.requirements.flatMap((r) => [r.document, ...(r.alternatives ?? [])]));
    for (const type of asked) expect(DOCUMENT_RETENTION[type], type).toBeDefined();
  });

  it('keeps no scan longer than the purpose needs: at most 90 days after closing, the photo 30', () => {
    expect(Math.max(...DOCUMENT_TYPES.map((t) => DOCUMENT_RETENTION[t].daysAfterClosing))).toBe(90);
    expect(DOCUMENT_RETENTION.pas_foto.daysAfterClosing).toBe(30);
    // The photo is taken only for the KIA (age 5+); the KTP-el's photo is captured at enrolment, so its purpose must not name the KTP-el.
    expect(DOCUMENT_RETENTION.pas_foto.purpose.id).toBe('Untuk dicetak pada KIA anak berusia 5 tahun ke atas.');
    expect(DOCUMENT_RETENTION.pas_foto.purpose.id).not.toContain('KTP-el');
  });
});

describe('purgeDateFor', () => {
  it('counts the period of a closed request from the moment it closed, not from the upload', () => {
    expect(purgeDateFor('kk', closed, uploaded)).toEqual(new Date(closed.getTime() + 90 * day));
    expect(purgeDateFor('akta_kelahiran', closed, uploaded).toISOString()).toBe('2027-02-21T08:15:00.000Z');
  });

  it("gives the child's photo its shorter period", () => {
    expect(purgeDateFor('pas_foto', closed, uploaded)).toEqual(new Date(closed.getTime() + 30 * day));
  });

  it('purges an upload that never became part of a request 7 days after it was uploaded', () => {
    expect(purgeDateFor('kk', null, uploaded).toISOString()).toBe('2026-11-09T03:00:00.000Z');
    expect(purgeDateFor(null, null, uploaded)).toEqual(new Date(uploaded.getTime() + 7 * day));
  });

  it('keeps a scan of unknown or missing type (a chat photo) for the default period after closing', () => {
    expect(purgeDateFor(null, closed, uploaded)).toEqual(new Date(closed.getTime() + DAYS_AFTER_CLOSING * day));
    expect(purgeDateFor('rapor_sekolah', closed, uploaded)).toEqual(new Date(closed.getTime() + DAYS_AFTER_CLOSING * day));
    expect(retentionFor('rapor_sekolah').purpose.id).toMatch(/permohonan/);
  });
});
