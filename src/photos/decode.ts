/**
 * The thin adapter between a photo file and the pure checks: sharp decodes (honouring EXIF
 * rotation) and gives the views `quality.ts` measures at known scales.
 */
import sharp, { type Metadata } from 'sharp';
import { MAX_INPUT_PIXELS } from '../files/inspect.js';
import { FACE_LONG_SIDE, NORMALISED_LONG_SIDE, PATCH_CENTRES, PATCH_SIZE, type GreyImage, type PhotoPixels } from './quality.js';

export class PhotoDecodeError extends Error {
  constructor(
    readonly reason: 'not_an_image' | 'too_many_pixels',
    readonly size: { width: number; height: number } | null = null,
  ) {
    super(reason);
    this.name = 'PhotoDecodeError';
  }
}

export async function decodePhoto(bytes: Buffer): Promise<PhotoPixels> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new PhotoDecodeError('not_an_image');
  }
  if (!meta.width || !meta.height) throw new PhotoDecodeError('not_an_image');
  if (meta.width * meta.height > MAX_INPUT_PIXELS) throw new PhotoDecodeError('too_many_pixels', { width: meta.width, height: meta.height });
  const base = () => sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).rotate();
  try {
    const { data: full, info } = await base().greyscale().toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    const width = info.width;
    const height = info.height;
    const grey = await resizeGrey({ data: full, width, height }, NORMALISED_LONG_SIDE);
    const patches = PATCH_CENTRES.map(([cx, cy]) => patchAt({ data: full, width, height }, PATCH_SIZE, cx, cy));
    const rgbOut = await base()
      .resize({ width: FACE_LONG_SIDE, height: FACE_LONG_SIDE, fit: 'inside', withoutEnlargement: true })
      .removeAlpha()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (full.length !== width * height || grey.data.length !== grey.width * grey.height) throw new PhotoDecodeError('not_an_image');
    return { width, height, grey, patches, rgb: { data: rgbOut.data, width: rgbOut.info.width, height: rgbOut.info.height } };
  } catch (err) {
    if (err instanceof PhotoDecodeError) throw err;
    throw new PhotoDecodeError('not_an_image');
  }
}

async function resizeGrey(img: GreyImage, longSide: number): Promise<GreyImage> {
  if (Math.max(img.width, img.height) <= longSide) return img;
  const { data, info } = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 1 } })
    .resize({ width: longSide, height: longSide, fit: 'inside' })
    // Without it sharp writes three channels again.
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** A size×size patch centred at (cx, cy) as shares; a smaller photo is mirrored at its edges to fill it. */
function patchAt(img: GreyImage, size: number, cx: number, cy: number): GreyImage {
  const out = new Uint8Array(size * size);
  const x0 = Math.max(0, Math.min(img.width - size, Math.round(img.width * cx - size / 2)));
  const y0 = Math.max(0, Math.min(img.height - size, Math.round(img.height * cy - size / 2)));
  const mirror = (v: number, n: number) => {
    let m = v;
    while (m < 0 || m >= n) m = m < 0 ? -m - 1 : 2 * n - m - 1;
    return m;
  };
  for (let y = 0; y < size; y++) {
    const sy = mirror(y0 + y, img.height);
    for (let x = 0; x < size; x++) out[y * size + x] = img.data[sy * img.width + mirror(x0 + x, img.width)]!;
  }
  return { data: out, width: size, height: size };
}
