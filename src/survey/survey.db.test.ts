/**
 * IKM survey records: one anonymous answer per handed-over request, walk-ins by QR code without a
 * request, and the invitation queued with the hand-over.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, surveyResponses } from '../db/schema.js';
import { UNSUR } from '../ikm/ikm.js';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { AppError } from '../platform/errors.js';
import { testApp, type TestApp } from '../test-support/app.js';
import { handOver, takeIn } from '../test-support/hand-over.js';
import { recordSurvey } from './service.js';
import type { SurveyAnswers } from './survey.js';

let t: TestApp;
let operator: Awaited<ReturnType<TestApp['signedIn']>>;
beforeAll(async () => {
  t = await testApp();
  operator = await t.signedIn('operator');
});
afterAll(() => t.close());

const all = (v: 1 | 2 | 3 | 4): SurveyAnswers => Object.fromEntries(UNSUR.map((u) => [u, v])) as SurveyAnswers;
const deps = () => ({ db: t.db, clock: t.clock });
const codeOf = async (p: Promise<unknown>) => p.then(() => 'ok', (err: unknown) => (err instanceof AppError ? err.code : String(err)));

describe('survey responses', () => {
  it('stores one anonymous answer per handed-over request and refuses a second with a clear code', async () => {
    const request = await takeIn(operator, '0812-2700-4401');
    expect(await codeOf(recordSurvey(deps(), { officeCode: DEMO_OFFICE_CODE, requestId: request.id, channel: 'portal', answers: all(3) }, {}))).toBe('survey_not_handed_over');
    await handOver(t, operator, request.id);

    const first = await recordSurvey(deps(), { officeCode: DEMO_OFFICE_CODE, requestId: request.id, channel: 'whatsapp', answers: all(4), profile: { sex: 'P', ageBand: '30_39' }, suggestion: '  Antrean sudah cepat  ' }, {});
    expect(await codeOf(recordSurvey(deps(), { officeCode: DEMO_OFFICE_CODE, requestId: request.id, channel: 'portal', answers: all(1) }, {}))).toBe('survey_already_answered');

    const rows = await t.db.select().from(surveyResponses).where(eq(surveyResponses.requestId, request.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: first.id, channel: 'whatsapp', serviceCode: 'kia_baru', persyaratan: 4, sarpras: 4, sex: 'P', ageBand: '30_39', education: null, suggestion: 'Antrean sudah cepat' });
    // Anonymous: neither the applicant's name nor the number is on the response.
    expect(JSON.stringify(rows[0])).not.toMatch(/Sri Wahyuni|2700/);
  });

  it('takes walk-ins by QR code without a request, as many as come', async () => {
    await recordSurvey(deps(), { officeCode: DEMO_OFFICE_CODE, requestId: null, channel: 'qr', answers: all(2) }, {});
    await recordSurvey(deps(), { officeCode: DEMO_OFFICE_CODE, requestId: null, channel: 'qr', answers: all(3) }, {});
    const walkIns = await t.db.select().from(surveyResponses).where(eq(surveyResponses.channel, 'qr'));
    expect(walkIns.length).toBeGreaterThanOrEqual(2);
    expect(await codeOf(recordSurvey(deps(), { officeCode: '99.99.99', requestId: null, channel: 'qr', answers: all(2) }, {}))).toBe('not_found');
  });

  it('keeps answers between 1 and 4 in the database itself', async () => {
    const bad = t.db.execute(sql`insert into survey_responses (office_code, channel, persyaratan, prosedur, waktu, biaya, produk, kompetensi, perilaku, pengaduan, sarpras)
      values (${DEMO_OFFICE_CODE}, 'qr', 5, 1, 1, 1, 1, 1, 1, 1, 1)`);
    await expect(bad).rejects.toThrow();
  });

  it('queues the survey invitation right after the "document received" news, in the hand-over transaction', async () => {
    const request = await takeIn(operator, '0812-2700-4402');
    await handOver(t, operator, request.id);
    const kinds = (await t.db.select().from(outbox).where(eq(outbox.requestId, request.id)).orderBy(outbox.id)).map((r) => r.kind);
    expect(kinds.slice(-2)).toEqual(['request.delivered', 'survey.invite']);
  });
});
