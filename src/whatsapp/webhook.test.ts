import { describe, expect, it } from 'vitest';
import { msg, payload, status } from '../test-support/whatsapp.js';
import { parseWebhook, signatureIsValid, signBody, statusRank } from './webhook.js';

const at = new Date('2026-11-23T02:00:00Z');

describe('signatureIsValid', () => {
  const body = Buffer.from('{"object":"whatsapp_business_account"}');
  it('accepts the HMAC-SHA256 of the raw bytes and nothing else', () => {
    expect(signatureIsValid(body, signBody(body, 's3cret'), 's3cret')).toBe(true);
    expect(signatureIsValid(body, signBody(body, 'other'), 's3cret')).toBe(false);
    expect(signatureIsValid(Buffer.from(`${body} `), signBody(body, 's3cret'), 's3cret')).toBe(false);
  });
  it('refuses a missing, short, non-hex or other-algorithm header without throwing', () => {
    for (const header of [undefined, '', 'sha256=', 'sha256=abcd', `sha1=${'0'.repeat(40)}`, `sha256=${'z'.repeat(64)}`]) {
      expect(signatureIsValid(body, header, 's3cret')).toBe(false);
    }
  });
});

describe('parseWebhook', () => {
  it('refuses bodies without the envelope', () => {
    for (const body of [null, 42, 'text', [], {}, { object: 'whatsapp_business_account' }, { object: 'whatsapp_business_account', entry: 'x' }]) {
      expect(parseWebhook(body, at)).toEqual({ ok: false });
    }
  });
  it('skips a message without id or sender and a status with an unknown value, keeping the rest', () => {
    const good = msg.text('6281200000001', 'halo');
    const parsed = parseWebhook(payload({ messages: [good, { type: 'text' } as never], statuses: [status('wamid.1', 'delivered', '62812'), { id: 'wamid.2', status: 'deleted' }] }), at);
    expect(parsed.ok && parsed.messages.map((m) => m.waMessageId)).toEqual([good.id]);
    expect(parsed.ok && parsed.statuses.map((s) => s.status)).toEqual(['delivered']);
    expect(parsed.ok && parsed.ignored).toBe(2);
  });
  it('takes the time of the message from Meta, and the error of a failed status', () => {
    const parsed = parseWebhook(payload({ messages: [msg.text('62812', 'x', new Date('2026-11-20T01:02:03Z'))], statuses: [status('wamid.9', 'failed', '62812', at, 131047)] }), at);
    if (!parsed.ok) throw new Error('expected ok');
    expect(parsed.messages[0]!.sentAt.toISOString()).toBe('2026-11-20T01:02:03.000Z');
    expect(parsed.statuses[0]).toMatchObject({ status: 'failed', errorCode: 131047 });
  });
  it('drops NUL characters PostgreSQL cannot store in jsonb', () => {
    const parsed = parseWebhook(payload({ messages: [msg.text('62812', 'a\u0000b')] }), at);
    expect(parsed.ok && parsed.messages[0]!.message).toMatchObject({ text: { body: 'ab' } });
  });
  it('drops a NUL from the contact name (a text column) and replaces a lone surrogate, which jsonb refuses too', () => {
    const parsed = parseWebhook(payload({ contacts: [{ waId: '62812', name: 'Sri\u0000 \ud800' }], messages: [msg.text('62812', 'halo \udc00')] }), at);
    if (!parsed.ok) throw new Error('expected ok');
    expect(parsed.messages[0]).toMatchObject({ contactName: 'Sri \ufffd', message: { text: { body: 'halo \ufffd' } } });
  });
  it('caps a long text without leaving half an emoji behind', () => {
    const parsed = parseWebhook(payload({ messages: [msg.text('62812', `${'a'.repeat(4095)}👶`)] }), at);
    if (!parsed.ok) throw new Error('expected ok');
    expect(parsed.messages[0]!.message).toMatchObject({ text: { body: `${'a'.repeat(4095)}\ufffd` } });
  });
});

describe('statusRank', () => {
  it('orders sent < delivered < read < failed, and nothing below sent', () => {
    expect([null, 'sent', 'delivered', 'read', 'failed'].map(statusRank)).toEqual([0, 1, 2, 3, 99]);
  });
});
