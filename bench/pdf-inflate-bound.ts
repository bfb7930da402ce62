/**
 * What bounding a PDF's FlateDecode streams costs (src/files/inspect.ts, MAX_PDF_INFLATED_BYTES):
 * the time to refuse a 200 MB content stream hidden in a small file, and to accept a real-sized
 * lossless scan page. Run: npx tsx bench/pdf-inflate-bound.ts
 */
import { randomBytes } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import { PDFDocument, PDFName } from 'pdf-lib';
import { inspectUpload } from '../src/files/inspect.js';

const MB = 1024 * 1024;
async function pdfWithContent(bytes: Buffer, filter = 'FlateDecode') {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.stream(bytes, { Filter: filter })));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
async function time(label: string, buf: Buffer) {
  const t0 = performance.now();
  const r = await inspectUpload(buf, { maxBytes: 10 * MB });
  console.log(label, `${(buf.length / 1024).toFixed(0)} KB`, r.ok ? 'accepted' : r.reason, `${(performance.now() - t0).toFixed(0)} ms`);
}
const bomb = await pdfWithContent(deflateSync(Buffer.alloc(200 * MB, 0x20), { level: 9 }));
await time('200 MB content bomb', bomb);
// A lossless 300 dpi A4 colour scan: 2480×3508 RGB with some noise (4 levels), Flate-compressed.
const w = 2480, h = 3508;
const raw = randomBytes(w * h * 3);
for (let i = 0; i < raw.length; i++) raw[i] = (raw[i]! & 3) * 85;
const img = deflateSync(raw, { level: 6 });
console.log('scan image stream', (img.length / MB).toFixed(1), 'MB compressed,', (raw.length / MB).toFixed(1), 'MB raw');
const doc = await PDFDocument.create();
const page = doc.addPage([595, 842]);
const xobj = doc.context.register(doc.context.stream(img, { Type: 'XObject', Subtype: 'Image', Width: w, Height: h, ColorSpace: 'DeviceRGB', BitsPerComponent: 8, Filter: 'FlateDecode' }));
page.node.set(PDFName.of('Resources'), doc.context.obj({ XObject: { Im0: xobj } }));
page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream('q 595 0 0 842 0 0 cm /Im0 Do Q')));
const scan = Buffer.from(await doc.save({ useObjectStreams: false }));
await time('one-page lossless scan', scan);
const t0 = performance.now();
inflateSync(img);
console.log('of which inflating its image stream', `${(performance.now() - t0).toFixed(0)} ms`);
