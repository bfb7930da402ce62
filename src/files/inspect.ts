/**
 * The gate every uploaded document passes before it is stored.
 *
 * Citizens send photos of birth certificates, family cards (KK), ID cards (KTP) and children's
 * photos from cheap Android phones and iPhones, plus the odd PDF. Nothing here trusts the file
 * name or the declared MIME type: the type is detected from the bytes, images are decoded and
 * re-encoded (which drops every piece of metadata, GPS included, and anything smuggled after the
 * pixel data), and PDFs — stored as-is — are refused if they carry anything that can act on the
 * reader's machine.
 *
 * Refusals are stable codes; the user-facing wording lives in the translation catalogues.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { constants as zlibConstants, inflateSync } from 'node:zlib';
import { fileTypeFromBuffer } from 'file-type';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFStream, PDFString, type PDFContext, type PDFObject } from 'pdf-lib';
import sharp, { type Metadata, type Sharp } from 'sharp';

export type InspectRefusal = 'too_large' | 'too_many_pixels' | 'pdf_too_large' | 'unsupported_type' | 'unreadable' | 'pdf_active_content' | 'empty';
export type StoredMime = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';
export type StoredExtension = 'jpg' | 'png' | 'webp' | 'pdf';

export interface AcceptedUpload {
  ok: true;
  mime: StoredMime;
  extension: StoredExtension;
  /** The bytes to store: re-encoded for images, the original bytes for PDFs. */
  bytes: Buffer;
  /** Hex SHA-256 of `bytes`. */
  sha256: string;
  size: number;
  width?: number;
  height?: number;
  pages?: number;
}
export interface RefusedUpload {
  ok: false;
  reason: InspectRefusal;
  /** What the picture's header claims, for `too_many_pixels`: the message says what was wrong. */
  width?: number;
  height?: number;
}
export type InspectResult = AcceptedUpload | RefusedUpload;

export interface InspectOptions {
  /** Uploads larger than this are refused before anything parses them. */
  maxBytes: number;
}

/** The app's usual `maxBytes`; the effective value comes from configuration. */
export const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Decoded-size cap against decompression bombs. A 48 MP iPhone "HEIF Max" photo still fits. */
export const MAX_INPUT_PIXELS = 50_000_000;
/**
 * What a PDF's FlateDecode streams (page content, images, fonts) may inflate to in all, which is
 * what a staff member's viewer will inflate to show it. A 300 dpi colour A4 page stored losslessly
 * is about 26 MB, so three such pages fit; a 200 KB "content stream" of 200 MB of zeros does not.
 */
export const MAX_PDF_INFLATED_BYTES = 100 * 1024 * 1024;
/**
 * Stored photos are downscaled so their longest side is at most this. A scanned A4 page at
 * 3000 px is about 250 dpi — every stamp and signature on a KK stays readable — while a 50 MP
 * phone photo shrinks from ~15 MB to ~1 MB of storage.
 */
export const MAX_STORED_DIMENSION = 3000;

const JPEG_QUALITY = 85;
const WEBP_QUALITY = 85;
/** A pathological image must not pin a libvips thread forever. */
const ENCODE_TIMEOUT_SECONDS = 30;

type ImageFormat = 'jpeg' | 'png' | 'webp';
const STORED_TYPE: Record<ImageFormat | 'pdf', { mime: StoredMime; extension: StoredExtension }> = {
  jpeg: { mime: 'image/jpeg', extension: 'jpg' },
  png: { mime: 'image/png', extension: 'png' },
  webp: { mime: 'image/webp', extension: 'webp' },
  pdf: { mime: 'application/pdf', extension: 'pdf' },
};
/** Detected MIME (file-type) → format we re-encode to. An APNG is a PNG; only its first frame is kept. */
const IMAGE_FORMAT_BY_MIME: Record<string, ImageFormat> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/apng': 'png',
  'image/webp': 'webp',
};
/** What file-type reports for phone HEIC/HEIF photos (iPhones, many Samsungs). Stored as JPEG. */
const HEIF_MIMES = new Set(['image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence']);

