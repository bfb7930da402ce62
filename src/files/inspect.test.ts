import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { fileTypeFromBuffer } from 'file-type';
import { PDFDocument, PDFHexString, PDFName, PDFString, type PDFDict } from 'pdf-lib';
import sharp, { type Sharp } from 'sharp';
import { describe, expect, it } from 'vitest';
import { inspectUpload, MAX_STORED_DIMENSION, type AcceptedUpload, type InspectResult } from './inspect.js';

const MB = 1024 * 1024;
const inspect = (bytes: Buffer) => inspectUpload(bytes, { maxBytes: 10 * MB });

function expectAccepted(result: InspectResult): AcceptedUpload {
  if (!result.ok) throw new Error(`expected the upload to be accepted, got '${result.reason}'`);
  expect(result.sha256).toBe(createHash('sha256').update(result.bytes).digest('hex'));
  expect(result.size).toBe(result.bytes.length);
  return result;
}

/** 40×20, left half red and right half blue, so a rotation is visible in the pixels. */
function halfRedHalfBlue(): Sharp {
  const red = { r: 220, g: 0, b: 0 };
  return sharp({ create: { width: 40, height: 20, channels: 3, background: red } }).composite([
    { input: { create: { width: 20, height: 20, channels: 3, background: { r: 0, g: 0, b: 220 } } }, left: 20, top: 0 },
  ]);
}

async function pixelAt(image: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const offset = (y * info.width + x) * info.channels;
  return [...data.subarray(offset, offset + 3)];
}

/**
 * Noisy, so the JPEG's entropy-coded data is large enough to damage meaningfully, and seeded, so
 * the damage tests are deterministic (sharp's own noise generator is random, and about one random
 * garbling in twenty happens to decode without any complaint from libjpeg).
 */
function noisyJpeg(width = 400, height = 300): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  let seed = 12345;
  for (let i = 0; i < pixels.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    pixels[i] = seed >>> 24;
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
}

describe('inspectUpload: size and type gate', () => {
  it('refuses an empty upload', async () => {
    expect(await inspect(Buffer.alloc(0))).toEqual({ ok: false, reason: 'empty' });
  });

  it('refuses 50 MB as too_large before looking at it (content that would otherwise be unsupported)', async () => {
    expect(await inspect(Buffer.alloc(50 * MB))).toEqual({ ok: false, reason: 'too_large' });
  });

  it('accepts a file of exactly maxBytes', async () => {
    const jpeg = await noisyJpeg(64, 64);
    expectAccepted(await inspectUpload(jpeg, { maxBytes: jpeg.length }));
    expect(await inspectUpload(jpeg, { maxBytes: jpeg.length - 1 })).toEqual({ ok: false, reason: 'too_large' });
  });

  it('rejects a nonsensical maxBytes instead of accepting everything', async () => {
    await expect(inspectUpload(Buffer.from('x'), { maxBytes: Number.NaN })).rejects.toThrow(RangeError);
  });

  // OGG page header (26 bytes), one 30-byte segment holding a Vorbis identification header.
  const ogg = Buffer.concat([Buffer.from('OggS\x00\x02', 'latin1'), Buffer.alloc(20), Buffer.from('\x01\x1e\x01vorbis', 'latin1'), Buffer.alloc(64)]);
  const mp3 = Buffer.concat([Buffer.from('ID3\x03\x00\x00\x00\x00\x00\x00', 'latin1'), Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(400)]);
  const mp4 = Buffer.concat([Buffer.from('\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2', 'latin1'), Buffer.alloc(64)]);
  const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(8), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) % 256))]);
  const pe = Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\x00\x00', 'latin1'), Buffer.alloc(256)]);
  const zip = Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x00\x00\x00\x00', 'latin1'), Buffer.alloc(16), Buffer.from('\x09\x00\x00\x00photo.jpg', 'latin1'), Buffer.alloc(64)]);
  // The API never sees a file name or declared MIME, so an executable uploaded as "photo.jpg"
  // is judged by its bytes alone; the table also checks that file-type recognised each one.
  it.each([
    ['an ELF executable (uploaded as photo.jpg)', elf, 'application/x-elf'],
    ['a Windows executable', pe, 'application/x-msdownload'],
    ['a ZIP archive', zip, 'application/zip'],
    ['an OGG voice note', ogg, 'audio/ogg'],
    ['an MP3', mp3, 'audio/mpeg'],
    ['an MP4 video', mp4, 'video/mp4'],
    ['plain text', Buffer.from('Nama: Budi\nNIK: 3301234567890001\n'), undefined],
  ])('refuses %s as unsupported_type', async (_label, bytes, detectedMime) => {
    expect((await fileTypeFromBuffer(bytes))?.mime).toBe(detectedMime);
    expect(await inspect(bytes)).toEqual({ ok: false, reason: 'unsupported_type' });
  });
});

