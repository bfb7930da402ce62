/** Searching by name takes the text literally: LIKE's wildcards do not list the office's requests. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { testApp, type TestApp } from '../test-support/app.js';
import { GIRL_NIK, KIA_DETAILS } from '../test-support/requests.js';

let t: TestApp;
let operator: Awaited<ReturnType<TestApp['signedIn']>>;
beforeAll(async () => {
  t = await testApp();
  operator = await t.signedIn('operator');
  const created = await operator.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/requests`, {
    serviceCode: 'kia_baru',
    channel: 'walk_in',
    desaCode: '33.02.20.2009',
    applicant: { name: 'Sri Wahyuni', phone: '081227001234', relation: 'ibu' },
    subject: { nik: GIRL_NIK, name: 'Ayu 100% Lestari', birthDate: '2020-05-10', sex: 'P' },
    details: KIA_DETAILS,
  });
  expect(created.statusCode).toBe(201);
});
afterAll(() => t.close());

const search = async (q: string) => {
  const res = await operator.get(`/api/v1/offices/${DEMO_OFFICE_CODE}/requests?q=${encodeURIComponent(q)}`);
  expect(res.statusCode).toBe(200);
  return (res.json().requests as { subject: { name: string } }[]).map((r) => r.subject.name);
};

describe('searching requests by name', () => {
  it('finds a name by part of it, case aside', async () => {
    expect(await search('ayu')).toEqual(['Ayu 100% Lestari']);
    expect(await search('wahyu')).toEqual(['Ayu 100% Lestari']);
  });

  it('takes % and _ literally, so %%% or ___ list nothing', async () => {
    expect(await search('%%%')).toEqual([]);
    expect(await search('___')).toEqual([]);
    expect(await search('A_u')).toEqual([]);
    expect(await search('y%s')).toEqual([]);
    // …and still finds a name that really holds one.
    expect(await search('100%')).toEqual(['Ayu 100% Lestari']);
  });
});
