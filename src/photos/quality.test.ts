/** Photo quality at upload (issue 16): each fault a phone photo can have is named, and a good photo has none. */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { blur, expose, jpeg, moire, photograph, randomScene, renderDocument, renderPassPhoto, resize, rng, type RawRgb } from '../test-support/photo-fixtures.js';
import { decodePhoto, PhotoDecodeError } from './decode.js';
import { checkPhotoQuality, laplacianVarianceOf, type PhotoKind } from './quality.js';

const check = async (img: RawRgb, kind: PhotoKind, title?: 'kk' | 'akta' | 'ktp' | null) => checkPhotoQuality(await decodePhoto(await jpeg(img, 80)), kind, { title });

async function kkPhoto(seed: number, tweak: (s: ReturnType<typeof randomScene>) => void = () => {}): Promise<RawRgb> {
  const r = rng(seed);
  const doc = await renderDocument('kk', r);
  const scene = randomScene(r);
  tweak(scene);
  return photograph(doc, scene, r);
}

describe('checking a photo of a document', () => {
  it('finds nothing wrong with a sharp, well-lit KK photographed whole on a table', async () => {
    const result = await check(await kkPhoto(1), 'kk');
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.measures.width).toBeGreaterThan(1000);
  });

  it('says a blurred photo is blurred, and only that', async () => {
    expect((await check(await blur(await kkPhoto(2), 4), 'kk')).problems).toEqual(['blurred']);
  });

  it('says a photo taken in the dark is dark, without also calling it blurred or cut off', async () => {
    const result = await check(expose(await kkPhoto(3), 0.2, 0, rng(3), 8), 'kk');
    expect(result.problems).toEqual(['dark']);
    expect(result.ok).toBe(false);
  });

  it('says a washed-out photo is too bright', async () => {
    expect((await check(expose(await kkPhoto(4), 2, 90, rng(4)), 'kk')).problems).toEqual(['bright']);
  });

  it('says a photo too small to read is small', async () => {
    expect((await check(await resize(await kkPhoto(5), 480), 'kk')).problems).toEqual(['small']);
  });

  it('says a document running over the edge of the frame is cropped', async () => {
    const img = await kkPhoto(6, (s) => ((s.scale = 0.9), (s.cx = 0.24)));
    expect((await check(img, 'kk')).problems).toEqual(['cropped']);
  });

  it('says a document taken from too far, filling a small part of the frame, is cropped', async () => {
    const img = await kkPhoto(7, (s) => (s.scale = 0.32));
    expect((await check(img, 'kk')).problems).toContain('cropped');
  });

  it("recognises a photographed screen by the moiré of its pixel grid", async () => {
    expect((await check(moire(await kkPhoto(8), 4.5, 17, 0.3), 'kk')).problems).toEqual(['screen']);
  });

  it('flags a different document than the one asked for when the OCR read its title, and only then', async () => {
    const img = await kkPhoto(9);
    expect((await check(img, 'kk', 'akta')).problems).toEqual(['wrong_document']);
    expect((await check(img, 'kk', 'kk')).problems).toEqual([]);
    expect((await check(img, 'kk', null)).problems).toEqual([]);
  });
});

describe("checking a child's pass photo (KIA)", () => {
  it('accepts a face roughly in the middle', async () => {
    const result = await check(await renderPassPhoto(rng(10), { face: 'centred' }), 'photo');
    expect(result.problems).toEqual([]);
    expect(result.measures.faceShare).toBeGreaterThan(0.05);
  });

  it('says no_face when the face is at the side of the frame', async () => {
    expect((await check(await renderPassPhoto(rng(11), { face: 'off_centre' }), 'photo')).problems).toEqual(['no_face']);
  });

  it('says no_face when there is no face at all', async () => {
    expect((await check(await renderPassPhoto(rng(12), { face: 'none' }), 'photo')).problems).toContain('no_face');
  });

  it('never asks a document photo for a face', async () => {
    expect((await check(await kkPhoto(13), 'kk')).problems).not.toContain('no_face');
  });
});

describe('the measures', () => {
  it('gives a flat image no Laplacian variance and a checkerboard a large one', () => {
    const flat = { data: new Uint8Array(64 * 64).fill(128), width: 64, height: 64 };
    const board = { data: Uint8Array.from({ length: 64 * 64 }, (_, i) => (((i % 64) + Math.floor(i / 64)) % 2 ? 255 : 0)), width: 64, height: 64 };
    expect(laplacianVarianceOf(flat)).toBe(0);
    expect(laplacianVarianceOf(board)).toBeGreaterThan(100_000);
  });

  it('decodes a PNG with transparency and a one-channel greyscale PNG alike', async () => {
    const withAlpha = await sharp({ create: { width: 900, height: 700, channels: 4, background: { r: 200, g: 200, b: 200, alpha: 0.5 } } }).png().toBuffer();
    const grey = await sharp({ create: { width: 900, height: 700, channels: 3, background: { r: 90, g: 90, b: 90 } } }).toColourspace('b-w').png().toBuffer();
    for (const bytes of [withAlpha, grey]) {
      const pixels = await decodePhoto(bytes);
      expect(pixels.grey.data.length).toBe(pixels.grey.width * pixels.grey.height);
      expect(pixels.rgb.data.length).toBe(pixels.rgb.width * pixels.rgb.height * 3);
      expect({ width: pixels.width, height: pixels.height }).toEqual({ width: 900, height: 700 });
    }
  });

  it('refuses a file that is not an image', async () => {
    await expect(decodePhoto(Buffer.from('%PDF-1.7 not a photo'))).rejects.toThrow(PhotoDecodeError);
  });
});
