/**
 * A whole KIA application by WhatsApp, through the real webhook, worker, chatbot, request
 * service, outbox and sender, against a Graph API stand-in: from "halo" to the ticket with a photo
 * refused on the way, then the office returns it and the mother fixes it in the same chat.
 */
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, requests, whatsappInbound } from '../db/schema.js';
import { SECRET_MASK } from './secrets.js';
import { testApp, TEST_WHATSAPP_ENV, type TestApp } from '../test-support/app.js';
import { msg, payload, postWebhook } from '../test-support/whatsapp.js';
import { startGraphStandIn } from './simulator/graph-standin.js';

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

const IBU = '6281227001234';
// any: Cloud API message JSON as the stand-in recorded it.
type Sent = Record<string, any>;

/** The citizen's phone: sends like WhatsApp, reads what the office's number sent back. */
function phone(waId: string) {
  let seen = 0;
  const deliver = async (message: Record<string, unknown> & { from: string; id: string }) => {
    const res = await postWebhook(t, payload({ contacts: [{ waId, name: 'Siti Aminah' }], messages: [message] }));
    expect(res.statusCode).toBe(200);
    t.clock.advance(20_000);
    await t.whatsapp.drain();
    const fresh = graph.sentTo(waId).slice(seen).map((m) => m.body as Sent);
    seen = graph.sentTo(waId).length;
    return { messages: fresh, text: fresh.map(textOf).join('\n---\n') };
  };
  const offered = () => {
    for (const body of graph.sentTo(waId).map((m) => m.body as Sent).reverse()) {
      const i = body.interactive;
      if (i?.type === 'button') return i.action.buttons.map((b: Sent) => ({ id: b.reply.id, title: b.reply.title, list: false }));
      if (i?.type === 'list') return i.action.sections.flatMap((s: Sent) => s.rows).map((r: Sent) => ({ id: r.id, title: r.title, list: true }));
    }
    return [];
  };
  return {
    say: (text: string) => deliver(msg.text(waId, text, t.clock.now())),
    tap: (id: string) => {
      const choice = offered().find((c: { id: string }) => c.id === id);
      if (!choice) throw new Error(`"${id}" was not offered; last: ${textOf(graph.sentTo(waId).at(-1)?.body ?? {})}`);
      return deliver(choice.list ? msg.list(waId, id, choice.title, t.clock.now()) : msg.button(waId, id, choice.title, t.clock.now()));
    },
    photo: (bytes: Buffer) => deliver(msg.image(waId, graph.putMedia(bytes, 'image/jpeg'), t.clock.now())),
    voice: () => deliver(msg.voice(waId, t.clock.now())),
    /** News the office sent since the last look (notifications). */
    news: () => {
      const fresh = graph.sentTo(waId).slice(seen).map((m) => m.body as Sent);
      seen = graph.sentTo(waId).length;
      return fresh.map(textOf).join('\n---\n');
    },
  };
}

function textOf(body: Sent): string {
  return body.text?.body ?? body.interactive?.body?.text ?? (body.template ? `[template ${body.template.name}]` : '');
}

const photoOf = (colour: string) => sharp({ create: { width: 600, height: 400, channels: 3, background: colour } }).jpeg().toBuffer();