export async function inspectUpload(bytes: Buffer, opts: InspectOptions): Promise<InspectResult> {
  const { maxBytes } = opts;
  // A NaN or negative limit would silently let everything through (`n > NaN` is false).
  if (!Number.isFinite(maxBytes) || maxBytes <= 0) throw new RangeError(`inspectUpload: invalid maxBytes ${maxBytes}`);

  if (bytes.length === 0) return refuse('empty');
  if (bytes.length > maxBytes) return refuse('too_large');

  // Only the leading bytes are examined; the name and declared MIME are never consulted.
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected) return refuse('unsupported_type');
  if (detected.mime === 'application/pdf') return inspectPdf(bytes);
  if (HEIF_MIMES.has(detected.mime)) return inspectHeif(bytes);
  // AVIF is AV1 in a HEIF container: sharp decodes it (libheif with aom), stored as JPEG like HEIC.
  if (detected.mime === 'image/avif') return inspectHeif(bytes, decodeWithSharp);
  const format = IMAGE_FORMAT_BY_MIME[detected.mime];
  if (format) return inspectImage(bytes, format);
  return refuse('unsupported_type');
}

function refuse(reason: InspectRefusal): RefusedUpload {
  return { ok: false, reason };
}

function tooManyPixels(width: number, height: number): RefusedUpload {
  return { ok: false, reason: 'too_many_pixels', width, height };
}

function accept(format: ImageFormat | 'pdf', stored: Buffer, extra: { width?: number; height?: number; pages?: number }): AcceptedUpload {
  const sha256 = createHash('sha256').update(stored).digest('hex');
  return { ok: true, ...STORED_TYPE[format], bytes: stored, sha256, size: stored.length, ...extra };
}

// ---------------------------------------------------------------------------------------------
// Images

/**
 * libjpeg reports damaged pixel data only as *warnings* ("Corrupt JPEG data: premature end of
 * data segment"), so sharp's failOn 'error' would store a photo with a garbled half. failOn
 * 'warning' (sharp's advice for untrusted input) catches that, but also trips on harmless quirks
 * that some cheap Android camera encoders write, e.g. "Invalid SOS parameters for sequential
 * JPEG" — and a citizen whose phone always writes that could never upload a photo. So we decode
 * strictly first and, only when the strict decoder complained about something that is not
 * damage, decode again at 'error' (which still refuses truncation and real decode errors).
 */
const DAMAGE_WARNING = /corrupt|premature|truncat|unexpected end|incomplete/i;

async function inspectImage(bytes: Buffer, format: ImageFormat): Promise<InspectResult> {
  // Header-only probe: dimensions are known before a single pixel is decoded, so a tiny file
  // that claims 60000×60000 pixels is refused here instead of exhausting memory.
  let probe: Metadata;
  try {
    probe = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return refuse('unreadable');
  }
  if (probe.format !== format || !probe.width || !probe.height) return refuse('unreadable');
  if (probe.width * probe.height > MAX_INPUT_PIXELS) return tooManyPixels(probe.width, probe.height);

  const encode = (failOn: 'warning' | 'error') =>
    // .rotate() with no angle applies the EXIF orientation, so the stored pixels are upright
    // even though the EXIF that said how to turn them is about to be dropped.
    encodeForStorage(sharp(bytes, { failOn, limitInputPixels: MAX_INPUT_PIXELS }).rotate(), format);
  try {
    return await encode('warning');
  } catch (strictError) {
    if (DAMAGE_WARNING.test(errorMessage(strictError))) return refuse('unreadable');
    try {
      return await encode('error');
    } catch {
      return refuse('unreadable');
    }
  }
}

/**
 * Downscale and re-encode. sharp writes no EXIF, XMP, IPTC or ICC metadata unless asked to
 * (keepMetadata / withMetadata / withExif, never called here) and converts to sRGB, so GPS
 * positions, camera serials and editing history never reach storage.
 */
async function encodeForStorage(pipeline: Sharp, format: ImageFormat): Promise<AcceptedUpload> {
  pipeline
    .resize({ width: MAX_STORED_DIMENSION, height: MAX_STORED_DIMENSION, fit: 'inside', withoutEnlargement: true })
    .timeout({ seconds: ENCODE_TIMEOUT_SECONDS });
  if (format === 'jpeg') pipeline.jpeg({ quality: JPEG_QUALITY });
  else if (format === 'png') pipeline.png();
  else pipeline.webp({ quality: WEBP_QUALITY });
  const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
  return accept(format, data, { width: info.width, height: info.height });
}

