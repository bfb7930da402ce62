import { describe, expect, it } from 'vitest';
import { masked, SECRET_MASK, secretsOf, settledPayload } from './secrets.js';

describe('secrets in outbox rows', () => {
  it('masks every occurrence at any depth and leaves the rest alone', () => {
    const body = { type: 'text', text: { body: 'Tiket *KBR-26-000007*, PIN *482915*. Simpan PIN 482915.' }, list: ['482915', 7] };
    expect(masked(body, ['482915'])).toEqual({ type: 'text', text: { body: `Tiket *KBR-26-000007*, PIN *${SECRET_MASK}*. Simpan PIN ${SECRET_MASK}.` }, list: [SECRET_MASK, 7] });
    expect(masked(body, [])).toBe(body);
  });

  it('settles a payload: secrets masked, their list dropped, and marked; a payload without secrets is kept as it is', () => {
    const payload = { kind: 'pin_sent', ticket: 'KBR-26-000007', pin: '482915', secrets: ['482915'] };
    expect(settledPayload(payload)).toEqual({ kind: 'pin_sent', ticket: 'KBR-26-000007', pin: SECRET_MASK, secretsMasked: true });
    const plain = { kind: 'received', ticket: 'KBR-26-000007' };
    expect(settledPayload(plain)).toBe(plain);
  });

  it('ignores what is not a list of secrets, and secrets too short to mask safely', () => {
    expect(secretsOf({ secrets: 'x' })).toEqual([]);
    expect(secretsOf({ secrets: ['12', 482915, '482915'] })).toEqual(['482915']);
  });
});
