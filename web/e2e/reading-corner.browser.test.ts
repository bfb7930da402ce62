/**
 * Pojok baca in Chromium (issue 13): an operator adds a donated book with a wrong ISBN and reads
 * the refusal beside the ISBN field, corrects it, lends the book to a citizen in the waiting room
 * and takes it back; the portal lists the book on a 360 px phone. Checked with axe-core.
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
const clock = fixedClock('2026-11-23T02:00:00Z'); // Monday 09:00 WIB

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kencot-pojok-'));
  server = await startServer(loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' }), { clock });
  await createStaffUser({ db: server.database.db, clock }, null, { officeCode: DEMO_OFFICE_CODE, role: 'operator', name: 'Sari Operator', username: 'sari', password: PASSWORD }, {});
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.cleanup();
  await server?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(page: Page) {
  await page.goto(`${server.url}/petugas`);
  await page.getByLabel('Nama pengguna').fill('sari');
  await page.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('h1').innerText()).toMatch(/Pekerjaan hari ini/);
}

const notice = (page: Page) => page.locator('p[role="status"].alert-success').innerText();

describe('the reading corner', () => {
  it('refuses a wrong ISBN beside its field, then adds, lends and takes back the book', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page);
    await page.getByRole('navigation').getByRole('link', { name: 'Pojok baca' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Pojok baca');

    await page.locator('#buku-judul').fill('Laskar Pelangi');
    await page.locator('#buku-penulis').fill('Andrea Hirata');
    await page.locator('#buku-isbn').fill('979-3062-79-8');
    await page.locator('#buku-kategori').selectOption('cerita');
    await page.locator('#buku-eksemplar').fill('2');
    await page.locator('#buku-penyumbang').fill('SD Negeri 1 Kembaran');
    await page.getByRole('button', { name: 'Simpan buku' }).click();
    await expect.poll(() => page.locator('#buku-isbn-error').innerText().catch(() => '')).toMatch(/angka pemeriksa/);
    expect(await page.locator('#buku-isbn').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#buku-isbn').getAttribute('aria-describedby')).toContain('buku-isbn-error');
    expect(await page.locator('.field-error').count()).toBe(1); // only the ISBN, nothing else
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('buku-isbn');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'pojok-baca-isbn-salah');

    await page.locator('#buku-isbn').fill('979-3062-79-7');
    await page.getByRole('button', { name: 'Simpan buku' }).click();
    await expect.poll(() => notice(page)).toMatch(/Buku "Laskar Pelangi" sudah masuk katalog/);
    expect(await page.locator('.field-error').count()).toBe(0);
    await expect.poll(() => page.getByRole('row', { name: /Laskar Pelangi/ }).innerText()).toMatch(/9789793062792[\s\S]*2 dari 2 tersedia/);

    await page.locator('#pinjam-buku').selectOption({ index: 1 });
    await page.locator('#pinjam-nama').fill('Siti Aminah');
    await page.locator('#pinjam-wa').fill('0812 2700 1234');
    await page.getByRole('button', { name: 'Pinjamkan' }).click();
    await expect.poll(() => notice(page)).toMatch(/"Laskar Pelangi" dipinjamkan, dikembalikan paling lambat 30 November 2026/);
    const loanRow = page.getByRole('row', { name: /Siti Aminah/ });
    await expect.poll(() => loanRow.innerText()).toMatch(/081227001234[\s\S]*30 November 2026[\s\S]*Belum jatuh tempo/);
    await expect.poll(() => page.getByRole('row', { name: /Laskar Pelangi.*Andrea Hirata/ }).innerText()).toMatch(/1 dari 2 tersedia/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'pojok-baca-dipinjam');

    await page.getByRole('button', { name: 'Terima kembali: Laskar Pelangi, Siti Aminah' }).click();
    await expect.poll(() => notice(page)).toMatch(/"Laskar Pelangi" sudah dikembalikan/);
    await expect.poll(() => page.getByText('Tidak ada buku yang sedang dipinjam.').count()).toBe(1);
    await expect.poll(() => page.locator('section', { has: page.getByRole('heading', { name: /terpopuler/ }) }).innerText()).toMatch(/Laskar Pelangi — 1 kali dipinjam/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  });

  it('lists the books on the portal, on a phone, from the home page', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: /Pojok baca/ }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Pojok baca');
    const card = page.locator('.book-list li', { hasText: 'Laskar Pelangi' });
    await expect.poll(() => card.innerText().catch(() => '')).toMatch(/Andrea Hirata[\s\S]*Cerita dan novel[\s\S]*2 eksemplar di rak/);
    expect(await card.innerText()).not.toMatch(/SD Negeri|9789793062792/); // no donor, no ISBN on the portal
    await page.getByLabel('Cari judul atau penulis').fill('tidak ada judul seperti ini');
    await expect.poll(() => page.getByText('Tidak ada buku yang cocok.').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'pojok-baca-portal-360');
    await page.close();
  });
});
