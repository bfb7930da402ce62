/**
 * The satisfaction survey in Chromium at 360 px: a walk-in answers by the counter's QR page (a
 * missing answer named first), then the kasi reads the month's IKM in the console. axe on both.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser } from '../../src/auth/service.js';
import { UNSUR } from '../../src/ikm/ikm.js';
import { DEMO_OFFICE_CODE } from '../../src/offices/setup.js';
import { fixedClock } from '../../src/platform/clock.js';
import { loadConfig } from '../../src/platform/config.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { launchBrowser, screenshot, seriousA11yViolations } from './browser.js';

let server: RunningServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let dataDir: string;
const PASSWORD = 'kembaran-bersinar-2026';
const clock = fixedClock('2026-11-23T02:00:00Z');

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kencot-survey-'));
  server = await startServer(loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' }), { clock });
  await createStaffUser({ db: server.database.db, clock }, null, { officeCode: DEMO_OFFICE_CODE, role: 'kasi', name: 'Kasi Pelayanan', username: 'kasi.yanti', password: PASSWORD }, {});
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.cleanup();
  await server?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the satisfaction survey', () => {
  it('is answered by a walk-in on the QR page and read by the kasi as the month’s IKM', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${server.url}/survei/${DEMO_OFFICE_CODE}`);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Survei kepuasan masyarakat');
    await expect.poll(() => page.locator('form').count()).toBe(1);
    for (const code of UNSUR.slice(0, 8)) await page.locator(`#survei-${code}-4`).check();
    await page.getByRole('button', { name: 'Kirim survei' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('Mohon pilih jawaban untuk "Sarana dan prasarana"');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'survei-qr-360');
    await page.getByLabel('4. Sangat baik').check();
    await page.getByLabel('Pendidikan terakhir').selectOption('s1');
    await page.getByLabel('Saran dan masukan (boleh dikosongkan)').fill('Kursi tunggu ditambah');
    await page.getByRole('button', { name: 'Kirim survei' }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('Jawaban survei sudah kami simpan');
    // Nothing scrolls sideways on a small phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await page.goto(`${server.url}/petugas`);
    await page.getByLabel('Nama pengguna').fill('kasi.yanti');
    await page.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').innerText()).toMatch(/Pekerjaan hari ini/);
    await page.goto(`${server.url}/petugas/ikm`);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Indeks Kepuasan Masyarakat (IKM)');
    await expect.poll(() => page.getByRole('table', { name: 'IKM dan mutu pelayanan' }).innerText()).toMatch(/100,00[\s\S]*A \(Sangat baik\)/);
    expect(await page.getByRole('row', { name: /Persyaratan/ }).innerText()).toMatch(/4,000/);
    expect(await page.getByRole('table', { name: 'IKM dan mutu pelayanan' }).innerText()).toMatch(/Bobot 0,111/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'petugas-ikm-360');
    await page.close();
  });
});
