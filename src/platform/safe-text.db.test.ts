/** Control characters in any text input: a 400 naming the field, in the caller's language, and nothing stored. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../db/database.js';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { testApp, type TestApp } from '../test-support/app.js';
import { GIRL_NIK, KIA_DETAILS } from '../test-support/requests.js';

let t: TestApp;
let operator: Awaited<ReturnType<TestApp['signedIn']>>;
beforeAll(async () => {
  t = await testApp();
  operator = await t.signedIn('operator');
});
afterAll(() => t.close());

const kiaRequest = (subject: Record<string, unknown> = {}, details: Record<string, string> = KIA_DETAILS) => ({
  serviceCode: 'kia_baru',
  channel: 'walk_in',
  desaCode: '33.02.20.2009',
  applicant: { name: 'Sri Wahyuni', phone: '081227001234', relation: 'ibu' },
  subject: { nik: GIRL_NIK, name: 'Ayu Lestari', birthDate: '2020-05-10', sex: 'P', ...subject },
  details,
});
const stored = async () => (await rows<{ n: number }>(t.db, sql`select count(*)::int as n from requests`))[0]?.n;
const submit = (body: unknown, headers?: Record<string, string>) => operator.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/requests`, body, headers);

describe('control characters in text inputs', () => {
  it('a NUL in the child\'s name is a 400 naming that field, not a 500, and nothing is stored', async () => {
    const res = await submit(kiaRequest({ name: 'Ayu\u0000Lestari' }));
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      code: 'validation',
      errors: [{ field: 'body.subject.name', code: 'control_characters', message: expect.stringMatching(/^Isian ini memuat karakter tersembunyi/) }],
    });
    const english = await submit(kiaRequest({ name: 'Ayu\u0000Lestari' }), { 'accept-language': 'en' });
    expect(english.json().errors).toEqual([expect.objectContaining({ field: 'body.subject.name', message: expect.stringMatching(/^This field contains hidden characters/) })]);
    expect(await stored()).toBe(0);
  });

  it('a line break in a one-line field is refused by its schema; a note may have several lines', async () => {
    const res = await submit(kiaRequest({ name: 'Ayu\nLestari' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'body.subject.name', code: 'control_characters' })]);
    const escape = await submit({ ...kiaRequest(), applicant: { name: 'Sri\u001b[2JWahyuni', phone: '081227001234', relation: 'ibu' } });
    expect(escape.json().errors).toEqual([expect.objectContaining({ field: 'body.applicant.name', code: 'control_characters' })]);
    expect(await stored()).toBe(0);

    const created = await submit({ ...kiaRequest(), specialNeeds: { disabled: true, kinds: ['fisik'], consent: true, note: 'Kursi roda.\nMohon dijemput.' } });
    expect(created.statusCode).toBe(201);
    expect(await stored()).toBe(1);
    await t.db.execute(sql`delete from requests`);
  });

  it('a data field, a lone surrogate, a search text and a path are checked too', async () => {
    const detail = await submit(kiaRequest({}, { ...KIA_DETAILS, subject_birth_place: 'Banyu\u0000mas' }));
    expect(detail.statusCode).toBe(400);
    expect(detail.json().errors).toEqual([expect.objectContaining({ field: 'body.details.subject_birth_place', code: 'control_characters' })]);
    const surrogate = await submit(kiaRequest({ name: 'Ayu \ud800' }));
    expect(surrogate.json().errors).toEqual([expect.objectContaining({ field: 'body.subject.name', code: 'control_characters' })]);

    const search = await operator.get(`/api/v1/offices/${DEMO_OFFICE_CODE}/requests?q=${encodeURIComponent('Ayu\u0000Les')}`);
    expect(search.statusCode).toBe(400);
    expect(search.json().errors).toEqual([expect.objectContaining({ field: 'querystring.q', code: 'control_characters' })]);
    const path = await t.client().get('/api/v1/offices/33.02.20%00/services');
    expect(path.statusCode).toBe(400);
    expect(path.json().errors).toEqual([expect.objectContaining({ field: 'params.officeCode' })]);
    expect(await stored()).toBe(0);
  });
});
