/**
 * The simulator is a demo tool that shows every message the office sends — confirmation codes and
 * new tracking PINs included — so a stranger must never read or speak for someone else's number
 * through it, and a server that is not a local demo must not serve it at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OFFICE_CODE } from '../../offices/setup.js';
import { testApp, TEST_WHATSAPP_ENV, type TestApp } from '../../test-support/app.js';
import { simulatorNumberId } from '../runtime.js';

const VICTIM = '6281227007001';
const APPLICANT = '6281227007002';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ env: {} });
  // The bot's replies go to the stand-in over real HTTP, as in `npm start`.
  const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  t.whatsapp.setGraphUrl(`${url}/simulator/graph`);
});
afterAll(() => t.close());

const say = (client: ReturnType<TestApp['client']>, waId: string, text: string) =>
  client.post('/api/v1/simulator/messages', { phoneNumberId: simulatorNumberId(DEMO_OFFICE_CODE), waId, name: 'Warga', type: 'text', text });

describe('the simulator is per browser', () => {
  it('another browser can neither read a chat nor write as its number', async () => {
    const victim = t.client();
    expect((await say(victim, VICTIM, 'halo')).statusCode).toBe(200);
    await t.whatsapp.drain();
    const own = await victim.get(`/api/v1/simulator/messages?waId=${VICTIM}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().messages.some((m: { direction: string }) => m.direction === 'out')).toBe(true);

    const stranger = t.client();
    const read = await stranger.get(`/api/v1/simulator/messages?waId=${VICTIM}`);
    expect(read.statusCode).toBe(403);
    expect(read.json()).toMatchObject({ code: 'simulator_number_taken' });
    expect(read.json()).not.toHaveProperty('messages');
    // With a session of its own, too.
    await stranger.get('/api/v1/simulator/session');
    expect((await stranger.get(`/api/v1/simulator/messages?waId=${VICTIM}`)).statusCode).toBe(403);
    expect((await say(stranger, VICTIM, 'batal')).statusCode).toBe(403);
    // Without any cookie at all.
    expect((await t.app.inject({ url: `/api/v1/simulator/messages?waId=${VICTIM}` })).statusCode).toBe(403);
  });

  it('a forged session cookie is no session', async () => {
    const res = await t.app.inject({ url: `/api/v1/simulator/messages?waId=${VICTIM}`, headers: { cookie: 'kencot_sim=guessed' } });
    expect(res.statusCode).toBe(403);
  });

  it("a real applicant's number (a code sent from the portal) cannot be taken, read or used", async () => {
    const citizen = t.client();
    const sent = await citizen.post(`/api/v1/public/offices/${DEMO_OFFICE_CODE}/phone-verifications`, { phone: '0812-2700-7002' });
    expect(sent.statusCode).toBe(201);
    await t.whatsapp.drain();
    expect(t.whatsapp.standIn?.sentTo(APPLICANT).length).toBe(1);

    const stranger = t.client();
    expect((await say(stranger, APPLICANT, 'halo')).statusCode).toBe(403);
    const read = await stranger.get(`/api/v1/simulator/messages?waId=${APPLICANT}`);
    expect(read.statusCode).toBe(403);
    expect(read.json()).not.toHaveProperty('messages');
    expect(read.body).not.toContain('kencot_kode_verifikasi');
  });

  it('gives each browser a number of its own at once, and keeps the ones it used', async () => {
    const a = t.client();
    const first = (await a.get('/api/v1/simulator/session')).json() as { numbers: string[]; current: string };
    expect(first.current).toMatch(/^62\d{8,13}$/);
    expect(first.numbers).toEqual([first.current]);
    // Already this browser's: a code sent to it from the portal shows up here, and nowhere else.
    expect((await a.get(`/api/v1/simulator/messages?waId=${first.current}`)).json()).toEqual({ messages: [] });
    expect((await say(a, '6281227007003', 'halo')).statusCode).toBe(200);
    expect((await a.get('/api/v1/simulator/session')).json()).toEqual({ numbers: [first.current, '6281227007003'], current: '6281227007003' });
    const b = t.client();
    const other = (await b.get('/api/v1/simulator/session')).json() as { current: string };
    expect(other.current).not.toBe(first.current);
    expect((await say(b, first.current, 'halo')).statusCode).toBe(403);
  });
});

describe('where the simulator is served', () => {
  it.each([
    ['a server listening on every interface', { HOST: '0.0.0.0' }],
    ['production mode', { NODE_ENV: 'production' }],
    ['switched off', { SIMULATOR: 'off' }],
    ['Meta credentials', TEST_WHATSAPP_ENV],
  ])('not with %s, unless enabled', async (_, env) => {
    const off = await testApp({ env });
    try {
      for (const url of ['/api/v1/simulator/offices', '/api/v1/simulator/session', `/api/v1/simulator/messages?waId=${VICTIM}`, '/simulator']) {
        expect((await off.app.inject({ url, headers: { accept: 'text/html,application/json' } })).statusCode, url).toBe(404);
      }
      expect(off.whatsapp.mode).not.toBe('simulator');
    } finally {
      await off.close();
    }
  });

  it('served on a public address when its owner turns it on, still per browser', async () => {
    const on = await testApp({ env: { HOST: '0.0.0.0', NODE_ENV: 'production', SIMULATOR: 'on' } });
    try {
      expect(on.whatsapp.mode).toBe('simulator');
      expect((await on.app.inject({ url: '/api/v1/simulator/offices' })).statusCode).toBe(200);
      expect((await on.app.inject({ url: `/api/v1/simulator/messages?waId=${VICTIM}` })).statusCode).toBe(403);
    } finally {
      await on.close();
    }
  });
});
