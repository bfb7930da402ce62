/**
 * An admin enters the 2027 list of the SKB 3 Menteri and confirms the year: from then on the
 * office's due times follow that list instead of the date-holidays estimate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWorkingDay } from '../calendar/calendar.js';
import { loadOfficeCalendar } from './calendar.js';
import { findOffice } from './storage.js';
import { DEMO_OFFICE_CODE } from './setup.js';
import { testApp, type TestApp } from '../test-support/app.js';
import { anotherGirlNik, KIA_DETAILS } from '../test-support/requests.js';

// Monday 23 November 2026: the SKB for 2027 is out, 2027 is the next year on the admin's page.
const NOVEMBER_2026 = '2026-11-23T02:00:00Z';
let t: TestApp;
beforeAll(async () => {
  t = await testApp({ now: NOVEMBER_2026 });
});
afterAll(() => t.close());

const base = `/api/v1/offices/${DEMO_OFFICE_CODE}`;
const confirmation = (year: number | string) => `${base}/holiday-years/${year}/confirmation`;

/**
 * The estimate has Isra Mikraj on Tuesday 5 January 2027; this SKB puts it on Wednesday 6 January,
 * and adds a cuti bersama on Friday 5 February before Imlek (Saturday 6 February).
 */
const SKB_2027 = [
  { date: '2027-01-01', kind: 'libur_nasional', name: 'Tahun Baru 2027 Masehi' },
  { date: '2027-01-06', kind: 'libur_nasional', name: 'Isra Mikraj Nabi Muhammad SAW' },
  { date: '2027-02-05', kind: 'cuti_bersama', name: 'Cuti Bersama Tahun Baru Imlek 2578 Kongzili' },
  { date: '2027-02-06', kind: 'libur_nasional', name: 'Tahun Baru Imlek 2578 Kongzili' },
];

type Client = Awaited<ReturnType<TestApp['signedIn']>>;
type YearView = { year: number; confirmed: boolean; confirmedAt: string | null; inForce: string; enteredCount: number; closures: { date: string; kind: string }[] };

/** A one-working-day KIA request taken online at `at` by an operator signed in then; its due time. */
async function dueOfRequestAt(at: string): Promise<string> {
  t.clock.set(at);
  const operator = await t.signedIn('operator');
  const res = await operator.post(`${base}/requests`, {
    serviceCode: 'kia_baru',
    channel: 'whatsapp',
    desaCode: '33.02.20.2003',
    applicant: { name: 'Wulan', phone: '081234500001', relation: 'ibu' },
    subject: { nik: anotherGirlNik(), name: 'Raka' },
    details: KIA_DETAILS,
  });
  expect(res.statusCode).toBe(201);
  t.clock.set(NOVEMBER_2026); // back to when the admin works on the calendar
  return res.json().request.dueAt;
}
// Monday 4 January 2027, 09:00 WIB, and Thursday 4 February 2027, 09:00 WIB.
const MON_4_JAN = '2027-01-04T02:00:00Z';
const THU_4_FEB = '2027-02-04T02:00:00Z';

async function year2027(client: Client): Promise<YearView> {
  t.clock.set(NOVEMBER_2026);
  const res = await client.get(`${base}/calendar`);
  expect(res.statusCode).toBe(200);
  return res.json().years.find((y: YearView) => y.year === 2027);
}

