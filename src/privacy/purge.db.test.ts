/**
 * Retention of personal data besides scans, on PGlite and on PostgreSQL, with the clock moved by
 * hand: each kind goes on its day and not before, open requests and the chats they need stay,
 * the statistics columns stay, the audit keeps who/what/when, and a second run changes nothing.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, outbox, phoneVerifications, requests, whatsappConversations, whatsappInbound } from '../db/schema.js';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { testApp, type TestApp } from '../test-support/app.js';
import { act, chatFrom, handOver, submitKia, verificationOf } from '../test-support/personal-data.js';
import { GIRL_NIK } from '../test-support/requests.js';
import { applyPersonalDataRetention } from './purge.js';

const DAY = 24 * 60 * 60 * 1000;
const PHONE_DONE = '6281227001111';
const PHONE_CANCELLED = '6281227002222';
const PHONE_OPEN = '6281227003333';
const PHONE_CHAT_ONLY = '6281227004444';

let t: TestApp;
let t0: Date;
const ids: Record<'done' | 'cancelled' | 'open', string> = { done: '', cancelled: '', open: '' };
let sentOutboxId = 0;

beforeAll(async () => {
  t = await testApp({ now: '2026-11-23T02:00:00Z' });
  t0 = t.clock.now();
  const operator = await t.signedIn('operator');
  const kasi = await t.signedIn('kasi');
  ids.done = (await submitKia(operator, { phone: PHONE_DONE, nik: GIRL_NIK })).id;
  await handOver(operator, ids.done, t0);
  ids.cancelled = (await submitKia(operator, { phone: PHONE_CANCELLED, nik: GIRL_NIK })).id;
  await act(kasi, ids.cancelled, 'cancel');
  ids.open = (await submitKia(operator, { phone: PHONE_OPEN, nik: GIRL_NIK })).id;
  await chatFrom(t, PHONE_OPEN, 'Anak saya Ayu, NIK 3302205005200001', t0);
  await chatFrom(t, PHONE_CHAT_ONLY, 'Syarat KIA apa saja?', t0);
  await verificationOf(t, PHONE_CHAT_ONLY, t0);
  // One notice sent, the others still pending (never settled: never blanked).
  const [first] = await t.db.select().from(outbox).where(eq(outbox.recipient, PHONE_DONE)).limit(1);
  sentOutboxId = first!.id;
  await t.db.update(outbox).set({ status: 'sent', sentAt: t0, sentBody: { text: 'Permohonan Ayu diterima' } }).where(eq(outbox.id, sentOutboxId));
});
afterAll(() => t.close());

const run = async (at: number) => {
  t.clock.set(new Date(t0.getTime() + at));
  return applyPersonalDataRetention({ db: t.db, clock: t.clock });
};
const requestRow = async (id: string) => (await t.db.select().from(requests).where(eq(requests.id, id)))[0]!;
const chatsOf = (waId: string) => t.db.select().from(whatsappInbound).where(eq(whatsappInbound.waId, waId));
const conversationOf = async (waId: string) => (await t.db.select().from(whatsappConversations).where(eq(whatsappConversations.waId, waId)))[0];

describe('personal-data retention, kind by kind, on its day', () => {
  it('deletes a phone verification a day after the code was sent, not a minute before', async () => {
    expect((await run(DAY - 60_000)).phone_verification).toBe(0);
    expect(await t.db.$count(phoneVerifications)).toBe(1);
    expect((await run(DAY)).phone_verification).toBe(1);
    expect(await t.db.$count(phoneVerifications)).toBe(0);
  });

  it('blanks a settled message 30 days after it was sent; pending ones stay', async () => {
    const pendingBefore = await t.db.$count(outbox, eq(outbox.status, 'pending'));
    expect((await run(30 * DAY - 60_000)).outbox_payload).toBe(0);
    expect((await run(30 * DAY)).outbox_payload).toBe(1);
    const [row] = await t.db.select().from(outbox).where(eq(outbox.id, sentOutboxId));
    expect(row).toMatchObject({ recipient: '', payload: { redacted: true }, sentBody: null, status: 'sent', sentAt: t0 });
    expect(row!.kind).toBeTruthy();
    expect(await t.db.$count(outbox, and(eq(outbox.status, 'pending'), sql`${outbox.recipient} <> ''`))).toBe(pendingBefore);
  });

  it('blanks chat texts 90 days after they came and deletes the idle conversation, unless an open request of that number needs them', async () => {
    expect((await run(90 * DAY - 60_000)).chat_message).toBe(0);
    const counts = await run(90 * DAY);
    expect(counts.chat_message).toBe(1);
    expect(counts.conversations).toBe(1);
    expect(await chatsOf(PHONE_CHAT_ONLY)).toEqual([]);
    const [blanked] = await t.db.select().from(whatsappInbound).where(eq(whatsappInbound.waId, ''));
    expect(blanked).toMatchObject({ type: 'text', contactName: null, message: { type: 'text', redacted: true } });
    expect(await conversationOf(PHONE_CHAT_ONLY)).toBeUndefined();
    // The number with an open request keeps its chat and conversation.
    expect((await chatsOf(PHONE_OPEN))[0]!.message).toMatchObject({ text: { body: 'Anak saya Ayu, NIK 3302205005200001' } });
    expect(await conversationOf(PHONE_OPEN)).toBeDefined();
  });

  it('anonymises closed requests two years after closing, keeps the statistics columns, and never touches an open one', async () => {
    const before = await requestRow(ids.done);
    expect((await run(730 * DAY - 60_000)).request_personal).toBe(0);
    expect((await requestRow(ids.done)).subjectNik).toBe(GIRL_NIK);

    const counts = await run(730 * DAY);
    expect(counts.request_personal).toBe(2);
    const done = await requestRow(ids.done);
    expect(done).toMatchObject({
      // statistics: kept
      officeCode: before.officeCode,
      ticket: before.ticket,
      serviceCode: 'kia_baru',
      channel: 'walk_in',
      desaCode: '33.02.20.2009',
      state: 'handed_over',
      submittedAt: before.submittedAt,
      stateEnteredAt: before.stateEnteredAt,
      dueAt: before.dueAt,
      flags: before.flags,
      // personal: gone
      subjectNik: null,
      applicantPhone: '',
      applicant: { name: '', phone: '', relation: 'ibu' },
      subject: { name: '', sex: 'P' },
      details: {},
      circumstances: {},
      disabilityNeeds: null,
      handOverRecord: null,
      pinHash: '',
      siakOutcomes: [{ document: 'kia', printed: true }],
      anonymisedAt: t.clock.now(),
    });
    expect(JSON.stringify(done)).not.toContain('Sri Wahyuni');
    // Nobody left to send a PIN to: the portal answers as for any ticket and writes nothing; the counter is refused.
    const outboxBefore = await t.db.$count(outbox);
    expect((await t.client().post('/api/v1/public/track/new-pin', { ticket: done.ticket })).statusCode).toBeLessThan(300);
    expect(await t.db.$count(outbox)).toBe(outboxBefore);
    expect((await (await t.signedIn('operator')).post(`/api/v1/requests/${ids.done}/pin`)).statusCode).toBe(409);
    expect((await requestRow(ids.cancelled)).anonymisedAt).toEqual(t.clock.now());
    const open = await requestRow(ids.open);
    expect(open).toMatchObject({ anonymisedAt: null, subjectNik: GIRL_NIK, applicantPhone: PHONE_OPEN });
    expect(open.applicant.name).toBe('Sri Wahyuni');
  });

  it('strips audit details and IPs two years after the entry, keeping who, what and when', async () => {
    const entries = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'request'), eq(auditLog.entityId, ids.done)));
    expect(entries.length).toBeGreaterThan(3);
    for (const e of entries) {
      expect(e.redactedAt).not.toBeNull();
      expect(e.ip).toBeNull();
      expect(e.details.redacted).toBe(true);
      expect(e.actorType).toBeTruthy();
      expect(e.action).toBeTruthy();
      expect(e.at.getTime()).toBeLessThanOrEqual(t0.getTime() + 60_000);
    }
    // A transition's codes survive; nothing else is added.
    expect(entries.find((e) => e.action === 'request.verify_accept')!.details).toMatchObject({ from: expect.any(String), to: expect.any(String), redacted: true });
  });

  it('audits each run with counts per office and kind, never identities', async () => {
    const runs = await t.db.select().from(auditLog).where(eq(auditLog.action, 'personal_data.retention_applied'));
    const kinds = runs.map((r) => r.details.kind).sort();
    expect(kinds).toEqual(['audit_details', 'chat_message', 'conversation', 'outbox_payload', 'phone_verification', 'request_personal']);
    for (const r of runs) {
      expect(r).toMatchObject({ officeCode: DEMO_OFFICE_CODE, actorType: 'system', actorId: 'retention', entityType: 'office', entityId: DEMO_OFFICE_CODE });
      expect(Object.keys(r.details).sort()).toEqual(['count', 'kind']);
    }
    expect(runs.find((r) => r.details.kind === 'request_personal')!.details.count).toBe(2);
  });

  it('a second run changes nothing', async () => {
    const again = await run(730 * DAY + 60_000);
    expect(again).toEqual({ request_personal: 0, chat_message: 0, conversations: 0, phone_verification: 0, outbox_payload: 0, audit_details: 0 });
  });
});

describe('the audit trigger’s one exception', () => {
  const oneEntry = async () => (await t.db.select().from(auditLog).where(eq(auditLog.action, 'personal_data.retention_applied')).limit(1))[0]!;

  it('still refuses any update without the redaction flag, and any delete', async () => {
    const e = await oneEntry();
    await expect(t.db.update(auditLog).set({ details: { redacted: true }, ip: null, redactedAt: new Date() }).where(eq(auditLog.id, e.id))).rejects.toThrow();
    await expect(
      t.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('kencot.redacting', 'on', true)`);
        await tx.delete(auditLog).where(eq(auditLog.id, e.id));
      }),
    ).rejects.toThrow();
  });

  it('refuses, even when redacting, a change of who/what/when or a value the entry did not hold', async () => {
    const e = await oneEntry();
    const redacting = (set: Partial<typeof auditLog.$inferInsert>) =>
      t.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('kencot.redacting', 'on', true)`);
        await tx.update(auditLog).set({ ip: null, redactedAt: new Date(), ...set }).where(eq(auditLog.id, e.id));
      });
    await expect(redacting({ details: { redacted: true }, action: 'something.else' })).rejects.toThrow();
    await expect(redacting({ details: { redacted: true }, actorId: 'someone' })).rejects.toThrow();
    await expect(redacting({ details: { kind: 'forged', redacted: true } })).rejects.toThrow();
    await expect(redacting({ details: { extra: 'x', redacted: true } })).rejects.toThrow();
    // The flag is local to its transaction: the next one is append-only again.
    await expect(t.db.update(auditLog).set({ details: { redacted: true }, redactedAt: new Date() }).where(eq(auditLog.id, e.id))).rejects.toThrow();
    expect((await oneEntry()).details).toEqual(e.details);
  });
});
