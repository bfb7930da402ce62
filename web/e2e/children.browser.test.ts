/**
 * /petugas/anak in Chromium (issue 12): an operator chooses a school's roster whose columns have
 * their own names, matches one to the register's, checks first (the row report in Indonesian),
 * imports only the valid rows, sees the coverage change, and records the school. Checked with axe-core.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser } from '../../src/auth/service.js';
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
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kencot-children-'));
  server = await startServer(loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' }), { clock });
  await createStaffUser({ db: server.database.db, clock }, null, { officeCode: DEMO_OFFICE_CODE, role: 'operator', name: 'Sari Operator', username: 'sari', password: PASSWORD }, {});
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.cleanup();
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

const ROSTER = ['No;Nama Siswa;NIK;Tanggal_Lahir;Desa;NPSN;Kelas;Punya_KIA', '1;Siti Aminah;3302205005200001;10-05-2020;Kembaran;20301234;1A;ya', '2;Budi;;2019-03-12;Atlantis;20301234;2B;tidak', '3;Citra;;2018-01-01;Ledug;20301234;3;tidak'].join('\n');

describe('the children register page', () => {
  it('imports a roster with a column matched by hand, reporting the bad row by line and column, and shows the coverage', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, 'sari');
    await page.getByRole('navigation').getByRole('link', { name: 'Anak & KIA' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Pendataan anak dan cakupan KIA');

    await page.getByLabel('Berkas CSV').setInputFiles({ name: 'sd-1-kembaran.csv', mimeType: 'text/csv', buffer: Buffer.from(ROSTER) });
    await expect.poll(() => page.getByText('Contoh 3 baris pertama dari 3 baris').count()).toBe(1);
    // "Nama Siswa" is no contract name: the preview leaves it ignored until the operator says it is the name.
    expect(await page.getByLabel('Nama Siswa').inputValue()).toBe('');
    await page.getByLabel('Nama Siswa').selectOption('nama');
    expect(await page.getByLabel('Tanggal_Lahir').inputValue()).toBe('tanggal_lahir');

    await page.getByRole('button', { name: 'Periksa dulu (tanpa menyimpan)' }).click();
    await expect.poll(() => page.getByText('Belum ada yang disimpan.', { exact: false }).count()).toBe(1);
    const problem = page.getByRole('row', { name: /3 desa "Atlantis" bukan desa\/kelurahan di kecamatan ini\./ });
    expect(await problem.count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'children-import-report');

    await page.getByLabel('Simpan baris yang benar saja meskipun ada baris yang bermasalah').check();
    await page.getByRole('button', { name: 'Impor', exact: true }).click();
    await expect.poll(() => page.getByText('Baru: 2 · diperbarui: 0 · tidak berubah: 0 · ditolak: 1 · Tersimpan di register.').count()).toBe(1);
    await expect.poll(() => page.getByRole('row', { name: 'Kembaran 1 1 100.0%' }).count()).toBe(1);
    expect(await page.getByRole('row', { name: 'Jumlah 2 1 50.0%' }).count()).toBe(1);

    await page.getByRole('textbox', { name: 'NPSN (wajib)' }).fill('20301234');
    await page.getByLabel('Nama sekolah').fill('SD Negeri 1 Kembaran');
    await page.getByLabel('Desa/kelurahan').selectOption({ label: 'Kembaran' });
    await page.getByRole('button', { name: 'Simpan sekolah' }).click();
    await expect.poll(() => page.getByRole('row', { name: /20301234 SD Negeri 1 Kembaran SD\/MI Kembaran/ }).count()).toBe(1);
    // The coverage per school now names it.
    await expect.poll(() => page.getByRole('row', { name: 'SD Negeri 1 Kembaran 2 1 50.0%' }).count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'children-page');
    await page.close();
  }, 180_000);
});