describe('inspectUpload: images are re-encoded', () => {
  it('strips EXIF (GPS included) and XMP from a JPEG and applies its orientation', async () => {
    const xmp =
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
      '<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="7,25.0S" exif:GPSLongitude="110,30.0E"/>' +
      '</rdf:RDF></x:xmpmeta>';
    const input = await halfRedHalfBlue()
      .jpeg()
      .withExif({
        IFD0: { Make: 'Kencot test phone' },
        IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '7/1 25/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '110/1 30/1 0/1' },
      })
      .withXmp(xmp)
      .withMetadata({ orientation: 6 }) // stored sideways: "turn 90° clockwise to view"
      .toBuffer();
    const before = await sharp(input).metadata();
    expect(before.exif).toBeDefined();
    expect(before.orientation).toBe(6);
    expect(input.includes('GPS')).toBe(true);

    const result = expectAccepted(await inspect(input));
    expect(result).toMatchObject({ mime: 'image/jpeg', extension: 'jpg', width: 20, height: 40 });
    const after = await sharp(result.bytes).metadata();
    expect(after.format).toBe('jpeg');
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(result.bytes.includes('GPS')).toBe(false);
    expect(result.bytes.includes('Exif')).toBe(false);
    expect(result.bytes.includes('Kencot test phone')).toBe(false);
    // Turned clockwise: the red left half is now on top, the blue right half at the bottom.
    const [top, bottom] = [await pixelAt(result.bytes, 10, 5), await pixelAt(result.bytes, 10, 35)];
    expect(top[0]).toBeGreaterThan(180);
    expect(top[2]).toBeLessThan(60);
    expect(bottom[2]).toBeGreaterThan(180);
    expect(bottom[0]).toBeLessThan(60);
  });

  it('keeps a PNG a PNG (transparency included) and drops bytes appended after it', async () => {
    const png = await sharp({ create: { width: 30, height: 20, channels: 4, background: { r: 0, g: 128, b: 0, alpha: 0.5 } } })
      .png()
      .toBuffer();
    const smuggled = Buffer.concat([png, Buffer.from('<?php system($_GET["c"]); ?>')]);
    const result = expectAccepted(await inspect(smuggled));
    expect(result).toMatchObject({ mime: 'image/png', extension: 'png', width: 30, height: 20 });
    expect(result.bytes.includes('<?php')).toBe(false);
    expect((await sharp(result.bytes).metadata()).hasAlpha).toBe(true);
  });

  it('keeps a WebP a WebP', async () => {
    const webp = await halfRedHalfBlue().webp().withExif({ IFD0: { Make: 'Kencot test phone' } }).toBuffer();
    const result = expectAccepted(await inspect(webp));
    expect(result).toMatchObject({ mime: 'image/webp', extension: 'webp', width: 40, height: 20 });
    expect((await sharp(result.bytes).metadata()).exif).toBeUndefined();
  });

  it(`downscales a large photo to ${MAX_STORED_DIMENSION} px on its longest side`, async () => {
    const big = await sharp({ create: { width: 4000, height: 1000, channels: 3, background: '#cccccc' } }).jpeg().toBuffer();
    expect(expectAccepted(await inspect(big))).toMatchObject({ width: MAX_STORED_DIMENSION, height: 750 });
  });

  it('refuses a JPEG cut in half, and sharp really does reject it at this setting', async () => {
    const jpeg = await noisyJpeg();
    const half = jpeg.subarray(0, Math.floor(jpeg.length / 2));
    await expect(sharp(half, { failOn: 'error' }).jpeg().toBuffer()).rejects.toThrow(/premature end/i);
    expect(await inspect(half)).toEqual({ ok: false, reason: 'unreadable' });
  });

  it('refuses a JPEG whose compressed data is garbled in the middle', async () => {
    const jpeg = Buffer.from(await noisyJpeg());
    const middle = Math.floor(jpeg.length / 2);
    for (let i = middle; i < middle + 200; i++) jpeg[i] = (i * 7) & 0xff;
    await expect(sharp(jpeg, { failOn: 'error' }).jpeg().toBuffer()).resolves.toBeInstanceOf(Buffer); // only a warning
    expect(await inspect(jpeg)).toEqual({ ok: false, reason: 'unreadable' });
  });

  it('accepts a JPEG with a harmless encoder quirk ("Invalid SOS parameters"), as some phones write', async () => {
    const jpeg = Buffer.from(await sharp({ create: { width: 64, height: 64, channels: 3, background: '#808080' } }).jpeg().toBuffer());
    const sos = jpeg.indexOf(Buffer.from([0xff, 0xda]));
    jpeg[sos + 2 + jpeg.readUInt16BE(sos + 2) - 2] = 62; // spectral end should be 63 in a baseline scan
    await expect(sharp(jpeg, { failOn: 'warning' }).jpeg().toBuffer()).rejects.toThrow(/SOS parameters/);
    expect(expectAccepted(await inspect(jpeg))).toMatchObject({ mime: 'image/jpeg', width: 64, height: 64 });
  });

  it('refuses a truncated PNG and a truncated WebP', async () => {
    const jpeg = await noisyJpeg();
    const [png, webp] = await Promise.all([sharp(jpeg).png().toBuffer(), sharp(jpeg).webp().toBuffer()]);
    expect(await inspect(png.subarray(0, png.length - 200))).toEqual({ ok: false, reason: 'unreadable' });
    expect(await inspect(webp.subarray(0, webp.length / 2))).toEqual({ ok: false, reason: 'unreadable' });
  });

  it('refuses pixel bombs by their header, before decoding, saying how many pixels the picture has', async () => {
    // A real 1×1 JPEG whose frame header claims 60000×60000 (3.6 gigapixels).
    const jpeg = Buffer.from(await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } }).jpeg().toBuffer());
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    jpeg.writeUInt16BE(60000, sof + 5);
    jpeg.writeUInt16BE(60000, sof + 7);
    expect(await inspect(jpeg)).toEqual({ ok: false, reason: 'too_many_pixels', width: 60000, height: 60000 });

    // A PNG whose IHDR says 30000×30000 with a small IDAT, as a deflate bomb would.
    const png = Buffer.from(await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } }).png().toBuffer());
    png.writeUInt32BE(30000, 16);
    png.writeUInt32BE(30000, 20);
    png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
    expect(await inspect(png)).toEqual({ ok: false, reason: 'too_many_pixels', width: 30000, height: 30000 });
  });
});

