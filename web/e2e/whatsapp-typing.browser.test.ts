/**
 * A KIA application in the WhatsApp simulator answered by typing only — numbers and words, never a
 * button or a list row — as a citizen on an old phone or with a screen reader does; with a photo
 * re-sent after saying so in words, and a home delivery's address.
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
import { launchBrowser, screenshot, seriousA11yViolations } from './browser.js';

let server: RunningServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let dataDir: string;
const PASSWORD = 'kembaran-bersinar-2026';

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kencot-wa-typing-'));
  server = await startServer(loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' }));
  await createStaffUser({ db: server.database.db, clock: systemClock }, null, { officeCode: DEMO_OFFICE_CODE, role: 'operator', name: 'Sari Operator', username: 'sari', password: PASSWORD }, {});
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.cleanup();
  await server?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const chat = (page: Page) => page.locator('.sim-log');

/** Does something in the chat, then waits until the bot has answered and stopped. */
async function andWaitForReply(page: Page, act: () => Promise<void>) {
  const replies = page.locator('.sim-theirs');
  const before = await replies.count();
  await act();
  await expect.poll(() => replies.count(), { timeout: 30_000 }).toBeGreaterThan(before);
  let last = -1;
  await expect
    .poll(async () => {
      const now = await replies.count();
      const still = now === last;
      last = now;
      return still;
    }, { timeout: 15_000, interval: 1_500 })
    .toBe(true);
}

function type(page: Page, text: string) {
  return andWaitForReply(page, async () => {
    await page.getByLabel('Pesan', { exact: true }).fill(text);
    // The form's own button: the bot's last message may offer a "Kirim" button too.
    await page.locator('form').getByRole('button', { name: 'Kirim', exact: true }).click();
  });
}

const lastReply = (page: Page) => page.locator('.sim-theirs').last().innerText();

async function openSimulator(waId: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(`${server.url}/simulator`);
  await expect.poll(() => page.locator('h1').innerText()).toBe('Simulator WhatsApp');
  await page.getByLabel('Nomor WhatsApp warga (62…)').fill(waId);
  // This browser's earlier number may have been on screen first; a new number's log is empty.
  await expect.poll(() => page.locator('.sim-log .sim-bubble').count()).toBe(0);
  return page;
}

function photoFor(page: Page) {
  return (n: number) =>
    andWaitForReply(page, async () => {
      const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: ['#f0e6d2', '#d2e6f0', '#e6f0d2', '#d2f0e6'][n - 1]! } }).jpeg().toBuffer();
      await page.locator('.sim-extras input[type=file]').setInputFiles({ name: `dokumen-${n}.jpg`, mimeType: 'image/jpeg', buffer: jpeg });
    });
}

describe('a KIA application typed', () => {
  it('goes from "halo" to the ticket with numbers and words only', async () => {
    const citizen = await openSimulator('6281227007777');
    const photo = photoFor(citizen);

    await type(citizen, 'halo');
    expect(await chat(citizen).innerText()).toMatch(/2\. Ajukan permohonan/);
    await type(citizen, '2');
    await type(citizen, '1');
    await type(citizen, 'yg baru');
    expect(await lastReply(citizen)).toMatch(/NIK anak/);
    await type(citizen, '3302201405190001');
    expect(await lastReply(citizen)).toMatch(/\*1\* Ya · \*2\* Tidak/);
    await type(citizen, 'iya bener');
    await type(citizen, 'Budi Santoso');
    await type(citizen, '1'); // WNI
    await type(citizen, 'sudah');
    await type(citizen, '3302 2010 0520 0001');
    await type(citizen, 'Banyumas');
    await type(citizen, 'saya ibunya');
    await type(citizen, 'Siti Aminah');
    await type(citizen, 'Ledug');
    expect(await chat(citizen).innerText()).toMatch(/Dokumen 1 dari 3/);
    await photo(1);
    await type(citizen, 'maaf bu foto akta tadi gelap, saya kirim ulang ya');
    expect(await lastReply(citizen)).toMatch(/Kirim ulang dokumen 1 dari 3/);
    await photo(2);
    expect(await chat(citizen).innerText()).toMatch(/sudah kami ganti/);
    await photo(3);
    await photo(4);
    await type(citizen, 'ada');
    expect(await lastReply(citizen)).toMatch(/data pribadi yang bersifat spesifik/);
    await type(citizen, 'setuju');
    await type(citizen, '1'); // fisik
    await type(citizen, '1 5'); // a home visit, and the document brought home
    expect(await lastReply(citizen)).toMatch(/alamat lengkap/);
    await type(citizen, 'Jl. Raya Ledug 5, RT 02/RW 01, Desa Ledug');
    await type(citizen, '1'); // this number
    await type(citizen, 'anak saya pakai kursi roda');
    expect(await chat(citizen).innerText()).toMatch(/Pemohon: Siti Aminah \(Ibu\)/);
    expect(await chat(citizen).innerText()).toMatch(/Alamat antar: Jl\. Raya Ledug 5/);
    await type(citizen, 'iya bener');
    await expect.poll(() => chat(citizen).innerText(), { timeout: 15_000 }).toMatch(/Nomor tiket: \*KBR-\d{2}-\d{6}\*/);
    await screenshot(citizen, 'whatsapp-simulator-typed-kia');
    expect(await seriousA11yViolations(citizen)).toEqual([]);
  });
});

