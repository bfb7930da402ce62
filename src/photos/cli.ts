/**
 * `kencot photo-check FILE [--kind kk|akta|ktp|photo] [--json]` and `kencot read-numbers FILE
 * [--json]`: the upload checks of issue 16 from a terminal or a script. `--json` is the scripted
 * contract: `{ "ok", "problems", "measures" }` and `{ "numbers" }`. Officers read the plain output,
 * so it speaks Indonesian; errors (no file, not an image, too large) go to stderr with exit 1.
 */
import fs from 'node:fs';
import { DEFAULT_MAX_UPLOAD_BYTES } from '../files/inspect.js';
import { t } from '../i18n/i18n.js';
import { decodePhoto, PhotoDecodeError } from './decode.js';
import { detectFace } from './face-detector.js';
import { photoHints } from './messages.js';
import { closeOcr, readDocument } from './ocr.js';
import { checkPhotoQuality, PHOTO_KINDS, type DocumentKind, type PhotoKind } from './quality.js';

export type CliResult = { ok: boolean; output: string };

export const CLI_OCR_TIMEOUT_MS = 30_000;

type Loaded = { ok: true; bytes: Buffer } | { ok: false; output: string };

function load(file: string): Loaded {
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return { ok: false, output: t('id', 'photo.cli.file_unreadable', { file }) };
    size = stat.size;
  } catch {
    return { ok: false, output: t('id', 'photo.cli.file_unreadable', { file }) };
  }
  if (size > DEFAULT_MAX_UPLOAD_BYTES) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1).replace('.', ',');
    return { ok: false, output: t('id', 'photo.cli.too_large', { file, size: mb(size), limit: mb(DEFAULT_MAX_UPLOAD_BYTES) }) };
  }
  try {
    return { ok: true, bytes: fs.readFileSync(file) };
  } catch {
    return { ok: false, output: t('id', 'photo.cli.file_unreadable', { file }) };
  }
}

async function decode(file: string, bytes: Buffer) {
  try {
    return { ok: true as const, pixels: await decodePhoto(bytes) };
  } catch (err) {
    if (err instanceof PhotoDecodeError && err.reason === 'too_many_pixels') {
      return { ok: false as const, output: t('id', 'photo.cli.too_many_pixels', { file, width: err.size?.width, height: err.size?.height }) };
    }
    return { ok: false as const, output: t('id', 'photo.cli.not_an_image', { file }) };
  }
}

export function isPhotoKind(value: string): value is PhotoKind {
  return (PHOTO_KINDS as readonly string[]).includes(value);
}

/**
 * Without `--kind` the photo is judged as a document of any kind (no face, no title check). With a
 * document kind, the OCR reads the title to tell a KK from an akta (`wrong_document`).
 */
export async function photoCheckReport(opts: { file: string; kind?: string | undefined; json?: boolean | undefined; ocrTimeoutMs?: number | undefined }): Promise<CliResult> {
  if (opts.kind !== undefined && !isPhotoKind(opts.kind)) return { ok: false, output: t('id', 'photo.cli.kind_invalid', { kind: opts.kind }) };
  const loaded = load(opts.file);
  if (!loaded.ok) return loaded;
  const decoded = await decode(opts.file, loaded.bytes);
  if (!decoded.ok) return decoded;
  const kind = opts.kind as PhotoKind | undefined;
  let title: DocumentKind | null | undefined;
  if (kind && kind !== 'photo') {
    title = (await readDocument(loaded.bytes, { timeoutMs: opts.ocrTimeoutMs ?? CLI_OCR_TIMEOUT_MS }))?.title;
    await closeOcr();
  }
  // The geometry of the checks is the same for every document; only a face or a title differ.
  const face = kind === 'photo' ? await detectFace(decoded.pixels.rgb) : undefined;
  const check = checkPhotoQuality(decoded.pixels, kind ?? 'kk', { title, face });
  if (opts.json) return { ok: true, output: JSON.stringify({ ok: check.ok, problems: check.problems, measures: check.measures }) };
  const subject = kind ?? 'document';
  const m = check.measures;
  const lines = [
    ...(check.ok ? [t('id', 'photo.ok', { doc: t('id', `photo.doc.${subject}`) })] : photoHints('id', subject, check, title)),
    t('id', 'photo.cli.measures', { width: m.width, height: m.height, sharpness: Math.round(m.sharpness), mean: Math.round(m.meanLuminance) }),
  ];
  return { ok: true, output: lines.join('\n') };
}

export async function readNumbersReport(opts: { file: string; json?: boolean | undefined; ocrTimeoutMs?: number | undefined }): Promise<CliResult> {
  const loaded = load(opts.file);
  if (!loaded.ok) return loaded;
  const decoded = await decode(opts.file, loaded.bytes);
  if (!decoded.ok) return decoded;
  const timeoutMs = opts.ocrTimeoutMs ?? CLI_OCR_TIMEOUT_MS;
  const read = await readDocument(loaded.bytes, { timeoutMs });
  await closeOcr();
  if (read === null) return { ok: false, output: t('id', 'photo.cli.numbers_timeout', { seconds: Math.round(timeoutMs / 1000) }) };
  if (opts.json) return { ok: true, output: JSON.stringify({ numbers: read.numbers }) };
  return { ok: true, output: read.numbers.length > 0 ? read.numbers.join('\n') : t('id', 'photo.cli.numbers_none') };
}