// ---------------------------------------------------------------------------------------------
// HEIC / HEIF

interface DecodedRgba {
  width: number;
  height: number;
  data: Uint8Array;
}
/** The part of heic-decode (untyped CommonJS) that we use. */
interface HeicDecode {
  all(input: { buffer: Uint8Array }): Promise<
    Array<{ width: number; height: number; decode(): Promise<DecodedRgba> }> & { dispose(): void }
  >;
}

const requireCjs = createRequire(import.meta.url);
let heicDecode: HeicDecode | undefined;
/** Loaded on first use: the libheif WebAssembly bundle is large and most uploads are JPEGs. */
function loadHeicDecode(): HeicDecode {
  heicDecode ??= requireCjs('heic-decode') as HeicDecode;
  return heicDecode;
}

class TooManyPixels extends Error {
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    super('too many pixels');
  }
}

/**
 * Phone HEIC photos are HEVC-coded, which sharp's prebuilt libvips cannot decode (HEVC is left out
 * for patent reasons), so they go through heic-decode (libheif compiled to WebAssembly). That build
 * in turn lacks AV1, so a HEIF container holding AV1 images is handed to sharp, which has it.
 * Either way we get upright RGBA pixels (libheif applies the container's irot/imir itself; HEIF
 * says EXIF orientation must be ignored) and store a JPEG, which every staff browser can show.
 */
async function inspectHeif(bytes: Buffer, decode: (bytes: Buffer) => Promise<DecodedRgba> = decodeHeic): Promise<InspectResult> {
  let decoded: DecodedRgba;
  try {
    decoded = await decode(bytes);
  } catch (error) {
    return error instanceof TooManyPixels ? tooManyPixels(error.width, error.height) : refuse('unreadable');
  }
  try {
    const { width, height, data } = decoded;
    const pixels = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const pipeline = sharp(pixels, { raw: { width, height, channels: 4 }, limitInputPixels: MAX_INPUT_PIXELS })
      // JPEG has no alpha; without this, transparent areas would come out in arbitrary colours.
      .flatten({ background: '#ffffff' });
    return await encodeForStorage(pipeline, 'jpeg');
  } catch {
    return refuse('unreadable');
  }
}

/** libheif (WebAssembly) first, for HEVC; sharp for what that build lacks (AV1). */
function decodeHeic(bytes: Buffer): Promise<DecodedRgba> {
  return decodeWithLibheif(bytes).catch((error: unknown) => {
    if (error instanceof TooManyPixels) throw error;
    return decodeWithSharp(bytes);
  });
}

async function decodeWithLibheif(bytes: Buffer): Promise<DecodedRgba> {
  const images = await loadHeicDecode().all({ buffer: bytes });
  try {
    // Like heic-decode's default export: the first top-level image is the photo.
    const primary = images[0];
    if (!primary) throw new Error('HEIF file without an image');
    // Checked from the container header before decoding. Note the WebAssembly heap grows to
    // the largest image decoded so far and never shrinks.
    if (primary.width * primary.height > MAX_INPUT_PIXELS) throw new TooManyPixels(primary.width, primary.height);
    return await primary.decode();
  } finally {
    images.dispose();
  }
}

async function decodeWithSharp(bytes: Buffer): Promise<DecodedRgba> {
  const probe = await sharp(bytes, { limitInputPixels: false }).metadata();
  if (probe.format !== 'heif') throw new Error(`not HEIF but ${probe.format}`);
  if (probe.width * probe.height > MAX_INPUT_PIXELS) throw new TooManyPixels(probe.width, probe.height);
  const { data, info } = await sharp(bytes, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS })
    .rotate()
    .ensureAlpha()
    .raw()
    .timeout({ seconds: ENCODE_TIMEOUT_SECONDS })
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data };
}

// ---------------------------------------------------------------------------------------------
// PDF

/**
 * Names whose presence means the file can act on the reader's machine: run JavaScript, launch a
 * program, carry a file (often the real payload), play active media, fill itself from or submit
 * to a server, open another document (GoToR with a UNC path leaks Windows credentials), or be an
 * XFA form (which is scripted). Checked as dictionary keys and as values (e.g. /S /JavaScript).
 */
