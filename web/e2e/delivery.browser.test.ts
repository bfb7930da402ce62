/**
 * Jujuk Dolanan on a 360 px phone in Chromium: the kurir opens today's route (grouped by desa),
 * changes the order and finds it kept, calls or writes on WhatsApp, says "sedang menuju", hands a
 * document over with a proof photo from the camera input, and records a failed trip. Checked with
 * axe-core; the page never scrolls sideways. Failed trips up to the office's limit send the document
 * back to the office, and the kasi's Pengantaran page shows it with the reasons, what the citizen
 * was told, and the proof photo of a delivered one (its opening logged).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createStaffUser } from '../../src/auth/service.js';
import { auditLog } from '../../src/db/schema.js';
import { DEMO_OFFICE_CODE } from '../../src/offices/setup.js';
import { fixedClock } from '../../src/platform/clock.js';
import { loadConfig } from '../../src/platform/config.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { launchBrowser, screenshot, seriousA11yViolations } from './browser.js';

let server: RunningServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let dataDir: string;
let kurirId: string;
const PASSWORD = 'kembaran-bersinar-2026';
const clock = fixedClock('2026-11-23T02:00:00Z'); // Monday 09:00 WIB

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kencot-antar-'));
  server = await startServer(loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' }), { clock });
  const deps = { db: server.database.db, clock };
  await createStaffUser(deps, null, { officeCode: DEMO_OFFICE_CODE, role: 'operator', name: 'Sari Operator', username: 'sari', password: PASSWORD }, {});
  const { user } = await createStaffUser(deps, null, { officeCode: DEMO_OFFICE_CODE, role: 'kurir', name: 'Budi Kurir', username: 'budi.kurir', password: PASSWORD }, {});
  kurirId = user.id;
  await createStaffUser(deps, null, { officeCode: DEMO_OFFICE_CODE, role: 'kasi', name: 'Dewi Kasi', username: 'dewi.kasi', password: PASSWORD }, {});
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

/** A wheelchair user's KIA taken in at the counter, processed, ready, and given to the kurir. */
async function readyDelivery(page: Page, name: string, nik: string, desaCode: string) {
  const { csrfToken } = (await (await page.request.get(`${server.url}/api/v1/auth/csrf`)).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  const res = await page.request.post(`${server.url}/api/v1/offices/${DEMO_OFFICE_CODE}/requests`, {
    headers,
    data: {
      serviceCode: 'kia_baru',
      channel: 'walk_in',
      desaCode,
      applicant: { name: `Ibu ${name}`, phone: '081227001234', relation: 'ibu' },
      subject: { nik, name, birthDate: '2020-05-10', sex: 'P' },
      circumstances: { hasBirthCertificate: false, foreign: false },
      details: { kk_number: '3302201005200001', subject_birth_place: 'Banyumas', father_name: 'Bapak Darsono', mother_name: 'Ibu Sri Wahyuni' },
      handOverChoice: 'home_delivery',
      delivery: { address: 'Jl. Raya Ledug 5, RT 02/RW 01', phone: '0813-2700-9999' },
      specialNeeds: { disabled: true, kinds: ['fisik'], consent: true, note: 'Pengguna kursi roda' },
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  const body = (await res.json()) as { request: { id: string; ticket: string }; trackingPin: string };
  const request = { ...body.request, pin: body.trackingPin };
  const steps: [string, Record<string, unknown>][] = [
    ['verify_accept', { overrideReason: 'Dokumen asli diperiksa di loket' }],
    ['record_siak_outcome', { outcomes: [{ document: 'kia', number: nik, printed: true }] }],
    ['mark_ready', {}],
    ['assign_courier', { courierStaffId: kurirId }],
  ];
  for (const [action, payload] of steps) {
    const acted = await page.request.post(`${server.url}/api/v1/requests/${request.id}/actions`, { headers, data: { action, payload } });
    expect(acted.status(), action).toBe(200);
  }
  return request;
}

const desaHeadings = (page: Page) => page.locator('.delivery-desa h2').allInnerTexts();

describe("the kurir's phone view", () => {
  it('delivers with a proof photo at 360 px, keeps the route order, and records a failed trip', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(page, 'sari');
    const first = await readyDelivery(page, 'Ayu Lestari', '3302205005200001', '33.02.20.2001');
    const second = await readyDelivery(page, 'Bunga Citra', '3302205005200002', '33.02.20.2002');

    await signIn(page, 'budi.kurir');
    await page.getByRole('navigation').getByRole('link', { name: 'Antar dokumen' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Antar dokumen hari ini');
    await expect.poll(() => page.locator('.delivery-task').count()).toBe(2);
    const [desaA, desaB] = (await desaHeadings(page)).map((h) => h.replace(/\s*\d+ dokumen$/, ''));

    const card = page.locator('article', { has: page.getByRole('heading', { name: new RegExp(first.ticket) }) });
    expect(await card.getByRole('link', { name: 'Telepon Ibu Ayu Lestari' }).getAttribute('href')).toBe('tel:+6281327009999');
    expect(await card.getByRole('link', { name: 'WhatsApp Ibu Ayu Lestari' }).getAttribute('href')).toBe('https://wa.me/6281327009999');
    expect(await card.innerText()).toMatch(/Jl\. Raya Ledug 5/);
    expect(await card.innerText()).toMatch(/Kartu Identitas Anak \(KIA\)/);
    expect(await card.innerText()).not.toMatch(/3302205005200001/);

    // The second desa first; kept after a reload.
    await page.getByRole('button', { name: `Turunkan urutan desa ${desaA}` }).click();
    await expect.poll(() => page.locator('.deliveries').getByRole('status').innerText()).toMatch(/Urutan rute sudah disimpan/);
    await expect.poll(async () => (await desaHeadings(page))[0]).toMatch(desaB!);
    await page.reload();
    await expect.poll(async () => (await desaHeadings(page))[0]).toMatch(desaB!);

    await card.getByRole('button', { name: 'Saya sedang menuju' }).click();
    await expect.poll(() => page.locator('.deliveries').getByRole('status').innerText()).toMatch(new RegExp(`${first.ticket} sudah diberi tahu`));
    await expect.poll(() => card.innerText()).toMatch(/Sedang menuju/);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await card.getByRole('button', { name: 'Sudah diserahkan' }).click();
    const photoInput = card.getByLabel('Foto serah terima');
    expect(await photoInput.getAttribute('accept')).toBe('image/*');
    expect(await photoInput.getAttribute('capture')).toBe('environment');
    await card.getByRole('button', { name: 'Simpan: dokumen sudah diterima' }).click();
    await expect.poll(() => card.locator('.field-error').first().innerText()).toMatch(/ambil foto serah terima/);

    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#7d8f6a' } }).jpeg().toBuffer();
    await photoInput.setInputFiles({ name: 'serah-terima.jpg', mimeType: 'image/jpeg', buffer: photo });
    await card.getByLabel('Nama penerima').fill('Sri Wahyuni');
    await card.getByLabel('Hubungan penerima').selectOption('parent');
    await card.getByLabel('Jam diterima').fill('10:30');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'antar-bukti-360');
    clock.set('2026-11-23T04:00:00Z'); // 11:00 WIB: the hand-over at 10:30 is in the past
    await card.getByRole('button', { name: 'Simpan: dokumen sudah diterima' }).click();
    await expect.poll(() => page.locator('.deliveries').getByRole('status').innerText()).toMatch(new RegExp(`Dokumen ${first.ticket} tercatat sudah diterima`));
    await expect.poll(() => page.locator('.delivery-task').count()).toBe(1);

    const other = page.locator('article', { has: page.getByRole('heading', { name: new RegExp(second.ticket) }) });
    await other.getByRole('button', { name: 'Gagal diantar' }).click();
    await other.getByLabel('Tidak ada orang di rumah').check();
    await other.getByRole('button', { name: 'Simpan: gagal diantar' }).click();
    await expect.poll(() => page.locator('.deliveries').getByRole('status').innerText()).toMatch(new RegExp(`${second.ticket} dijadwalkan ulang pada 24 November 2026`));
    await expect.poll(() => page.locator('.delivery-task').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'antar-selesai-360');

    // The hand-over went through the SOP: the request is handed over, with the proof.
    await signIn(page, 'sari');
    const detail = (await (await page.request.get(`${server.url}/api/v1/requests/${first.id}`)).json()) as { request: { state: string; handOverRecord: Record<string, unknown> } };
    expect(detail.request.state).toBe('handed_over');
    expect(detail.request.handOverRecord).toMatchObject({ method: 'home_delivery', receivedBy: { name: 'Sri Wahyuni', relationship: 'parent' }, receivedAt: '2026-11-23T03:30:00.000Z' });

    // The citizens' tracking pages say so: delivered, and rescheduled with the day and the reason.
    await page.context().clearCookies();
    await page.goto(`${server.url}/lacak?tiket=${first.ticket}`);
    await page.getByLabel('PIN (6 angka)').fill(first.pin);
    await page.getByRole('button', { name: 'Lihat status' }).click();
    await expect.poll(() => page.locator('.delivery-status').innerText()).toMatch(/Pengantaran dokumen \(Jujuk Dolanan\)[\s\S]*sudah diantar dan diterima/);
    await page.goto(`${server.url}/lacak?tiket=${second.ticket}`);
    await page.getByLabel('PIN (6 angka)').fill(second.pin);
    await page.getByRole('button', { name: 'Lihat status' }).click();
    await expect.poll(() => page.locator('.delivery-status').innerText()).toMatch(/dijadwalkan diantar pada Selasa, 24 November 2026/);
    expect(await page.locator('.delivery-status').innerText()).toMatch(/belum berhasil: 1 \(terakhir: Tidak ada orang di rumah\)/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'antar-lacak-360');
    await page.close();
  });

  it('lets an operator plan a home visit within office hours and record its outcome on the request page', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, 'sari');
    const { csrfToken } = (await (await page.request.get(`${server.url}/api/v1/auth/csrf`)).json()) as { csrfToken: string };
    const res = await page.request.post(`${server.url}/api/v1/offices/${DEMO_OFFICE_CODE}/requests`, {
      headers: { 'x-csrf-token': csrfToken },
      data: {
        serviceCode: 'kia_baru',
        channel: 'walk_in',
        desaCode: '33.02.20.2009',
        applicant: { name: 'Ibu Citra', phone: '081227001234', relation: 'ibu' },
        subject: { nik: '3302205005200003', name: 'Citra Ayu', birthDate: '2020-05-10', sex: 'P' },
        circumstances: { hasBirthCertificate: false, foreign: false },
        details: { kk_number: '3302201005200001', subject_birth_place: 'Banyumas', father_name: 'Bapak Darsono', mother_name: 'Ibu Sri Wahyuni' },
        specialNeeds: { disabled: true, kinds: ['fisik'], consent: true, accommodations: ['home_visit'] },
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    const request = ((await res.json()) as { request: { id: string } }).request;
    await page.goto(`${server.url}/petugas/permohonan/${request.id}`);
    const panel = page.locator('section', { has: page.getByRole('heading', { name: 'Kunjungan ke rumah' }) });
    await expect.poll(() => panel.innerText()).toMatch(/Belum ada kunjungan/);
    await panel.getByLabel('Tanggal').fill('2026-11-24');
    await panel.getByLabel('Jam mulai').fill('16:00');
    await panel.getByLabel('Sari Operator').check();
    await panel.getByRole('button', { name: 'Jadwalkan dan kirim konfirmasi' }).click();
    await expect.poll(() => panel.innerText()).toMatch(/di dalam jam layanan kantor/);
    await panel.getByLabel('Jam mulai').fill('09:00');
    await panel.getByRole('button', { name: 'Jadwalkan dan kirim konfirmasi' }).click();
    await expect.poll(() => panel.getByRole('status').innerText()).toMatch(/Konfirmasi sudah dikirim/);
    await expect.poll(() => panel.innerText(), { timeout: 10_000 }).toMatch(/24 November 2026, pukul 09:00/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'kunjungan-rumah');
    await panel.getByLabel('Selesai').check();
    await panel.getByRole('button', { name: 'Simpan hasil kunjungan' }).click();
    await expect.poll(() => panel.getByRole('status').innerText()).toMatch(/Hasil kunjungan sudah dicatat/);
    await expect.poll(() => panel.innerText(), { timeout: 10_000 }).toMatch(/09:00.*Selesai/);
    await page.close();
  });

  it("sends the document back to the office at the failure limit, and the officers' Pengantaran page shows it", async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(page, 'sari');
    const request = await readyDelivery(page, 'Dinda Permata', '3302205005200004', '33.02.20.2001');
    await signIn(page, 'dewi.kasi');
    const { csrfToken } = (await (await page.request.get(`${server.url}/api/v1/auth/csrf`)).json()) as { csrfToken: string };
    const limit = await page.request.put(`${server.url}/api/v1/offices/${DEMO_OFFICE_CODE}/delivery-settings`, { headers: { 'x-csrf-token': csrfToken }, data: { maxFailedAttempts: 2 } });
    expect(limit.status(), await limit.text()).toBe(200);

    /** The kurir, on its phone, records a failed trip of the day for this request. */
    const failTrip = async (reasonLabel: string, note?: string) => {
      await signIn(page, 'budi.kurir');
      await page.getByRole('navigation').getByRole('link', { name: 'Antar dokumen' }).click();
      const card = page.locator('article', { has: page.getByRole('heading', { name: new RegExp(request.ticket) }) });
      await expect.poll(() => card.count()).toBe(1);
      await card.getByRole('button', { name: 'Gagal diantar' }).click();
      await card.getByLabel(reasonLabel).check();
      if (note) await card.getByLabel('Keterangan').fill(note);
      await card.getByRole('button', { name: 'Simpan: gagal diantar' }).click();
    };

    const status = () => page.locator('.deliveries').getByRole('status').innerText();
    await failTrip('Tidak ada orang di rumah');
    await expect.poll(status).toMatch(new RegExp(`${request.ticket} dijadwalkan ulang pada 24 November 2026`));
    clock.set('2026-11-24T02:00:00Z'); // Tuesday 09:00 WIB: the rescheduled trip's day
    await failTrip('Alamat tidak ditemukan atau salah', 'Rumah nomor 5 tidak ada, warga tidak mengenal pemohon');
    await expect.poll(status).toMatch(new RegExp(`${request.ticket} dikembalikan ke kantor`));
    await expect.poll(() => page.locator('article', { has: page.getByRole('heading', { name: new RegExp(request.ticket) }) }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The kasi's overview: the task back at the office first, with its trips and the citizen's notice.
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, 'dewi.kasi');
    await page.getByRole('navigation').getByRole('link', { name: 'Pengantaran' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Pengantaran dokumen (Jujuk Dolanan)');
    const back = page.locator('section', { has: page.getByRole('heading', { name: /Dikembalikan ke kantor/ }) });
    await expect.poll(() => back.innerText()).toMatch(new RegExp(`${request.ticket} · Dinda Permata`));
    const backText = await back.innerText();
    expect(backText).toMatch(/Batas 2 kali gagal antar tercapai/);
    expect(backText).toMatch(/Budi Kurir/);
    expect(backText).toMatch(/Alasan: Alamat tidak ditemukan atau salah[\s\S]*Keterangan kurir: Rumah nomor 5 tidak ada[\s\S]*Alasan: Tidak ada orang di rumah/);
    expect(backText).toMatch(new RegExp(`belum berhasil kami antarkan setelah beberapa kali kunjungan[\\s\\S]*${request.ticket}|${request.ticket}[\\s\\S]*belum berhasil kami antarkan setelah beberapa kali kunjungan`));
    expect(backText).toMatch(/Dijadwalkan ulang/);
    // The task returned before the others in reading order: it is the first section.
    expect(await page.locator('.delivery-overview section h2').first().innerText()).toMatch(/Dikembalikan ke kantor/);

    // The first test's delivered document: receiver, relation, and its photo on request, logged.
    const delivered = page.locator('section', { has: page.getByRole('heading', { name: /Sudah diantar/ }) });
    await expect.poll(() => delivered.innerText()).toMatch(/Penerima: Sri Wahyuni \(Orang tua\)/);
    const show = delivered.getByRole('button', { name: /Lihat foto serah terima/ });
    await show.focus();
    await page.keyboard.press('Enter');
    const photo = delivered.getByRole('img', { name: /Foto serah terima dokumen/ });
    await expect.poll(() => photo.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(800);
    await expect
      .poll(async () => (await server.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'file.viewed'), eq(auditLog.actorRole, 'kasi')))).length)
      .toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'pengantaran-petugas');
    await page.close();
  });
});
