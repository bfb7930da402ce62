import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { testApp, type TestApp } from '../test-support/app.js';
import { listAudit, recordAudit } from './audit.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe('the audit log', () => {
  it('records who signed in, from where, with the request id', async () => {
    const c = await t.signedIn('kasi');
    const entries = await listAudit(t.db, { officeCodes: [DEMO_OFFICE_CODE], entityId: c.user.id, limit: 5 });
    expect(entries[0]).toMatchObject({ action: 'auth.login', actorType: 'staff', actorRole: 'kasi', ip: '127.0.0.1' });
    expect(entries[0]!.requestId).toBeTruthy();
  });

  it('cannot be changed or deleted, not even by SQL through the product’s connection', async () => {
    await recordAudit(t.db, t.clock.now(), { officeCode: DEMO_OFFICE_CODE, actor: { type: 'system' }, action: 'test.evidence', entityType: 'test' });
    const refusal = (query: ReturnType<typeof sql>) =>
      t.db.execute(query).then(
        () => 'allowed',
        (err: Error & { cause?: Error }) => String(err.cause?.message ?? err.message),
      );
    expect(await refusal(sql`update audit_log set action = 'rewritten'`)).toMatch(/append-only/);
    expect(await refusal(sql`delete from audit_log`)).toMatch(/append-only/);
    expect(await refusal(sql`truncate audit_log`)).toMatch(/append-only/);
    const entries = await listAudit(t.db, { officeCodes: [DEMO_OFFICE_CODE], entityType: 'test', limit: 5 });
    expect(entries.map((e) => e.action)).toEqual(['test.evidence']);
  });

  it('is readable by the camat and the regency, not by an operator or another regency', async () => {
    expect((await (await t.signedIn('camat')).get(`/api/v1/offices/${DEMO_OFFICE_CODE}/audit`)).statusCode).toBe(200);
    expect((await (await t.signedIn('kabupaten')).get(`/api/v1/offices/${DEMO_OFFICE_CODE}/audit`)).statusCode).toBe(200);
    expect((await (await t.signedIn('operator')).get(`/api/v1/offices/${DEMO_OFFICE_CODE}/audit`)).statusCode).toBe(403);
  });

  it('has no route that changes it', async () => {
    const admin = await t.signedIn('admin');
    for (const method of ['POST', 'PATCH', 'DELETE'] as const) {
      const res = await admin.send(method, `/api/v1/offices/${DEMO_OFFICE_CODE}/audit`, {});
      expect(res.statusCode).toBe(404);
    }
  });
});
