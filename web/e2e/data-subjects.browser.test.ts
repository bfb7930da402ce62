/**
 * The personal-data page in Chromium: a kasi finds what the office holds on a WhatsApp number,
 * downloads the person's copy, corrects a misspelt name, and asks for an erasure that is refused
 * for the request still in progress — with the reason, in Indonesian. Checked with axe-core.
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
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kencot-dsr-'));
  server = await startServer(loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' }), { clock });
  const deps = { db: server.database.db, clock };
  await createStaffUser(deps, null, { officeCode: DEMO_OFFICE_CODE, role: 'kasi', name: 'Kasi Pelayanan', username: 'kasi.yanti', password: PASSWORD }, {});
  await createStaffUser(deps, null, { officeCode: DEMO_OFFICE_CODE, role: 'operator', name: 'Sari Operator', username: 'sari', password: PASSWORD }, {});
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.cleanup();
  await server?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(page: Page, username: string) {
  await page.context().clearCookies();
  await page.goto(`${server.url}/petugas`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('h1').innerText()).toMatch(/Pekerjaan hari ini/);
}

async function walkIn(page: Page, name: string) {
  const { csrfToken } = (await (await page.request.get(`${server.url}/api/v1/auth/csrf`)).json()) as { csrfToken: string };
  const res = await page.request.post(`${server.url}/api/v1/offices/${DEMO_OFFICE_CODE}/requests`, {
    headers: { 'x-csrf-token': csrfToken },
    data: {
      serviceCode: 'kia_baru',
      channel: 'walk_in',
      desaCode: '33.02.20.2009',
      applicant: { name: 'Sri Wahyuni', phone: '081227001234', relation: 'ibu' },
      subject: { nik: '3302205005200001', name },
      details: { kk_number: '3302201005200001', subject_birth_place: 'Banyumas' },
    },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { request: { id: string; ticket: string } }).request;
}

describe('the personal-data page', () => {
  it('is not in the operator’s menu', async () => {
    const page = await browser.newPage();
    await signIn(page, 'sari');
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Data pribadi' }).count()).toBe(0);
    await page.close();
  });

  it('lets a kasi find, export, correct and ask to erase, refusing what is still in progress with the reason', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, 'kasi.yanti');
    const request = await walkIn(page, 'Ayu Lestar');
    await page.getByRole('navigation').getByRole('link', { name: 'Data pribadi' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Permintaan pemilik data pribadi');

    await page.getByLabel('NIK atau nomor WhatsApp').fill('Ayu');
    await page.getByRole('button', { name: 'Cari data' }).click();
    await expect.poll(() => page.locator('.field-error').innerText()).toMatch(/NIK 16 angka atau nomor WhatsApp/);

    await page.getByLabel('NIK atau nomor WhatsApp').fill('0812 2700 1234');
    await page.getByRole('button', { name: 'Cari data' }).click();
    await expect.poll(() => page.locator('.data-subject-status').innerText()).toMatch(/Ditemukan 1 permohonan/);
    expect(await page.getByRole('row', { name: new RegExp(request.ticket) }).innerText()).toMatch(/Ayu Lestar/);
    expect(await page.url()).not.toContain('0812');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'data-pribadi-hasil');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Unduh salinan untuk pemilik data (JSON)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^data-pribadi-\d{4}-\d{2}-\d{2}\.json$/);
    const copy = JSON.parse(fs.readFileSync((await file.path())!, 'utf8')) as { permohonan: { nomorTiket: string }[] };
    expect(copy.permohonan[0]!.nomorTiket).toBe(request.ticket);

    await page.getByRole('button', { name: `Koreksi data ${request.ticket}` }).click();
    await page.getByLabel('Nama yang dibuatkan dokumen').fill('Ayu Lestari');
    await page.getByRole('button', { name: 'Simpan koreksi' }).click();
    await expect.poll(() => page.locator('.field-error').innerText()).toMatch(/isi alasannya/);
    await page.getByLabel('Alasan').fill('Salah ketik di loket, sesuai akta');
    await page.getByRole('button', { name: 'Simpan koreksi' }).click();
    await expect.poll(() => page.locator('.data-subject-status').innerText()).toMatch(/1 isian dikoreksi/);
    await expect.poll(() => page.getByRole('row', { name: new RegExp(request.ticket) }).innerText()).toMatch(/Ayu Lestari/);

    await page.getByRole('button', { name: 'Hapus data yang boleh dihapus…' }).click();
    await page.getByLabel('Alasan').fill('Permintaan pemilik data');
    await page.getByRole('button', { name: 'Hapus sekarang' }).click();
    await expect.poll(() => page.locator('.field-error').innerText()).toMatch(/centang/);
    await page.getByLabel('Saya sudah memastikan identitas pemilik data dan permintaannya.').check();
    await page.getByRole('button', { name: 'Hapus sekarang' }).click();
    const outcome = page.locator('section', { has: page.getByRole('heading', { name: 'Hapus data pribadi' }) });
    await expect.poll(() => outcome.innerText()).toMatch(/Tidak dapat dihapus/);
    expect(await outcome.innerText()).toMatch(new RegExp(`${request.ticket}: Permohonan masih diproses`));
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'data-pribadi-hapus');
    await page.close();
  });
});
