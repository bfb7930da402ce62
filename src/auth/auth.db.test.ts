import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit.js';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { TEST_PASSWORD, testApp, type TestApp } from '../test-support/app.js';
import { ROLES } from './roles.js';
import { setStaffActive } from './service.js';
import { THROTTLE_RULES } from './throttle.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('refuses an unknown user and a wrong password with the same message', async () => {
    await t.addStaff('operator', DEMO_OFFICE_CODE, 'dewi');
    const c = t.client();
    const unknown = await c.post('/api/v1/auth/login', { username: 'nobody', password: 'whatever-123' });
    const wrong = await c.post('/api/v1/auth/login', { username: 'dewi', password: 'not-the-password' });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().detail).toBe('Nama pengguna atau kata sandi salah, atau akun sedang dibatasi. Silakan coba lagi dalam beberapa menit.');
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('signs in, knows who is signed in, and signs out', async () => {
    await t.addStaff('kasi', DEMO_OFFICE_CODE, 'budi');
    const c = t.client();
    const login = await c.post('/api/v1/auth/login', { username: 'BUDI', password: TEST_PASSWORD });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.find((k) => k.name === 'kencot_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect((await c.get('/api/v1/auth/me')).json().user).toMatchObject({ username: 'budi', role: 'kasi', officeCode: DEMO_OFFICE_CODE });
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('changes the password: the old one stops working, the new one works', async () => {
    const c = await t.signedIn('sekcam');
    const weak = await c.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(weak.statusCode).toBe(422);
    const wrongCurrent = await c.post('/api/v1/auth/password', { currentPassword: 'nope-nope-nope', newPassword: 'a-much-better-password' });
    expect(wrongCurrent.statusCode).toBe(422);
    expect((await c.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a-much-better-password' })).statusCode).toBe(204);
    const again = t.client();
    expect((await again.post('/api/v1/auth/login', { username: c.user.username, password: TEST_PASSWORD })).statusCode).toBe(401);
    expect((await again.post('/api/v1/auth/login', { username: c.user.username, password: 'a-much-better-password' })).statusCode).toBe(200);
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request without the token, and with a forged one', async () => {
    const c = await t.signedIn('admin');
    const cookie = [...c.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const body = { role: 'operator', name: 'Tanpa Token', username: 'tanpa-token' };
    const missing = await t.app.inject({ method: 'POST', url: `/api/v1/offices/${DEMO_OFFICE_CODE}/staff`, headers: { cookie }, payload: body });
    expect(missing.statusCode).toBe(403);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json().code).toBe('csrf');
    const forged = await t.app.inject({
      method: 'POST',
      url: `/api/v1/offices/${DEMO_OFFICE_CODE}/staff`,
      headers: { cookie, 'x-csrf-token': 'forged-token' },
      payload: body,
    });
    expect(forged.statusCode).toBe(403);
    const staff = await c.get(`/api/v1/offices/${DEMO_OFFICE_CODE}/staff`);
    expect(staff.json().staff.map((u: { username: string }) => u.username)).not.toContain('tanpa-token');
    // …and the same request with the token goes through.
    expect((await c.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/staff`, body)).statusCode).toBe(201);
  });

  it('a sign-in without the token is refused too', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'x' } });
    expect(res.statusCode).toBe(403);
  });
});

describe('staff accounts (API)', () => {
  it('an admin creates an account whose generated password must be changed', async () => {
    const admin = await t.signedIn('admin');
    const res = await admin.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/staff`, { role: 'kurir', name: 'Pak Kurir', username: 'kurir-baru' });
    expect(res.statusCode).toBe(201);
    const { initialPassword, user } = res.json();
    expect(user.mustChangePassword).toBe(true);
    const login = await t.client().post('/api/v1/auth/login', { username: 'kurir-baru', password: initialPassword });
    expect(login.json().mustChangePassword).toBe(true);
    const dup = await admin.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/staff`, { role: 'kurir', name: 'Lagi', username: 'KURIR-baru' });
    expect(dup.statusCode).toBe(409);
  });

  it('every role other than admin is refused account management; admins of another office too', async () => {
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const c = await t.signedIn(role);
      const res = await c.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/staff`, { role: 'operator', name: 'X', username: `x-${role}` });
      expect(res.statusCode, role).toBe(403);
    }
    const unsigned = await t.client().post(`/api/v1/offices/${DEMO_OFFICE_CODE}/staff`, { role: 'operator', name: 'X', username: 'x-anon' });
    expect(unsigned.statusCode).toBe(401);
  });
});

describe('sign-in rate limit', () => {
  it('slows down a flood of sign-ins from one address, whatever the usernames', async () => {
    const limited = await testApp({ loginRateLimitPerMinute: 3 });
    try {
      const c = limited.client();
      const codes = [];
      for (let i = 0; i < 5; i++) codes.push((await c.post('/api/v1/auth/login', { username: `tebak-${i}`, password: 'tebak-tebakan' })).statusCode);
      expect(codes).toEqual([401, 401, 401, 429, 429]);
      const res = await c.post('/api/v1/auth/login', { username: 'x', password: 'y' });
      expect(res.json().detail).toBe('Terlalu banyak percobaan. Mohon tunggu sebentar lalu coba lagi.');
    } finally {
      await limited.close();
    }
  });
});

/** A refusal without what differs between two requests (the request id). */
const refusal = (res: { statusCode: number; json: () => Record<string, unknown> }) => {
  const { instance: _instance, ...body } = res.json();
  return { status: res.statusCode, body };
};
const PAIR = THROTTLE_RULES.pair.threshold;
const MINUTE = 60_000;

describe('sign-in guessing is slowed without letting a stranger lock anyone out', () => {
  it('answers an unknown user, a wrong password, a held-back client and an inactive account alike', async () => {
    await t.addStaff('operator', DEMO_OFFICE_CODE, 'sama-1');
    await t.addStaff('operator', DEMO_OFFICE_CODE, 'sama-2');
    await t.addStaff('operator', DEMO_OFFICE_CODE, 'sama-nonaktif');
    await setStaffActive(t, null, 'sama-nonaktif', false, {});
    const guesser = t.client({ ip: '203.0.113.10' });
    for (let i = 0; i < PAIR; i++) await guesser.post('/api/v1/auth/login', { username: 'sama-2', password: `salah-${i}` });

    for (const lang of ['id', 'en']) {
      const h = { 'accept-language': lang };
      const c = t.client({ ip: '198.51.100.10' });
      const unknown = refusal(await c.post('/api/v1/auth/login', { username: 'tidak-ada', password: 'apa-saja-123' }, h));
      const wrong = refusal(await c.post('/api/v1/auth/login', { username: 'sama-1', password: 'bukan-sandinya' }, h));
      const heldBack = refusal(await guesser.post('/api/v1/auth/login', { username: 'sama-2', password: TEST_PASSWORD }, h));
      const inactive = refusal(await c.post('/api/v1/auth/login', { username: 'sama-nonaktif', password: TEST_PASSWORD }, h));
      expect(unknown.status).toBe(401);
      expect(wrong).toEqual(unknown);
      expect(heldBack).toEqual(unknown);
      expect(inactive).toEqual(unknown);
    }
  });

  it(`a stranger's 50 wrong passwords from one client hold back only that client, after ${PAIR}, for ${THROTTLE_RULES.pair.firstBlockMs / MINUTE} minutes`, async () => {
    const officer = await t.addStaff('kasi', DEMO_OFFICE_CODE, 'kasi-diserang');
    const stranger = t.client({ ip: '203.0.113.20' });
    const codes = [];
    for (let i = 0; i < 50; i++) codes.push((await stranger.post('/api/v1/auth/login', { username: 'kasi-diserang', password: `tebakan-${i}` })).statusCode);
    expect(new Set(codes)).toEqual(new Set([401]));
    // The same client is held back even with the right password…
    expect((await stranger.post('/api/v1/auth/login', { username: 'kasi-diserang', password: TEST_PASSWORD })).statusCode).toBe(401);
    // …the officer, from another client that never signed in before, is not.
    expect((await t.client({ ip: '198.51.100.20' }).post('/api/v1/auth/login', { username: 'kasi-diserang', password: TEST_PASSWORD })).statusCode).toBe(200);

    // Only the first guesses were checked and counted; the held-back ones were not.
    const audit = await listAudit(t.db, { officeCodes: [DEMO_OFFICE_CODE], entityType: 'staff_user', entityId: officer.id, limit: 100 });
    expect(audit.filter((a) => a.action === 'auth.login_failed' || a.action === 'auth.throttled')).toHaveLength(PAIR);
    expect(audit.map((a) => a.action)).toContain('auth.throttled');

    t.clock.advance(THROTTLE_RULES.pair.firstBlockMs + 1000);
    expect((await stranger.post('/api/v1/auth/login', { username: 'kasi-diserang', password: TEST_PASSWORD })).statusCode).toBe(200);
  });

  it("guessing from many addresses holds back the account's new clients, never the officer's own browser; a reset clears it", async () => {
    await t.addStaff('operator', DEMO_OFFICE_CODE, 'op-diserang');
    const ownBrowser = t.client({ ip: '198.51.100.30' });
    expect((await ownBrowser.post('/api/v1/auth/login', { username: 'op-diserang', password: TEST_PASSWORD })).statusCode).toBe(200);
    expect((await ownBrowser.post('/api/v1/auth/logout')).statusCode).toBe(204);

    const addresses = THROTTLE_RULES.account.threshold / PAIR;
    for (let a = 0; a < addresses; a++) {
      const stranger = t.client({ ip: `203.0.113.${100 + a}` });
      for (let i = 0; i < PAIR; i++) await stranger.post('/api/v1/auth/login', { username: 'op-diserang', password: `tebakan-${a}-${i}` });
    }
    // A client that never signed in to this account waits, even with the right password…
    const newClient = t.client({ ip: '198.51.100.31' });
    expect((await newClient.post('/api/v1/auth/login', { username: 'op-diserang', password: TEST_PASSWORD })).statusCode).toBe(401);
    const admin = await t.signedIn('admin');
    const listed = (await admin.get(`/api/v1/offices/${DEMO_OFFICE_CODE}/staff`)).json().staff.find((u: { username: string }) => u.username === 'op-diserang');
    expect(listed.locked).toBe(true);
    // …the officer's own browser (its known-device cookie) gets in, from any address.
    const fromElsewhere = t.client({ ip: '192.0.2.77' });
    fromElsewhere.jar.set('kencot_device', ownBrowser.jar.get('kencot_device')!);
    expect((await fromElsewhere.post('/api/v1/auth/login', { username: 'op-diserang', password: TEST_PASSWORD })).statusCode).toBe(200);
    expect((await ownBrowser.post('/api/v1/auth/login', { username: 'op-diserang', password: TEST_PASSWORD })).statusCode).toBe(200);

    // The admin's reset is the way in for a new browser.
    const { initialPassword } = (await admin.post('/api/v1/staff/op-diserang/reset-password')).json();
    expect((await newClient.post('/api/v1/auth/login', { username: 'op-diserang', password: initialPassword })).statusCode).toBe(200);
  });

  it('one address guessing over many usernames is held back, but not a known browser behind it', async () => {
    await t.addStaff('operator', DEMO_OFFICE_CODE, 'op-kantor');
    const officeIp = '198.51.100.40';
    const ownBrowser = t.client({ ip: officeIp });
    expect((await ownBrowser.post('/api/v1/auth/login', { username: 'op-kantor', password: TEST_PASSWORD })).statusCode).toBe(200);
    const sprayer = t.client({ ip: officeIp });
    for (let i = 0; i < THROTTLE_RULES.client.threshold; i++) await sprayer.post('/api/v1/auth/login', { username: `tebak-${i}`, password: 'rahasia-2026' });
    expect((await t.client({ ip: officeIp }).post('/api/v1/auth/login', { username: 'op-kantor', password: TEST_PASSWORD })).statusCode).toBe(401);
    expect((await ownBrowser.post('/api/v1/auth/login', { username: 'op-kantor', password: TEST_PASSWORD })).statusCode).toBe(200);
  });
});

describe('password changes and resets end sessions', () => {
  it("a password change ends the account's other sessions and keeps the current one", async () => {
    const here = await t.signedIn('operator');
    const elsewhere = t.client({ ip: '198.51.100.50' });
    expect((await elsewhere.post('/api/v1/auth/login', { username: here.user.username, password: TEST_PASSWORD })).statusCode).toBe(200);
    const other = await t.signedIn('operator');
    expect((await here.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'sandi-baru-yang-panjang' })).statusCode).toBe(204);
    expect((await here.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await other.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('a reset by an admin ends every session of the account', async () => {
    const officer = await t.signedIn('kasi');
    const admin = await t.signedIn('admin');
    expect((await admin.post(`/api/v1/staff/${officer.user.username}/reset-password`)).statusCode).toBe(200);
    expect((await officer.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await admin.get('/api/v1/auth/me')).statusCode).toBe(200);
  });
});

describe('deactivating and reactivating an account', () => {
  it('a deactivated account is signed out at once and cannot sign in; reactivated, it can', async () => {
    const officer = await t.signedIn('operator');
    const admin = await t.signedIn('admin');
    const off = await admin.post(`/api/v1/staff/${officer.user.username}/deactivate`);
    expect(off.statusCode).toBe(200);
    expect(off.json().user.active).toBe(false);
    expect((await officer.get('/api/v1/auth/me')).statusCode).toBe(401);
    const again = t.client({ ip: '198.51.100.60' });
    expect((await again.post('/api/v1/auth/login', { username: officer.user.username, password: TEST_PASSWORD })).statusCode).toBe(401);
    const listed = (await admin.get(`/api/v1/offices/${DEMO_OFFICE_CODE}/staff`)).json().staff.find((u: { id: string }) => u.id === officer.user.id);
    expect(listed.active).toBe(false);

    const on = await admin.post(`/api/v1/staff/${officer.user.username}/reactivate`);
    expect(on.json().user.active).toBe(true);
    // Its old sessions were ended, not merely paused: reactivation does not bring them back.
    expect((await officer.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await again.post('/api/v1/auth/login', { username: officer.user.username, password: TEST_PASSWORD })).statusCode).toBe(200);

    const audit = await listAudit(t.db, { officeCodes: [DEMO_OFFICE_CODE], entityType: 'staff_user', entityId: officer.user.id, limit: 20 });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['staff.deactivated', 'staff.reactivated']));
  });

  it('an admin cannot deactivate itself, nor the last active admin of an office; nor another office’s staff', async () => {
    const admin = await t.signedIn('admin');
    const self = await admin.post(`/api/v1/staff/${admin.user.username}/deactivate`);
    expect(self.statusCode).toBe(409);
    expect(self.json().detail).toBe('Bapak/Ibu tidak dapat menonaktifkan akun sendiri.');

    await t.addOffice('33.02.22', 'KDW');
    const lone = await t.addStaff('admin', '33.02.22');
    await expect(setStaffActive(t, null, lone.username, false, {})).rejects.toMatchObject({ code: 'last_active_admin' });
    const second = await t.addStaff('admin', '33.02.22');
    expect((await setStaffActive(t, null, lone.username, false, {})).active).toBe(false);
    await expect(setStaffActive(t, null, second.username, false, {})).rejects.toMatchObject({ code: 'last_active_admin' });

    expect((await admin.post(`/api/v1/staff/${second.username}/deactivate`)).statusCode).toBe(403);
  });
});
