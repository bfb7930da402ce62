/**
 * /petugas/jemput-bola in Chromium (issue 12): an operator plans a session at a school — the
 * deadline refused beside its field outside 1–7 —, lands on the session with its roster from the
 * register, and the kasi approves it from the keyboard, which queues the parents' WhatsApp notices;
 * a child is captured on the session page, the session held, and once the card is printed the batch's
 * progress shows it and the kasi hands it over at the school.
 * Checked with axe-core.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffActor } from '../../src/auth/policy.js';
import { createStaffUser } from '../../src/auth/service.js';
import { importChildren, saveSchool } from '../../src/children/service.js';
import { outbox } from '../../src/db/schema.js';
import { sessionDetail } from '../../src/jemput-bola/service.js';
import { DEMO_OFFICE_CODE } from '../../src/offices/setup.js';
import { fixedClock } from '../../src/platform/clock.js';
import { loadConfig } from '../../src/platform/config.js';
import { loadRegions } from '../../src/regions/regions.js';
import { actOnRequest } from '../../src/requests/service.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { launchBrowser, screenshot, seriousA11yViolations } from './browser.js';

let server: RunningServer;
let operatorBrowser: Awaited<ReturnType<typeof launchBrowser>>;
let kasiBrowser: Awaited<ReturnType<typeof launchBrowser>>;
let dataDir: string;
let kasiActor: StaffActor;
const PASSWORD = 'kembaran-bersinar-2026';
const clock = fixedClock('2026-11-23T02:00:00Z'); // Monday 09:00 WIB

const ROSTER = [
  'nik,nama,tanggal_lahir,jenis_kelamin,desa,npsn,kelas,nama_orang_tua,no_wa,punya_kia',
  '3302205003170001,Ayu Lestari,2017-03-10,P,Kembaran,20301234,3,Sri Wahyuni,081227001111,tidak',
  ',Bayu Aji,2021-12-01,L,Kembaran,20301234,TK B,Darsono,081227002222,tidak',
  ',Citra Dewi,2018-06-01,P,Kembaran,20301234,2,,,tidak',
  '3302200102160001,Dimas Prasetyo,2016-02-01,L,Kembaran,20301234,4,,081227003333,ya',
].join('\n');

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kencot-jemput-bola-'));
  server = await startServer(loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' }), { clock });
  const deps = { db: server.database.db, clock };
  await createStaffUser(deps, null, { officeCode: DEMO_OFFICE_CODE, role: 'operator', name: 'Sari Operator', username: 'sari', password: PASSWORD }, {});
  const { user: kasi } = await createStaffUser(deps, null, { officeCode: DEMO_OFFICE_CODE, role: 'kasi', name: 'Budi Kasi', username: 'budi', password: PASSWORD }, {});
  kasiActor = { kind: 'staff', userId: kasi.id, role: 'kasi', officeCode: DEMO_OFFICE_CODE, regencyCode: '33.02' };
  const actor = kasiActor;
  const cdeps = { ...deps, regions: loadRegions() };
  await saveSchool(cdeps, actor, DEMO_OFFICE_CODE, { npsn: '20301234', name: 'SD Negeri 1 Kembaran', level: 'sd_mi', desaCode: '33.02.20.2009' }, {});
  const report = await importChildren(cdeps, actor, DEMO_OFFICE_CODE, { fileName: 'sd1.csv', bytes: Buffer.from(ROSTER), dryRun: false, onlyValid: false }, {});
  expect(report).toMatchObject({ imported: 4, saved: true });
  operatorBrowser = await launchBrowser();
  kasiBrowser = await launchBrowser();
});
afterAll(async () => {
  await operatorBrowser?.cleanup();
  await kasiBrowser?.cleanup();
  await server?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(page: Page, username: string) {
  await page.goto(`${server.url}/petugas`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('h1').innerText()).toMatch(/Pekerjaan hari ini/);
}

describe('a jemput bola session', () => {
  it('is planned by an operator with its roster from the register and approved by the kasi', async () => {
    const page = await operatorBrowser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, 'sari');
    await page.getByRole('navigation').getByRole('link', { name: 'Jemput bola KIA' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Jemput bola KIA di sekolah');
    await expect.poll(() => page.getByText('Belum ada sesi jemput bola.').count()).toBe(1);

    await page.getByLabel('Sekolah').selectOption({ label: 'SD Negeri 1 Kembaran (20301234)' });
    await page.getByLabel('Tanggal sesi').fill('2026-11-26');
    await page.getByLabel('Jam mulai').fill('08:00');
    await page.getByLabel('Sari Operator').check();
    await page.getByLabel('Kamera').check();
    const deadline = page.getByRole('spinbutton', { name: /Batas waktu penyelesaian/ });
    await deadline.fill('9');
    await page.getByRole('button', { name: 'Simpan rencana sesi' }).click();
    // The server's refusal sits beside the field, tied to it for a screen reader.
    await expect.poll(() => page.locator('#sesi-batas-waktu-error').innerText()).toContain('Batas waktu penyelesaian harus bilangan bulat antara 1 dan 7 hari kerja.');
    expect(await deadline.getAttribute('aria-describedby')).toContain('sesi-batas-waktu-error');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await deadline.fill('2');
    await page.getByRole('button', { name: 'Simpan rencana sesi' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Sesi jemput bola: SD Negeri 1 Kembaran');
    await expect.poll(() => page.getByTestId('sesi-status').innerText()).toBe('Direncanakan');
    expect(await page.getByText('Sesi ini menunggu persetujuan Kasi.').count()).toBe(1);
    expect(await page.getByRole('button', { name: /Setujui sesi/ }).count()).toBe(0);
    // Dimas holds a KIA already: the roster is the other three, by class.
    const names = await page.getByRole('region', { name: /Daftar anak/ }).getByRole('rowheader').allInnerTexts();
    expect(names).toEqual(['Citra Dewi', 'Ayu Lestari', 'Bayu Aji']);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'jemput-bola-planned');
    const sessionUrl = page.url();
    await page.close();

    const kasi = await kasiBrowser.newPage();
    await kasi.setViewportSize({ width: 1280, height: 900 });
    await signIn(kasi, 'budi');
    await kasi.goto(sessionUrl);
    const approve = kasi.getByRole('button', { name: 'Setujui sesi dan kirim pemberitahuan ke orang tua' });
    await expect.poll(() => approve.count()).toBe(1);
    await approve.focus();
    await kasi.keyboard.press('Enter');
    await expect.poll(() => kasi.getByTestId('sesi-status').innerText()).toBe('Disetujui');
    await expect.poll(() => kasi.getByRole('status').filter({ hasText: 'Sesi disetujui.' }).innerText()).toBe('✓ Sesi disetujui. Pemberitahuan WhatsApp sedang dikirim ke orang tua.');
    expect(await kasi.getByRole('button', { name: /Sesi sudah dilaksanakan/ }).count()).toBe(1);
    const notices = await server.database.db.select().from(outbox).where(eq(outbox.kind, 'jemput_bola.notice'));
    expect(notices.map((n) => n.payload.child).sort()).toEqual(['Ayu Lestari', 'Bayu Aji']);
    expect(await seriousA11yViolations(kasi)).toEqual([]);
    await screenshot(kasi, 'jemput-bola-approved');

    // At the school: Ayu is captured on the session page (a missing place of birth refused beside its field), then the session is held.
    await kasi.getByRole('button', { name: 'Data Ayu Lestari' }).click();
    await expect.poll(() => kasi.evaluate(() => document.activeElement?.textContent)).toBe('Pendataan di lokasi: Ayu Lestari');
    await kasi.getByLabel('Nomor KK').fill('3302201005200001');
    await kasi.getByLabel('Akta kelahiran sudah diperiksa').check();
    await kasi.getByLabel('Kartu Keluarga (KK) sudah diperiksa').check();
    await kasi.getByRole('button', { name: 'Simpan pendataan' }).click();
    await expect.poll(() => kasi.locator('#pendataan-tempat-lahir-error').innerText()).toContain('Tempat lahir anak (sesuai akta kelahiran) wajib diisi untuk anak yang hadir.');
    await kasi.getByLabel(/Tempat lahir/).fill('Banyumas');
    await kasi.getByRole('button', { name: 'Simpan pendataan' }).click();
    await expect.poll(() => kasi.getByRole('status').filter({ hasText: 'Pendataan' }).innerText()).toBe('✓ Pendataan Ayu Lestari sudah disimpan.');
    expect(await kasi.getByRole('row', { name: /^Ayu Lestari .*Hadir/ }).count()).toBe(1);
    expect(await seriousA11yViolations(kasi)).toEqual([]);
    await kasi.getByRole('button', { name: 'Sesi sudah dilaksanakan: buat berkas permohonan KIA' }).click();
    await expect.poll(() => kasi.getByTestId('sesi-status').innerText()).toBe('Sudah dilaksanakan');

    // The file made ready at the office.
    const sessionId = sessionUrl.split('/').pop()!;
    const jdeps = { db: server.database.db, clock, regions: loadRegions() };
    const [request] = (await sessionDetail(jdeps, kasiActor, sessionId)).batch.requests;
    await actOnRequest(jdeps, kasiActor, request!.id, { action: 'verify_accept', payload: { overrideReason: 'Dokumen asli diperiksa di sekolah' } }, {});
    await actOnRequest(jdeps, kasiActor, request!.id, { action: 'record_siak_outcome', payload: { outcomes: [{ document: 'kia', printed: true }] } }, {});
    await actOnRequest(jdeps, kasiActor, request!.id, { action: 'mark_ready', payload: {} }, {});

    await kasi.reload();
    await expect.poll(() => kasi.getByTestId('sesi-status').innerText()).toBe('Sudah dilaksanakan');
    expect(await kasi.getByRole('row', { name: /^Tercetak .*1 \/ 1$/ }).count()).toBe(1);
    await kasi.getByLabel('Nama petugas sekolah yang menerima').fill('Bu Ratna');
    await kasi.getByRole('button', { name: 'Serahkan 1 KIA yang sudah siap' }).click();
    await expect.poll(() => kasi.getByRole('status').filter({ hasText: 'KIA sudah dicatat' }).innerText()).toBe('✓ 1 KIA sudah dicatat diserahkan. Orang tua menerima pemberitahuan lewat WhatsApp.');
    expect(await kasi.getByRole('row', { name: /^Diserahkan .*1 \/ 1$/ }).count()).toBe(1);
    expect(await seriousA11yViolations(kasi)).toEqual([]);
    await screenshot(kasi, 'jemput-bola-handed-over');
    await kasi.close();
  }, 180_000);
});
