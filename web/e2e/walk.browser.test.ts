/**
 * One KIA from a parent's phone to the hand-over, every step in the browser: the parent applies on
 * the portal with photos; the operator returns the file in the console; the parent fixes it on the
 * tracking page; the operator accepts it, records the SIAK outcome and marks it ready; the kasi
 * finds it in the hand-over queue and hands it over; the parent's tracking page says so. Each page
 * is photographed and checked with axe-core.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser } from '../../src/auth/service.js';
import { DEMO_OFFICE_CODE } from '../../src/offices/setup.js';
import { systemClock } from '../../src/platform/clock.js';
import { loadConfig } from '../../src/platform/config.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { codeOnPhone } from './phone.js';
import { launchBrowser, screenshot, seriousA11yViolations } from './browser.js';

let server: RunningServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let dataDir: string;
const PASSWORD = 'kembaran-bersinar-2026';

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kencot-walk-'));
  server = await startServer(loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' }));
  for (const [role, username, name] of [
    ['operator', 'sari', 'Sari Operator'],
    ['kasi', 'rahayu', 'Rahayu Kasi'],
  ] as const) {
    await createStaffUser({ db: server.database.db, clock: systemClock }, null, { officeCode: DEMO_OFFICE_CODE, role, name, username, password: PASSWORD }, {});
  }
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const b of staffBrowsers) await b.cleanup();
  await browser?.cleanup();
  await server?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function check(page: Page, name: string) {
  await screenshot(page, `walk-${name}`);
  expect(await seriousA11yViolations(page)).toEqual([]);
}

const jpeg = async (r: number, g: number, b: number) => ({
  name: 'foto.jpg',
  mimeType: 'image/jpeg',
  buffer: await sharp({ create: { width: 480, height: 640, channels: 3, background: { r, g, b } } }).jpeg().toBuffer(),
});

/** The code the phone received (the office masks it once sent). */
const codeSentTo = (waId: string) => codeOnPhone(server, waId);

const staffBrowsers: Awaited<ReturnType<typeof launchBrowser>>[] = [];

