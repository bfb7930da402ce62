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
    for (const body of [null, 42, 'text', [], {}, { entry: [] }, { object: 7, entry: [] }]) {
      expect(parseWebhook(body, at)).toEqual({ ok: false });
    }
  });
  it('reads an envelope without a usable entry list as nothing to store, reported as malformed', () => {
    expect(parseWebhook({ object: 'whatsapp_business_account' }, at)).toMatchObject({ ok: true, messages: [], malformed: [{ path: 'entry', problem: 'missing' }] });
    expect(parseWebhook({ object: 'whatsapp_business_account', entry: 'x' }, at)).toMatchObject({ ok: true, messages: [], malformed: [{ path: 'entry', problem: 'not an array' }] });
  });
  it('skips a message without id or sender (malformed) and a status with an unknown value (ignored), keeping the rest', () => {
    const good = msg.text('6281200000001', 'halo');
    const parsed = parseWebhook(payload({ messages: [good, { type: 'text' } as never], statuses: [status('wamid.1', 'delivered', '62812'), { id: 'wamid.2', status: 'deleted' }] }), at);
    expect(parsed.ok && parsed.messages.map((m) => m.waMessageId)).toEqual([good.id]);
    expect(parsed.ok && parsed.statuses.map((s) => s.status)).toEqual(['delivered']);
    expect(parsed.ok && parsed.ignored).toBe(1);
    expect(parsed.ok && parsed.malformed).toEqual([{ path: 'entry[0].changes[0].value.messages[1]', problem: 'id: invalid_type, from: invalid_type' }]);
  });
  it('keeps the messages of the other changes when one change is broken, naming where without what', () => {
    const before = msg.text('6281200000001', 'satu');
    const after = msg.text('6281200000002', 'dua');
    const body = payload({ messages: [before] }, { messages: [msg.text('6281299999999', 'rahasia')] }, { messages: [after] });
    body.entry[0]!.changes[1]!.value = { ...body.entry[0]!.changes[1]!.value, metadata: { phone_number_id: 6281299999999 } } as never;
    const parsed = parseWebhook(body, at);
    if (!parsed.ok) throw new Error('expected ok');
    expect(parsed.messages.map((m) => m.waMessageId)).toEqual([before.id, after.id]);
    expect(parsed.malformed).toEqual([{ path: 'entry[0].changes[1].value', problem: 'metadata.phone_number_id: invalid_type' }]);
    expect(JSON.stringify(parsed.malformed)).not.toMatch(/6281299999999|rahasia/);
  });
  it('keeps a message whose timestamp or type is odd, and one whose contact list is not a list', () => {
    const m = { ...msg.text('62812', 'halo'), timestamp: { odd: true }, type: 12 };
    const body = payload({ messages: [m as never] });
    (body.entry[0]!.changes[0]!.value as Record<string, unknown>).contacts = 'Ibu Sri';
    const parsed = parseWebhook(body, at);
    if (!parsed.ok) throw new Error('expected ok');
    expect(parsed.messages[0]).toMatchObject({ waMessageId: m.id, type: 'unknown', sentAt: at, contactName: undefined });
    expect(parsed.malformed).toEqual([{ path: 'entry[0].changes[0].value.contacts', problem: 'not an array' }]);
  });
  it('treats a NUL in an id as malformed (PostgreSQL text refuses it) and never leaves half an emoji in a capped text', () => {
    const cut = msg.text('62812', `${'a'.repeat(4095)}😀`);
    const parsed = parseWebhook(payload({ messages: [{ ...msg.text('62812', 'x'), id: 'wamid.\u0000' }, cut] }), at);
    if (!parsed.ok) throw new Error('expected ok');
    expect(parsed.messages.map((m) => m.waMessageId)).toEqual([cut.id]);
    expect((parsed.messages[0]!.message as { text: { body: string } }).text.body).toBe(`${'a'.repeat(4095)}\ufffd`);
    expect(parsed.malformed[0]!.path).toBe('entry[0].changes[0].value.messages[0]');
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
