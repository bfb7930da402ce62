/**
 * One open request per subject and service, enforced at intake in every channel: the counter is
 * refused with the existing ticket unless the officer overrides with a reason (audited), two
 * submissions at once leave one request, and closed requests do not count.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit.js';
import { rows } from '../db/database.js';
import { requests } from '../db/schema.js';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { testApp, type TestApp } from '../test-support/app.js';
import { testEngine } from '../test-support/db.js';
import { loadRegions } from '../regions/regions.js';
import { KIA_DETAILS } from '../test-support/requests.js';
import { submitAsApplicant } from './service.js';

let t: TestApp;
let operator: Awaited<ReturnType<TestApp['signedIn']>>;
beforeAll(async () => {
  t = await testApp({ now: '2026-11-23T03:00:00Z' }); // Monday 10:00 WIB
  operator = await t.signedIn('operator');
});
afterAll(() => t.close());

/** Girls born 10 May 2020 in Kembaran, told apart by the NIK's last four digits. */
const girl = (n: number) => `330220500520${String(n).padStart(4, '0')}`;

const kiaRequest = (nik: string | undefined, overrides: Record<string, unknown> = {}) => ({
  serviceCode: 'kia_baru',
  channel: 'walk_in',
  desaCode: '33.02.20.2009',
  applicant: { name: 'Sri Wahyuni', phone: '0812-2700-1234', relation: 'ibu' },
  subject: { ...(nik && { nik }), name: 'Ayu Lestari', birthDate: '2020-05-10', sex: 'P' },
  details: KIA_DETAILS,
  ...overrides,
});
const submit = (body: unknown) => operator.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/requests`, body);
const ofSubject = (nik: string) => t.db.select().from(requests).where(eq(requests.subjectNik, nik));

describe('a second open request for the same subject and service', () => {
  it('is refused at the counter with the existing ticket, unless the officer takes it in anyway with a reason, which is audited', async () => {
    const first = await submit(kiaRequest(girl(11)));
    expect(first.statusCode).toBe(201);
    const ticket = first.json().request.ticket as string;

    const again = await submit(kiaRequest(girl(11), { applicant: { name: 'Budi', phone: '0812-2700-9999', relation: 'ayah' } }));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'duplicate_request', duplicate: { ticket, state: 'submitted', overridable: true } });
    expect(again.json().detail).toBe(`Permohonan yang sama sudah ada: ${ticket} (status: Berkas diterima). Satu orang hanya dapat memiliki satu permohonan yang masih berjalan untuk layanan yang sama.`);
    expect(await ofSubject(girl(11))).toHaveLength(1);

    // Another service for the same child is no duplicate.
    expect((await submit(kiaRequest(girl(11), { serviceCode: 'kia_hilang' }))).statusCode).not.toBe(409);

    expect((await submit({ ...kiaRequest(girl(11)), duplicateOverride: { reason: '' } })).statusCode).toBe(400);
    const taken = await submit({ ...kiaRequest(girl(11)), duplicateOverride: { reason: 'KIA pertama rusak terkena banjir' } });
    expect(taken.statusCode).toBe(201);
    const audit = await listAudit(t.db, { officeCodes: [DEMO_OFFICE_CODE], entityType: 'request', entityId: taken.json().request.id, limit: 10 });
    const accepted = audit.find((a) => a.action === 'request.duplicate_accepted');
    expect(accepted).toMatchObject({ actorType: 'staff', actorId: operator.user.id, details: { duplicateTicket: ticket, reason: 'KIA pertama rusak terkena banjir' } });
  });

  it('is taken in once the first is closed', async () => {
    const first = await submit(kiaRequest(girl(12)));
    expect((await submit(kiaRequest(girl(12)))).statusCode).toBe(409);
    const kasi = await t.signedIn('kasi');
    const rejected = await kasi.post(`/api/v1/requests/${first.json().request.id}/actions`, { action: 'reject', payload: { reason: { code: 'not_eligible' } } });
    expect(rejected.statusCode).toBe(200);
    expect((await submit(kiaRequest(girl(12)))).statusCode).toBe(201);
  });

  it('knows a child without NIK by name and birth date', async () => {
    const noNik = (name: string) => kiaRequest(undefined, { serviceCode: 'akta_kelahiran', subject: { name, birthDate: '2026-11-20', sex: 'L' }, details: { ...KIA_DETAILS, mother_name: 'Sri Wahyuni' } });
    const first = await submit(noNik('Muhammad Rizki'));
    if (first.statusCode !== 201) throw new Error(first.body);
    const again = await submit(noNik('MUHAMMAD  RIZKI'));
    expect(again.statusCode).toBe(409);
    expect(again.json().duplicate.ticket).toBe(first.json().request.ticket);
  });

  it('makes a submission that overlaps another for the same subject wait for it, then refuses it', async () => {
    const deps = { db: t.db, clock: t.clock, regions: loadRegions() };
    const input = { ...kiaRequest(girl(15)), channel: 'whatsapp', handOverChoice: 'pickup', attachments: [] } as never;
    let firstInside!: () => void;
    let releaseFirst!: () => void;
    const inside = new Promise<void>((resolve) => (firstInside = resolve));
    const held = new Promise<void>((resolve) => (releaseFirst = resolve));
    // The first one has checked and inserted but not committed yet when the second starts.
    const first = t.db.transaction(async (tx) => {
      const result = await submitAsApplicant({ ...deps, db: tx }, DEMO_OFFICE_CODE, input, {}, tx);
      firstInside();
      await held;
      return result;
    });
    await inside;
    const second = submitAsApplicant(deps, DEMO_OFFICE_CODE, input, {}).then(
      () => 'taken in',
      (err: unknown) => (err as { code?: string }).code,
    );
    // On PostgreSQL, wait until the second is blocked inside its transaction (PGlite's one connection queues it anyway).
    if (testEngine === 'postgres') {
      const blocked = async () => (await rows<{ n: number }>(t.db, sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`))[0]?.n ?? 0;
      for (let i = 0; i < 500 && (await blocked()) === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    releaseFirst();
    await first;
    expect(await second).toBe('duplicate_request');
    expect(await ofSubject(girl(15))).toHaveLength(1);
  });

  it('refuses the applicant’s own channels too, and tells a different number only that one exists', async () => {
    const first = await submit(kiaRequest(girl(14)));
    const ticket = first.json().request.ticket as string;
    const deps = { db: t.db, clock: t.clock, regions: loadRegions() };
    const fromSameNumber = submitAsApplicant(deps, DEMO_OFFICE_CODE, { ...kiaRequest(girl(14)), channel: 'whatsapp', handOverChoice: 'pickup', attachments: [] } as never, {});
    await expect(fromSameNumber).rejects.toMatchObject({ code: 'duplicate_request', extra: { duplicate: { ticket, overridable: false } } });
    const withOverride = submitAsApplicant(deps, DEMO_OFFICE_CODE, { ...kiaRequest(girl(14)), channel: 'whatsapp', handOverChoice: 'pickup', attachments: [], duplicateOverride: { reason: 'saya mau dua' } } as never, {});
    await expect(withOverride).rejects.toMatchObject({ code: 'duplicate_request' });
    const other = { ...kiaRequest(girl(14)), applicant: { name: 'Orang Lain', phone: '0812-2700-5555', relation: 'wali' }, channel: 'web', handOverChoice: 'pickup', attachments: [] };
    const fromOtherNumber = await submitAsApplicant(deps, DEMO_OFFICE_CODE, other as never, {}).catch((e: unknown) => e);
    expect(fromOtherNumber).toMatchObject({ code: 'duplicate_request', messageKey: 'errors.duplicate_request_other' });
    expect(JSON.stringify((fromOtherNumber as { extra: unknown }).extra)).not.toContain(ticket);
    expect(await ofSubject(girl(14))).toHaveLength(1);
  });
});
