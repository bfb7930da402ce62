import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit.js';
import { outbox } from '../db/schema.js';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { testApp, TEST_WHATSAPP_ENV, type TestApp } from '../test-support/app.js';
import { msg, payload, postWebhook } from '../test-support/whatsapp.js';
import { startGraphStandIn } from './simulator/graph-standin.js';

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

const WARGA = '6281227004321';
type Conversation = { id: string; waId: string; unreadCount: number; waitingForStaff: boolean; mode: string; windowOpen: boolean };

async function says(text: string) {
  expect((await postWebhook(t, payload({ contacts: [{ waId: WARGA, name: 'Ibu Sri' }], messages: [msg.text(WARGA, text, t.clock.now())] }))).statusCode).toBe(200);
  await t.whatsapp.drain();
}
async function inbox(): Promise<Conversation[]> {
  const res = await operator.get(`/api/v1/offices/${DEMO_OFFICE_CODE}/whatsapp/conversations`);
  expect(res.statusCode).toBe(200);
  return res.json().conversations;
}
const botReplies = () => t.db.select().from(outbox).where(and(eq(outbox.recipient, WARGA), eq(outbox.kind, 'bot.reply')));

describe('the staff inbox', () => {
  let id: string;

  it('lists a conversation once someone writes, with the bot answering', async () => {
    await says('halo');
    const [c] = await inbox();
    expect(c).toMatchObject({ waId: WARGA, mode: 'bot', windowOpen: true });
    id = c!.id;
    expect((await botReplies()).length).toBeGreaterThan(0);
    expect(graph.sentTo(WARGA).length).toBeGreaterThan(0);
  });

  it('an officer takes over: the bot goes quiet, messages count as unread, the thread shows both sides', async () => {
    const res = await operator.post(`/api/v1/whatsapp/conversations/${id}/take-over`);
    expect(res.statusCode).toBe(200);
    await t.whatsapp.drain();
    expect(graph.sentTo(WARGA).at(-1)!.body).toMatchObject({ type: 'text', text: { body: expect.stringMatching(/Petugas operator, petugas Kecamatan Kembaran/) } });
    const before = (await botReplies()).length;
    await says('saya mau tanya KIA anak saya yang difabel');
    expect((await botReplies()).length).toBe(before);
    const [c] = await inbox();
    expect(c).toMatchObject({ mode: 'staff', unreadCount: 1 });

    const thread = await operator.get(`/api/v1/whatsapp/conversations/${id}`);
    expect(thread.statusCode).toBe(200);
    const body = thread.json();
    expect(body.conversation.unreadCount).toBe(0);
    expect(body.thread.filter((m: { direction: string }) => m.direction === 'in').map((m: { text: string }) => m.text)).toEqual(['halo', 'saya mau tanya KIA anak saya yang difabel']);
    expect(body.thread.some((m: { from: string }) => m.from === 'bot')).toBe(true);
    expect((await inbox())[0]!.unreadCount).toBe(0);
    const audit = await listAudit(t.db, { officeCodes: [DEMO_OFFICE_CODE], entityType: 'whatsapp_conversation', entityId: id, limit: 10 });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['whatsapp.taken_over', 'whatsapp.conversation.viewed']));
  });

  it('replies as staff through the outbox', async () => {
    const res = await operator.post(`/api/v1/whatsapp/conversations/${id}/messages`, { text: 'Baik Ibu, petugas kami bisa datang ke rumah. Mohon kirim alamat lengkapnya.' });
    expect(res.statusCode).toBe(202);
    await t.whatsapp.drain();
    expect(graph.sentTo(WARGA).at(-1)!.body).toMatchObject({ type: 'text', text: { body: expect.stringMatching(/datang ke rumah/) } });
    const [row] = await t.db.select().from(outbox).where(and(eq(outbox.recipient, WARGA), eq(outbox.kind, 'staff.reply'), eq(outbox.senderStaffId, operator.user.id)));
    expect(row).toMatchObject({ status: 'sent', sender: 'staff' });
  });

  it('refuses a free-form reply after 24 hours with a clear message', async () => {
    t.clock.advance(25 * 3600_000);
    const later = await t.signedIn('operator'); // yesterday's session has expired too
    const res = await later.post(`/api/v1/whatsapp/conversations/${id}/messages`, { text: 'Halo Ibu?' });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/24 jam/);
    t.clock.advance(-25 * 3600_000);
  });

  it('hands back to the bot, which answers again', async () => {
    expect((await operator.post(`/api/v1/whatsapp/conversations/${id}/hand-back`)).statusCode).toBe(200);
    await t.whatsapp.drain();
    expect(graph.sentTo(WARGA).at(-1)!.body).toMatchObject({ text: { body: expect.stringMatching(/layanan otomatis/) } });
    const before = (await botReplies()).length;
    await says('menu');
    expect((await botReplies()).length).toBeGreaterThan(before);
    expect((await inbox())[0]).toMatchObject({ mode: 'bot' });
  });

  it('is closed to the courier and to another office', async () => {
    const kurir = await t.signedIn('kurir');
    expect((await kurir.get(`/api/v1/offices/${DEMO_OFFICE_CODE}/whatsapp/conversations`)).statusCode).toBe(403);
    expect((await kurir.get(`/api/v1/whatsapp/conversations/${id}`)).statusCode).toBe(403);
    await t.addOffice('33.02.19', 'SKR');
    const elsewhere = await t.signedIn('operator', '33.02.19');
    expect((await elsewhere.get(`/api/v1/whatsapp/conversations/${id}`)).statusCode).toBe(403);
    expect((await elsewhere.post(`/api/v1/whatsapp/conversations/${id}/take-over`)).statusCode).toBe(403);
  });
});
