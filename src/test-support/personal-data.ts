/** Records holding a person's data, made the way the product makes them, for retention and data-subject tests. */
import { expect } from 'vitest';
import { whatsappConversations, whatsappInbound, phoneVerifications } from '../db/schema.js';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import type { TestApp } from './app.js';
import { KIA_DETAILS } from './requests.js';

type Client = Awaited<ReturnType<TestApp['signedIn']>>;

export async function submitKia(operator: Client, o: { phone: string; nik: string; name?: string }): Promise<{ id: string; ticket: string }> {
  const res = await operator.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/requests`, {
    serviceCode: 'kia_baru',
    channel: 'walk_in',
    desaCode: '33.02.20.2009',
    applicant: { name: 'Sri Wahyuni', phone: o.phone, relation: 'ibu' },
    subject: { nik: o.nik, name: o.name ?? 'Ayu Lestari', birthDate: '2020-05-10', sex: 'P' },
    details: KIA_DETAILS,
    disabilityNeeds: 'Kursi roda',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().request;
}

export async function act(client: Client, id: string, action: string, payload: Record<string, unknown> = {}) {
  const res = await client.post(`/api/v1/requests/${id}/actions`, { action, payload });
  expect(res.statusCode, res.body).toBe(200);
}

export async function handOver(operator: Client, id: string, at: Date) {
  await act(operator, id, 'verify_accept', { overrideReason: 'Dokumen asli diperiksa di loket' });
  await act(operator, id, 'record_siak_outcome', { outcomes: [{ document: 'kia', number: '3302205005200001', printed: true }] });
  await act(operator, id, 'mark_ready');
  await act(operator, id, 'hand_over', { receivedBy: { name: 'Sri Wahyuni', relationship: 'parent' }, method: 'counter', receivedAt: at.toISOString() });
}

let messageSeq = 0;
/** A WhatsApp text the chat worker has already handled. */
export async function chatFrom(t: TestApp, waId: string, body: string, at: Date) {
  await t.db.insert(whatsappInbound).values({
    waMessageId: `wamid.test-${++messageSeq}`,
    phoneNumberId: '106540352242922',
    officeCode: DEMO_OFFICE_CODE,
    waId,
    contactName: 'Sri',
    type: 'text',
    message: { type: 'text', text: { body } },
    sentAt: at,
    receivedAt: at,
    nextAttemptAt: at,
    status: 'done',
    processedAt: at,
  });
  await t.db
    .insert(whatsappConversations)
    .values({ officeCode: DEMO_OFFICE_CODE, waId, contactName: 'Sri', lastMessageAt: at, lastInboundAt: at, dialogue: { draft: { name: 'Ayu' } } })
    .onConflictDoNothing();
}

export async function verificationOf(t: TestApp, phone: string, at: Date) {
  await t.db.insert(phoneVerifications).values({ officeCode: DEMO_OFFICE_CODE, phone, codeHash: 'x', createdAt: at, expiresAt: new Date(at.getTime() + 10 * 60_000) });
}
