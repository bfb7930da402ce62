/**
 * A database failure in the middle of taking a request in must not put the request's personal data
 * in the logs: drizzle's error message carries the INSERT's parameters (NIK, phone, the argon2 hash
 * of the 6-digit tracking PIN, crackable offline) and PostgreSQL's `detail` can repeat values.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { testApp, type TestApp } from '../test-support/app.js';
import { GIRL_NIK, KIA_DETAILS } from '../test-support/requests.js';

const lines: string[] = [];
let t: TestApp;
beforeAll(async () => {
  t = await testApp({ logLines: lines });
});
afterAll(() => t.close());

const PHONE = '081227009876';
const kiaRequest = {
  serviceCode: 'kia_baru',
  channel: 'walk_in',
  desaCode: '33.02.20.2009',
  applicant: { name: 'Sri Wahyuni', phone: PHONE, relation: 'ibu' },
  subject: { nik: GIRL_NIK, name: 'Ayu Lestari', birthDate: '2020-05-10', sex: 'P' },
  details: KIA_DETAILS,
};

describe('a database failure while taking a request in', () => {
  it('answers 500 and logs the SQLSTATE, constraint and request id, but no NIK, phone number or PIN hash', async () => {
    const operator = await t.signedIn('operator');
    // Fails every insert the way a unique violation does: SQLSTATE 23505, and a detail quoting the values.
    await t.db.execute(sql.raw(`
      create function refuse_request() returns trigger language plpgsql as $$
      begin
        raise exception 'duplicate key value violates unique constraint "requests_nik_key"'
          using errcode = '23505', constraint = 'requests_nik_key', table = 'requests',
                detail = 'Key (subject_nik, applicant_phone, pin_hash)=(' || new.subject_nik || ', ' || new.applicant_phone || ', ' || new.pin_hash || ') already exists.';
      end $$
    `));
    await t.db.execute(sql.raw('create trigger refuse_request before insert on requests for each row execute function refuse_request()'));
    lines.length = 0;
    const res = await operator.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/requests`, kiaRequest, { 'x-request-id': 'req-db-fails-1' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ code: 'internal', instance: 'req-db-fails-1' });

    const logged = lines.join('\n');
    const failure = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((entry) => entry.msg === 'request failed');
    expect(failure).toMatchObject({ reqId: 'req-db-fails-1', err: { cause: { code: '23505', constraint: 'requests_nik_key', table: 'requests' } } });
    for (const secret of [GIRL_NIK, '6281227009876', PHONE, '$argon2', 'Ayu Lestari', 'Sri Wahyuni', 'Failed query', 'params']) expect(logged).not.toContain(secret);
    await t.db.execute(sql.raw('drop trigger refuse_request on requests'));
  });
});