describe('inspectUpload: HEIC/HEIF', () => {
  // No real HEVC-coded HEIC sample exists in node_modules and nothing installed can encode HEVC,
  // so the heic-decode decoding step itself is not exercised with a real photo here.
  const heicHeader = Buffer.from('\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic', 'latin1');

  it('detects HEIC by content and refuses garbage in a HEIC wrapper as unreadable', async () => {
    const garbage = Buffer.concat([heicHeader, Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 37) % 256))]);
    expect((await fileTypeFromBuffer(garbage))?.mime).toBe('image/heic');
    expect(await inspect(garbage)).toEqual({ ok: false, reason: 'unreadable' });
  });

  it('converts a real HEIF file (AV1-coded, mif1 brand) to JPEG through the same RGBA → JPEG step', async () => {
    const avif = await halfRedHalfBlue().avif().toBuffer();
    const heif = Buffer.from(avif);
    heif.write('mif1', 8, 'latin1'); // major brand: generic HEIF image; 'avif' stays a compatible brand
    expect((await fileTypeFromBuffer(heif))?.mime).toBe('image/heif');
    const result = expectAccepted(await inspect(heif));
    expect(result).toMatchObject({ mime: 'image/jpeg', extension: 'jpg', width: 40, height: 20 });
    expect((await sharp(result.bytes).metadata()).format).toBe('jpeg');
    // Channel order survived the RGBA hand-over: red stays on the left, blue on the right.
    const [left, right] = [await pixelAt(result.bytes, 5, 10), await pixelAt(result.bytes, 35, 10)];
    expect(left[0]).toBeGreaterThan(180);
    expect(left[2]).toBeLessThan(60);
    expect(right[2]).toBeGreaterThan(180);
    expect(right[0]).toBeLessThan(60);
  });

  it('accepts AVIF by its content and stores it as an upright JPEG', async () => {
    const avif = await halfRedHalfBlue().avif().toBuffer();
    expect((await fileTypeFromBuffer(avif))?.mime).toBe('image/avif');
    const result = expectAccepted(await inspect(avif));
    expect(result).toMatchObject({ mime: 'image/jpeg', extension: 'jpg', width: 40, height: 20 });
    expect((await sharp(result.bytes).metadata()).format).toBe('jpeg');
    expect((await pixelAt(result.bytes, 5, 10))[0]).toBeGreaterThan(180);
    expect((await pixelAt(result.bytes, 35, 10))[2]).toBeGreaterThan(180);
  });

  it('refuses an AVIF pixel bomb by its header, saying how many pixels it claims', async () => {
    const avif = Buffer.from(await halfRedHalfBlue().avif().toBuffer());
    // The 'ispe' box holds the image's width and height (two 32-bit values after version and flags).
    const ispe = avif.indexOf(Buffer.from('ispe', 'latin1'));
    avif.writeUInt32BE(40000, ispe + 8);
    avif.writeUInt32BE(20000, ispe + 12);
    expect(await inspect(avif)).toEqual({ ok: false, reason: 'too_many_pixels', width: 40000, height: 20000 });
  });
});

