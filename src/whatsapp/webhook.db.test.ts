import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outbox, whatsappInbound } from '../db/schema.js';
import { testApp, TEST_WHATSAPP_ENV, type TestApp } from '../test-support/app.js';
import { msg, payload, PHONE_NUMBER_ID, postWebhook, status, wamid } from '../test-support/whatsapp.js';
import { INBOUND_ROWS_PER_INSERT, insertInboundReturningIds } from './storage.js';

let t: TestApp;
const logLines: string[] = [];
beforeAll(async () => {
  t = await testApp({ logLines });
});
afterAll(() => t.close());

const inbound = () => t.db.select().from(whatsappInbound).orderBy(whatsappInbound.id);
const WARGA = '6281227001234';

describe('webhook verification (GET)', () => {
  it('echoes hub.challenge as text/plain when the verify token matches', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${TEST_WHATSAPP_ENV.WHATSAPP_VERIFY_TOKEN}&hub.challenge=1158201444` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toBe('1158201444');
  });

  it.each([
    ['a wrong token', 'hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1'],
    ['a wrong mode', `hub.mode=unsubscribe&hub.verify_token=${TEST_WHATSAPP_ENV.WHATSAPP_VERIFY_TOKEN}&hub.challenge=1`],
    ['no parameters', ''],
  ])('refuses %s with 403', async (_name, query) => {
    const res = await t.app.inject({ method: 'GET', url: `/webhooks/whatsapp?${query}` });
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain('1');
  });
});

describe('webhook delivery (POST)', () => {
  beforeEach(async () => {
    await t.db.delete(whatsappInbound);
  });

  it('stores a signed text message with its contact name and answers 200', async () => {
    const m = msg.text(WARGA, 'halo');
    const res = await postWebhook(t, payload({ contacts: [{ waId: WARGA, name: 'Ibu Sri' }], messages: [m] }));
    expect(res.statusCode).toBe(200);
    const rows = await inbound();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ waMessageId: m.id, waId: WARGA, contactName: 'Ibu Sri', type: 'text', officeCode: '33.02.20', status: 'pending' });
    expect(rows[0]!.message).toMatchObject({ text: { body: 'halo' } });
  });

  it('refuses a missing signature (401) and a wrong one (403), storing nothing', async () => {
    const body = payload({ messages: [msg.text(WARGA, 'halo')] });
    expect((await postWebhook(t, body, { signature: null })).statusCode).toBe(401);
    expect((await postWebhook(t, body, { signature: 'sha256=' + '0'.repeat(64) })).statusCode).toBe(403);
    expect((await postWebhook(t, body, { signature: 'sha256=abc' })).statusCode).toBe(403);
    expect((await postWebhook(t, body, { signature: 'md5=whatever' })).statusCode).toBe(403);
    expect(await inbound()).toHaveLength(0);
  });

  it('checks the signature over the raw bytes: Meta escapes / and non-ASCII, re-serialising would not match', async () => {
    const m = msg.text(WARGA, 'x');
    const raw = JSON.stringify(payload({ contacts: [{ waId: WARGA, name: 'Ibu Sri' }], messages: [m] }))
      .replace('"x"', '"tanggal 1\\/2, caf\\u00e9"');
    const res = await postWebhook(t, undefined, { raw });
    expect(res.statusCode).toBe(200);
    expect((await inbound())[0]!.message).toMatchObject({ text: { body: 'tanggal 1/2, café' } });
  });

  it('answers a signed body that is not JSON with a problem+json 400 and stays healthy', async () => {
    const res = await postWebhook(t, undefined, { raw: '{"object": "whatsapp_business_account", "entry": [' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().detail).toMatch(/bukan JSON/);
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it('stores every message of every entry and change, matching contacts by wa_id, not by position', async () => {
    const other = '6285700001111';
    const m1 = msg.text(WARGA, 'satu');
    const m2 = msg.text(other, 'dua');
    const m3 = msg.button(WARGA, 'menu.status', 'Cek status');
    const body = payload(
      { contacts: [{ waId: other, name: 'Pak Budi' }, { waId: WARGA, name: 'Ibu Sri' }], messages: [m1, m2] },
      { contacts: [{ waId: WARGA, name: 'Ibu Sri' }], messages: [m3] },
    );
    body.entry.push({ ...body.entry[0]!, changes: [payload({ messages: [msg.location(other)] }).entry[0]!.changes[0]!] });
    expect((await postWebhook(t, body)).statusCode).toBe(200);
    const rows = await inbound();
    expect(rows).toHaveLength(4);
    expect(rows.find((r) => r.waMessageId === m2.id)).toMatchObject({ waId: other, contactName: 'Pak Budi' });
    expect(rows.find((r) => r.waMessageId === m1.id)).toMatchObject({ waId: WARGA, contactName: 'Ibu Sri' });
    expect(rows.find((r) => r.waMessageId === m3.id)).toMatchObject({ type: 'interactive' });
  });

  it('keeps every documented message type, unknown ones included', async () => {
    const types = [
      msg.text(WARGA, 'halo'),
      msg.button(WARGA, 'ya', 'Ya'),
      msg.list(WARGA, 'svc.kia', 'KIA'),
      msg.image(WARGA, '1234567890'),
      msg.document(WARGA, '1234567891'),
      msg.voice(WARGA),
      msg.location(WARGA),
      msg.reaction(WARGA, wamid()),
      msg.unsupported(WARGA),
      { from: WARGA, id: wamid(), timestamp: '1764000000', type: 'hologram', hologram: { depth: 3 }, novel_field: true },
    ];
    expect((await postWebhook(t, payload({ messages: types }))).statusCode).toBe(200);
    expect((await inbound()).map((r) => r.type)).toEqual(['text', 'interactive', 'interactive', 'image', 'document', 'audio', 'location', 'reaction', 'unsupported', 'hologram']);
  });

  it('stores a message delivered twice — one after the other or at the same moment — once', async () => {
    const m = msg.text(WARGA, 'halo');
    const body = payload({ messages: [m] });
    await postWebhook(t, body);
    const again = await Promise.all([postWebhook(t, body), postWebhook(t, body), postWebhook(t, body)]);
    expect(again.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(await inbound()).toHaveLength(1);
  });

  it('caps an absurdly long text and ignores other fields and objects', async () => {
    const long = msg.text(WARGA, 'a'.repeat(100_000));
    const res = await postWebhook(t, payload({ messages: [long] }, { field: 'account_update', messages: [msg.text(WARGA, 'not a message change')] }));
    expect(res.statusCode).toBe(200);
    const rows = await inbound();
    expect(rows).toHaveLength(1);
    expect(((rows[0]!.message as { text: { body: string } }).text.body).length).toBe(4096);
    const page = await postWebhook(t, { object: 'page', entry: [{ id: '1', changes: [] }] });
    expect(page.statusCode).toBe(200);
    expect(await inbound()).toHaveLength(1);
  });

  it('stores a signed delivery of 10,000 messages (more than one INSERT can carry) exactly once, and a redelivery adds nothing', async () => {
    const messages = Array.from({ length: 10_000 }, (_, i) => msg.text(i % 2 ? WARGA : '6285700001111', `pesan ${i}`));
    const body = payload({ contacts: [{ waId: WARGA, name: 'Ibu Sri' }], messages: messages.slice(0, 5_000) }, { messages: messages.slice(5_000) });
    const res = await postWebhook(t, body);
    expect(res.statusCode).toBe(200);
    const count = async () => (await t.db.select({ id: whatsappInbound.waMessageId }).from(whatsappInbound)).length;
    expect(await count()).toBe(10_000);
    const ids = new Set((await t.db.select({ id: whatsappInbound.waMessageId }).from(whatsappInbound)).map((r) => r.id));
    expect(messages.every((m) => ids.has(m.id))).toBe(true);
    expect((await postWebhook(t, body)).statusCode).toBe(200);
    expect(await count()).toBe(10_000);
  }, 120_000);

  it('stores a delivery of several chunks in one transaction: a failing last chunk leaves nothing behind', async () => {
    const at = t.clock.now();
    const rows = Array.from({ length: INBOUND_ROWS_PER_INSERT * 2 + 1 }, (_, i) => ({
      waMessageId: wamid(), phoneNumberId: PHONE_NUMBER_ID, officeCode: '33.02.20', waId: WARGA, contactName: undefined, type: 'text',
      message: { text: { body: `pesan ${i}` } }, sentAt: at, receivedAt: at,
    }));
    rows.at(-1)!.sentAt = new Date(Number.NaN);
    await expect(insertInboundReturningIds(t.db, rows)).rejects.toThrow();
    expect(await inbound()).toHaveLength(0);
  });

  it('stores the valid messages around a malformed change and logs the broken one by place, not by content', async () => {
    const before = msg.text(WARGA, 'sebelum');
    const after = msg.text(WARGA, 'sesudah');
    const broken = msg.text('6289911112222', 'isi rahasia');
    const body = payload({ messages: [before] }, { contacts: [{ waId: '6289911112222', name: 'Nama Rahasia' }], messages: [broken] }, { messages: [after] });
    // A change without its `field`: the whole delivery used to be refused with 400, on every retry.
    delete (body.entry[0]!.changes[1] as { field?: string }).field;
    logLines.length = 0;
    const res = await postWebhook(t, body);
    expect(res.statusCode).toBe(200);
    expect((await inbound()).map((r) => r.waMessageId).sort()).toEqual([before.id, after.id].sort());
    const warning = logLines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'webhook: malformed elements skipped');
    expect(warning).toMatchObject({ malformed: 1, elements: [{ path: 'entry[0].changes[1]', problem: 'field: invalid_type' }] });
    expect(logLines.join('\n')).not.toMatch(/6289911112222|rahasia|Rahasia|sebelum|sesudah/);
  });

  it('stores the rest when one message carries what PostgreSQL cannot hold (a NUL in its id, a lone surrogate, an absurd timestamp)', async () => {
    const good = msg.text(WARGA, 'halo');
    const odd = { ...msg.text(WARGA, 'x'), timestamp: '99999999999999999', text: { body: 'a\ud800b' } };
    const res = await postWebhook(t, payload({ messages: [{ ...msg.text(WARGA, 'nul'), id: 'wamid.\u0000x' }, good, odd] }));
    expect(res.statusCode).toBe(200);
    const rows = await inbound();
    expect(rows.map((r) => r.waMessageId)).toEqual([good.id, odd.id]);
    expect(rows[1]!.message).toMatchObject({ text: { body: 'a\ufffdb' } });
  });

  it('drops messages for a business number this installation does not serve', async () => {
    const res = await postWebhook(t, payload({ phoneNumberId: '999999999', messages: [msg.text(WARGA, 'halo')] }));
    expect(res.statusCode).toBe(200);
    expect(await inbound()).toHaveLength(0);
  });
});

describe('delivery statuses', () => {
  async function sentMessage() {
    const providerMessageId = wamid();
    const now = t.clock.now();
    const [row] = await t.db
      .insert(outbox)
      .values({ officeCode: '33.02.20', recipient: WARGA, kind: 'bot.reply', payload: {}, status: 'sent', createdAt: now, nextAttemptAt: now, providerMessageId, deliveryStatus: 'sent' })
      .returning();
    return { id: row!.id, providerMessageId };
  }
  const deliveryOf = async (id: number) => (await t.db.select().from(outbox).where(eq(outbox.id, id)))[0]!.deliveryStatus;

  it.each([
    [['delivered', 'read'], 'read'],
    [['read', 'delivered'], 'read'],
    [['read', 'sent', 'delivered'], 'read'],
    [['delivered', 'failed', 'read'], 'failed'],
    [['failed', 'delivered'], 'failed'],
  ] as const)('only move forward: %j ends as %s', async (order, final) => {
    const { id, providerMessageId } = await sentMessage();
    for (const s of order) expect((await postWebhook(t, payload({ statuses: [status(providerMessageId, s, WARGA)] }))).statusCode).toBe(200);
    expect(await deliveryOf(id)).toBe(final);
  });

  it('accepts all statuses of one body in any order, and a status for an unknown message quietly', async () => {
    const { id, providerMessageId } = await sentMessage();
    const res = await postWebhook(t, payload({ statuses: [status(providerMessageId, 'read', WARGA), status(providerMessageId, 'delivered', WARGA), status(wamid(), 'delivered', WARGA)] }));
    expect(res.statusCode).toBe(200);
    expect(await deliveryOf(id)).toBe('read');
  });
});

describe('several business numbers on one installation', () => {
  it('an admin points a second number at another office; its messages belong to that office', async () => {
    await t.addOffice('33.02.21', 'PWK');
    const admin = await t.signedIn('admin', '33.02.21');
    const put = await admin.send('PUT', '/api/v1/offices/33.02.21/whatsapp/numbers/109876543210987', { displayPhone: '0281-555-0101' });
    expect(put.statusCode).toBe(200);
    expect(put.json().number).toMatchObject({ officeCode: '33.02.21', templates: { 'request.*': { name: 'kencot_status_permohonan', language: 'id' } } });
    const operator = await t.signedIn('operator', '33.02.21');
    expect((await operator.send('PUT', '/api/v1/offices/33.02.21/whatsapp/numbers/109876543210987', {})).statusCode).toBe(403);
    const bad = await admin.send('PUT', '/api/v1/offices/33.02.21/whatsapp/numbers/109876543210987', { templates: { 'request.*': { name: 'Bad Name!', language: 'id' } } });
    expect(bad.statusCode).toBe(400);

    await t.db.delete(whatsappInbound);
    const m = msg.text(WARGA, 'halo');
    const n = msg.text(WARGA, 'halo juga');
    await postWebhook(t, payload({ phoneNumberId: '109876543210987', messages: [m] }, { messages: [n] }));
    const rows = await inbound();
    expect(rows.find((r) => r.waMessageId === m.id)!.officeCode).toBe('33.02.21');
    expect(rows.find((r) => r.waMessageId === n.id)!.officeCode).toBe('33.02.20');
  });
});
