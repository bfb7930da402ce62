/**
 * The labelled set for the photo checks (issue 16): documents with known numbers rendered by sharp,
 * photographed on a table, then blurred, darkened, washed out, shrunk, cropped, rotated, overlaid
 * with a screen's moiré and JPEG-compressed at phone qualities; and children's pass photos with a
 * face centred, off-centre or absent; and printed copies photographed (a fold, a glare spot, grain). Deterministic for a seed. Every image is assigned to the
 * `tune` or the `report` half, alternately within each variant, so thresholds are chosen on one
 * half and the figures quoted from the other.
 *
 *   npx tsx bench/photo-set.ts [DIR] [--seed N]      (default: a fresh temp dir, seed 16)
 *
 * Writes DIR/*.jpg and DIR/labels.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DocumentKind, PhotoKind, PhotoProblem } from '../src/photos/quality.js';
import {
  blur,
  expose,
  jpeg,
  moire,
  photograph,
  randomScene,
  renderDocument,
  renderPassPhoto,
  resize,
  rng,
  type RawRgb,
  type Rng,
} from '../src/test-support/photo-fixtures.js';

export type LabelledPhoto = {
  file: string;
  kind: PhotoKind;
  variant: string;
  labels: PhotoProblem[];
  /** The 16-digit numbers printed on the document (first: the KK number or the NIK). */
  numbers: string[];
  /** The document actually shown, when it is not `kind` (a wrong document). */
  shows?: DocumentKind;
  split: 'tune' | 'report';
  /** Read the numbers by OCR in the bench (sharp, well-lit documents and wrong documents). */
  ocr: boolean;
};

const between = (r: Rng, lo: number, hi: number) => lo + (hi - lo) * r();

type Variant = { name: string; count: number; labels: PhotoProblem[]; ocr?: boolean; make: (r: Rng, kind: DocumentKind) => Promise<{ img: RawRgb; shows?: DocumentKind; numbers: string[] }> };

async function documentPhoto(r: Rng, kind: DocumentKind, tweak: (s: ReturnType<typeof randomScene>) => void = () => {}) {
  const doc = await renderDocument(kind, r);
  const scene = randomScene(r);
  tweak(scene);
  return { img: await photograph(doc, scene, r), numbers: doc.numbers };
}

const OTHER: Record<DocumentKind, DocumentKind> = { kk: 'akta', akta: 'kk', ktp: 'kk' };

const VARIANTS: Variant[] = [
  {
    name: 'clean',
    count: 11,
    labels: [],
    ocr: true,
    make: async (r, k) => {
      // Phone lenses and hand shake soften a little even a good photo.
      const p = await documentPhoto(r, k);
      return { ...p, img: await blur(p.img, between(r, 0.3, 1.0)) };
    },
  },
  { name: 'rotated', count: 4, labels: [], ocr: true, make: (r, k) => documentPhoto(r, k, (s) => ((s.rotate = (r() < 0.5 ? -1 : 1) * between(r, 6, 10)), (s.scale = between(r, 0.66, 0.72)))) },
  {
    name: 'blurred',
    count: 8,
    labels: ['blurred'],
    make: async (r, k) => {
      const p = await documentPhoto(r, k);
      return { ...p, img: await blur(p.img, between(r, 2, 5)) };
    },
  },
  {
    name: 'dark',
    count: 7,
    labels: ['dark'],
    make: async (r, k) => {
      const p = await documentPhoto(r, k);
      return { ...p, img: expose(p.img, between(r, 0.12, 0.3), 0, r, 10) };
    },
  },
  {
    name: 'bright',
    count: 5,
    labels: ['bright'],
    make: async (r, k) => {
      const p = await documentPhoto(r, k);
      return { ...p, img: expose(p.img, between(r, 1.6, 2.4), between(r, 60, 110), r) };
    },
  },
  {
    name: 'small',
    count: 4,
    labels: ['small'],
    make: async (r, k) => {
      const p = await documentPhoto(r, k);
      return { ...p, img: await resize(p.img, Math.round(between(r, 320, 620))) };
    },
  },
  {
    name: 'cropped',
    count: 7,
    labels: ['cropped'],
    make: (r, k) =>
      documentPhoto(r, k, (s) => {
        if (r() < 0.6) {
          // Cut off: the card runs over one edge of the frame.
          s.scale = between(r, 0.8, 0.95);
          const side = Math.floor(r() * 4);
          const off = between(r, 0.22, 0.32);
          if (side === 0) s.cx = 0.5 - off;
          else if (side === 1) s.cx = 0.5 + off;
          else if (side === 2) s.cy = 0.5 - off;
          else s.cy = 0.5 + off;
        } else {
          // Taken from too far: the card is a small part of the frame.
          s.scale = between(r, 0.3, 0.42);
        }
      }),
  },
  {
    name: 'screen',
    count: 6,
    labels: ['screen'],
    make: async (r, k) => {
      const p = await documentPhoto(r, k);
      return { ...p, img: moire(p.img, between(r, 3.2, 7), between(r, 2, 40), between(r, 0.18, 0.35)) };
    },
  },
  // Borderline cases, so the figures say something about the thresholds and not only about
  // faults made obvious: dim but readable, a little overexposed, softer, a faint and blurred screen.
  {
    name: 'dim',
    count: 3,
    labels: [],
    make: async (r, k) => {
      const p = await documentPhoto(r, k);
      return { ...p, img: expose(p.img, between(r, 0.5, 0.65), 0, r, 6) };
    },
  },
  {
    name: 'overexposed_mild',
    count: 3,
    labels: [],
    make: async (r, k) => {
      const p = await documentPhoto(r, k);
      return { ...p, img: expose(p.img, between(r, 1.1, 1.2), between(r, 5, 15), r) };
    },
  },
  {
    name: 'soft',
    count: 3,
    labels: [],
    ocr: true,
    make: async (r, k) => {
      const p = await documentPhoto(r, k);
      return { ...p, img: await blur(p.img, between(r, 1.0, 1.4)) };
    },
  },
  {
    name: 'screen_faint',
    count: 3,
    labels: ['screen'],
    make: async (r, k) => {
      const p = await documentPhoto(r, k);
      return { ...p, img: await blur(moire(p.img, between(r, 3.5, 7), between(r, 2, 40), between(r, 0.08, 0.14)), 0.7) };
    },
  },
  {
    name: 'wrong_document',
    count: 3,
    labels: ['wrong_document'],
    ocr: true,
    make: async (r, k) => {
      const p = await documentPhoto(r, OTHER[k]);
      return { ...p, shows: OTHER[k] };
    },
  },
];

