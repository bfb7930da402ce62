/**
 * WhatsApp in Chromium, on the server exactly as `npm start` runs it without Meta credentials: a
 * citizen chats in the simulator and asks for an officer; an operator answers from the console's
 * WhatsApp inbox, takes over, replies, and hands back; the citizen sees it all in the chat. Then a
 * KIA application by chat in the simulator, from "halo" to the ticket. Every page is photographed
 * and checked with axe-core.
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
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kencot-wa-'));
  server = await startServer(loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' }));
  await createStaffUser({ db: server.database.db, clock: systemClock }, null, { officeCode: DEMO_OFFICE_CODE, role: 'operator', name: 'Sari Operator', username: 'sari', password: PASSWORD }, {});
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.cleanup();
  await server?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function openSimulator(waId: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(`${server.url}/simulator`);
  await expect.poll(() => page.locator('h1').innerText()).toBe('Simulator WhatsApp');
  await page.getByLabel('Nomor WhatsApp warga (62…)').fill(waId);
  // The page may first have shown this browser's previous number; each test's number is new, so its log is empty.
  await expect.poll(() => page.locator('.sim-log .sim-bubble').count()).toBe(0);
  return page;
}

const chat = (page: Page) => page.locator('.sim-log');

/** Does something in the chat, then waits until the bot has answered and stopped typing. */
async function andWaitForReply(page: Page, act: () => Promise<void>) {
  const replies = page.locator('.sim-theirs');
  const before = await replies.count();
  await act();
  await expect.poll(() => replies.count(), { timeout: 30_000 }).toBeGreaterThan(before);
  // A turn may bring several messages; they are all in once the count holds still.
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
function send(page: Page, text: string) {
  return andWaitForReply(page, async () => {
    await page.getByLabel('Pesan', { exact: true }).fill(text);
    await page.getByRole('button', { name: 'Kirim', exact: true }).click();
  });
}
function chooseFromList(page: Page, row: RegExp) {
  return andWaitForReply(page, async () => {
    const last = page.locator('.sim-theirs').last();
    await last.locator('.sim-list > button').click();
    await last.getByRole('button', { name: row }).first().click();
  });
}
function tapButton(page: Page, name: RegExp) {
  return andWaitForReply(page, () => page.locator('.sim-theirs').last().getByRole('button', { name }).first().click());
}

describe('WhatsApp hand-off through the simulator', () => {
  it('a citizen asks for an officer; the operator takes over, replies from the inbox and hands back', async () => {
    const citizen = await openSimulator('6281227005555');
    await page_a11y(citizen, 'simulator-empty');
    await send(citizen, 'halo');
    await expect.poll(() => chat(citizen).innerText(), { timeout: 15_000 }).toMatch(/Silakan pilih layanan/);
    await chooseFromList(citizen, /Bicara dengan petugas/);
    await expect.poll(() => chat(citizen).innerText()).toMatch(/petugas/i);
    await send(citizen, 'Anak saya tunanetra, bisa dibantu buat KIA di rumah?');
    await page_a11y(citizen, 'simulator-handoff');

    const officer = await browser.newPage();
    await officer.goto(`${server.url}/petugas`);
    await officer.getByLabel('Nama pengguna').fill('sari');
    await officer.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD);
    await officer.keyboard.press('Enter');
    await expect.poll(() => officer.locator('h1').innerText()).not.toMatch(/Masuk/);
    await officer.getByRole('link', { name: 'WhatsApp', exact: true }).click();
    await expect.poll(() => officer.locator('h1').innerText()).toBe('Kotak masuk WhatsApp');
    const item = officer.getByRole('link', { name: /Menunggu petugas/ });
    await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(1);
    await page_a11y(officer, 'inbox-list');
    await item.click();
    await expect.poll(() => officer.locator('.thread').innerText()).toMatch(/tunanetra/);
    await officer.getByRole('button', { name: 'Ambil alih dari bot' }).click();
    await expect.poll(() => officer.getByRole('button', { name: 'Kembalikan ke bot' }).count()).toBe(1);
    await officer.getByLabel('Balasan').fill('Bisa, Ibu. Petugas kami akan datang ke rumah. Mohon kirim alamat lengkapnya.');
    await officer.getByRole('button', { name: 'Kirim balasan' }).click();
    await expect.poll(() => officer.locator('form [role=status]').innerText()).toMatch(/antrean/);
    await page_a11y(officer, 'inbox-thread');

    await expect.poll(() => chat(citizen).innerText(), { timeout: 15_000 }).toMatch(/Petugas kami akan datang ke rumah/);
    await citizen.getByLabel('Pesan', { exact: true }).fill('Desa Ledug RT 02 RW 01');
    await citizen.getByRole('button', { name: 'Kirim', exact: true }).click();
    await expect.poll(() => officer.locator('.thread').innerText(), { timeout: 15_000 }).toMatch(/RT 02 RW 01/);

    await officer.getByRole('button', { name: 'Kembalikan ke bot' }).click();
    await expect.poll(() => chat(citizen).innerText(), { timeout: 15_000 }).toMatch(/layanan otomatis/);
    await page_a11y(citizen, 'simulator-handed-back');
  });
});

