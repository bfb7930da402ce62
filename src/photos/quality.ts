/**
 * Photo quality at upload (issue 16): is a photo of a KK, akta or KTP-el (or a child's KIA photo)
 * good enough for an officer to read? Pure over decoded pixels: `decode.ts` turns a file into a
 * `PhotoPixels`, this module measures and judges. The citizen is told what is wrong and may still
 * send the photo: every problem is a hint, never a refusal.
 *
 * Thresholds were tuned on the generated labelled set (`bench/photo-set.ts`, `bench/photos.ts`);
 * the figures are in docs/performance.md, "Photo checks".
 */
import type { DetectedFace } from './face-detector.js';
import { faceOk, measureFace, type FaceMeasures, type FaceThresholds, type RgbImage } from './face.js';
import { periodicPeak } from './spectrum.js';

export type PhotoKind = 'kk' | 'akta' | 'ktp' | 'photo';
export const PHOTO_KINDS: readonly PhotoKind[] = ['kk', 'akta', 'ktp', 'photo'];
export type DocumentKind = Exclude<PhotoKind, 'photo'>;

export type PhotoProblem = 'blurred' | 'dark' | 'bright' | 'small' | 'cropped' | 'screen' | 'no_face' | 'wrong_document';
/** In the order a citizen should fix them: the first is the one a retake most needs. */
export const PHOTO_PROBLEMS: readonly PhotoProblem[] = ['wrong_document', 'small', 'dark', 'bright', 'blurred', 'cropped', 'screen', 'no_face'];

export type GreyImage = { data: Uint8Array | Uint8ClampedArray; width: number; height: number };

/** What `decode.ts` gives: several views of one photo, so each measure runs at a known scale. */
export type PhotoPixels = {
  /** The photo's own size, after EXIF rotation. */
  width: number;
  height: number;
  /** Greyscale, long side normalised to `NORMALISED_LONG_SIDE` (not enlarged). */
  grey: GreyImage;
  /**
   * Square greyscale patches at the photo's own resolution (`PATCH_SIZE`): the centre and the
   * middles of the four quarters (`PATCH_CENTRES`).
   */
  patches: GreyImage[];
  /** A small RGB copy for the face detector and heuristic (long side `FACE_LONG_SIDE`). */
  rgb: RgbImage;
};

export const NORMALISED_LONG_SIDE = 800;
export const PATCH_SIZE = 256;
/** Where the patches for moiré are taken, as shares of width and height. */
export const PATCH_CENTRES: readonly (readonly [number, number])[] = [[0.5, 0.5], [0.3, 0.3], [0.7, 0.3], [0.3, 0.7], [0.7, 0.7]];
export const FACE_LONG_SIDE = 320;

export type PhotoMeasures = {
  width: number;
  height: number;
  /** Variance of the 4-neighbour Laplacian on the normalised greyscale. */
  laplacianVariance: number;
  /** The same divided by the squared contrast (p95 − p5, as a share of 255): independent of exposure. */
  sharpness: number;
  meanLuminance: number;
  p5: number;
  p95: number;
  /** Shares of pixels at the ends of the range. */
  darkShare: number;
  brightShare: number;
  /** The document's bounding box (the paper-coloured region) as a share of the frame. */
  documentFill: number;
  /** Largest share of an edge of the frame covered by the document (1: cut off along that edge). */
  edgeTouch: number;
  /** How much a pair of orthogonal high-frequency peaks (moiré) stands out, log10, median over the patches. */
  screenPeak: number;
} & Partial<FaceMeasures> & {
  /** The detector's confidence (absent when the heuristic decided). */
  faceScore?: number;
};

export type PhotoThresholds = {
  minSharpness: number;
  /** A pass photo is mostly plain background: far fewer edges than a page of text. */
  minPhotoSharpness: number;
  darkMean: number;
  darkP95: number;
  brightShare: number;
  brightP5: number;
  minShortSide: number;
  minLongSide: number;
  minPhotoShortSide: number;
  minFill: number;
  maxEdgeTouch: number;
  screenPeak: number;
  face: FaceThresholds;
  /** A detected face: its box's height as a share of the photo's, at least. */
  minFaceHeight: number;
};

export const DEFAULT_THRESHOLDS: PhotoThresholds = {
  minSharpness: 150,
  minPhotoSharpness: 40,
  darkMean: 60,
  darkP95: 120,
  brightShare: 0.3,
  brightP5: 140,
  minShortSide: 500,
  minLongSide: 800,
  minPhotoShortSide: 300,
  minFill: 0.3,
  maxEdgeTouch: 0.35,
  screenPeak: 2.0,
  minFaceHeight: 0.15,
  face: { minShare: 0.04, maxShare: 0.6, minAspect: 0.9, maxAspect: 2.2, minFill: 0.45, maxFill: 0.97, maxOffCentreX: 0.17, minY: 0.2, maxY: 0.68 },
};

