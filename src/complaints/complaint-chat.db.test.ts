/**
 * A complaint by WhatsApp through to its answer: the webhook, worker, dialogue and outbox run
 * against a Graph API stand-in; an officer answers in the console's API; the citizen reads the
 * answer in the chat, and typing the number later shows it again.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaints } from '../db/schema.js';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { testApp, TEST_WHATSAPP_ENV, type TestApp } from '../test-support/app.js';
import { msg, payload, postWebhook } from '../test-support/whatsapp.js';
import { startGraphStandIn } from '../whatsapp/simulator/graph-standin.js';

let t: TestApp;
let graph: Awaited<ReturnType<typeof startGraphStandIn>>;
beforeAll(async () => {
  t = await testApp();
  graph = await startGraphStandIn({ accessToken: TEST_WHATSAPP_ENV.WHATSAPP_ACCESS_TOKEN, now: () => t.clock.now() });
  t.whatsapp.setGraphUrl(graph.url);
});
afterAll(async () => {
  await graph.close();
  await t.close();
});

// any: Cloud API message JSON as the stand-in recorded it.
type Sent = Record<string, any>;
const textOf = (body: Sent): string => body.text?.body ?? body.interactive?.body?.text ?? (body.template ? `[template ${body.template.name}]` : '');

function phone(waId: string) {
  let seen = 0;
  const fresh = () => {
    const all = graph.sentTo(waId).map((m) => m.body as Sent);
    const out = all.slice(seen);
    seen = all.length;
    return out.map(textOf).join('\n---\n');
  };
  const deliver = async (message: Record<string, unknown> & { from: string; id: string }) => {
    const res = await postWebhook(t, payload({ contacts: [{ waId, name: 'Sri Wahyuni' }], messages: [message] }));
    expect(res.statusCode).toBe(200);
    t.clock.advance(20_000);
    await t.whatsapp.drain();
    return fresh();
  };
  return {
    say: (text: string) => deliver(msg.text(waId, text, t.clock.now())),
    tap: (id: string, title: string) => deliver(msg.button(waId, id, title, t.clock.now())),
    news: async () => {
      await t.whatsapp.drain();
      return fresh();
    },
  };
}

describe('a complaint by WhatsApp', () => {
  it('is recorded with a number, answered by an officer, and the answer reaches the citizen in the chat', async () => {
    const warga = phone('6281227006601');
    const said = 'Saya kecewa, sudah dua minggu KIA anak saya belum jadi padahal katanya satu hari.';
    expect(await warga.say(said)).toContain(`"${said}"`);
    const recorded = await warga.tap('adu:send', 'Kirim');
    const number = /\*(ADU-[A-Z]{3}-26-\d{4})\*/.exec(recorded)?.[1];
    expect(number, recorded).toBeDefined();
    expect(recorded).toContain('paling lambat');

    const [row] = await t.db.select().from(complaints).where(eq(complaints.number, number!));
    expect(row).toMatchObject({ channel: 'whatsapp', kind: 'keluhan', phone: '6281227006601', body: said, answer: null });

    const operator = await t.signedIn('operator');
    const answer = 'Mohon maaf atas keterlambatannya, Bapak/Ibu. KIA sudah dicetak dan dapat diambil hari ini.';
    const res = await operator.post(`/api/v1/complaints/${row!.id}/answer`, { answer });
    expect(res.statusCode, res.body).toBe(200);
    const told = await warga.news();
    expect(told).toContain(number!);
    expect(told).toContain(answer);

    // Days later, the number typed shows the answer again; a second complaint gets the next number.
    t.clock.advance(3 * 86_400_000);
    expect(await warga.say(number!.toLowerCase())).toContain(answer);
    await warga.say('pengaduan');
    const second = await warga.say('Toilet di ruang tunggu kantor kecamatan tidak ada airnya.');
    expect(second).toContain('Kirim sekarang?');
    const next = await warga.say('1');
    expect(next).toMatch(/ADU-[A-Z]{3}-26-\d{4}/);
    expect(next).not.toContain(number!);
    const all = await t.db.select().from(complaints).where(eq(complaints.phone, '6281227006601'));
    expect(all).toHaveLength(2);
    expect(all.every((c) => c.officeCode === DEMO_OFFICE_CODE)).toBe(true);
  });
});
