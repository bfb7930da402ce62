/**
 * OCR of document photos, locally: tesseract.js (WebAssembly) with the English trained data
 * shipped as the npm package @tesseract.js-data/eng (digits and capital letters read well with
 * it; there is no Indonesian data package). The language path points into node_modules and the
 * cache is off, so nothing is fetched or written at run time.
 *
 * OCR never blocks a reply: callers give a time budget, and a read that does not finish in it
 * resolves to null (the worker is terminated and started afresh on the next call).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import { MAX_INPUT_PIXELS } from '../files/inspect.js';
import { sixteenDigitNumbers, titleOf } from './numbers.js';
import { NORMALISED_LONG_SIDE, type DocumentKind } from './quality.js';
import { estimateSkew } from './skew.js';

export type DocumentReading = { numbers: string[]; title: DocumentKind | null };
export type OcrOptions = { timeoutMs?: number | undefined };

export const DEFAULT_OCR_TIMEOUT_MS = 8_000;
/** Long side the photo is scaled to before OCR: the printed digits come out 25–40 px high. */
const OCR_LONG_SIDE = 2000;

const require = createRequire(import.meta.url);
/** The directory holding eng.traineddata.gz (LSTM, integer "best" model) inside the npm package. */
export const ENG_DATA_DIR = path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');

let worker: Promise<Worker> | null = null;

function ocrWorker(): Promise<Worker> {
  worker ??= createWorker('eng', OEM.LSTM_ONLY, { langPath: ENG_DATA_DIR, gzip: true, cacheMethod: 'none' }).catch((err: unknown) => {
    worker = null;
    throw err;
  });
  return worker;
}

/** Start the OCR worker ahead of the first photo (it loads the WebAssembly and the trained data). */
export async function startOcr(): Promise<void> {
  await ocrWorker();
}

/** Stop the OCR worker (tests, CLI, shutdown); the next read starts a new one. */
export async function closeOcr(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await (await w).terminate().catch(() => undefined);
}

/**
 * The photo made easy to read: upright, straightened (tesseract reads lines tilted a few degrees
 * poorly, and phone photos of a card on a table are rarely square), grey, contrast stretched, text
 * at a size tesseract likes.
 */
async function prepare(bytes: Buffer): Promise<Buffer> {
  const grey = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).rotate().greyscale();
  const small = await grey
    .clone()
    .resize({ width: NORMALISED_LONG_SIDE, height: NORMALISED_LONG_SIDE, fit: 'inside', withoutEnlargement: true })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const skew = estimateSkew({ data: small.data, width: small.info.width, height: small.info.height });
  const straight = Math.abs(skew) >= 1 ? await grey.rotate(-skew, { background: '#ffffff' }).toBuffer() : await grey.toBuffer();
  return sharp(straight)
    .resize({ width: OCR_LONG_SIDE, height: OCR_LONG_SIDE, fit: 'inside' })
    .normalise()
    .png({ compressionLevel: 1 })
    .toBuffer();
}

/** The OCR's text, or null when it did not finish within the budget or could not run. */
export async function readText(bytes: Buffer, opts: OcrOptions = {}): Promise<string | null> {
  const budget = opts.timeoutMs ?? DEFAULT_OCR_TIMEOUT_MS;
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), budget);
  });
  const work = (async () => {
    const image = await prepare(bytes);
    const w = await ocrWorker();
    if (Date.now() - started >= budget) return null;
    const { data } = await w.recognize(image);
    return data.text;
  })().catch(() => null);
  try {
    const text = await Promise.race([work, expired]);
    if (text === null && Date.now() - started >= budget) {
      // tesseract cannot abort a recognition: end the worker so it does not hold a core.
      await closeOcr();
    }
    return text;
  } finally {
    clearTimeout(timer);
  }
}

/** The 16-digit numbers and the document title, from one OCR pass; null past the budget. */
export async function readDocument(bytes: Buffer, opts: OcrOptions = {}): Promise<DocumentReading | null> {
  const text = await readText(bytes, opts);
  if (text === null) return null;
  return { numbers: sixteenDigitNumbers(text), title: titleOf(text) };
}

export async function readNumbers(bytes: Buffer, opts: OcrOptions = {}): Promise<string[] | null> {
  return (await readDocument(bytes, opts))?.numbers ?? null;
}

export async function documentTitle(bytes: Buffer, opts: OcrOptions = {}): Promise<DocumentKind | null> {
  return (await readDocument(bytes, opts))?.title ?? null;
}
