/**
 * Precision and recall of each photo problem code, the share of numbers read exactly, and the time
 * per image, over the labelled set of `bench/photo-set.ts` (issue 16). Figures go to
 * docs/performance.md, "Photo checks".
 *
 *   npx tsx bench/photo-set.ts /tmp/photoset
 *   npx tsx bench/photos.ts /tmp/photoset [--split tune|report|all] [--variant NAME] [--no-ocr] [--dump]
 *
 * --dump prints every image's measures (for choosing thresholds on the tune half).
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { decodePhoto } from '../src/photos/decode.js';
import { detectFace, startFaceDetector } from '../src/photos/face-detector.js';
import { closeOcr, readDocument, startOcr } from '../src/photos/ocr.js';
import { checkPhotoQuality, PHOTO_PROBLEMS, type PhotoProblem } from '../src/photos/quality.js';
import type { LabelledPhoto } from './photo-set.js';

const args = process.argv.slice(2);
const variantAt = args.indexOf('--variant');
// --variant printed: only one family of the set (its false alarms and numbers read).
const variant = variantAt >= 0 ? args[variantAt + 1] : undefined;
const dir = args.find((a, i) => !a.startsWith('--') && !['tune', 'report', 'all'].includes(a) && (variantAt < 0 || i !== variantAt + 1));
if (!dir) {
  console.error('usage: npx tsx bench/photos.ts DIR [--split tune|report|all] [--no-ocr] [--dump]');
  process.exit(1);
}
const splitAt = args.indexOf('--split');
const split = splitAt >= 0 ? args[splitAt + 1] : 'report';
const withOcr = !args.includes('--no-ocr');
// --heuristic-face: judge pass photos by the skin-colour heuristic instead of the trained detector.
const withDetector = !args.includes('--heuristic-face');
const dump = args.includes('--dump');

const set = (JSON.parse(fs.readFileSync(path.join(dir, 'labels.json'), 'utf8')) as LabelledPhoto[]).filter((p) => (split === 'all' || p.split === split) && (!variant || p.variant === variant));
const counts = Object.fromEntries(PHOTO_PROBLEMS.map((p) => [p, { tp: 0, fp: 0, fn: 0 }])) as Record<PhotoProblem, { tp: number; fp: number; fn: number }>;
const qualityMs: number[] = [];
const faceMs: number[] = [];
const ocrMs: number[] = [];
let ocrDocs = 0;
let ocrExact = 0;
let numbersPrinted = 0;
let numbersExact = 0;
const misses: string[] = [];
let faceStartMs = NaN;
if (withDetector) {
  const t0 = performance.now();
  if (!(await startFaceDetector())) throw new Error('the face detector did not load');
  faceStartMs = performance.now() - t0;
}
let ocrStartMs = NaN;
if (withOcr) {
  // Once per process (the worker stays up), so it is reported apart from the time per image.
  const t0 = performance.now();
  await startOcr();
  ocrStartMs = performance.now() - t0;
}

for (const item of set) {
  const bytes = fs.readFileSync(path.join(dir, item.file));
  let title: 'kk' | 'akta' | 'ktp' | null | undefined;
  if (withOcr && item.ocr) {
    const t0 = performance.now();
    const read = await readDocument(bytes, { timeoutMs: 10_000 });
    ocrMs.push(performance.now() - t0);
    title = read?.title;
    if (!item.shows) {
      ocrDocs++;
      const found = new Set(read?.numbers ?? []);
      const exact = item.numbers.filter((n) => found.has(n)).length;
      numbersPrinted += item.numbers.length;
      numbersExact += exact;
      if (found.has(item.numbers[0]!)) ocrExact++;
      else misses.push(`${item.file}: wanted ${item.numbers[0]}, read ${[...found].join(' ') || '(none)'}`);
    }
  }
  const t0 = performance.now();
  const pixels = await decodePhoto(bytes);
  const face = withDetector && item.kind === 'photo' ? await detectFace(pixels.rgb) : undefined;
  const check = checkPhotoQuality(pixels, item.kind, { title, face });
  qualityMs.push(performance.now() - t0);
  if (item.kind === 'photo') faceMs.push(performance.now() - t0);
  const want = new Set(item.labels);
  for (const code of PHOTO_PROBLEMS) {
    const got = check.problems.includes(code);
    if (got && want.has(code)) counts[code].tp++;
    else if (got) counts[code].fp++;
    else if (want.has(code)) counts[code].fn++;
  }
  if (dump) {
    const m = check.measures;
    const wrong = [...check.problems.filter((p) => !want.has(p)).map((p) => `+${p}`), ...[...want].filter((p) => !check.problems.includes(p)).map((p) => `-${p}`)];
    console.log(
      [item.file.padEnd(28), `sharp=${m.sharpness}`, `lap=${m.laplacianVariance}`, `mean=${m.meanLuminance}`, `p5=${m.p5}`, `p95=${m.p95}`, `bright=${m.brightShare}`, `fill=${m.documentFill}`, `edge=${m.edgeTouch}`, `screen=${m.screenPeak}`, m.faceShare === undefined ? '' : `face=${m.faceScore ?? 'h'},${m.faceShare},${m.faceX},${m.faceY},${m.faceAspect},${m.faceFill ?? ''}`, wrong.join(' ')].join(' '),
    );
  }
}
await closeOcr();

const fmt = (v: number) => (Number.isNaN(v) ? '—' : v.toFixed(2));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.floor(s.length / 2)]!;
};
const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]!;
};
console.log(`\n${set.length} images (${split} half)\n`);
console.log('| code | labelled | flagged | precision | recall |');
console.log('|---|---|---|---|---|');
for (const code of PHOTO_PROBLEMS) {
  const c = counts[code];
  console.log(`| \`${code}\` | ${c.tp + c.fn} | ${c.tp + c.fp} | ${fmt(c.tp / (c.tp + c.fp))} | ${fmt(c.tp / (c.tp + c.fn))} |`);
}
console.log(`\nquality check (decode + measure) per image: median ${median(qualityMs).toFixed(0)} ms, p95 ${p95(qualityMs).toFixed(0)} ms, max ${Math.max(...qualityMs).toFixed(0)} ms`);
if (faceMs.length > 0) {
  console.log(`pass photos (${withDetector ? 'TinyFaceDetector' : 'skin-colour heuristic'}), check including the face: median ${median(faceMs).toFixed(0)} ms, p95 ${p95(faceMs).toFixed(0)} ms, max ${Math.max(...faceMs).toFixed(0)} ms${withDetector ? `; detector start ${faceStartMs.toFixed(0)} ms once` : ''}`);
}
if (withOcr && ocrMs.length > 0) {
  console.log(`OCR worker start (once per process): ${ocrStartMs.toFixed(0)} ms`);
  console.log(`OCR per image: median ${median(ocrMs).toFixed(0)} ms, p95 ${p95(ocrMs).toFixed(0)} ms, max ${Math.max(...ocrMs).toFixed(0)} ms (${ocrMs.length} images)`);
  console.log(`sharp, well-lit documents whose main number (KK number or NIK) was read exactly: ${ocrExact}/${ocrDocs} = ${((100 * ocrExact) / ocrDocs).toFixed(1)} %`);
  console.log(`all 16-digit numbers printed on them read exactly: ${numbersExact}/${numbersPrinted} = ${((100 * numbersExact) / numbersPrinted).toFixed(1)} %`);
  for (const m of misses) console.log(`  miss ${m}`);
}