/** Each member on their own PC: a browser profile of their own, so sessions do not mix. */
async function staffPage(username: string): Promise<Page> {
  const context = await launchBrowser();
  staffBrowsers.push(context);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${server.url}/petugas`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('h1').innerText()).toBe('Pekerjaan hari ini');
  return page;
}

describe('a KIA from the portal to the hand-over', () => {
  it('is applied for, returned, fixed, accepted, processed, made ready and handed over', async () => {
    // The parent applies on the phone.
    const phone = await browser.newPage();
    await phone.setViewportSize({ width: 360, height: 740 });
    await phone.goto(`${server.url}/ajukan`);
    const step = () => phone.locator('main h2.step-heading').innerText();
    await expect.poll(step).toBe('Pilih layanan');
    await phone.getByLabel('KIA baru').check();
    await phone.getByRole('button', { name: 'Lanjut' }).click();
    await expect.poll(step).toBe('Data pemohon');
    await phone.getByLabel('NIK anak').fill('3302205005200001');
    await expect.poll(() => phone.locator('#nik-derived').innerText()).toMatch(/lahir 10 Mei 2020/);
    await phone.getByLabel('Nama lengkap anak').fill('Ayu Lestari');
    await phone.getByLabel('Desa/kelurahan tempat tinggal').selectOption({ label: 'Ledug' });
    await phone.getByLabel('Ya, sudah').check();
    await phone.getByLabel('Nomor KK').fill('3302201005200001');
    await phone.getByLabel('Tempat lahir anak').fill('Banyumas');
    await phone.getByLabel('Nama lengkap pemohon').fill('Sri Wahyuni');
    await phone.getByLabel('Hubungan dengan yang dibuatkan dokumen').selectOption('ibu');
    await phone.getByRole('button', { name: 'Lanjut' }).click();
    await expect.poll(step).toBe('Nomor WhatsApp');
    await phone.getByLabel('Nomor WhatsApp').fill('0812 2700 7777');
    await phone.getByRole('button', { name: 'Kirim kode ke WhatsApp' }).click();
    await phone.getByLabel('Kode verifikasi (6 angka)').fill(await codeSentTo('6281227007777'));
    await phone.getByRole('button', { name: 'Konfirmasi kode' }).click();
    await expect.poll(step).toBe('Unggah dokumen');
    for (const [document, colour] of [['akta_kelahiran', [240, 240, 230]], ['kk', [200, 220, 250]], ['pas_foto', [180, 30, 30]]] as const) {
      await phone.locator(`[data-document=${document}]`).setInputFiles(await jpeg(colour[0], colour[1], colour[2]));
    }
    await expect.poll(() => phone.getByText(/Terunggah: foto\.jpg/).count(), { timeout: 20_000 }).toBe(3);
    await check(phone, '1-portal-documents');
    await phone.getByRole('button', { name: 'Lanjut' }).click();
    await expect.poll(step).toBe('Periksa dan kirim');
    await phone.getByRole('button', { name: 'Kirim permohonan' }).click();
    await expect.poll(() => phone.locator('h1').innerText()).toBe('Permohonan terkirim');
    const ticket = await phone.getByTestId('ticket').innerText();
    const pin = await phone.getByTestId('pin').innerText();
    await check(phone, '2-portal-receipt');

    // The operator finds it in Today and returns it: the akta photo cannot be read.
    const operator = await staffPage('sari');
    const verify = operator.locator('section', { has: operator.getByRole('heading', { name: /^Verifikasi berkas/ }) });
    await expect.poll(() => verify.getByRole('link', { name: ticket }).count()).toBe(1);
    await check(operator, '3-operator-today');
    await verify.getByRole('link', { name: ticket }).click();
    await expect.poll(() => operator.locator('h1').innerText()).toBe(`Permohonan ${ticket}`);
    await operator.getByRole('button', { name: 'TIDAK — kembalikan ke pemohon' }).click();
    await operator.getByLabel('Dokumen kurang jelas atau tidak terbaca').check();
    await operator.locator('form').getByLabel('Kutipan akta kelahiran').check();
    await operator.getByLabel('Catatan untuk pemohon').fill('Foto akta terpotong, mohon difoto ulang seluruhnya.');
    await check(operator, '4-operator-return');
    await operator.getByRole('button', { name: 'Kembalikan ke pemohon', exact: true }).click();
    await expect.poll(() => operator.locator('.request-status').innerText()).toMatch(/Dikembalikan ke pemohon/);

    // The parent fixes it on the tracking page.
    await phone.goto(`${server.url}/lacak?tiket=${ticket}`);
    await phone.getByLabel('PIN (6 angka)').fill(pin);
    await phone.getByRole('button', { name: 'Lihat status' }).click();
    await expect.poll(() => phone.locator('.status-badge').innerText()).toBe('Dikembalikan ke pemohon untuk dilengkapi');
    expect(await phone.locator('.fix').innerText()).toMatch(/Foto akta terpotong/);
    await check(phone, '5-track-returned');
    await phone.locator('[data-document=akta_kelahiran]').setInputFiles(await jpeg(250, 250, 250));
    await expect.poll(() => phone.getByText(/Terunggah: foto\.jpg/).count(), { timeout: 20_000 }).toBe(1);
    await phone.getByRole('button', { name: 'Kirim perbaikan' }).click();
    await expect.poll(() => phone.locator('.status-badge').innerText()).toBe('Berkas diterima');

    // The operator accepts it, records the SIAK outcome and marks it ready.
    await operator.reload();
    await expect.poll(() => operator.getByRole('button', { name: /YA — berkas lengkap/ }).count()).toBe(1);
    await operator.getByRole('button', { name: /YA — berkas lengkap/ }).click();
    await expect.poll(() => operator.locator('.request-status').innerText()).toMatch(/Berkas terverifikasi/);
    await operator.getByRole('button', { name: 'Catat hasil SIAK' }).click();
    await operator.getByLabel('Nomor dari SIAK (jika ada)').fill('3302205005200001');
    await operator.getByLabel('Dokumen sudah dicetak').check();
    await check(operator, '6-operator-siak');
    await operator.getByRole('button', { name: 'Simpan hasil SIAK' }).click();
    await expect.poll(() => operator.getByRole('button', { name: 'Tandai dokumen siap' }).count()).toBe(1);
    await operator.getByRole('button', { name: 'Tandai dokumen siap' }).click();
    await expect.poll(() => operator.locator('.request-status').innerText()).toMatch(/Dokumen siap/);

    // The kasi sees it ready in the hand-over queue and hands it over at the counter.
    const kasi = await staffPage('rahayu');
    const handOver = kasi.locator('section', { has: kasi.getByRole('heading', { name: /^Penyerahan dokumen/ }) });
    await expect.poll(() => handOver.getByRole('link', { name: ticket }).count()).toBe(1);
    await check(kasi, '7-kasi-today');
    await handOver.getByRole('link', { name: ticket }).click();
    await expect.poll(() => kasi.locator('h1').innerText()).toBe(`Permohonan ${ticket}`);
    await kasi.getByRole('button', { name: 'Serahkan dokumen' }).click();
    await expect.poll(() => kasi.getByLabel('Nama penerima').inputValue()).toBe('Sri Wahyuni');
    await kasi.getByLabel('Hubungan penerima').selectOption('parent');
    await kasi.getByLabel('Cara penyerahan').selectOption('counter');
    await check(kasi, '8-kasi-hand-over');
    await kasi.getByRole('button', { name: 'Simpan penyerahan' }).click();
    await expect.poll(() => kasi.locator('.request-status').innerText()).toMatch(/Dokumen sudah diterima pemohon/);

    // The parent's tracking page says it is done.
    await phone.reload();
    await expect.poll(() => phone.locator('.status-badge').innerText()).toBe('Dokumen sudah diterima pemohon');
    await check(phone, '9-track-handed-over');
  });
});
