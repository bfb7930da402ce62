/**
 * A chat submission with a home delivery keeps its address and phone (in `details`, read by the
 * delivery group) and the relation in the applicant's own words; the chat's own receipt replaces
 * the "received" notification.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, requests } from '../db/schema.js';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { loadRegions } from '../regions/regions.js';
import { testApp, type TestApp } from '../test-support/app.js';
import { KIA_DETAILS } from '../test-support/requests.js';
import { NewRequestInput, submitAsApplicant } from './service.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ now: '2026-11-23T03:00:00Z' });
});
afterAll(() => t.close());

const input = (nik: string, extra: Record<string, unknown>) =>
  NewRequestInput.parse({
    serviceCode: 'kia_baru',
    channel: 'whatsapp',
    desaCode: '33.02.20.2009',
    applicant: { name: 'Sri Wahyuni', phone: '6281227001234', relation: 'ibu', relationText: 'saya ibunya' },
    subject: { nik, name: 'Ayu Lestari', birthDate: '2020-05-10', sex: 'P' },
    details: KIA_DETAILS,
    specialNeeds: { disabled: true, kinds: ['fisik'], consent: true, note: 'Kursi roda' },
    ...extra,
  });

describe('a home delivery from the chat', () => {
  it('stores the address, the phone and the relation as typed, and queues no second "received" message', async () => {
    const deps = { db: t.db, clock: t.clock, regions: loadRegions() };
    const { request } = await submitAsApplicant(deps, DEMO_OFFICE_CODE, input('3302205005200031', {
      handOverChoice: 'home_delivery',
      delivery: { address: 'Jl. Raya Ledug 5, RT 02/RW 01', phone: '0813-2700-9999' },
    }), {}, undefined, { toldInChat: true });
    const [row] = await t.db.select().from(requests).where(eq(requests.id, request.id));
    expect(row!.details).toMatchObject({ ...KIA_DETAILS, delivery_address: 'Jl. Raya Ledug 5, RT 02/RW 01', delivery_phone: '6281327009999' });
    expect(row!.applicant).toMatchObject({ relation: 'ibu', relationText: 'saya ibunya' });
    expect(await t.db.select().from(outbox).where(and(eq(outbox.requestId, request.id), eq(outbox.kind, 'request.received')))).toEqual([]);
  });

  it('drops a delivery address for a pickup, and still notifies a portal applicant', async () => {
    const deps = { db: t.db, clock: t.clock, regions: loadRegions() };
    const { request } = await submitAsApplicant(deps, DEMO_OFFICE_CODE, input('3302205005200032', {
      channel: 'web',
      handOverChoice: 'pickup',
      delivery: { address: 'Jl. Raya Ledug 5, RT 02/RW 01' },
    }), {});
    const [row] = await t.db.select().from(requests).where(eq(requests.id, request.id));
    expect(row!.details).not.toHaveProperty('delivery_address');
    expect(await t.db.select().from(outbox).where(and(eq(outbox.requestId, request.id), eq(outbox.kind, 'request.received')))).toHaveLength(1);
  });
});
