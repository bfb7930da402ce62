import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BANYUMAS_HOURS } from './service.js';
import { DEMO_OFFICE_CODE } from './setup.js';
import { testApp, type TestApp } from '../test-support/app.js';
import { anotherGirlNik, KIA_DETAILS } from '../test-support/requests.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe('the demo office', () => {
  it('is Kecamatan Kembaran with its 16 desa from the region dataset, in code order', async () => {
    const res = await t.client().get(`/api/v1/offices/${DEMO_OFFICE_CODE}`);
    expect(res.statusCode).toBe(200);
    const { office } = res.json();
    expect(office).toMatchObject({ code: '33.02.20', name: 'Kecamatan Kembaran', regencyName: 'Kabupaten Banyumas', provinceName: 'Jawa Tengah', timezone: 'Asia/Jakarta' });
    expect(office.desa).toHaveLength(16);
    expect(office.desa[0]).toEqual({ code: '33.02.20.2001', name: 'Ledug' });
    expect(office.desa[15]).toEqual({ code: '33.02.20.2016', name: 'Linggasari' });
    expect(office.contact.whatsapp).toBe('085161725300');
    expect(office.workingHours['5']).toEqual([{ open: '07:15', close: '15:15' }]);
    expect(office.workingHours['6']).toBeUndefined();
  });

  it('only its admin changes its hours, and the change is audited', async () => {
    const operator = await t.signedIn('operator');
    const hours = { '1': [{ open: '07:30', close: '15:00' }], '6': [{ open: '08:00', close: '12:00' }] };
    expect((await operator.patch(`/api/v1/offices/${DEMO_OFFICE_CODE}`, { workingHours: hours })).statusCode).toBe(403);
    const admin = await t.signedIn('admin');
    const bad = await admin.patch(`/api/v1/offices/${DEMO_OFFICE_CODE}`, { workingHours: { '1': [{ open: '15:00', close: '07:00' }] } });
    expect(bad.statusCode).toBe(400);
    // Overlapping periods on one day are refused too (issue 11).
    const overlapping = await admin.patch(`/api/v1/offices/${DEMO_OFFICE_CODE}`, {
      workingHours: { '1': [{ open: '07:00', close: '12:00' }, { open: '11:00', close: '15:00' }] },
    });
    expect(overlapping.statusCode).toBe(400);
    const ok = await admin.patch(`/api/v1/offices/${DEMO_OFFICE_CODE}`, { workingHours: hours });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().office.workingHours['6']).toEqual([{ open: '08:00', close: '12:00' }]);
    const audit = await admin.get(`/api/v1/offices/${DEMO_OFFICE_CODE}/audit?entityType=office`);
    expect(audit.json().entries[0]).toMatchObject({ action: 'office.settings_updated', actorRole: 'admin', entityId: DEMO_OFFICE_CODE });
  });
});

describe('the service catalogue of an office', () => {
  it('is public, follows the office’s KIA rule set, and the admin can switch it', async () => {
    const anon = t.client();
    const banyumas = (await anon.get(`/api/v1/offices/${DEMO_OFFICE_CODE}/services`)).json();
    expect(banyumas.kiaRuleSet).toBe('banyumas_2022');
    const kia = (rules: { services: { code: string; feeRupiah: number; requirements: { document: string; need: string }[] }[] }) =>
      rules.services.find((s) => s.code === 'kia_baru')!;
    expect(kia(banyumas).feeRupiah).toBe(0);
    const admin = await t.signedIn('admin');
    expect((await admin.patch(`/api/v1/offices/${DEMO_OFFICE_CODE}`, { kiaRuleSet: 'national' })).statusCode).toBe(200);
    const national = (await anon.get(`/api/v1/offices/${DEMO_OFFICE_CODE}/services`)).json();
    expect(national.kiaRuleSet).toBe('national');
    // Nationally both parents' KTP-el are always required; Banyumas asks for them only in the
    // foreign-child and no-akta paths.
    const fatherKtp = (s: { requirements: { document: string; need: string }[] }) => s.requirements.find((r) => r.document === 'ktp_el_ayah')!.need;
    expect(fatherKtp(kia(national))).toBe('required');
    expect(fatherKtp(kia(banyumas))).toBe('conditional');
  });
});

