import { describe, expect, it } from 'vitest';
import id from '../../i18n/id.js';
import { sessionFor, stepStatus } from './track-logic.js';

const now = Date.UTC(2026, 10, 23, 3);
const later = new Date(now + 3_600_000).toISOString();

describe('the tracking session and a receipt link (issue 11)', () => {
  const stored = { token: 't', expiresAt: later, ticket: 'KBR-26-000001' };
  it('keeps the tracked request on a reload without a ticket in the link, or with its own', () => {
    expect(sessionFor(stored, '', now)).toBe(stored);
    expect(sessionFor(stored, 'kbr-26-000001', now)).toBe(stored);
  });
  it('lets a link with another ticket win over the request tracked earlier in the tab', () => {
    expect(sessionFor(stored, 'KBR-26-000002', now)).toBeUndefined();
    // A session stored before tickets were kept with it cannot be matched: the link wins.
    expect(sessionFor({ token: 't', expiresAt: later }, 'KBR-26-000002', now)).toBeUndefined();
  });
  it('drops an expired session', () => {
    expect(sessionFor({ ...stored, expiresAt: new Date(now).toISOString() }, '', now)).toBeUndefined();
  });
});

describe('the steps of a returned request', () => {
  it('never shows "Berkas diperiksa petugas (sedang berlangsung)": the verify step is returned', () => {
    expect(stepStatus('returned', 'verify')).toBe('returned');
    expect(stepStatus('submitted', 'verify')).toBe('current');
    expect(stepStatus('returned', 'submit')).toBe('done');
    expect(stepStatus('returned', 'process')).toBe('pending');
    expect(id.citizen.track.stepReturned).toBe('dikembalikan kepada Bapak/Ibu — mohon lengkapi atau perbaiki berkas seperti diminta di bawah ini');
  });
});
