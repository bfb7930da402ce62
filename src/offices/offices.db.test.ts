import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OFFICE_CODE } from './setup.js';
import { testApp, type TestApp } from '../test-support/app.js';

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
    const ok = await admin.patch(`/api/v1/offices/${DEMO_OFFICE_CODE}`, { workingHours: hours });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().office.workingHours['6']).toEqual([{ open: '08:00', close: '12:00' }]);
    const audit = await admin.get(`/api/v1/offices/${DEMO_OFFICE_CODE}/audit?entityType=office`);
    expect(audit.json().entries[0]).toMatchObject({ action: 'office.settings_updated', actorRole: 'admin', entityId: DEMO_OFFICE_CODE });
  });
});