describe('a KIA application typed from a salam, with a question and an officer in the middle', () => {
  it('answers the salam and the fee, hands off to an officer and back, and the application goes on to the ticket', async () => {
    const citizen = await openSimulator('6281227008888');
    const photo = photoFor(citizen);

    await type(citizen, 'assalamualaikum, mau bikin KIA anak saya');
    expect(await chat(citizen).innerText()).toMatch(/Waalaikumsalam/);
    expect(await lastReply(citizen)).toMatch(/NIK anak/);
    // Another child than the first test's: one open KIA per child.
    await type(citizen, '3302201405190002');
    await type(citizen, '1'); // Ya, sesuai
    await type(citizen, 'berapa biayanya?');
    expect(await chat(citizen).innerText()).toMatch(/berapa biayanya\?[\s\S]*GRATIS[\s\S]*Nama lengkap anak/);
    expect(await lastReply(citizen)).toMatch(/Nama lengkap anak/);
    await type(citizen, 'Budi Santoso');
    await type(citizen, '1'); // WNI
    await type(citizen, '1'); // sudah punya akta

    await type(citizen, 'mau ngomong sama petugas');
    expect(await lastReply(citizen)).toMatch(/teruskan kepada petugas[\s\S]*tetap kami simpan/);
    await citizen.getByLabel('Pesan', { exact: true }).fill('Nomor KK anak saya beda dengan KK saya, bagaimana?');
    await citizen.locator('form').getByRole('button', { name: 'Kirim', exact: true }).click();

    const officer = await browser.newPage();
    await officer.goto(`${server.url}/petugas`);
    await officer.getByLabel('Nama pengguna').fill('sari');
    await officer.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD);
    await officer.keyboard.press('Enter');
    await expect.poll(() => officer.locator('h1').innerText()).not.toMatch(/Masuk/);
    await officer.getByRole('link', { name: 'WhatsApp', exact: true }).click();
    const item = officer.getByRole('link', { name: /Menunggu petugas/ });
    await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(1);
    await item.click();
    await expect.poll(() => officer.locator('.thread').innerText(), { timeout: 15_000 }).toMatch(/beda dengan KK saya/);
    await officer.getByRole('button', { name: 'Ambil alih dari bot' }).click();
    await expect.poll(() => officer.getByRole('button', { name: 'Kembalikan ke bot' }).count()).toBe(1);
    await officer.getByLabel('Balasan').fill('Pakai KK tempat anak terdaftar, Ibu. Silakan lanjutkan permohonannya.');
    await officer.getByRole('button', { name: 'Kirim balasan' }).click();
    await expect.poll(() => chat(citizen).innerText(), { timeout: 15_000 }).toMatch(/Pakai KK tempat anak terdaftar/);
    await officer.getByRole('button', { name: 'Kembalikan ke bot' }).click();
    await expect.poll(() => chat(citizen).innerText(), { timeout: 15_000 }).toMatch(/masih tersimpan/);

    await type(citizen, '1'); // lanjutkan
    expect(await lastReply(citizen)).toMatch(/kita lanjutkan[\s\S]*Nomor KK/);
    await type(citizen, '3302201005200001');
    await type(citizen, 'Banyumas');
    await type(citizen, '2'); // Ibu
    await type(citizen, 'Siti Aminah');
    await type(citizen, 'Ledug');
    await photo(1);
    await photo(2);
    await photo(3);
    await type(citizen, 'tidak ada');
    expect(await chat(citizen).innerText()).toMatch(/Nama lengkap anak: Budi Santoso/);
    await type(citizen, '1'); // Kirim
    await expect.poll(() => chat(citizen).innerText(), { timeout: 15_000 }).toMatch(/Nomor tiket: \*KBR-\d{2}-\d{6}\*/);
    await screenshot(citizen, 'whatsapp-simulator-salam-handoff-kia');
    expect(await seriousA11yViolations(citizen)).toEqual([]);
  });
});