describe('office closures', () => {
  it('an admin closes the office for a day and due times move past it; others may not', async () => {
    const admin = await t.signedIn('admin');
    await admin.patch(`/api/v1/offices/${DEMO_OFFICE_CODE}`, { workingHours: BANYUMAS_HOURS }); // undo the test above
    const operator = await t.signedIn('operator');
    const submitOnline = async () =>
      (
        await operator.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/requests`, {
          serviceCode: 'kia_baru',
          channel: 'whatsapp',
          desaCode: '33.02.20.2003',
          applicant: { name: 'Wulan', phone: '081234500001', relation: 'ibu' },
          subject: { nik: anotherGirlNik(), name: 'Raka' },
          details: KIA_DETAILS,
        })
      ).json().request;
    // Monday 09:00 WIB with one working day: Tuesday 09:00 WIB.
    expect((await submitOnline()).dueAt).toBe('2026-11-24T02:00:00.000Z');

    const closure = { date: '2026-11-24', kind: 'penutupan_kantor', name: 'Banjir di halaman kantor' };
    expect((await operator.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/closures`, closure)).statusCode).toBe(403);
    const added = await admin.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/closures`, closure);
    expect(added.statusCode).toBe(201);
    expect(added.json().officeClosures).toEqual([closure]);
    expect(added.json().years.find((y: { year: number }) => y.year === 2027).confirmed).toBe(false);
    expect((await admin.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/closures`, closure)).statusCode).toBe(409);

    // Closed on Tuesday: due Wednesday 09:00 WIB.
    expect((await submitOnline()).dueAt).toBe('2026-11-25T02:00:00.000Z');

    const removed = await admin.send('DELETE', `/api/v1/offices/${DEMO_OFFICE_CODE}/closures/2026-11-24/penutupan_kantor`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().officeClosures).toEqual([]);
    const audit = (await admin.get(`/api/v1/offices/${DEMO_OFFICE_CODE}/audit?entityType=office`)).json().entries.map((e: { action: string }) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['calendar.closure_added', 'calendar.closure_removed']));
  });
});

describe('special periods (Ramadan hours)', () => {
  it('shorter hours for a stretch of dates move the same-day due time; overlapping periods are refused', async () => {
    const admin = await t.signedIn('admin');
    const operator = await t.signedIn('operator');
    const ramadanHours = { '1': [{ open: '08:00', close: '14:00' }], '2': [{ open: '08:00', close: '14:00' }], '3': [{ open: '08:00', close: '14:00' }], '4': [{ open: '08:00', close: '14:00' }], '5': [{ open: '08:00', close: '11:30' }] };
    const period = { name: 'Jam layanan Ramadan (uji)', from: '2026-11-23', to: '2026-11-27', schedule: ramadanHours };
    expect((await operator.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/special-periods`, period)).statusCode).toBe(403);
    const added = await admin.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/special-periods`, period);
    expect(added.statusCode).toBe(201);
    expect(added.json().specialPeriods).toEqual([period]);
    const overlap = await admin.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/special-periods`, { ...period, from: '2026-11-26', to: '2026-11-30' });
    expect(overlap.statusCode).toBe(422);

    const walkIn = await operator.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/requests`, {
      serviceCode: 'kia_baru',
      channel: 'walk_in',
      desaCode: '33.02.20.2003',
      applicant: { name: 'Wulan', phone: '081234500002', relation: 'ibu' },
      subject: { nik: anotherGirlNik(), name: 'Raka' },
      details: KIA_DETAILS,
    });
    // Same day, by the Ramadan close at 14:00 WIB instead of 15:30.
    expect(walkIn.json().request.dueAt).toBe('2026-11-23T07:00:00.000Z');

    const removed = await admin.send('DELETE', `/api/v1/offices/${DEMO_OFFICE_CODE}/special-periods/2026-11-23`);
    expect(removed.json().specialPeriods).toEqual([]);
  });
});
