import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outbox, whatsappConversations, whatsappNumbers } from '../db/schema.js';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { testApp, TEST_WHATSAPP_ENV, type TestApp } from '../test-support/app.js';
import { KIA_DETAILS } from '../test-support/requests.js';
import { payload, postWebhook, status } from '../test-support/whatsapp.js';
import { startGraphStandIn } from './simulator/graph-standin.js';
import * as store from './storage.js';

let t: TestApp;
let graph: Awaited<ReturnType<typeof startGraphStandIn>>;
let operator: Awaited<ReturnType<TestApp['signedIn']>>;
beforeAll(async () => {
  t = await testApp();
  graph = await startGraphStandIn({ accessToken: TEST_WHATSAPP_ENV.WHATSAPP_ACCESS_TOKEN, now: () => t.clock.now() });
  t.whatsapp.setGraphUrl(graph.url);
  operator = await t.signedIn('operator');
});
afterAll(async () => {
  await graph.close();
  await t.close();
});

let phoneSeq = 0;
let phone = '';
beforeEach(() => {
  graph.clearFaults();
  phone = `62812270${String(++phoneSeq).padStart(5, '0')}`;
});

// A boy born 14 May 2019, one per request: a second open KIA request for the same child is refused.
let boys = 0;
async function walkIn() {
  const res = await operator.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/requests`, {
    serviceCode: 'kia_baru',
    desaCode: '33.02.20.2001',
    applicant: { name: 'Sri Lestari', phone: `0${phone.slice(2)}`, relation: 'ibu' },
    subject: { nik: `33022014051900${String(++boys).padStart(2, '0')}`, name: 'Anak Lestari', birthDate: '2019-05-14', sex: 'L' },
    details: KIA_DETAILS,
  });
  expect(res.statusCode).toBe(201);
  return res.json().request as { id: string; ticket: string };
}

/** The user wrote `ago` milliseconds before now: the 24-hour window is open if ago < 24 h. */
async function userWrote(ago: number) {
  const now = t.clock.now();
  await t.db.transaction(async (tx) => {
    const c = await store.lockConversation(tx, DEMO_OFFICE_CODE, phone, now);
    await store.updateConversation(tx, c.id, { lastInboundAt: new Date(now.getTime() - ago) });
  });
}

const rowsTo = () => t.db.select().from(outbox).where(eq(outbox.recipient, phone)).orderBy(outbox.id);
const bodies = () => graph.sentTo(phone).map((m) => m.body as Record<string, any>); // any: Cloud API JSON under test

describe('sending request notifications', () => {
  it('uses the approved template outside the 24-hour window, with the ticket and office as parameters', async () => {
    const { ticket } = await walkIn();
    await t.whatsapp.drain();
    const [sent] = bodies();
    expect(sent).toMatchObject({ messaging_product: 'whatsapp', to: phone, type: 'template', template: { name: 'kencot_status_permohonan', language: { code: 'id' } } });
    expect(sent!.template.components[0].parameters.map((p: { text: string }) => p.text)).toEqual([ticket, 'Kecamatan Kembaran', 'sudah diterima']);
    const [row] = await rowsTo();
    expect(row).toMatchObject({ status: 'sent', deliveryStatus: 'sent', providerMessageId: graph.sentTo(phone)[0]!.id });
  });

  it('sends free-form text inside the window, in the conversation language', async () => {
    await userWrote(60_000);
    const { ticket } = await walkIn();
    await t.whatsapp.drain();
    const [sent] = bodies();
    expect(sent).toMatchObject({ type: 'text' });
    expect(sent!.text.body).toContain(ticket);
    expect(sent!.text.body).toMatch(/sudah kami terima/);
  });

  it('never sends again what Meta accepted', async () => {
    await walkIn();
    await t.whatsapp.drain();
    t.clock.advance(3600_000);
    await t.whatsapp.drain();
    expect(graph.sentTo(phone)).toHaveLength(1);
  });

  it('waits out 500s and rate limits (130429, 131056) and keeps one person’s messages in order', async () => {
    await userWrote(60_000);
    const first = await walkIn();
    await operator.post(`/api/v1/requests/${first.id}/actions`, { action: 'verify_return', payload: { reasons: [{ code: 'missing_document', document: 'kk' }] } });
    await operator.post(`/api/v1/requests/${first.id}/actions`, { action: 'cancel', payload: {} });
    graph.failNext({ status: 500 }, 1);
    graph.failNext({ status: 429, code: 130429, title: 'Rate limit hit' }, 1);
    graph.failNext({ status: 400, code: 131056, title: 'Pair rate limit hit' }, 1);
    await t.whatsapp.drain();
    expect(graph.sentTo(phone)).toHaveLength(0);
    const waiting = await rowsTo();
    expect(waiting.map((r) => r.status)).toEqual(['pending', 'pending', 'pending']);
    expect(waiting[0]!.attempts).toBe(1);
    expect(waiting[1]!.attempts).toBe(0); // the later ones waited their turn
    for (let i = 0; i < 4; i++) {
      t.clock.advance(60_000);
      await t.whatsapp.drain();
    }
    const texts = bodies().map((b) => b.text.body as string);
    expect(texts).toHaveLength(3);
    expect(texts[0]).toMatch(/sudah kami terima/);
    expect(texts[1]).toMatch(/perlu dilengkapi[\s\S]*Kartu Keluarga/);
    expect(texts[2]).toMatch(/dibatalkan/);
    expect((await rowsTo()).map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
  });

  it('falls back to the template when Meta answers 131047 (window closed after all)', async () => {
    await userWrote(60_000);
    await walkIn();
    graph.failNext({ status: 400, code: 131047, title: 'Re-engagement message' });
    await t.whatsapp.drain();
    expect(bodies().map((b) => b.type)).toEqual(['template']);
  });

  it('falls back to the template when the 131047 arrives later as a failed status', async () => {
    await userWrote(60_000);
    await walkIn();
    await t.whatsapp.drain();
    const [text] = graph.sentTo(phone);
    expect(text!.body.type).toBe('text');
    expect((await postWebhook(t, payload({ statuses: [status(text!.id, 'failed', phone, undefined, 131047)] }))).statusCode).toBe(200);
    await t.whatsapp.drain();
    expect(bodies().map((b) => b.type)).toEqual(['text', 'template']);
    expect((await rowsTo()).map((r) => r.deliveryStatus)).toEqual(['failed', 'sent']);
  });

  it('gives up on a permanent error and flags the conversation for staff', async () => {
    await walkIn();
    graph.failNext({ status: 400, code: 131026, title: 'Message undeliverable' });
    await t.whatsapp.drain();
    const [row] = await rowsTo();
    expect(row).toMatchObject({ status: 'failed', deliveryStatus: 'failed' });
    expect(row!.lastError).toMatch(/131026/);
    const [conversation] = await t.db.select().from(whatsappConversations).where(eq(whatsappConversations.waId, phone));
    expect(conversation!.waitingForStaff).toBe(true);
  });

  it('alerts staff instead of sending when no template is configured and the window is closed', async () => {
    await t.db.update(whatsappNumbers).set({ templates: {} });
    try {
      await walkIn();
      await t.whatsapp.drain();
      expect(graph.sentTo(phone)).toHaveLength(0);
      expect((await rowsTo())[0]).toMatchObject({ status: 'failed', lastError: 'no_template' });
      const [conversation] = await t.db.select().from(whatsappConversations).where(eq(whatsappConversations.waId, phone));
      expect(conversation!.waitingForStaff).toBe(true);
    } finally {
      await t.db.update(whatsappNumbers).set({ templates: { 'request.*': { name: 'kencot_status_permohonan', language: 'id' }, 'verification.code': { name: 'kencot_kode_verifikasi', language: 'id' } } });
    }
  });

  it('sends a web applicant’s confirmation code as the authentication template with its copy-code button', async () => {
    const now = t.clock.now();
    await t.db.insert(outbox).values({ officeCode: DEMO_OFFICE_CODE, recipient: phone, kind: 'verification.code', payload: { code: '482913' }, createdAt: now, nextAttemptAt: now });
    await t.whatsapp.drain();
    const [sent] = bodies();
    expect(sent!.template.name).toBe('kencot_kode_verifikasi');
    expect(sent!.template.components).toEqual([
      { type: 'body', parameters: [{ type: 'text', text: '482913' }] },
      { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: '482913' }] },
    ]);
  });
});