const ACTIVE_NAMES = new Set([
  'JS', 'JavaScript', 'Launch', 'EmbeddedFile', 'EmbeddedFiles', 'FileAttachment', 'RichMedia',
  'RichMediaExecute', 'Rendition', 'XFA', 'SubmitForm', 'ImportData', 'GoToR', 'GoToE',
]);
/** Keys whose actions run by themselves (on open, on page view, on field focus …). */
const AUTOMATIC_ACTION_KEYS = new Set(['OpenAction', 'AA']);
/**
 * Decompressed size allowed for the object and cross-reference streams pdf-lib inflates while
 * loading. A real 10 MB PDF needs a few MB; a deflate bomb needs gigabytes and pdf-lib has no
 * cap of its own (a 250 KB file made it allocate 330 MB in a trial).
 */
const MAX_PDF_STRUCTURE_BYTES = 64 * 1024 * 1024;
/** More object/cross-reference streams than any real document of ours has; bounds the pre-scan. */
const MAX_PDF_OBJECT_STREAMS = 2000;
/** Real stream dictionaries are well under 1 KB; a longer one is refused rather than scanned. */
const MAX_STREAM_DICT_CHARS = 16 * 1024;

class PdfRefusal extends Error {
  constructor(readonly reason: InspectRefusal) {
    super(reason);
  }
}

async function inspectPdf(bytes: Buffer): Promise<InspectResult> {
  try {
    // 1. Raw pass, before pdf-lib touches the file: bound the streams it will inflate and look
    //    for active names in the bytes themselves, which also sees superseded object revisions
    //    and spellings pdf-lib does not decode.
    const text = bytes.toString('latin1');
    const objectStreams = inflateStructureStreams(bytes, text);
    if ([withoutStreamBodies(text), ...objectStreams].some(containsActiveName)) return refuse('pdf_active_content');

    // 2. Structural pass over what a reader sees: every object pdf-lib parsed, including the
    //    objects unpacked from object streams.
    //    ignoreEncryption: false → an encrypted file throws (its strings and streams cannot be
    //    checked); throwOnInvalidObject → so does one with objects pdf-lib cannot parse.
    const doc = await PDFDocument.load(bytes, { ignoreEncryption: false, throwOnInvalidObject: true, updateMetadata: false });
    const pages = doc.getPageCount();
    if (pages < 1) return refuse('unreadable');
    if (hasActiveContent(doc.context)) return refuse('pdf_active_content');
    // 3. What a viewer will inflate to show it (stored as is, so it must be bounded here).
    boundInflatedStreams(doc.context);
    return accept('pdf', bytes, { pages });
  } catch (error) {
    // Encrypted, malformed, or breaking the parser in some other way (a stack overflow on
    // absurd nesting, say): a file we cannot vouch for.
    return refuse(error instanceof PdfRefusal ? error.reason : 'unreadable');
  }
}

/** A PDF name token: '/' then regular characters (PDF 32000-1 §7.3.5). */
const NAME_TOKEN = /\/([^\x00\t\n\f\r /()<>[\]{}%]*)/g;

