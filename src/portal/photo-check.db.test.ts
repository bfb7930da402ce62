/** The portal's upload answers with what is wrong with a photo and how to retake it; the photo is kept (issue 16). */
import { and, desc, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../db/schema.js';
import { findFile } from '../files/storage.js';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { testApp, type TestApp } from '../test-support/app.js';
import { multipart } from '../test-support/multipart.js';
import { renderDocument, rng } from '../test-support/photo-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ now: '2026-11-23T03:00:00Z' });
});
afterAll(() => t.close());

async function applicantToken(phone: string) {
  const client = t.client('10.16.0.1');
  const sent = await client.post(`/api/v1/public/offices/${DEMO_OFFICE_CODE}/phone-verifications`, { phone });
  expect(sent.statusCode).toBe(201);
  const wa = `62${phone.replace(/\D/g, '').slice(1)}`;
  const [row] = await t.db.select().from(outbox).where(and(eq(outbox.recipient, wa), eq(outbox.kind, 'verification.code'))).orderBy(desc(outbox.id)).limit(1);
  const confirmed = await client.post(`/api/v1/public/phone-verifications/${sent.json().verificationId}/confirm`, { code: String(row!.payload.code) });
  expect(confirmed.statusCode).toBe(200);
  return { client, token: confirmed.json().token as string };
}

describe('a photo uploaded on the portal', () => {
  it('is kept, and the answer says it is blurred and how to retake it, in the caller\'s language', async () => {
    const { client, token } = await applicantToken('0812-2716-0016');
    const kk = await renderDocument('kk', rng(31));
    const { body, contentType } = multipart({ name: 'kk.jpg', type: 'image/jpeg', bytes: await sharp(kk.png).blur(6).jpeg().toBuffer() }, { documentType: 'kk' });
    const res = await client.send('POST', '/api/v1/public/files', body, { 'content-type': contentType, authorization: `Bearer ${token}` });
    expect(res.statusCode).toBe(201);
    const answer = res.json();
    expect(answer.photo.problems).toContain('blurred');
    expect(answer.photo.hints).toContain('Foto KK kurang jelas/buram. Mohon foto ulang di tempat yang terang, seluruh kartu terlihat.');
    expect(answer.photo.hints.at(-1)).toContain('tetap dapat dikirim');
    expect((await findFile(t.db, answer.file.id))?.photoFindings).toMatchObject({ kind: 'kk', problems: expect.arrayContaining(['blurred']) });

    const english = await client.send('POST', '/api/v1/public/files', body, { 'content-type': contentType, authorization: `Bearer ${token}`, 'accept-language': 'en' });
    expect(english.json().photo.hints.join(' ')).toMatch(/blurred/i);
  });
});
