/**
 * Complaints in Chromium (issue 14): a citizen sends one from the portal on a 360 px phone and is
 * given its number and PIN, an operator answers it in the console by keyboard, and the citizen
 * reads the answer on the portal with the number and PIN. Checked with axe-core.
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
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kencot-aduan-'));
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

const KELUHAN = 'Antrean di loket KTP-el tidak tertib, banyak yang menyerobot tanpa nomor antrean.';
const JAWABAN = 'Terima kasih, Bapak/Ibu. Mulai besok nomor antrean dibagikan petugas di pintu masuk.';

describe('a complaint from the portal to its answer', () => {
  it('is sent on a phone, answered in the console by keyboard, and read back with its number and PIN', async () => {
    const phone = await browser.newPage();
    await phone.setViewportSize({ width: 360, height: 740 });
    await phone.goto(server.url);
    await phone.getByRole('link', { name: /Pengaduan dan saran/ }).click();
    await expect.poll(() => phone.locator('h1').innerText()).toBe('Pengaduan dan saran');
    await phone.locator('#aduan-body').fill('jelek');
    await phone.getByRole('button', { name: 'Kirim', exact: true }).click();
    await expect.poll(() => phone.locator('#aduan-body-error').innerText()).toMatch(/paling sedikit 10 huruf/);
    await phone.locator('#aduan-body').fill(KELUHAN);
    await phone.getByRole('button', { name: 'Kirim', exact: true }).click();
    await expect.poll(() => phone.locator('p[role="status"].alert-success').innerText()).toMatch(/ADU-[A-Z]{3}-26-0001/);
    const said = await phone.locator('p[role="status"].alert-success').innerText();
    const number = /ADU-[A-Z]{3}-26-\d{4}/.exec(said)![0];
    const pin = /PIN (\d{6})/.exec(said)![1]!;
    expect(await seriousA11yViolations(phone)).toEqual([]);
    await screenshot(phone, 'pengaduan-portal');

    const desk = await browser.newPage();
    await desk.setViewportSize({ width: 1280, height: 900 });
    await signIn(desk);
    await desk.getByRole('navigation').getByRole('link', { name: 'Pengaduan' }).click();
    await expect.poll(() => desk.locator('h1').innerText()).toBe('Pengaduan dan saran');
    await expect.poll(() => desk.getByRole('listitem').filter({ hasText: number }).innerText()).toContain(KELUHAN);
    await desk.getByLabel(`Jawaban untuk ${number}`).focus();
    await desk.keyboard.type(JAWABAN);
    await desk.keyboard.press('Tab');
    await desk.keyboard.press('Enter');
    await expect.poll(() => desk.locator('p[role="status"].alert-success').innerText()).toMatch(/sudah disimpan dan dikirim/);
    await desk.getByLabel('Tampilkan').selectOption('answered');
    await expect.poll(() => desk.getByRole('listitem').filter({ hasText: number }).innerText()).toContain(JAWABAN);
    expect(await seriousA11yViolations(desk)).toEqual([]);

    await phone.locator('#lihat-aduan-number').fill(number.toLowerCase());
    await phone.locator('#lihat-aduan-pin').fill(pin);
    await phone.getByRole('button', { name: 'Lihat jawaban' }).click();
    await expect.poll(() => phone.locator('#lihat-aduan ~ * , section[aria-labelledby="lihat-aduan"]').last().innerText()).toContain(JAWABAN);
    expect(await seriousA11yViolations(phone)).toEqual([]);
    await phone.close();
    await desk.close();
  });
});
