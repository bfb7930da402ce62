import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit.js';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { TEST_PASSWORD, testApp, type TestApp } from '../test-support/app.js';
import { ROLES } from './roles.js';
import { LOCK_MINUTES, MAX_FAILED_LOGINS } from './service.js';

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
    expect(unknown.json().detail).toBe('Nama pengguna atau kata sandi salah.');
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

  it(`locks the account after ${MAX_FAILED_LOGINS} wrong passwords, even against the right one, until ${LOCK_MINUTES} minutes pass`, async () => {
    const user = await t.addStaff('operator', DEMO_OFFICE_CODE, 'sari');
    const c = t.client();
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
      expect((await c.post('/api/v1/auth/login', { username: 'sari', password: `wrong-${i}` })).statusCode).toBe(401);
    }
    const fifth = await c.post('/api/v1/auth/login', { username: 'sari', password: 'wrong-5' });
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().detail).toMatch(/^Akun dikunci sementara/);
    const rightButLocked = await c.post('/api/v1/auth/login', { username: 'sari', password: TEST_PASSWORD }, { 'accept-language': 'en' });
    expect(rightButLocked.statusCode).toBe(423);
    expect(rightButLocked.json().detail).toMatch(/temporarily locked/);

    const audit = await listAudit(t.db, { officeCodes: [DEMO_OFFICE_CODE], entityType: 'staff_user', entityId: user.id, limit: 20 });
    expect(audit.map((a) => a.action)).toContain('auth.locked');

    t.clock.advance(LOCK_MINUTES * 60_000 + 1000);
    expect((await c.post('/api/v1/auth/login', { username: 'sari', password: TEST_PASSWORD })).statusCode).toBe(200);
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
