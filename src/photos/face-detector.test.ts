/** The trained face detector for the child's pass photo (issue 16), its model read from node_modules. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jpeg, renderPassPhoto, rng } from '../test-support/photo-fixtures.js';
import { decodePhoto } from './decode.js';
import { detectFace, faceModelDir } from './face-detector.js';
import { checkPhotoQuality } from './quality.js';

const passPhoto = async (seed: number, face: 'centred' | 'off_centre' | 'none') => decodePhoto(await jpeg(await renderPassPhoto(rng(seed), { face }), 85));

// OCR, the face detector and child processes share two cores with the rest of the suite in CI.
describe('finding a face on a pass photo', { timeout: 120_000 }, () => {
  it('reads its model from the npm package', () => {
    expect(faceModelDir()).toContain(`node_modules${path.sep}@vladmandic${path.sep}face-api`);
    expect(fs.existsSync(path.join(faceModelDir(), 'tiny_face_detector_model.bin'))).toBe(true);
  });

  it('finds a face in the middle, and the check accepts it', async () => {
    const pixels = await passPhoto(61, 'centred');
    const face = await detectFace(pixels.rgb);
    expect(face).toMatchObject({ score: expect.any(Number) });
    if (face === null || face === 'none') throw new Error('no face found');
    expect(face.x + face.width / 2).toBeGreaterThan(0.35);
    expect(face.x + face.width / 2).toBeLessThan(0.65);
    expect(checkPhotoQuality(pixels, 'photo', { face }).problems).toEqual([]);
  });

  it('says no_face for a face at the side of the frame', async () => {
    const pixels = await passPhoto(62, 'off_centre');
    const face = await detectFace(pixels.rgb);
    expect(checkPhotoQuality(pixels, 'photo', { face }).problems).toEqual(['no_face']);
  });

  it('finds no face where there is none', async () => {
    const pixels = await passPhoto(63, 'none');
    const face = await detectFace(pixels.rgb);
    expect(face).toBe('none');
    expect(checkPhotoQuality(pixels, 'photo', { face }).problems).toContain('no_face');
  });
});