/**
 * A printed copy of the document photographed (what a citizen sends from a photocopy or a print of a
 * scan): paper grain, a fold across it with its shadow, and a glare spot from a lamp or the flash.
 * Readable, so nothing may be flagged and the numbers should still be read.
 */
function printedCopy(img: RawRgb, r: Rng): RawRgb {
  const data = new Uint8Array(img.data.length);
  const { width, height } = img;
  // The fold: a straight crease at a slant, darker on one side for a few percent of the width.
  const angle = between(r, -0.35, 0.35) + (r() < 0.5 ? 0 : Math.PI / 2);
  const nx = Math.cos(angle);
  const ny = Math.sin(angle);
  const offset = (width * nx + height * ny) * between(r, 0.35, 0.65);
  const band = width * between(r, 0.015, 0.035);
  const depth = between(r, 0.1, 0.2);
  // The glare: a soft bright disc.
  const gx = width * between(r, 0.25, 0.75);
  const gy = height * between(r, 0.25, 0.75);
  const gr = width * between(r, 0.06, 0.12);
  const gain = between(r, 50, 90);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const d = x * nx + y * ny - offset;
      const shade = d > 0 && d < band ? 1 - depth * (1 - d / band) : 1;
      const g2 = ((x - gx) ** 2 + (y - gy) ** 2) / (gr * gr);
      const glare = gain * Math.exp(-g2);
      const grain = (r() - 0.5) * 10;
      const i = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) {
        const v = img.data[i + c]! * shade + glare + grain;
        data[i + c] = v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
      }
    }
  }
  return { ...img, data };
}

const PASS_VARIANTS: { name: string; count: number; labels: PhotoProblem[]; face: 'centred' | 'off_centre' | 'none'; dark?: boolean; blur?: boolean }[] = [
  { name: 'face', count: 16, labels: [], face: 'centred' },
  { name: 'face_off_centre', count: 8, labels: ['no_face'], face: 'off_centre' },
  { name: 'no_face', count: 8, labels: ['no_face'], face: 'none' },
  { name: 'face_dark', count: 4, labels: ['dark'], face: 'centred', dark: true },
  { name: 'face_blurred', count: 4, labels: ['blurred'], face: 'centred', blur: true },
];

export async function generatePhotoSet(dir: string, seed = 16): Promise<LabelledPhoto[]> {
  fs.mkdirSync(dir, { recursive: true });
  const r = rng(seed);
  const out: LabelledPhoto[] = [];
  const save = async (img: RawRgb, entry: Omit<LabelledPhoto, 'file'>) => {
    const file = `${String(out.length).padStart(3, '0')}-${entry.kind}-${entry.variant}.jpg`;
    // Phone cameras and WhatsApp re-encode between quality 55 and 92.
    fs.writeFileSync(path.join(dir, file), await jpeg(img, Math.round(between(r, 55, 92))));
    out.push({ file, ...entry });
  };
  for (const kind of ['kk', 'akta', 'ktp'] as const) {
    for (const v of VARIANTS) {
      for (let i = 0; i < v.count; i++) {
        const made = await v.make(r, kind);
        await save(made.img, {
          kind,
          variant: v.name,
          labels: v.labels,
          numbers: made.numbers,
          ...(made.shows ? { shows: made.shows } : {}),
          split: i % 2 === 0 ? 'tune' : 'report',
          ocr: v.ocr === true,
        });
      }
    }
  }
  for (const v of PASS_VARIANTS) {
    for (let i = 0; i < v.count; i++) {
      let img = await renderPassPhoto(r, { face: v.face });
      if (v.dark) img = expose(img, between(r, 0.15, 0.3), 0, r, 8);
      if (v.blur) img = await blur(img, between(r, 3, 6));
      await save(img, { kind: 'photo', variant: v.name, labels: v.labels, numbers: [], split: i % 2 === 0 ? 'tune' : 'report', ocr: false });
    }
  }
  // Printed copies come last from a generator of their own, so the images above (and the figures
  // measured on them) stay what they were before this family was added.
  const rp = rng(seed * 1000 + 7);
  for (const kind of ['kk', 'akta', 'ktp'] as const) {
    for (let i = 0; i < 4; i++) {
      const p = await documentPhoto(rp, kind);
      const img = printedCopy(await blur(p.img, between(rp, 0.4, 0.9)), rp);
      await save(img, { kind, variant: 'printed', labels: [], numbers: p.numbers, split: i % 2 === 0 ? 'tune' : 'report', ocr: true });
    }
  }
  fs.writeFileSync(path.join(dir, 'labels.json'), JSON.stringify(out, null, 1));
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const seedAt = args.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : 16;
  const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--seed') ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kencot-photo-set-'));
  const started = Date.now();
  const set = await generatePhotoSet(dir, seed);
  console.log(`${set.length} labelled images in ${dir} (seed ${seed}, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