describe('a KIA application in the simulator', () => {
  it('goes from "halo" to the ticket with photos sent from the phone', async () => {
    const citizen = await openSimulator('6281227006666');
    await send(citizen, 'halo');
    await expect.poll(() => chat(citizen).innerText(), { timeout: 15_000 }).toMatch(/Silakan pilih layanan/);
    await chooseFromList(citizen, /Ajukan permohonan/);
    const tap = (name: RegExp) => tapButton(citizen, name);
    const list = (row: RegExp) => chooseFromList(citizen, row);
    const waitFor = (text: RegExp) => expect.poll(() => chat(citizen).innerText(), { timeout: 15_000 }).toMatch(text);
    await list(/KIA/);
    await list(/KIA baru/);
    await waitFor(/NIK anak/);
    await send(citizen, '3302201405190001');
    await tap(/Ya/);
    await waitFor(/Nama lengkap anak/);
    await send(citizen, 'Budi Santoso');
    await tap(/^WNI$/);
    await tap(/Sudah punya/);
    await waitFor(/Silakan ketik \*Nomor KK\*/);
    await send(citizen, '3302 2010 0520');
    await waitFor(/berisi 12 angka/);
    await send(citizen, '3302 2010 0520 0001');
    await waitFor(/Tempat lahir anak/);
    await send(citizen, 'Banyumas');
    await list(/^Ibu$/);
    await waitFor(/nama lengkap Bapak\/Ibu/);
    await send(citizen, 'Siti Aminah');
    await send(citizen, 'Ledug');
    for (const n of [1, 2, 3]) {
      await waitFor(new RegExp(`Dokumen ${n} dari 3`));
      const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: ['#f0e6d2', '#d2e6f0', '#e6f0d2'][n - 1]! } }).jpeg().toBuffer();
      await andWaitForReply(citizen, () => citizen.locator('.sim-extras input[type=file]').setInputFiles({ name: `dokumen-${n}.jpg`, mimeType: 'image/jpeg', buffer: jpeg }));
    }
    await tap(/Tidak ada/);
    await waitFor(/Pemohon: Siti Aminah/);
    await waitFor(/Nomor KK: 3302201005200001/);
    await tap(/^Kirim$/);
    await waitFor(/Nomor tiket: \*KBR-\d{2}-\d{6}\*/);
    await page_a11y(citizen, 'simulator-kia-ticket');
  });
});

async function page_a11y(page: Page, name: string) {
  await screenshot(page, `whatsapp-${name}`);
  expect(await seriousA11yViolations(page)).toEqual([]);
}
