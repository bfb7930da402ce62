/** Straightening a tilted document photo before OCR (issue 16). */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { photograph, randomScene, renderDocument, rng } from '../test-support/photo-fixtures.js';
import { estimateSkew } from './skew.js';

async function tilted(degrees: number) {
  const r = rng(41);
  const doc = await renderDocument('ktp', r);
  const scene = { ...randomScene(r), rotate: degrees, scale: 0.66 };
  const img = await photograph(doc, scene, r);
  const { data, info } = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } })
    .resize({ width: 800 })
    .greyscale()
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

describe('measuring how far a document photo is tilted', () => {
  it.each([0, 7, -9])('finds a tilt of %d° within a degree', async (degrees) => {
    expect(Math.abs(estimateSkew(await tilted(degrees)) - degrees)).toBeLessThanOrEqual(1);
  });

  it('says 0 for an image with nothing to line up', () => {
    expect(estimateSkew({ data: new Uint8Array(100 * 100).fill(200), width: 100, height: 100 })).toBe(0);
  });
});
