/** `kencot photo-check` and `kencot read-numbers` as scripts call them: the JSON contract, the exit code and the messages. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blur, jpeg, photograph, randomScene, renderDocument, renderPassPhoto, rng } from '../test-support/photo-fixtures.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kencot-photo-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const kencot = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args]);
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

const files = { kk: '', akta: '', blurred: '', text: '', huge: '', child: '' };
let kkNumbers: string[] = [];

beforeAll(async () => {
  const r = rng(31);
  const kk = await renderDocument('kk', r);
  kkNumbers = kk.numbers;
  const kkPhoto = await photograph(kk, randomScene(r), r);
  files.kk = path.join(dir, 'kk.jpg');
  fs.writeFileSync(files.kk, await jpeg(kkPhoto, 85));
  files.blurred = path.join(dir, 'kk-blurred.jpg');
  fs.writeFileSync(files.blurred, await jpeg(await blur(kkPhoto, 4), 85));
  const akta = await renderDocument('akta', r);
  files.akta = path.join(dir, 'akta.jpg');
  fs.writeFileSync(files.akta, await jpeg(await photograph(akta, randomScene(r), r), 85));
  files.child = path.join(dir, 'pas-foto.jpg');
  fs.writeFileSync(files.child, await jpeg(await renderPassPhoto(r, { face: 'off_centre' }), 85));
  files.text = path.join(dir, 'not-a-photo.jpg');
  fs.writeFileSync(files.text, 'Kartu Keluarga, tetapi hanya teks');
  files.huge = path.join(dir, 'huge.jpg');
  fs.writeFileSync(files.huge, Buffer.alloc(11 * 1024 * 1024));
});

// OCR, the face detector and child processes share two cores with the rest of the suite in CI.
describe('kencot photo-check', { timeout: 120_000 }, () => {
  it('prints { ok, problems, measures } for a good KK photo, and exits 0', async () => {
    const { code, stdout } = await kencot('photo-check', files.kk, '--kind', 'kk', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { ok: boolean; problems: string[]; measures: Record<string, number> };
    expect(result).toEqual({ ok: true, problems: [], measures: expect.objectContaining({ width: expect.any(Number), sharpness: expect.any(Number), meanLuminance: expect.any(Number) }) });
  });

  it('flags an akta sent as the KK as wrong_document', async () => {
    const { code, stdout } = await kencot('photo-check', files.akta, '--kind', 'kk', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, problems: ['wrong_document'] });
  });

  it('tells an officer in Indonesian what is wrong and that it may still be sent', async () => {
    const { code, stdout } = await kencot('photo-check', files.blurred, '--kind', 'kk');
    expect(code).toBe(0);
    expect(stdout).toContain('Foto KK kurang jelas/buram. Mohon foto ulang di tempat yang terang, seluruh kartu terlihat.');
    expect(stdout).toContain('tetap dapat dikirim');
  });

  it("says no_face for a child's photo with the face at the side, and keeps stdout pure JSON", async () => {
    const { code, stdout } = await kencot('photo-check', files.child, '--kind', 'photo', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, problems: ['no_face'], measures: { faceScore: expect.any(Number) } });
  });

  it.each([
    ['a missing file', () => [path.join(dir, 'nope.jpg'), '--json'], 'tidak dapat dibuka'],
    ['a file that is not an image', () => [files.text, '--json'], 'bukan gambar yang dapat dibaca'],
    ['a file too large', () => [files.huge], 'terlalu besar'],
    ['an unknown kind', () => [files.kk, '--kind', 'sim'], 'Jenis foto "sim" tidak dikenal'],
  ])('refuses %s on stderr, in Indonesian, with exit 1', async (_what, args, message) => {
    const { code, stdout, stderr } = await kencot('photo-check', ...args());
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toContain(message);
  });
});

// OCR, the face detector and child processes share two cores with the rest of the suite in CI.
describe('kencot read-numbers', { timeout: 120_000 }, () => {
  it('prints the 16-digit numbers read on a KK as { numbers }', async () => {
    const { code, stdout } = await kencot('read-numbers', files.kk, '--json');
    expect(code).toBe(0);
    const { numbers } = JSON.parse(stdout) as { numbers: string[] };
    expect(numbers).toContain(kkNumbers[0]);
    for (const n of numbers) expect(n).toMatch(/^\d{16}$/);
  });

  it('refuses a file that is not an image on stderr with exit 1', async () => {
    const { code, stdout, stderr } = await kencot('read-numbers', files.text, '--json');
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toContain('bukan gambar');
  });
});
