/**
 * The authorization matrix over HTTP: every API route, called by every role, answers 403 exactly
 * when the route's declared operation is not the role's — and 401 to nobody, and 403 for another
 * office. The policy table itself is tested in policy.test.ts; this proves the routes use it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import type { DeclaredRoute } from '../platform/http.js';
import { testApp, type TestApp } from '../test-support/app.js';
import { OPERATIONS, roleMay, type Operation } from './policy.js';
import { ROLES, type Role } from './roles.js';

let t: TestApp;
let clients: Map<Role, Awaited<ReturnType<TestApp['signedIn']>>>;

beforeAll(async () => {
  t = await testApp();
});
// Fresh sessions for each test: the matrix itself signs everyone out (POST /auth/logout is a route too).
beforeEach(async () => {
  clients = new Map();
  for (const role of ROLES) clients.set(role, await t.signedIn(role));
});
afterAll(() => t.close());

/** Routes open to anyone. A route added here is a decision someone must make on purpose. */
const PUBLIC_ROUTES = [
  'GET /api/v1/auth/csrf',
  'POST /api/v1/auth/login',
  'GET /api/v1/offices',
  'GET /api/v1/offices/:officeCode',
  'GET /api/v1/offices/:officeCode/services',
  'GET /api/v1/offices/:officeCode/services/:serviceCode/checklist',
  'GET /api/v1/public/files/:id/content',
  'GET /api/v1/public/offices/:officeCode/catalogue',
  'GET /api/v1/public/offices/:officeCode/books',
  'POST /api/v1/public/nik-check',
  'POST /api/v1/public/offices/:officeCode/phone-verifications',
  'POST /api/v1/public/phone-verifications/:id/confirm',
  'POST /api/v1/public/files',
  'POST /api/v1/public/applications',
  'POST /api/v1/public/track',
  'GET /api/v1/public/track',
  'POST /api/v1/public/track/resubmit',
  'POST /api/v1/public/track/cancel',
  'POST /api/v1/public/track/new-pin',
  // The satisfaction survey: the tracked request's (tracking token) and a walk-in's by QR code.
  'GET /api/v1/public/track/survey',
  'POST /api/v1/public/track/survey',
  'POST /api/v1/public/offices/:officeCode/survey',
  // Complaints from the portal: filed with a number and PIN, read back with both; rate-limited per IP.
  'POST /api/v1/public/offices/:officeCode/complaints',
  'POST /api/v1/public/offices/:officeCode/complaints/lookup',
  'GET /api/v1/vocabulary',
].sort();

/** A concrete path for a route pattern: the demo office (or the one given), harmless values elsewhere. */
function pathOf(route: DeclaredRoute, officeCode = DEMO_OFFICE_CODE) {
  const values: Record<string, string> = {
    officeCode,
    id: '00000000-0000-4000-8000-000000000000',
    username: 'tidak-ada',
    queue: 'verifikasi',
    serviceCode: 'kia',
    phoneNumberId: '100000000000001',
    date: '2027-01-04',
    kind: 'libur_lokal',
    year: '2027',
    from: '2027-01-04',
    month: '2026-11',
  };
  return route.url.replace(/:(\w+)/g, (_, name: string) => {
    const value = values[name];
    if (!value) throw new Error(`no test value for :${name} in ${route.url}`);
    return value;
  });
}

const operationsOf = (route: DeclaredRoute): Operation[] =>
  route.access === 'public' || route.access === 'signed-in' ? [] : typeof route.access === 'string' ? [route.access] : [...route.access];

function call(client: ReturnType<TestApp['client']>, route: DeclaredRoute, url: string) {
  return client.send(route.method as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url, route.method === 'GET' ? undefined : {});
}

const SIGN_OUT = 'POST /api/v1/auth/logout';
/** The routes that need a signed-in member, signing out last so it does not end the session mid-test. */
const guarded = () =>
  t.app.declaredRoutes
    .filter((r) => r.access !== 'public' && !r.url.startsWith('/api/v1/simulator/'))
    .sort((a, b) => Number(`${a.method} ${a.url}` === SIGN_OUT) - Number(`${b.method} ${b.url}` === SIGN_OUT));

describe('every API route declares who may call it', () => {
  it('the public routes are exactly the intended ones', () => {
    const open = t.app.declaredRoutes.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`);
    expect(open.sort()).toEqual(PUBLIC_ROUTES);
  });

  it('every operation of the policy guards at least one route, and every guarded route names a known operation', () => {
    const used = new Set(guarded().flatMap(operationsOf));
    expect([...used].sort()).toEqual(Object.keys(OPERATIONS).sort());
  });
});

describe('the matrix over HTTP', () => {
  it('nobody signed in gets 401 from every guarded route', async () => {
    const anonymous = t.client();
    for (const route of guarded()) {
      const res = await call(anonymous, route, pathOf(route));
      expect({ route: `${route.method} ${route.url}`, status: res.statusCode }).toEqual({ route: `${route.method} ${route.url}`, status: 401 });
    }
  });

  it('each role × each route: refused with 403 exactly when the role may not do the route’s operation', async () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const route of guarded()) {
      const operations = operationsOf(route);
      for (const role of ROLES) {
        const res = await call(clients.get(role)!, route, pathOf(route));
        const allowed = operations.length === 0 || operations.some((op) => roleMay(role, op));
        const label = `${role} ${route.method} ${route.url}`;
        outcomes.push(`${label}: ${res.statusCode === 403 ? 'refused' : res.statusCode === 401 ? 'unauthenticated' : 'let through'}`);
        expected.push(`${label}: ${allowed ? 'let through' : 'refused'}`);
        if (res.statusCode === 403) expect(res.json().code, label).toBe('forbidden');
      }
    }
    expect(outcomes).toEqual(expected);
  });

  it('a route that names an office refuses every office role for another office, and the regency role outside its regency', async () => {
    const officeScoped = guarded().filter((r) => r.url.includes(':officeCode') && operationsOf(r).length > 0);
    expect(officeScoped.length).toBeGreaterThan(15);
    const outcomes: string[] = [];
    for (const route of officeScoped) {
      for (const role of ROLES) {
        const elsewhere = role === 'kabupaten' ? '33.03.01' : '33.02.21';
        const res = await call(clients.get(role)!, route, pathOf(route, elsewhere));
        if (res.statusCode !== 403) outcomes.push(`${role} ${route.method} ${route.url} for ${elsewhere}: ${res.statusCode}`);
      }
    }
    expect(outcomes).toEqual([]);
  });

  it('the regency role reads another kecamatan of its own regency', async () => {
    const regency = clients.get('kabupaten')!;
    await t.addOffice('33.02.21', 'SMB');
    expect((await regency.get('/api/v1/offices/33.02.21/queues')).statusCode).toBe(200);
    expect((await regency.get('/api/v1/offices/33.02.21/audit')).statusCode).toBe(200);
    expect((await regency.post('/api/v1/offices/33.02.21/requests', {})).statusCode).toBe(403);
    // By ticket: the regency sees no names, so it does not search by them either (requests/field-access.ts).
    expect((await regency.get('/api/v1/offices/regency/requests?q=KBR-26-000001')).statusCode).toBe(200);
    // "The whole regency" is the regency role's reach only.
    expect((await clients.get('camat')!.get('/api/v1/offices/regency/requests?q=Dewi')).statusCode).toBe(403);
  });
});