describe('a KIA application by WhatsApp', () => {
  it('goes from "halo" to the ticket, through a refused photo, and is fixed in the chat after the office returns it', async () => {
    const ibu = phone(IBU);
    expect((await ibu.say('halo')).text).toMatch(/WIS ORA KENCOT|Selamat/);
    await ibu.tap('m:apply');
    await ibu.tap('cat:kia');
    expect((await ibu.tap('svc:kia_baru')).text).toContain('NIK anak');
    expect((await ibu.say('3302201405190001')).text).toContain('14 Mei 2019');
    await ibu.tap('nik:yes');
    await ibu.say('Budi Santoso');
    await ibu.tap('foreign:no');
    expect((await ibu.tap('akta:yes')).text).toContain('Nomor KK');
    await ibu.say('3302201005200001');
    await ibu.say('Banyumas');
    await ibu.tap('rel:ibu');
    await ibu.say('Siti Aminah');
    expect((await ibu.say('Ledug')).text).toContain('Dokumen 1 dari 3');
    expect((await ibu.photo(await photoOf('#f0e6d2'))).text).toContain('Dokumen 2 dari 3');
    const truncated = (await photoOf('#d2e6f0')).subarray(0, 600);
    const refused = await ibu.photo(truncated);
    expect(refused.text).toMatch(/tidak dapat dibaca/);
    expect(refused.text).toContain('Dokumen 2 dari 3');
    expect((await ibu.voice()).text).toContain('pesan suara');
    expect((await ibu.photo(await photoOf('#d2e6f0'))).text).toContain('Dokumen 3 dari 3');
    await ibu.photo(await photoOf('#e6f0d2'));
    expect((await ibu.tap('dis:none')).text).toContain('Pemohon: Siti Aminah (Ibu)');

    const sent = await ibu.tap('sum:send');
    const ticket = /Nomor tiket: \*(KBR-26-\d{6})\*/.exec(sent.text)?.[1];
    const pin = /PIN pelacakan: \*(\d{6})\*/.exec(sent.text)?.[1];
    expect(ticket).toBeDefined();
    expect(pin).toBeDefined();
    // In the order they were meant, once each: the wait, then the receipt. The receipt is the news
    // itself, so no separate "received" notification arrives (it used to come first of the three).
    expect(sent.messages.map(textOf)).toEqual([expect.stringContaining('sedang kami daftarkan'), expect.stringMatching(/sudah kami terima[\s\S]*Nomor tiket/)]);

    const [request] = await t.db.select().from(requests).where(eq(requests.ticket, ticket!));
    expect(request).toMatchObject({ channel: 'whatsapp', state: 'submitted', serviceCode: 'kia_baru', applicantPhone: IBU, desaCode: '33.02.20.2001' });
    expect(request!.details).toEqual({ kk_number: '3302201005200001', subject_birth_place: 'Banyumas' });
    expect(request!.attachments.map((a) => a.documentType)).toEqual(['akta_kelahiran', 'kk', 'pas_foto']);
    expect((await t.db.select().from(whatsappInbound).where(eq(whatsappInbound.waId, IBU))).every((r) => r.status === 'done')).toBe(true);
    // The PIN reached the phone; the office keeps it nowhere readable, the inbox included.
    const stored = await t.db.select().from(outbox).where(eq(outbox.recipient, IBU));
    expect(JSON.stringify(stored)).not.toContain(pin!);
    expect(JSON.stringify(stored)).toContain(`PIN pelacakan: *${SECRET_MASK}*`);

    const operator = await t.signedIn('operator');
    const conversations = (await operator.get(`/api/v1/offices/33.02.20/whatsapp/conversations`)).json().conversations as { id: string; waId: string }[];
    const thread = await operator.get(`/api/v1/whatsapp/conversations/${conversations.find((c) => c.waId === IBU)!.id}`);
    expect(thread.statusCode).toBe(200);
    expect(thread.body).toContain(ticket!);
    expect(thread.body).not.toContain(pin!);

    const returned = await operator.post(`/api/v1/requests/${request!.id}/actions`, {
      action: 'verify_return',
      payload: { reasons: [{ code: 'unreadable_document', document: 'kk', note: 'Foto KK buram, mohon difoto ulang' }] },
    });
    expect(returned.statusCode).toBe(200);
    await t.whatsapp.drain();
    expect(ibu.news()).toMatch(/perlu dilengkapi[\s\S]*Kartu Keluarga/);

    await ibu.say('menu');
    await ibu.tap('m:status');
    expect((await ibu.tap(`req:${request!.id}`)).text).toContain('Foto KK buram');
    expect((await ibu.tap('fix:start')).text).toContain('Kartu Keluarga');
    await ibu.photo(await photoOf('#c8dcf0'));
    const fixed = await ibu.tap('fix:send');
    expect(fixed.text).toContain(`Perbaikan berkas tiket *${ticket}* sudah kami terima`);
    expect(fixed.messages).toHaveLength(2);

    const [after] = await t.db.select().from(requests).where(eq(requests.id, request!.id));
    expect(after!.state).toBe('submitted');
    expect(after!.returnReasons).toBeNull();
    const kk = after!.attachments.find((a) => a.documentType === 'kk');
    expect(kk!.fileId).not.toBe(request!.attachments.find((a) => a.documentType === 'kk')!.fileId);
    // Each bot message went out exactly once: every inbound was answered, none twice.
    const ids = graph.sentTo(IBU).map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refuses a second application for the same child and service, naming the open one', async () => {
    const AYAH = '6281227005678';
    const operator = await t.signedIn('operator');
    const counter = await operator.post('/api/v1/offices/33.02.20/requests', {
      serviceCode: 'kia_baru',
      desaCode: '33.02.20.2001',
      applicant: { name: 'Bambang', phone: '0812-2700-5678', relation: 'ayah' },
      subject: { nik: '3302201405190002', name: 'Dewi Santoso' },
      details: { kk_number: '3302201005200001', subject_birth_place: 'Banyumas' },
    });
    expect(counter.statusCode).toBe(201);
    const ticket = counter.json().request.ticket as string;

    const ayah = phone(AYAH);
    await ayah.say('halo');
    await ayah.tap('m:apply');
    await ayah.tap('cat:kia');
    await ayah.tap('svc:kia_baru');
    await ayah.say('3302201405190002');
    await ayah.tap('nik:yes');
    await ayah.say('Dewi Santoso');
    await ayah.tap('foreign:no');
    await ayah.tap('akta:yes');
    await ayah.say('3302201005200001');
    await ayah.say('Banyumas');
    await ayah.tap('rel:ibu');
    await ayah.say('Bambang');
    await ayah.say('Ledug');
    for (const colour of ['#f0e6d2', '#d2e6f0', '#e6f0d2']) await ayah.photo(await photoOf(colour));
    await ayah.tap('dis:none');
    const refused = await ayah.tap('sum:send');
    expect(refused.text).toContain(`Permohonan yang sama sudah ada: *${ticket}* (status:`);
    expect(refused.text).toContain('Ketik *status* untuk melihatnya');
    expect(await t.db.select().from(requests).where(eq(requests.subjectNik, '3302201405190002'))).toHaveLength(1);
  });
});