describe('confirming a year of holidays', () => {
  it('refuses an empty year with a message in the caller’s language, a shipped year, and anyone but the admin', async () => {
    const admin = await t.signedIn('admin');
    const empty = await admin.post(confirmation(2027), {});
    expect(empty.statusCode).toBe(422);
    expect(empty.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(empty.json().detail).toBe(
      'Daftar libur nasional dan cuti bersama tahun 2027 masih kosong. Masukkan dulu semua tanggal sesuai SKB 3 Menteri, lalu konfirmasi.',
    );
    const inEnglish = await admin.send('POST', confirmation(2027), {}, { 'accept-language': 'en' });
    expect(inEnglish.json().detail).toMatch(/No national holidays or cuti bersama are entered for 2027 yet/);

    const shipped = await admin.post(confirmation(2026), {});
    expect(shipped.statusCode).toBe(409);
    expect(shipped.json().detail).toMatch(/2026 .*bawaan aplikasi/);
    expect((await admin.post(confirmation('dua-ribu'), {})).statusCode).toBe(400);

    const operator = await t.signedIn('operator');
    expect((await operator.post(confirmation(2027), {})).statusCode).toBe(403);
    expect((await operator.send('DELETE', confirmation(2027))).statusCode).toBe(403);
    const otherAdmin = await t.signedIn('admin', (await t.addOffice('33.02.19', 'SKR')).code);
    expect((await otherAdmin.post(confirmation(2027), {})).statusCode).toBe(403);
    expect((await year2027(admin)).confirmed).toBe(false);
  });

  it('moves 2027 due times from the estimate to the entered SKB list once confirmed, audited, and back on undo', async () => {
    const admin = await t.signedIn('admin');
    // Only the estimate: closed on Tuesday 5 January, due Wednesday; open Friday 5 February.
    expect(await dueOfRequestAt(MON_4_JAN)).toBe('2027-01-06T02:00:00.000Z');
    expect(await dueOfRequestAt(THU_4_FEB)).toBe('2027-02-05T02:00:00.000Z');

    t.clock.set(NOVEMBER_2026);
    for (const closure of SKB_2027) expect((await admin.post(`${base}/closures`, closure)).statusCode).toBe(201);
    const entered = await year2027(admin);
    expect(entered).toMatchObject({ confirmed: false, confirmedAt: null, inForce: 'estimate', enteredCount: 4 });
    // Entries count as soon as they are entered, on top of the estimate: Tuesday (estimate) and
    // Wednesday (SKB) are both closed, and the cuti bersama closes Friday.
    expect(await dueOfRequestAt(MON_4_JAN)).toBe('2027-01-07T02:00:00.000Z');
    expect(await dueOfRequestAt(THU_4_FEB)).toBe('2027-02-08T02:00:00.000Z');

    t.clock.set('2026-11-23T04:30:00Z');
    const confirmed = await admin.post(confirmation(2027), {});
    expect(confirmed.statusCode).toBe(201);
    const view: YearView = confirmed.json().years.find((y: YearView) => y.year === 2027);
    expect(view).toMatchObject({ confirmed: true, confirmedAt: '2026-11-23T04:30:00.000Z', inForce: 'office', enteredCount: 4 });
    expect(view.closures.map((c) => `${c.date} ${c.kind}`)).toEqual(SKB_2027.map((c) => `${c.date} ${c.kind}`));
    expect((await admin.post(confirmation(2027), {})).statusCode).toBe(409);

    // Exactly the SKB list: Tuesday 5 January is a working day again, the cuti bersama still counts.
    expect(await dueOfRequestAt(MON_4_JAN)).toBe('2027-01-05T02:00:00.000Z');
    expect(await dueOfRequestAt(THU_4_FEB)).toBe('2027-02-08T02:00:00.000Z');

    const audit = (await admin.get(`${base}/audit?entityType=office`)).json().entries;
    expect(audit[0]).toMatchObject({
      action: 'calendar.holiday_year_confirmed',
      actorRole: 'admin',
      entityId: DEMO_OFFICE_CODE,
      details: { year: 2027, closures: 4, liburNasional: 3, cutiBersama: 1 },
    });

    const undone = await admin.send('DELETE', confirmation(2027));
    expect(undone.statusCode).toBe(200);
    expect(undone.json().years.find((y: YearView) => y.year === 2027)).toMatchObject({ confirmed: false, confirmedAt: null, inForce: 'estimate', enteredCount: 4 });
    expect(await dueOfRequestAt(MON_4_JAN)).toBe('2027-01-07T02:00:00.000Z');
    expect((await admin.send('DELETE', confirmation(2027))).statusCode).toBe(404);
    expect((await admin.get(`${base}/audit?entityType=office`)).json().entries[0]).toMatchObject({ action: 'calendar.holiday_year_unconfirmed', details: { year: 2027 } });
  });

  it('refuses a closure dated years in the past, naming the date (issue 11)', async () => {
    const admin = await t.signedIn('admin');
    const res = await admin.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/closures`, { date: '2021-12-24', kind: 'cuti_bersama', name: 'Cuti bersama Natal' });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toBe('Tanggal 2021-12-24 sudah lewat lebih dari setahun. Mohon periksa tahunnya; tanggal tutup dicatat untuk hari ini, ke depan, atau paling jauh setahun ke belakang.');
    expect(res.json().errors[0]).toMatchObject({ field: 'body.date', code: 'closure_too_old' });
  });

  it('keeps the last date of a confirmed year from being removed', async () => {
    const admin = await t.signedIn('admin');
    t.clock.set(NOVEMBER_2026);
    const only = { date: '2028-01-01', kind: 'libur_nasional', name: 'Tahun Baru 2028 Masehi' };
    const second = { date: '2028-01-26', kind: 'libur_nasional', name: 'Tahun Baru Imlek 2579 Kongzili' };
    await admin.post(`${base}/closures`, only);
    await admin.post(`${base}/closures`, second);
    expect((await admin.post(confirmation(2028), {})).statusCode).toBe(201);
    expect((await admin.send('DELETE', `${base}/closures/2028-01-26/libur_nasional`)).statusCode).toBe(200);
    const last = await admin.send('DELETE', `${base}/closures/2028-01-01/libur_nasional`);
    expect(last.statusCode).toBe(409);
    expect(last.json().detail).toMatch(/tanggal terakhir dalam daftar libur 2028/);
    expect((await admin.get(`${base}/calendar`)).json().officeClosures).toContainEqual(only);
  });
});

describe('an office open on a cuti bersama day', () => {
  it('declares itself open on a shipped cuti bersama (20 March 2026), is refused for a libur nasional, and can take it back', async () => {
    const admin = await t.signedIn('admin');
    const office = (await findOffice(t.db, DEMO_OFFICE_CODE))!;
    const calendarOn = async () => loadOfficeCalendar(t.db, office, t.clock.now());
    expect(isWorkingDay(await calendarOn(), '2026-03-20')).toBe(false);

    const open = await admin.post(`${base}/closures`, { date: '2026-03-20', kind: 'buka_cuti_bersama', name: 'Pelayanan tetap buka' });
    expect(open.statusCode).toBe(201);
    const calendar = await calendarOn();
    expect(isWorkingDay(calendar, '2026-03-20')).toBe(true);
    // The other cuti bersama days of Idulfitri stay closed.
    expect(isWorkingDay(calendar, '2026-03-23')).toBe(false);

    const holiday = await admin.post(`${base}/closures`, { date: '2026-03-21', kind: 'buka_cuti_bersama', name: 'Idulfitri' });
    expect(holiday.statusCode).toBe(422);
    expect(holiday.json().detail).toBe('Tanggal 2026-03-21 bukan hari cuti bersama dalam kalender kantor, sehingga tidak perlu dinyatakan buka.');

    expect((await admin.send('DELETE', `${base}/closures/2026-03-20/buka_cuti_bersama`)).statusCode).toBe(200);
    expect(isWorkingDay(await calendarOn(), '2026-03-20')).toBe(false);
  });
});