export type PhotoCheck = { ok: boolean; problems: PhotoProblem[]; measures: PhotoMeasures };

export type CheckOptions = {
  /** The title OCR read on the photo, when it ran in time: a KK sent as an akta is `wrong_document`. */
  title?: DocumentKind | null | undefined;
  thresholds?: PhotoThresholds | undefined;
  /**
   * What the trained detector (`face-detector.ts`) found on a pass photo: a face, 'none', or
   * null/undefined when it did not run, and then the skin-colour heuristic decides.
   */
  face?: DetectedFace | 'none' | null | undefined;
};

export function checkPhotoQuality(pixels: PhotoPixels, kind: PhotoKind, opts: CheckOptions = {}): PhotoCheck {
  const t = opts.thresholds ?? DEFAULT_THRESHOLDS;
  const detected = kind === 'photo' ? opts.face : undefined;
  const measures = measurePhoto(pixels, kind, detected);
  const found = new Set<PhotoProblem>();
  const shortSide = Math.min(measures.width, measures.height);
  const longSide = Math.max(measures.width, measures.height);
  if (kind === 'photo' ? shortSide < t.minPhotoShortSide : shortSide < t.minShortSide || longSide < t.minLongSide) found.add('small');
  const dark = measures.meanLuminance < t.darkMean && measures.p95 < t.darkP95;
  const bright = measures.brightShare > t.brightShare && measures.p5 > t.brightP5;
  if (dark) found.add('dark');
  if (bright) found.add('bright');
  // A photo too dark or washed out shows too little to judge sharpness, edges or a face by: the
  // exposure is the one thing to fix first.
  const exposed = !dark && !bright;
  if (exposed && measures.sharpness < (kind === 'photo' ? t.minPhotoSharpness : t.minSharpness)) found.add('blurred');
  if (exposed && kind !== 'photo' && (measures.documentFill < t.minFill || measures.edgeTouch > t.maxEdgeTouch)) found.add('cropped');
  // Moiré is judged at the photo's own resolution; a photo this small has too little of it.
  if (shortSide >= 2 * PATCH_SIZE && measures.screenPeak > t.screenPeak) found.add('screen');
  if (exposed && kind === 'photo' && !(detected ? detectedFaceOk(detected, t) : faceOk(measures as FaceMeasures, t.face))) found.add('no_face');
  if (kind !== 'photo' && opts.title && opts.title !== kind) found.add('wrong_document');
  const problems = PHOTO_PROBLEMS.filter((p) => found.has(p));
  return { ok: problems.length === 0, problems, measures };
}

/** A face found by the detector, big enough and roughly in the middle. */
function detectedFaceOk(face: DetectedFace | 'none', t: PhotoThresholds): boolean {
  if (face === 'none') return false;
  const cx = face.x + face.width / 2;
  const cy = face.y + face.height / 2;
  return face.height >= t.minFaceHeight && Math.abs(cx - 0.5) <= t.face.maxOffCentreX && cy >= t.face.minY && cy <= t.face.maxY;
}

export function measurePhoto(pixels: PhotoPixels, kind: PhotoKind, detected?: DetectedFace | 'none' | null): PhotoMeasures {
  const { grey } = pixels;
  const hist = histogram(grey);
  const p5 = percentile(hist, grey.data.length, 0.05);
  const p95 = percentile(hist, grey.data.length, 0.95);
  const laplacianVariance = laplacianVarianceOf(grey);
  const contrast = Math.max(p95 - p5, 8) / 255;
  const frame = documentFrame(grey);
  const measures: PhotoMeasures = {
    width: pixels.width,
    height: pixels.height,
    laplacianVariance: round(laplacianVariance),
    sharpness: round(laplacianVariance / (contrast * contrast)),
    meanLuminance: round(meanOf(hist, grey.data.length)),
    p5,
    p95,
    darkShare: round(shareBetween(hist, grey.data.length, 0, 16)),
    brightShare: round(shareBetween(hist, grey.data.length, 250, 255)),
    documentFill: round(frame.fill),
    edgeTouch: round(frame.edgeTouch),
    // A screen's grid covers the whole photo; a periodic look-alike in print (a digit pitch in
    // step with a table's rows) sits in one place. The median over the patches keeps the first.
    screenPeak: round(medianOf(pixels.patches.map(periodicPeak))),
  };
  if (kind !== 'photo') return measures;
  if (detected) {
    const box = detected === 'none' ? { score: 0, x: 0, y: 0, width: 0, height: 0 } : detected;
    return { ...measures, faceScore: round(box.score), faceShare: round(box.width * box.height), faceX: round(box.x + box.width / 2), faceY: round(box.y + box.height / 2), faceAspect: round(box.width ? box.height / box.width : 0) };
  }
  const face = measureFace(pixels.rgb);
  return { ...measures, ...Object.fromEntries(Object.entries(face).map(([k, v]) => [k, round(v)])) };
}

