/**
 * The children register over the API (issue 12): import with a column mapping, schools, a KIA
 * handed over through Kencot marking the child, and coverage per desa, school and age band — for
 * the regency role over every office of its regency.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit.js';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { testApp, type TestApp } from '../test-support/app.js';
import { handOver, submitKia } from '../test-support/personal-data.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ now: '2026-11-23T02:00:00Z' }); // Monday 09:00 WIB
});
afterAll(() => t.close());

const base = `/api/v1/offices/${DEMO_OFFICE_CODE}`;
const csv = (lines: string[]) => Buffer.from(lines.join('\n')).toString('base64');

// A desa's extract with its own column names, mapped in the console's preview.
const EXTRACT = [
  'No,Nama Anak,Tgl Lahir,L/P,Desa,Sekolah,NIK Anak,KIA',
  '1,Ayu Lestari,10-05-2020,P,Kembaran,20301234,3302205005201001,tidak', // the girl whose KIA is handed over below
  '2,Bayu Aji,2012-01-15,L,Kembaran,20305678,,ya',
  '3,Citra,2024-06-01,P,Ledug,,,tidak',
  '4,Dimas,2010-11-30,L,Ledug,,,ya', // 15
];
const MAPPING = { No: '', 'Nama Anak': 'nama', 'Tgl Lahir': 'tanggal_lahir', 'L/P': 'jenis_kelamin', Desa: 'desa', Sekolah: 'npsn', 'NIK Anak': 'nik', KIA: 'punya_kia' };

describe('the children register over the API', () => {
  it('previews a list with suggested columns, then imports it with the operator’s mapping; audited with counts only', async () => {
    const operator = await t.signedIn('operator');
    const preview = await operator.post(`${base}/children/import-preview`, { fileName: 'ekstrak-desa.csv', contentBase64: csv(EXTRACT) });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ header: EXTRACT[0]!.split(','), suggested: { Desa: 'desa', 'Nama Anak': '' }, dataRows: 4 });

    // Without the mapping the header names no identity column: every row refused, nothing saved.
    const unmapped = await operator.post(`${base}/children/imports`, { fileName: 'ekstrak-desa.csv', contentBase64: csv(EXTRACT) });
    expect(unmapped.json()).toMatchObject({ imported: 0, refused: 4, saved: false, errors: [{ row: 1, column: 'nik', code: 'missing_identity_columns' }] });

    const imported = await operator.post(`${base}/children/imports`, { fileName: 'ekstrak-desa.csv', contentBase64: csv(EXTRACT), mapping: MAPPING });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({ imported: 4, updated: 0, unchanged: 0, refused: 0, errors: [], saved: true });

    const register = (await operator.get(`${base}/children`)).json().children;
    expect(register.map((c: { name: string; hasKia: boolean | null; schoolNpsn: string | null }) => [c.name, c.hasKia, c.schoolNpsn])).toEqual([
      ['Ayu Lestari', false, '20301234'],
      ['Bayu Aji', true, '20305678'],
      ['Citra', false, null],
      ['Dimas', true, null],
    ]);
    const audit = await listAudit(t.db, { officeCodes: [DEMO_OFFICE_CODE], entityType: 'office', entityId: DEMO_OFFICE_CODE, limit: 10 });
    expect(audit.find((a) => a.action === 'children.imported')?.details).toMatchObject({ file: 'ekstrak-desa.csv', imported: 4, refused: 0 });
  });

  it('keeps schools by NPSN: adding twice updates, a bad NPSN is refused', async () => {
    const kasi = await t.signedIn('kasi');
    const school = { npsn: '2030 1234', name: 'SD Negeri 1 Kembaran', level: 'sd_mi', desaCode: '33.02.20.2009', contactName: 'Bu Ratna', contactPhone: '0812 3456 7890' };
    expect((await kasi.post(`${base}/schools`, school)).statusCode).toBe(201);
    const again = await kasi.post(`${base}/schools`, { ...school, name: 'SD Negeri 1 Kembaran (SDN 1)' });
    expect(again.statusCode).toBe(200);
    expect((await kasi.post(`${base}/schools`, { ...school, npsn: '123' })).statusCode).toBe(400);
    const list = (await (await t.signedIn('kabupaten')).get(`${base}/schools`)).json().schools;
    expect(list).toEqual([
      { npsn: '20301234', name: 'SD Negeri 1 Kembaran (SDN 1)', level: 'sd_mi', levelLabel: { id: 'SD/MI', en: 'Primary (SD/MI)' }, desaCode: '33.02.20.2009', address: null, contactName: 'Bu Ratna', contactPhone: '6281234567890' },
    ]);
  });

  it('a KIA handed over through Kencot marks the child as holding one; a child the register lacks enters it', async () => {
    const operator = await t.signedIn('operator');
    const known = await submitKia(operator, { phone: '081227001111', nik: '3302205005201001', name: 'Ayu Lestari' });
    const unknown = await submitKia(operator, { phone: '081227002222', nik: '3302205005201002', name: 'Eka Putri' });
    t.clock.set('2026-11-23T05:00:00Z');
    await handOver(operator, known.id, t.clock.now());
    await handOver(operator, unknown.id, t.clock.now());

    const register = (await operator.get(`${base}/children`)).json().children as Array<{ name: string; nik: string | null; hasKia: boolean; kiaSince: string | null; sources: Record<string, { kind: string; ticket?: string }> }>;
    const ayu = register.find((c) => c.nik === '3302205005201001')!;
    expect(ayu).toMatchObject({ name: 'Ayu Lestari', hasKia: true, kiaSince: '2026-11-23' });
    expect(ayu.sources.hasKia).toMatchObject({ kind: 'request', ticket: known.ticket });
    expect(ayu.sources.name).toMatchObject({ kind: 'import', file: 'ekstrak-desa.csv' });
    const eka = register.find((c) => c.nik === '3302205005201002')!;
    expect(eka).toMatchObject({ name: 'Eka Putri', hasKia: true, kiaSince: '2026-11-23', desaCode: '33.02.20.2009', birthDate: '2020-05-10' });
    expect(eka.sources.name).toMatchObject({ kind: 'request', ticket: unknown.ticket });
    expect(register).toHaveLength(5);
  });

  it('coverage per desa, school and age band; the regency role reads every office of its regency', async () => {
    await t.addOffice('33.02.21', 'SMB');
    const operator = await t.signedIn('operator');
    const res = await operator.get(`${base}/kia-coverage`);
    expect(res.statusCode, res.body).toBe(200);
    const [office] = res.json().offices;
    expect(office).toMatchObject({ officeCode: DEMO_OFFICE_CODE, date: '2026-11-23', denominator: 'register', total: { children: 5, withKia: 4, share: 0.8 } });
    expect(office.desa.find((d: { code: string }) => d.code === '33.02.20.2009')).toEqual({ code: '33.02.20.2009', name: 'Kembaran', children: 3, withKia: 3, share: 1 });
    expect(office.desa.find((d: { code: string }) => d.code === '33.02.20.2001')).toEqual({ code: '33.02.20.2001', name: 'Ledug', children: 2, withKia: 1, share: 0.5 });
    expect(office.schools).toEqual([
      { npsn: '20301234', name: 'SD Negeri 1 Kembaran (SDN 1)', children: 1, withKia: 1, share: 1 },
      { npsn: '20305678', name: '20305678', children: 1, withKia: 1, share: 1 },
      { npsn: null, name: 'Tanpa sekolah', children: 3, withKia: 2, share: 0.6667 },
    ]);
    expect(office.ageBands).toEqual([
      { band: '0-4', children: 1, withKia: 0, share: 0 },
      { band: '5-9', children: 2, withKia: 2, share: 1 },
      { band: '10-14', children: 1, withKia: 1, share: 1 },
      { band: '15-16', children: 1, withKia: 1, share: 1 },
    ]);

    const regency = await t.signedIn('kabupaten');
    const all = (await regency.get('/api/v1/offices/regency/kia-coverage')).json().offices as Array<{ officeCode: string; total: unknown }>;
    expect(all.map((o) => [o.officeCode, o.total])).toEqual([
      [DEMO_OFFICE_CODE, { children: 5, withKia: 4, share: 0.8 }],
      ['33.02.21', { children: 0, withKia: 0, share: null }],
    ]);
    expect((await regency.get(`${base}/children`)).statusCode).toBe(403);
    expect((await operator.get('/api/v1/offices/regency/kia-coverage')).statusCode).toBe(403);
  });
});
