/**
 * The satisfaction survey by WhatsApp after a hand-over, end to end: the real hand-over queues the
 * invitation, the webhook, worker, dialogue and outbox run against a Graph API stand-in, the
 * citizen stops half-way and resumes later, and the answer is stored once for the request.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surveyResponses } from '../db/schema.js';
import { UNSUR } from '../ikm/ikm.js';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { testApp, TEST_WHATSAPP_ENV, type TestApp } from '../test-support/app.js';
import { handOver, takeIn } from '../test-support/hand-over.js';
import { msg, payload, postWebhook } from '../test-support/whatsapp.js';
import { startGraphStandIn } from '../whatsapp/simulator/graph-standin.js';
import { recordSurvey } from './service.js';

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

const responsesOf = (requestId: string) => t.db.select().from(surveyResponses).where(eq(surveyResponses.requestId, requestId));

describe('the satisfaction survey by WhatsApp', () => {
  it('is invited after the hand-over, asked one question a message, stopped and resumed, and stored once for the request', async () => {
    const IBU = '6281227004411';
    const ibu = phone(IBU);
    await ibu.say('halo');
    const operator = await t.signedIn('operator');
    const request = await takeIn(operator, '0812-2700-4411');
    await handOver(t, operator, request.id);
    const news = await ibu.news();
    // The news of the hand-over first, the invitation right behind it.
    expect(news).toMatch(new RegExp(`sudah diserahkan[^]*---\\nBagaimana pengalaman Bapak/Ibu dengan pelayanan permohonan \\*${request.ticket}\\*[^]*Balas \\*survei\\*`));

    let reply = await ibu.say('survei');
    expect(reply).toContain(`survei kepuasan untuk permohonan *${request.ticket}*`);
    expect(reply).toContain('Pertanyaan 1 dari 9 — Persyaratan');
    expect(reply).toMatch(/1\. Tidak sesuai\n2\. Kurang sesuai\n3\. Sesuai\n4\. Sangat sesuai/);
    expect(await ibu.say('4')).toContain('Pertanyaan 2 dari 9');
    expect(await ibu.tap('svy:a:PROSEDUR:3', 'Mudah')).toContain('Pertanyaan 3 dari 9 — Waktu penyelesaian');
    // The answer's own words, as typed.
    expect(await ibu.say('sangat cepat')).toContain('Pertanyaan 4 dari 9');
    expect(await ibu.say('jawabannya pisang')).toContain('jawaban belum kami kenali');
    reply = await ibu.say('berhenti');
    expect(reply).toContain('sampai pertanyaan 4');
    expect(await responsesOf(request.id)).toHaveLength(0);

    // Hours later, another day: the survey goes on from where it stopped.
    t.clock.advance(20 * 3600_000);
    reply = await ibu.say('survei');
    expect(reply).toContain(`Kita lanjutkan survei permohonan *${request.ticket}* dari pertanyaan 4`);
    expect(reply).toContain('Biaya/tarif');
    expect(await ibu.say('gratis')).toContain('Pertanyaan 5 dari 9');
    expect(await ibu.say('kembali')).toContain('Pertanyaan 4 dari 9');
    await ibu.say('4');
    for (const answer of ['3', '3', '4', '2']) await ibu.say(answer);
    reply = await ibu.say('3');
    expect(reply).toContain('data responden');
    expect(await ibu.say('1')).toContain('Usia');
    expect(await ibu.say('3')).toContain('Jenis kelamin');
    expect(await ibu.say('perempuan')).toContain('Pendidikan terakhir');
    expect(await ibu.say('7')).toContain('Pekerjaan');
    expect(await ibu.say('wirausaha')).toContain('saran atau masukan');
    reply = await ibu.say('Ruang tunggu perlu kipas angin');
    expect(reply).toContain(`Jawaban survei permohonan *${request.ticket}* sudah kami simpan`);

    const rows = await responsesOf(request.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      officeCode: DEMO_OFFICE_CODE,
      channel: 'whatsapp',
      persyaratan: 4, prosedur: 3, waktu: 4, biaya: 4, produk: 3, kompetensi: 3, perilaku: 4, pengaduan: 2, sarpras: 3,
      ageBand: '30_39', sex: 'P', education: null, occupation: 'wirausaha',
      suggestion: 'Ruang tunggu perlu kipas angin',
    });
    expect(JSON.stringify(rows[0])).not.toContain(IBU.slice(2));

    // Once per request: asked again, there is nothing left to answer.
    expect(await ibu.say('survei')).toContain('belum ada survei');
    expect(await responsesOf(request.id)).toHaveLength(1);
  });

  it('says so when the same request was answered on the portal while the chat was under way', async () => {
    const AYAH = '6281227004422';
    const ayah = phone(AYAH);
    await ayah.say('halo');
    const operator = await t.signedIn('operator');
    const request = await takeIn(operator, '0812-2700-4422');
    await handOver(t, operator, request.id);
    await ayah.news();
    await ayah.say('survei');
    for (const answer of ['3', '3', '3', '4', '3', '3', '3', '3']) await ayah.say(answer);
    const answers = Object.fromEntries(UNSUR.map((u) => [u, 2]));
    await recordSurvey({ db: t.db, clock: t.clock }, { officeCode: DEMO_OFFICE_CODE, requestId: request.id, channel: 'portal', answers: answers as Record<(typeof UNSUR)[number], number> }, {});
    await ayah.say('3');
    await ayah.say('lewati');
    expect(await ayah.say('lewati')).toContain('sudah Bapak/Ibu isi sebelumnya');
    const rows = await responsesOf(request.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.channel).toBe('portal');
  });
});
