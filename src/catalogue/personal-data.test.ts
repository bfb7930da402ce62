import { describe, expect, it } from 'vitest';
import {
  PERSONAL_DATA_KINDS,
  PERSONAL_DATA_RETENTION,
  personalDataCutoff,
  personalDataDueAt,
  personalDataDueFor,
  redactAuditDetails,
  requestErasureFor,
} from './personal-data.js';

const DAY = 24 * 60 * 60 * 1000;
const closed = new Date('2026-11-23T08:15:00Z');

describe('purpose and period of each kind of personal data', () => {
  it('states a purpose and when the period starts in both languages, for every kind', () => {
    expect(Object.keys(PERSONAL_DATA_RETENTION).sort()).toEqual([...PERSONAL_DATA_KINDS].sort());
    for (const kind of PERSONAL_DATA_KINDS) {
      const rule = PERSONAL_DATA_RETENTION[kind];
      expect(rule.purpose.id, kind).toMatch(/^[A-Z].{20,}\.$/);
      expect(rule.purpose.en, kind).toMatch(/^[A-Z].{15,}\.$/);
      expect(rule.since.id, kind).not.toBe(rule.since.en);
      expect(rule.days, kind).toBeGreaterThan(0);
    }
  });

  it('keeps request data two years after closing, chats 90 days, codes a day, sent messages 30 days', () => {
    expect(PERSONAL_DATA_RETENTION.request_personal.days).toBe(730);
    expect(PERSONAL_DATA_RETENTION.chat_message.days).toBe(90);
    expect(PERSONAL_DATA_RETENTION.phone_verification.days).toBe(1);
    expect(PERSONAL_DATA_RETENTION.outbox_payload.days).toBe(30);
    expect(PERSONAL_DATA_RETENTION.audit_details.days).toBe(730);
  });
});

describe('personalDataDueFor', () => {
  it('is due exactly when the period has passed, not a millisecond before', () => {
    const due = personalDataDueAt('request_personal', closed);
    expect(due).toEqual(new Date(closed.getTime() + 730 * DAY));
    expect(personalDataDueFor('request_personal', closed, new Date(due.getTime() - 1))).toBe(false);
    expect(personalDataDueFor('request_personal', closed, due)).toBe(true);
  });

  it('is never due while the clock has not started (an open request)', () => {
    expect(personalDataDueFor('request_personal', null, new Date('2099-01-01T00:00:00Z'))).toBe(false);
  });

  it('the cutoff is the latest start that is due now', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    const cutoff = personalDataCutoff('phone_verification', now);
    expect(personalDataDueFor('phone_verification', cutoff, now)).toBe(true);
    expect(personalDataDueFor('phone_verification', new Date(cutoff.getTime() + 1), now)).toBe(false);
  });
});

describe('redactAuditDetails', () => {
  it('keeps codes and states, drops anything else (names, old and new values, free text), and marks the entry', () => {
    const redacted = redactAuditDetails({
      from: 'verifying',
      to: 'processing',
      reasonCode: 'kk_unreadable',
      changes: { subjectName: { from: 'Ayu', to: 'Ayu Lestari' } },
      reason: 'Ibu Sri minta dikoreksi',
      receivedBy: 'Sri Wahyuni',
    });
    expect(redacted).toEqual({ from: 'verifying', to: 'processing', reasonCode: 'kk_unreadable', redacted: true });
  });
});

describe('requestErasureFor', () => {
  const now = new Date('2027-01-10T00:00:00Z');
  it('refuses an open request: it must be cancelled first', () => {
    expect(requestErasureFor({ final: false, handedOver: false, closedAt: null }, now)).toEqual({ erase: false, reason: 'request_open' });
  });
  it('refuses a handed-over request inside the archive period, saying until when', () => {
    expect(requestErasureFor({ final: true, handedOver: true, closedAt: closed }, now)).toEqual({
      erase: false,
      reason: 'archive_period',
      until: new Date(closed.getTime() + 730 * DAY),
    });
  });
  it('erases a refused or cancelled request at once: nothing was issued', () => {
    expect(requestErasureFor({ final: true, handedOver: false, closedAt: closed }, now)).toEqual({ erase: true });
  });
});