describe('inspectUpload: PDF', () => {
  async function pdf(build?: (doc: PDFDocument) => void | Promise<void>, useObjectStreams = true): Promise<Buffer> {
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]).drawText('Surat Keterangan Domisili', { x: 50, y: 780, size: 14 });
    doc.addPage([595, 842]);
    await build?.(doc);
    return Buffer.from(await doc.save({ useObjectStreams }));
  }
  const jsAction = (doc: PDFDocument): PDFDict =>
    doc.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.alert(1)') });

  it('accepts a plain PDF and stores it byte for byte', async () => {
    const bytes = await pdf();
    const result = expectAccepted(await inspect(bytes));
    expect(result).toMatchObject({ mime: 'application/pdf', extension: 'pdf', pages: 2 });
    expect(result.bytes.equals(bytes)).toBe(true);
  });

  it('accepts an /OpenAction that only opens at a page, as office software writes', async () => {
    const bytes = await pdf((doc) => {
      const page = doc.getPage(0).ref;
      doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj([page, 'Fit']));
    });
    expectAccepted(await inspect(bytes));
  });

  it.each([
    ['inside object streams', true],
    ['uncompressed', false],
  ])('refuses an /OpenAction that runs JavaScript (%s)', async (_label, useObjectStreams) => {
    const bytes = await pdf((doc) => doc.catalog.set(PDFName.of('OpenAction'), jsAction(doc)), useObjectStreams);
    expect(await inspect(bytes)).toEqual({ ok: false, reason: 'pdf_active_content' });
  });

  it('refuses document-level JavaScript in the /Names tree', async () => {
    const bytes = await pdf((doc) => {
      const scripts = doc.context.obj({ Names: [PDFHexString.fromText('init'), doc.context.register(jsAction(doc))] });
      doc.catalog.set(PDFName.of('Names'), doc.context.obj({ JavaScript: doc.context.register(scripts) }));
    });
    expect(await inspect(bytes)).toEqual({ ok: false, reason: 'pdf_active_content' });
  });

  it.each([
    ['/J#61vaScript and /J#53', '/J#61vaScript', '/J#53'],
    ['lower-case hex, which pdf-lib does not decode', '/#4aavaScript', '/#4a#53'],
    ['every character escaped', '/#4A#61#76#61#53#63#72#69#70#74', '/#4A#53'],
  ])('refuses JavaScript spelled with hex escapes: %s', async (_label, javaScript, js) => {
    const plain = (await pdf((doc) => doc.catalog.set(PDFName.of('OpenAction'), jsAction(doc)), false)).toString('latin1');
    expect(plain).toMatch(/\/S \/JavaScript\s/);
    expect(plain).toMatch(/\/JS \(/);
    const escaped = Buffer.from(plain.replace('/S /JavaScript', `/S ${javaScript}`).replace('/JS (', `${js} (`), 'latin1');
    expect(escaped.includes('JavaScript')).toBe(false);
    expect(escaped.includes('/JS')).toBe(false);
    expect(await inspect(escaped)).toEqual({ ok: false, reason: 'pdf_active_content' });
  });

  it('refuses JavaScript hidden in a revision an incremental update supersedes', async () => {
    const original = await pdf((doc) => doc.catalog.set(PDFName.of('OpenAction'), jsAction(doc)), false);
    const text = original.toString('latin1');
    const catalog = /(\d+) 0 obj\s*<<\s*\/Type \/Catalog[\s\S]*?endobj/.exec(text);
    expect(catalog).not.toBeNull();
    const [catalogObject, catalogNumber] = catalog as unknown as [string, string];
    const update = catalogObject.replace(/\/OpenAction[\s\S]*?>>/, '');
    const offset = original.length + 1;
    const prev = /startxref\s+(\d+)/.exec(text)?.[1];
    const size = /\/Size (\d+)/.exec(text)?.[1];
    const tail =
      `\n${update}\nxref\n${catalogNumber} 1\n${String(offset).padStart(10, '0')} 00000 n \n` +
      `trailer\n<< /Size ${size} /Root ${catalogNumber} 0 R /Prev ${prev} >>\nstartxref\n${offset + update.length + 1}\n%%EOF\n`;
    const updated = Buffer.concat([original, Buffer.from(tail, 'latin1')]);
    // The reader-visible (latest) catalog is clean; only the raw scan sees the old revision.
    const doc = await PDFDocument.load(updated);
    expect(doc.catalog.get(PDFName.of('OpenAction'))).toBeUndefined();
    expect(await inspect(updated)).toEqual({ ok: false, reason: 'pdf_active_content' });
  });

  it('refuses an /OpenAction that opens a URL, and a page /AA that prints', async () => {
    const uri = await pdf((doc) => doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'URI', URI: PDFString.of('http://x.test/') })));
    expect(await inspect(uri)).toEqual({ ok: false, reason: 'pdf_active_content' });
    const print = await pdf((doc) => doc.getPage(0).node.set(PDFName.of('AA'), doc.context.obj({ O: { S: 'Named', N: 'Print' } })));
    expect(await inspect(print)).toEqual({ ok: false, reason: 'pdf_active_content' });
  });

  it('refuses an embedded file and a /Launch link', async () => {
    const attached = await pdf((doc) => doc.attach(Buffer.from('MZ not really'), 'setup.exe', { mimeType: 'application/octet-stream' }));
    expect(await inspect(attached)).toEqual({ ok: false, reason: 'pdf_active_content' });
    const launch = await pdf((doc) => {
      const link = doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 100, 100], A: { S: 'Launch', F: PDFString.of('cmd.exe') } });
      doc.getPage(0).node.set(PDFName.of('Annots'), doc.context.obj([doc.context.register(link)]));
    });
    expect(await inspect(launch)).toEqual({ ok: false, reason: 'pdf_active_content' });
  });

  it('refuses an encrypted PDF and a broken one as unreadable', async () => {
    const encrypted = await pdf((doc) => {
      doc.context.trailerInfo.Encrypt = doc.context.obj({ Filter: 'Standard', V: 1, R: 2, O: PDFHexString.of('00'), U: PDFHexString.of('00'), P: -4 });
    }, false);
    expect(await inspect(encrypted)).toEqual({ ok: false, reason: 'unreadable' });
    expect(await inspect(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n'))).toEqual({ ok: false, reason: 'unreadable' });
    expect(await inspect(Buffer.from('%PDF-1.7\nnot a pdf at all'))).toEqual({ ok: false, reason: 'unreadable' });
  });

  function pdfWithObjectStream(dict: string, body: Buffer): Buffer {
    const head =
      '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [5 0 R] /Count 1 >>\nendobj\n' +
      '5 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n' +
      `3 0 obj\n<< ${dict} /N 1 /First 4 /Length ${body.length} >>\nstream\n`;
    return Buffer.concat([Buffer.from(head, 'latin1'), body, Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R /Size 6 >>\n%%EOF\n', 'latin1')]);
  }

  it.each([
    ['/ObjStm', '/Type /ObjStm'],
    ['/Obj#53tm, with a decoy "stream" in a string before the real keyword', '/Type /Obj#53tm /Note (a decoy\nstream\n)'],
  ])('refuses an object-stream deflate bomb (%s) as pdf_too_large before pdf-lib inflates it', async (_label, type) => {
    const bytes = pdfWithObjectStream(`${type} /Filter /FlateDecode`, deflateSync(Buffer.alloc(100 * MB), { level: 9 }));
    expect(bytes.length).toBeLessThan(MB);
    expect(await inspect(bytes)).toEqual({ ok: false, reason: 'pdf_too_large' });
  });

  /** A page whose content stream is `inflated` bytes of spaces (valid content: nothing drawn), deflated. */
  async function pdfWithContent(inflated: number, filter: string | string[] = 'FlateDecode'): Promise<Buffer> {
    const doc = await PDFDocument.create();
    const page = doc.addPage([595, 842]);
    const stream = doc.context.stream(deflateSync(Buffer.alloc(inflated, 0x20), { level: 9 }), { Filter: filter });
    page.node.set(PDFName.of('Contents'), doc.context.register(stream));
    return Buffer.from(await doc.save({ useObjectStreams: false }));
  }

  it('refuses a PDF whose content stream inflates to 200 MB, which a staff viewer would inflate', async () => {
    const bomb = await pdfWithContent(200 * MB);
    expect(bomb.length).toBeLessThan(MB);
    expect(await inspect(bomb)).toEqual({ ok: false, reason: 'pdf_too_large' });
  });

  it('accepts a content stream that inflates to a few MB, and refuses one behind a filter it cannot bound', async () => {
    expectAccepted(await inspect(await pdfWithContent(4 * MB)));
    expect(await inspect(await pdfWithContent(MB, ['ASCIIHexDecode', 'FlateDecode']))).toEqual({ ok: false, reason: 'unreadable' });
  });

  it('accepts a well-formed object stream, and refuses one behind a filter chain it cannot bound', async () => {
    const objects = Buffer.from('4 0 << /Producer (Kencot test) >>');
    expectAccepted(await inspect(pdfWithObjectStream('/Type /ObjStm /Filter /FlateDecode', deflateSync(objects))));
    const hex = Buffer.from(deflateSync(objects).toString('hex'), 'latin1');
    const chained = pdfWithObjectStream('/Type /ObjStm /Filter [/ASCIIHexDecode /FlateDecode]', hex);
    expect(await inspect(chained)).toEqual({ ok: false, reason: 'unreadable' });
  });
});

/** CRC-32 as PNG chunks use it (kept local: zlib.crc32 needs Node ≥ 20.15). */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
