/**
 * The photo check at upload by WhatsApp (issue 16), through the real webhook, worker and chatbot:
 * a blurred photo of a KK is kept, and the next reply says so in plain Indonesian, with how to
 * retake it; an akta sent for the KK is flagged and the mother asked whether it was meant for the
 * akta; the verifier finds the same findings on the file.
 */
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files, requests, whatsappInbound } from '../db/schema.js';
import { testApp, TEST_WHATSAPP_ENV, type TestApp } from '../test-support/app.js';
import { renderDocument, rng } from '../test-support/photo-fixtures.js';
import { msg, payload, postWebhook } from '../test-support/whatsapp.js';
import { closeOcr } from '../photos/ocr.js';
import { startGraphStandIn } from './simulator/graph-standin.js';

let t: TestApp;
let graph: Awaited<ReturnType<typeof startGraphStandIn>>;
beforeAll(async () => {
  // The OCR on, with a generous budget for a loaded test machine: the wrong-document check reads the title.
  t = await testApp({ photoOcrTimeoutMs: 15_000 });
  graph = await startGraphStandIn({ accessToken: TEST_WHATSAPP_ENV.WHATSAPP_ACCESS_TOKEN, now: () => t.clock.now() });
  t.whatsapp.setGraphUrl(graph.url);
});
afterAll(async () => {
  await graph.close();
  await t.close();
  await closeOcr();
});

const IBU = '6281227009876';
// any: Cloud API message JSON as the stand-in recorded it.
type Sent = Record<string, any>;
const textOf = (body: Sent): string => body.text?.body ?? body.interactive?.body?.text ?? '';

function phone(waId: string) {
  let seen = 0;
  const deliver = async (message: Record<string, unknown> & { from: string; id: string }) => {
    const res = await postWebhook(t, payload({ contacts: [{ waId, name: 'Siti Aminah' }], messages: [message] }));
    expect(res.statusCode).toBe(200);
    t.clock.advance(20_000);
    await t.whatsapp.drain();
    const fresh = graph.sentTo(waId).slice(seen).map((m) => m.body as Sent);
    seen = graph.sentTo(waId).length;
    return fresh.map(textOf).join('\n---\n');
  };
  const offered = (id: string) => {
    for (const body of graph.sentTo(waId).map((m) => m.body as Sent).reverse()) {
      const i = body.interactive;
      if (i?.type === 'button') return i.action.buttons.map((b: Sent) => ({ id: b.reply.id, title: b.reply.title, list: false })).find((c: Sent) => c.id === id);
      if (i?.type === 'list') return i.action.sections.flatMap((s: Sent) => s.rows).map((r: Sent) => ({ id: r.id, title: r.title, list: true })).find((c: Sent) => c.id === id);
    }
    return undefined;
  };
  return {
    say: (text: string) => deliver(msg.text(waId, text, t.clock.now())),
    tap: (id: string) => {
      const choice = offered(id);
      if (!choice) throw new Error(`"${id}" was not offered`);
      return deliver(choice.list ? msg.list(waId, id, choice.title, t.clock.now()) : msg.button(waId, id, choice.title, t.clock.now()));
    },
    photo: (bytes: Buffer) => deliver(msg.image(waId, graph.putMedia(bytes, 'image/jpeg'), t.clock.now())),
  };
}

/** From "halo" to the first document of a new KIA (the akta). */
async function upToTheAkta(ibu: ReturnType<typeof phone>) {
  await ibu.say('halo');
  await ibu.tap('m:apply');
  await ibu.tap('cat:kia');
  await ibu.tap('svc:kia_baru');
  await ibu.say('3302201405190001');
  await ibu.tap('nik:yes');
  await ibu.say('Budi Santoso');
  await ibu.tap('foreign:no');
  await ibu.tap('akta:yes');
  await ibu.say('3302201005200001');
  await ibu.say('Banyumas');
  await ibu.tap('rel:ibu');
  await ibu.say('Siti Aminah');
  expect(await ibu.say('Ledug')).toContain('Dokumen 1 dari 3');
}

describe('photos sent by WhatsApp, checked in the worker with the OCR on', () => {
  it('a blurred KK is kept, and the next reply gives the retake advice and the way to send it again', async () => {
    const ibu = phone(IBU);
    await upToTheAkta(ibu);
    const akta = await renderDocument('akta', rng(16));
    const aktaReply = await ibu.photo(await sharp(akta.png).jpeg({ quality: 90 }).toBuffer());
    expect(aktaReply).toContain('Dokumen 2 dari 3');
    expect(aktaReply).not.toContain('buram');

    const kk = await renderDocument('kk', rng(17));
    const blurred = await sharp(kk.png).blur(6).jpeg({ quality: 85 }).toBuffer();
    const reply = await ibu.photo(blurred);
    expect(reply).toContain('Kartu Keluarga (KK) sudah kami terima');
    expect(reply).toContain('Foto KK kurang jelas/buram. Mohon foto ulang di tempat yang terang, seluruh kartu terlihat.');
    expect(reply).toContain('tetap dapat dikirim');
    expect(reply).toContain('Ketik *kembali*');
    // Still accepted: the chat moved on to the pass photo.
    expect(reply).toContain('Dokumen 3 dari 3');

    // The findings are on the stored file, for the verifier.
    const inbound = await t.db.select().from(whatsappInbound).where(eq(whatsappInbound.waId, IBU));
    const kkFileId = inbound.filter((r) => r.fileId).sort((a, b) => a.id - b.id).at(-1)!.fileId!;
    const [file] = await t.db.select().from(files).where(eq(files.id, kkFileId));
    expect(file!.photoFindings).toMatchObject({ kind: null, problems: expect.arrayContaining(['blurred']), ocr: expect.stringMatching(/^(read|not_read)$/) });
    expect(await t.db.select().from(requests)).toHaveLength(0);
  });

  it('an akta sent at the KK slot is flagged and the mother asked whether it was meant for the akta', async () => {
    const ibu = phone('6281227005555');
    await upToTheAkta(ibu);
    const akta = await sharp((await renderDocument('akta', rng(41))).png).jpeg({ quality: 90 }).toBuffer();
    expect(await ibu.photo(akta)).toContain('Dokumen 2 dari 3');
    const reply = await ibu.photo(akta);
    expect(reply).toContain('Foto ini tampaknya bukan KK (terbaca: akta kelahiran). Mohon kirim foto KK.');
    expect(reply).toContain('Apakah foto ini sebenarnya untuk *akta kelahiran*?');
  });
});