const round = (v: number) => Math.round(v * 1000) / 1000;

function medianOf(xs: number[]): number {
  if (xs.length === 0) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function histogram(img: GreyImage): Uint32Array {
  const hist = new Uint32Array(256);
  for (let i = 0; i < img.data.length; i++) hist[img.data[i]!]!++;
  return hist;
}

function percentile(hist: Uint32Array, total: number, q: number): number {
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += hist[v]!;
    if (seen >= q * total) return v;
  }
  return 255;
}

const meanOf = (hist: Uint32Array, total: number) => hist.reduce((sum, count, v) => sum + count * v, 0) / total;

function shareBetween(hist: Uint32Array, total: number, from: number, to: number): number {
  let n = 0;
  for (let v = from; v <= to; v++) n += hist[v]!;
  return n / total;
}

export function laplacianVarianceOf(img: GreyImage): number {
  const { data, width: w, height: h } = img;
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const lap = data[i - 1]! + data[i + 1]! + data[i - w]! + data[i + w]! - 4 * data[i]!;
      sum += lap;
      sumSq += lap * lap;
      n++;
    }
  }
  if (n === 0) return 0;
  const mean = sum / n;
  return sumSq / n - mean * mean;
}

/** Otsu's threshold over a histogram. */
function otsu(hist: Uint32Array, total: number): number {
  const sumAll = hist.reduce((s, c, v) => s + c * v, 0);
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let threshold = 127;
  for (let v = 0; v < 256; v++) {
    wB += hist[v]!;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += v * hist[v]!;
    const between = wB * wF * (sumB / wB - (sumAll - sumB) / wF) ** 2;
    if (between > best) {
      best = between;
      threshold = v;
    }
  }
  return threshold;
}

/**
 * Where the document is: a coarse copy (cells of the normalised image) is split by Otsu into
 * paper and background; paper is the class that holds the centre of the frame (a document photo is
 * aimed at the document, whatever the table's colour). Text inside the paper is bridged by the cell
 * averaging. The fill is the bounding box of rows and columns mostly paper; the edge touch is the
 * largest share of an outer row or column that is paper.
 */
function documentFrame(img: GreyImage): { fill: number; edgeTouch: number } {
  const cell = Math.max(1, Math.round(Math.max(img.width, img.height) / 100));
  const cw = Math.floor(img.width / cell);
  const ch = Math.floor(img.height / cell);
  if (cw < 4 || ch < 4) return { fill: 1, edgeTouch: 1 };
  const coarse = new Uint8Array(cw * ch);
  for (let cy = 0; cy < ch; cy++) {
    for (let cx = 0; cx < cw; cx++) {
      let s = 0;
      for (let y = cy * cell; y < (cy + 1) * cell; y++) for (let x = cx * cell; x < (cx + 1) * cell; x++) s += img.data[y * img.width + x]!;
      coarse[cy * cw + cx] = Math.round(s / (cell * cell));
    }
  }
  const hist = histogram({ data: coarse, width: cw, height: ch });
  const threshold = otsu(hist, coarse.length);
  let centreBright = 0;
  let centreCount = 0;
  for (let y = Math.floor(ch * 0.35); y < Math.ceil(ch * 0.65); y++) {
    for (let x = Math.floor(cw * 0.35); x < Math.ceil(cw * 0.65); x++) {
      centreCount++;
      if (coarse[y * cw + x]! > threshold) centreBright++;
    }
  }
  const paperIsBright = centreBright * 2 >= centreCount;
  const paper = (x: number, y: number) => (coarse[y * cw + x]! > threshold) === paperIsBright;
  const rowShare = (y: number) => {
    let n = 0;
    for (let x = 0; x < cw; x++) if (paper(x, y)) n++;
    return n / cw;
  };
  const colShare = (x: number) => {
    let n = 0;
    for (let y = 0; y < ch; y++) if (paper(x, y)) n++;
    return n / ch;
  };
  const rows = Array.from({ length: ch }, (_, y) => rowShare(y));
  const cols = Array.from({ length: cw }, (_, x) => colShare(x));
  const span = (shares: number[]) => {
    const busy = shares.map((s, i) => (s > 0.25 ? i : -1)).filter((i) => i >= 0);
    return busy.length === 0 ? 0 : (busy[busy.length - 1]! - busy[0]! + 1) / shares.length;
  };
  const fill = span(rows) * span(cols);
  const edgeTouch = Math.max(rows[0]!, rows[ch - 1]!, cols[0]!, cols[cw - 1]!);
  return { fill, edgeTouch };
}
