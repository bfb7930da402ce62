/**
 * OCR of document photos with the trained data shipped in node_modules (issue 16): the numbers and
 * the title come off a rendered document, and a read past its time budget gives up with null.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jpeg, photograph, randomScene, renderDocument, rng } from '../test-support/photo-fixtures.js';
import { compareNumber } from './numbers.js';
import { closeOcr, ENG_DATA_DIR, readDocument, readNumbers } from './ocr.js';

afterAll(() => closeOcr());

async function documentPhoto(kind: 'kk' | 'akta' | 'ktp', seed: number) {
  const r = rng(seed);
  const doc = await renderDocument(kind, r);
  return { bytes: await jpeg(await photograph(doc, randomScene(r), r), 85), numbers: doc.numbers };
}

// OCR, the face detector and child processes share two cores with the rest of the suite in CI.
describe('reading a document photo', { timeout: 120_000 }, () => {
  it('loads the English trained data from the npm package, not from the network', () => {
    expect(ENG_DATA_DIR).toContain(`node_modules${path.sep}@tesseract.js-data${path.sep}eng`);
    expect(fs.existsSync(path.join(ENG_DATA_DIR, 'eng.traineddata.gz'))).toBe(true);
  });

  it('reads the KK number and the NIKs on a KK, and its title', async () => {
    const { bytes, numbers } = await documentPhoto('kk', 21);
    const read = await readDocument(bytes, { timeoutMs: 60_000 });
    expect(read?.title).toBe('kk');
    expect(read?.numbers).toContain(numbers[0]);
    expect(compareNumber(numbers[0]!, read?.numbers ?? [])).toEqual({ match: true, read: numbers[0] });
  });

  it('tells an akta from a KK by its title and reads the NIK on it', async () => {
    const { bytes, numbers } = await documentPhoto('akta', 22);
    const read = await readDocument(bytes, { timeoutMs: 60_000 });
    expect(read?.title).toBe('akta');
    expect(read?.numbers).toEqual([numbers[0]]);
  });

  it('gives up with null when the time budget runs out, and reads again afterwards', async () => {
    const { bytes, numbers } = await documentPhoto('ktp', 23);
    expect(await readNumbers(bytes, { timeoutMs: 1 })).toBeNull();
    expect(await readNumbers(bytes, { timeoutMs: 60_000 })).toEqual(expect.any(Array));
    expect(numbers).toHaveLength(1);
  });
});
