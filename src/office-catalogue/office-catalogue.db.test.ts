/** An admin's own version of the office's services, merged into what the office offers and takes in. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit.js';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { testApp, type TestApp } from '../test-support/app.js';
import { anotherGirlNik, KIA_DETAILS } from '../test-support/requests.js';

let t: TestApp;
let admin: Awaited<ReturnType<TestApp['signedIn']>>;
let operator: Awaited<ReturnType<TestApp['signedIn']>>;
beforeAll(async () => {
  t = await testApp({ now: '2026-11-23T03:00:00Z' }); // Monday 10:00 WIB
  admin = await t.signedIn('admin');
  operator = await t.signedIn('operator');
});
afterAll(() => t.close());

const BASE = `/api/v1/offices/${DEMO_OFFICE_CODE}`;
type ServiceView = { code: string; requirements: { document: string; need: string }[]; slaWorkingDays: number };
const publicServices = async () => (await t.client().get(`${BASE}/services`)).json().services as ServiceView[];
const submit = (serviceCode: string, channel = 'whatsapp') =>
  operator.post(`${BASE}/requests`, {
    serviceCode,
    channel,
    desaCode: '33.02.20.2001',
    applicant: { name: 'Budi', phone: '081300000001', relation: 'ayah' },
    subject: { nik: anotherGirlNik(), name: 'Citra', birthDate: '2019-03-10' },
    details: KIA_DETAILS,
  });

describe('service settings', () => {
  it('switching a service off takes it out of the public catalogue and refuses new requests for it', async () => {
    const res = await admin.send('PUT', `${BASE}/service-settings/ikd_aktivasi`, { enabled: false, requirements: null, slaWorkingDays: null });
    expect(res.statusCode).toBe(200);
    expect(res.json().services.find((s: { code: string }) => s.code === 'ikd_aktivasi')).toMatchObject({ enabled: false, own: { requirements: null } });
    expect((await publicServices()).map((s) => s.code)).not.toContain('ikd_aktivasi');
    const refused = await submit('ikd_aktivasi', 'walk_in');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0].field).toBe('body.serviceCode');

    const reset = await admin.send('DELETE', `${BASE}/service-settings/ikd_aktivasi`);
    expect(reset.statusCode).toBe(200);
    expect((await publicServices()).map((s) => s.code)).toContain('ikd_aktivasi');
    expect((await admin.send('DELETE', `${BASE}/service-settings/ikd_aktivasi`)).statusCode).toBe(404);
  });

  it("an office's own requirement list and time standard reach the catalogue, intake, and the request page, audited", async () => {
    const requirements = [
      { need: 'required', document: 'akta_kelahiran' },
      { need: 'required', document: 'kk', details: { id: 'KK asli ditunjukkan', en: 'Show the original KK' } },
      { need: 'conditional', document: 'pas_foto', when: { kind: 'age_at_least', years: 5 }, photo: { widthCm: 3, heightCm: 4, copies: 1, colour: true } },
    ];
    const res = await admin.send('PUT', `${BASE}/service-settings/kia_baru`, { enabled: true, requirements, slaWorkingDays: 2 });
    expect(res.statusCode).toBe(200);
    const kia = res.json().services.find((s: { code: string }) => s.code === 'kia_baru');
    expect(kia.effective.requirements.map((r: { document: string }) => r.document)).toEqual(['akta_kelahiran', 'kk', 'pas_foto']);
    expect(kia.effective.requirements[2].whenLabel.id).toBe('berusia 5 tahun ke atas');
    expect(kia.shipped.requirements.map((r: { document: string }) => r.document)).toContain('ktp_el_ibu');

    const shown = (await publicServices()).find((s) => s.code === 'kia_baru')!;
    expect(shown.requirements.map((r) => r.document)).toEqual(['akta_kelahiran', 'kk', 'pas_foto']);
    expect(shown.slaWorkingDays).toBe(2);

    // Online requests now get two working days: Monday 10:00 → Wednesday 10:00 WIB; the counter stays same-day.
    const online = await submit('kia_baru');
    expect(online.json().request.dueAt).toBe('2026-11-25T03:00:00.000Z');
    expect((await submit('kia_baru', 'walk_in')).json().request.dueAt).toBe('2026-11-23T08:30:00.000Z');
    const page = (await operator.get(`/api/v1/requests/${online.json().request.id}`)).json();
    expect(page.checklist.items.map((i: { document: string; need: string }) => [i.document, i.need])).toEqual([
      ['akta_kelahiran', 'required'],
      ['kk', 'required'],
      ['pas_foto', 'required'],
    ]);

    const checklist = (await t.client().get(`${BASE}/services/kia_baru/checklist?ageYears=3`)).json().checklist;
    expect(checklist.items.map((i: { document: string }) => i.document)).toEqual(['akta_kelahiran', 'kk']);
    // With the age unknown the photo stays conditional, and says when in words.
    const unknownAge = (await t.client().get(`${BASE}/services/kia_baru/checklist`)).json().checklist;
    expect(unknownAge.items[2]).toMatchObject({ document: 'pas_foto', need: 'conditional', whenLabel: { id: 'berusia 5 tahun ke atas', en: 'aged 5 or over' } });

    const audit = await listAudit(t.db, { officeCodes: [DEMO_OFFICE_CODE], entityType: 'service', entityId: 'kia_baru', limit: 5 });
    expect(audit[0]).toMatchObject({
      action: 'catalogue.service_updated',
      actorId: admin.user.id,
      details: { before: null, after: { enabled: true, requirements: ['akta_kelahiran:required', 'kk:required', 'pas_foto:conditional'], slaWorkingDays: 2 } },
    });
  });

  it("holds an admin's list to the catalogue's rules, and lets only the office's own admin change it", async () => {
    const put = (who: typeof admin, code: string, body: unknown) => who.send('PUT', `${BASE}/service-settings/${code}`, body);
    const valid = { enabled: true, requirements: [{ need: 'required', document: 'kk' }], slaWorkingDays: null };
    expect((await put(admin, 'kk_baru', { ...valid, requirements: [] })).statusCode).toBe(400);
    expect((await put(admin, 'kk_baru', { ...valid, requirements: [{ need: 'required', document: 'ijazah' }] })).statusCode).toBe(400);
    expect((await put(admin, 'kk_baru', { ...valid, requirements: [{ need: 'conditional', document: 'kk' }] })).statusCode).toBe(400);
    expect((await put(admin, 'kk_baru', { ...valid, requirements: [{ need: 'required', document: 'kk', photo: { widthCm: 3, heightCm: 4, colour: true } }] })).statusCode).toBe(
      400,
    );
    expect((await put(admin, 'kk_baru', { ...valid, slaWorkingDays: 40 })).statusCode).toBe(400);
    expect((await put(admin, 'no_such_service', valid)).statusCode).toBe(404);
    expect((await put(operator, 'kk_baru', valid)).statusCode).toBe(403);
    await t.addOffice('33.02.21', 'SMB');
    expect((await put(await t.signedIn('admin', '33.02.21'), 'kk_baru', valid)).statusCode).toBe(403);
    // Nothing of that was stored.
    const kk = (await admin.get(`${BASE}/service-settings`)).json().services.find((s: { code: string }) => s.code === 'kk_baru');
    expect(kk.own).toBeNull();
  });

  it('gives the settings page the vocabulary: document types and the conditions the catalogue uses', async () => {
    const view = (await admin.get(`${BASE}/service-settings`)).json();
    expect(view.documentTypes.map((d: { code: string }) => d.code)).toContain('pas_foto');
    expect(view.conditions.map((c: { label: { id: string } }) => c.label.id)).toContain('berusia 5 tahun ke atas');
    expect((await t.client().get(`${BASE}/service-settings`)).statusCode).toBe(401);
  });
});