/** Names may spell any byte as #xx (`/J#61vaScript`); readers accept either case of hex digit. */
function decodeNameEscapes(name: string): string {
  return name.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function containsActiveName(text: string): boolean {
  for (const match of text.matchAll(NAME_TOKEN)) {
    if (ACTIVE_NAMES.has(decodeNameEscapes(match[1] ?? ''))) return true;
  }
  return false;
}

/**
 * Stream bodies are compressed binary where "/JS" turns up by chance (a few percent of 10 MB
 * scans would be refused) and hold page content, not objects; blank them before the raw name
 * scan. The objects inside object streams are scanned separately, decompressed.
 */
function withoutStreamBodies(text: string): string {
  return text.replace(/>>\s*stream\b[\s\S]*?(?:\bendstream\b|$)/g, '>> ');
}

/**
 * pdf-lib inflates every /Type /ObjStm and /Type /XRef stream while loading, with no size limit.
 * Find each such stream the way a tokenizer would (the name may be hex-escaped; strings and
 * comments between it and the `stream` keyword are skipped), inflate it with a cap, and return
 * the object streams' text for the raw name scan. Throws PdfRefusal for what it cannot bound.
 */
function inflateStructureStreams(bytes: Buffer, text: string): string[] {
  const objectStreams: string[] = [];
  let budget = MAX_PDF_STRUCTURE_BYTES;
  let seen = 0;
  let lastBodyStart = -1;
  for (const match of text.matchAll(NAME_TOKEN)) {
    const name = decodeNameEscapes(match[1] ?? '');
    if (name !== 'ObjStm' && name !== 'XRef') continue;
    if (++seen > MAX_PDF_OBJECT_STREAMS) throw new PdfRefusal('unreadable');
    const bodyStart = findStreamBody(text, (match.index ?? 0) + match[0].length);
    if (bodyStart === undefined || bodyStart === lastBodyStart) continue;
    lastBodyStart = bodyStart;
    if (budget <= 0) throw new PdfRefusal('pdf_too_large');
    let inflated: Buffer;
    try {
      // Z_SYNC_FLUSH: tolerate a truncated stream as pdf-lib does; data after the end is ignored.
      inflated = inflateSync(bytes.subarray(bodyStart), { maxOutputLength: budget, finishFlush: zlibConstants.Z_SYNC_FLUSH });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new PdfRefusal('pdf_too_large');
      // Not a clean zlib stream. pdf-lib would still decode it without a limit — another filter
      // chain such as [/ASCIIHexDecode /FlateDecode], or deflate data its lenient decoder accepts
      // (it checks neither back-references nor the checksum) — and no PDF writer produces that.
      throw new PdfRefusal('unreadable');
    }
    budget -= inflated.length;
    if (name === 'ObjStm') objectStreams.push(inflated.toString('latin1'));
  }
  return objectStreams;
}

/**
 * Inflates every FlateDecode stream pdf-lib found (page content, images, fonts) against one budget
 * for the whole file, and throws PdfRefusal('pdf_too_large') past it. pdf-lib only slices each
 * stream's bytes by its /Length, so nothing has been inflated before this. Object and
 * cross-reference streams were bounded in the raw pass. Throws 'unreadable' for a stream that puts
 * another filter before FlateDecode (its input cannot be bounded without decoding that first, and
 * no PDF writer we know produces one) or whose deflate data is broken.
 */
function boundInflatedStreams(context: PDFContext): void {
  let budget = MAX_PDF_INFLATED_BYTES;
  for (const [, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const type = object.dict.lookup(PDFName.of('Type'));
    if (type instanceof PDFName && ['ObjStm', 'XRef'].includes(nameOf(type))) continue;
    const filter = object.dict.lookup(PDFName.of('Filter'));
    const filters = filter instanceof PDFName ? [filter] : filter instanceof PDFArray ? filter.asArray() : [];
    const names = filters.map((f) => (f instanceof PDFName ? nameOf(f) : ''));
    const flate = names.findIndex((n) => n === 'FlateDecode' || n === 'Fl');
    if (flate < 0) continue;
    if (flate > 0) throw new PdfRefusal('unreadable');
    if (budget <= 0) throw new PdfRefusal('pdf_too_large');
    try {
      budget -= inflateSync(object.contents, { maxOutputLength: budget, finishFlush: zlibConstants.Z_SYNC_FLUSH }).length;
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new PdfRefusal('pdf_too_large');
      throw new PdfRefusal('unreadable');
    }
  }
}

/**
 * From inside a dictionary, skip tokens up to the `stream` keyword and return where the body
 * starts; undefined when the object ends first (no stream, nothing for pdf-lib to inflate).
 */
function findStreamBody(text: string, from: number): number | undefined {
  const limit = Math.min(text.length, from + MAX_STREAM_DICT_CHARS);
  let i = from;
  while (i < limit) {
    const c = text[i]!;
    if (/[\x00\t\n\f\r ]/.test(c)) i++;
    else if (c === '%') while (i < limit && text[i] !== '\n' && text[i] !== '\r') i++;
    else if (c === '(') {
      // Literal string: parentheses nest, backslash escapes the next character.
      let depth = 0;
      do {
        if (text[i] === '\\') i++;
        else if (text[i] === '(') depth++;
        else if (text[i] === ')') depth--;
        i++;
      } while (i < limit && depth > 0);
    } else if (c === '<' && text[i + 1] !== '<') {
      while (i < limit && text[i] !== '>') i++; // hex string
      i++;
    } else if (/[<>[\]{}]/.test(c)) i++;
    else {
      let end = i + 1; // a name's '/' or the first character of a keyword or number
      while (end < limit && !/[\x00\t\n\f\r /()<>[\]{}%]/.test(text[end]!)) end++;
      const token = text.slice(i, end);
      if (token === 'endobj' || token === 'obj') return undefined;
      if (token === 'stream') {
        if (text[end] === '\r') end++;
        if (text[end] === '\n') end++;
        return end;
      }
      i = end;
    }
  }
  if (limit === text.length) return undefined;
  throw new PdfRefusal('unreadable');
}

function hasActiveContent(context: PDFContext): boolean {
  for (const [, object] of context.enumerateIndirectObjects()) {
    // Iterative walk of the direct objects inside each indirect object; references are not
    // followed because every indirect object is visited in its own right.
    const pending: PDFObject[] = [object];
    for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
      if (current instanceof PDFName) {
        if (ACTIVE_NAMES.has(nameOf(current))) return true;
      } else if (current instanceof PDFArray) {
        for (const item of current.asArray()) pending.push(item); // no spread: arrays can be huge
      } else if (current instanceof PDFStream) {
        pending.push(current.dict);
      } else if (current instanceof PDFDict) {
        for (const [key, value] of current.entries()) {
          const keyName = nameOf(key);
          if (ACTIVE_NAMES.has(keyName)) return true;
          if (AUTOMATIC_ACTION_KEYS.has(keyName) && !isHarmlessAutomaticAction(keyName, value, context)) return true;
          if (keyName === 'EF' && isEmbeddedFileMap(value, context)) return true;
          pending.push(value);
        }
      }
    }
  }
  return false;
}

/**
 * pdf-lib decodes #xx escapes only with upper-case hex digits and keeps e.g. "#6a" literally,
 * while readers decode both; decode whatever is left so such spellings are still recognised.
 */
function nameOf(name: PDFName): string {
  return decodeNameEscapes(name.decodeText());
}

/**
 * /OpenAction is harmless when it only opens the document at a page (a destination, or a GoTo
 * action): most office software writes one. Anything else it or an /AA trigger runs — a URI, a
 * named menu command such as Print, a form action — happens without the reader's consent.
 */
function isHarmlessAutomaticAction(key: string, value: PDFObject, context: PDFContext): boolean {
  const resolved = context.lookup(value);
  if (key === 'AA') {
    if (!(resolved instanceof PDFDict)) return true; // not a trigger map: readers ignore it
    return resolved.values().every((action) => isGoToChain(action, context, new Set()));
  }
  // A destination: explicit ([page /Fit]) or named (a name or a string).
  if (resolved instanceof PDFArray || resolved instanceof PDFName || resolved instanceof PDFString || resolved instanceof PDFHexString) return true;
  return isGoToChain(value, context, new Set());
}

function isGoToChain(value: PDFObject, context: PDFContext, visited: Set<PDFObject>): boolean {
  const action = context.lookup(value);
  if (!(action instanceof PDFDict)) return false;
  if (visited.has(action)) return true; // a /Next loop of GoTo actions still only navigates
  visited.add(action);
  const type = action.lookup(PDFName.of('S'));
  if (!(type instanceof PDFName) || nameOf(type) !== 'GoTo') return false;
  const next = action.get(PDFName.of('Next'));
  if (next === undefined) return true;
  const nextResolved = context.lookup(next);
  const chain = nextResolved instanceof PDFArray ? nextResolved.asArray() : [next];
  return chain.every((item) => isGoToChain(item, context, visited));
}

/** A file specification's /EF maps /F or /UF to the embedded file's stream. */
function isEmbeddedFileMap(value: PDFObject, context: PDFContext): boolean {
  const map = context.lookup(value);
  if (!(map instanceof PDFDict)) return false;
  return ['F', 'UF'].some((key) => context.lookup(map.get(PDFName.of(key))) instanceof PDFStream);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
