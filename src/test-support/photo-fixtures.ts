/**
 * Synthetic photos of Indonesian documents and of a child's pass photo, with known numbers and
 * known faults, for the photo-check tests and the labelled set (`bench/photo-set.ts`). Documents
 * are drawn from SVG by sharp (librsvg, DejaVu fonts), laid on a table, then degraded the way
 * phone photos go wrong. Deterministic for a seed.
 */
import sharp from 'sharp';
import type { DocumentKind } from '../photos/quality.js';

export type Rng = () => number;

/** mulberry32: small, seedable, good enough for test images. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const between = (r: Rng, lo: number, hi: number) => lo + (hi - lo) * r();
const pick = <T>(r: Rng, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;

/** A plausible 16-digit NIK/KK number: region code, date part, serial. */
export function sixteenDigits(r: Rng): string {
  const region = pick(r, ['3201', '3271', '3174', '3515', '3273', '6171', '1271', '7371']) + String(10 + Math.floor(r() * 40)).padStart(2, '0');
  const day = 1 + Math.floor(r() * 28) + (r() < 0.5 ? 40 : 0);
  const date = String(day).padStart(2, '0') + String(1 + Math.floor(r() * 12)).padStart(2, '0') + String(Math.floor(r() * 100)).padStart(2, '0');
  return region + date + String(1 + Math.floor(r() * 9999)).padStart(4, '0');
}

const NAMES = ['SITI AMINAH', 'BUDI SANTOSO', 'DEWI LESTARI', 'AHMAD FAUZI', 'RINA WULANDARI', 'AGUS SETIAWAN', 'NUR HIDAYAH', 'EKO PRASETYO'];
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export type RenderedDocument = { kind: DocumentKind; png: Buffer; width: number; height: number; numbers: string[] };

/**
 * The document itself, flat and sharp, as a PNG. The first number is the one a check compares;
 * `main` prints a chosen one there (a test that types it elsewhere), else it is random.
 */
export async function renderDocument(kind: DocumentKind, r: Rng, main?: string): Promise<RenderedDocument> {
  // DejaVu where fontconfig has it (Debian's default), else Liberation, which CI installs.
  const font = 'DejaVu Sans, Liberation Sans, sans-serif';
  const text = (x: number, y: number, size: number, s: string, extra = '') =>
    `<text x="${x}" y="${y}" font-family="${font}" font-size="${size}" fill="#1a1a1a" ${extra}>${esc(s)}</text>`;
  const lines: string[] = [];
  let width: number;
  let height: number;
  let paper: string;
  const numbers: string[] = [];
  if (kind === 'kk') {
    width = 1400;
    height = 900;
    paper = '#f4f6f2';
    const kk = main ?? sixteenDigits(r);
    numbers.push(kk);
    lines.push(text(700, 90, 50, 'KARTU KELUARGA', 'text-anchor="middle" font-weight="bold"'));
    lines.push(text(700, 150, 34, `No. ${kk}`, 'text-anchor="middle" font-weight="bold"'));
    lines.push(text(60, 220, 22, `Nama Kepala Keluarga : ${pick(r, NAMES)}`), text(760, 220, 22, 'Desa/Kelurahan : CIBINONG'));
    lines.push(text(60, 255, 22, 'Alamat : JL. MAWAR NO. 12'), text(760, 255, 22, 'Kecamatan : CIBINONG'));
    lines.push(`<rect x="50" y="290" width="1300" height="560" fill="none" stroke="#333" stroke-width="2"/>`);
    lines.push(text(70, 330, 22, 'No'), text(130, 330, 22, 'Nama Lengkap'), text(560, 330, 22, 'NIK'), text(1000, 330, 22, 'Jenis Kelamin'));
    for (let i = 0; i < 4; i++) {
      const nik = sixteenDigits(r);
      numbers.push(nik);
      const y = 390 + i * 60;
      lines.push(text(75, y, 26, String(i + 1)), text(130, y, 26, pick(r, NAMES)), text(560, y, 30, nik), text(1000, y, 26, pick(r, ['LAKI-LAKI', 'PEREMPUAN'])));
    }
  } else if (kind === 'akta') {
    width = 1100;
    height = 1400;
    paper = '#f3f1e4';
    const nik = main ?? sixteenDigits(r);
    numbers.push(nik);
    lines.push(text(550, 150, 34, 'REPUBLIK INDONESIA', 'text-anchor="middle"'));
    lines.push(text(550, 230, 46, 'KUTIPAN AKTA KELAHIRAN', 'text-anchor="middle" font-weight="bold"'));
    lines.push(text(120, 360, 30, 'Berdasarkan Akta Kelahiran Nomor'), text(120, 410, 32, `3201-LT-${String(Math.floor(r() * 1e8)).padStart(8, '0')}-0001`));
    lines.push(text(120, 500, 30, 'NIK'), text(380, 500, 34, nik, 'font-weight="bold"'));
    lines.push(text(120, 590, 30, 'bahwa di BOGOR pada tanggal'), text(120, 640, 30, 'DUA BELAS MARET DUA RIBU DUA PULUH'));
    lines.push(text(120, 730, 30, 'telah lahir'), text(120, 790, 38, pick(r, NAMES), 'font-weight="bold"'));
    lines.push(text(120, 880, 30, 'anak ke SATU, dari ayah BUDI SANTOSO'), text(120, 930, 30, 'dan ibu SITI AMINAH'));
  } else {
    width = 1280;
    height = 800;
    paper = '#dbe9f5';
    const nik = main ?? sixteenDigits(r);
    numbers.push(nik);
    lines.push(text(640, 70, 38, 'PROVINSI JAWA BARAT', 'text-anchor="middle" font-weight="bold"'));
    lines.push(text(640, 120, 38, 'KABUPATEN BOGOR', 'text-anchor="middle" font-weight="bold"'));
    lines.push(text(60, 200, 42, 'NIK'), text(200, 200, 46, `: ${nik}`, 'font-weight="bold"'));
    const rows = ['Nama', 'Tempat/Tgl Lahir', 'Jenis Kelamin', 'Alamat', 'Agama', 'Pekerjaan', 'Berlaku Hingga'];
    const vals = [pick(r, NAMES), 'BOGOR, 12-03-1990', 'PEREMPUAN', 'JL. MAWAR NO. 12', 'ISLAM', 'WIRASWASTA', 'SEUMUR HIDUP'];
    rows.forEach((label, i) => lines.push(text(60, 270 + i * 62, 28, label), text(330, 270 + i * 62, 28, `: ${vals[i]}`)));
    lines.push(`<rect x="960" y="220" width="260" height="330" fill="#c33" opacity="0.85"/>`);
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="${paper}"/>${lines.join('')}</svg>`;
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  return { kind, png, width, height, numbers };
}

export type Scene = {
  /** Card width as a share of the frame width. */
  scale: number;
  /** Degrees. */
  rotate: number;
  /** Card centre as a share of the frame, 0.5 centred. */
  cx: number;
  cy: number;
  /** Frame long side in pixels. */
  frameLong: number;
  table: [number, number, number];
};

export function randomScene(r: Rng): Scene {
  return {
    scale: between(r, 0.72, 0.84),
    rotate: between(r, -4, 4),
    cx: between(r, 0.47, 0.53),
    cy: between(r, 0.47, 0.53),
    frameLong: Math.round(between(r, 1100, 1500)),
    table: pick(r, [[92, 64, 40], [60, 60, 66], [120, 86, 58], [40, 52, 70], [70, 70, 70]] as [number, number, number][]),
  };
}

/** The document photographed: laid on a table (with texture), scaled, rotated, placed. Raw RGB out. */
export async function photograph(doc: RenderedDocument, scene: Scene, r: Rng): Promise<RawRgb> {
  const landscape = doc.width >= doc.height;
  const fw = landscape ? scene.frameLong : Math.round(scene.frameLong * 0.75);
  const fh = landscape ? Math.round(scene.frameLong * 0.75) : scene.frameLong;
  const cardW = Math.round(fw * scene.scale * (landscape ? 1 : 1.05));
  const card = await sharp(doc.png)
    .resize({ width: cardW })
    .rotate(scene.rotate, { background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png()
    .toBuffer({ resolveWithObject: true });
  const table = Buffer.alloc(fw * fh * 3);
  for (let i = 0; i < fw * fh; i++) {
    const n = (r() - 0.5) * 18;
    for (let c = 0; c < 3; c++) table[i * 3 + c] = clamp(scene.table[c]! + n);
  }
  const left = Math.round(fw * scene.cx - card.info.width / 2);
  const top = Math.round(fh * scene.cy - card.info.height / 2);
  const { data, info } = await sharp(table, { raw: { width: fw, height: fh, channels: 3 } })
    .composite([{ input: await placeable(card.data, card.info.width, card.info.height, left, top, fw, fh), left: Math.max(0, left), top: Math.max(0, top) }])
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const out = { data: new Uint8Array(data), width: info.width, height: info.height };
  lighting(out, r);
  return out;
}

/** sharp's composite wants the overlay inside the frame: cut off what falls outside. */
async function placeable(png: Buffer, w: number, h: number, left: number, top: number, fw: number, fh: number): Promise<Buffer> {
  const x0 = Math.max(0, -left);
  const y0 = Math.max(0, -top);
  const x1 = Math.min(w, fw - left);
  const y1 = Math.min(h, fh - top);
  return sharp(png).extract({ left: x0, top: y0, width: x1 - x0, height: y1 - y0 }).png().toBuffer();
}

export type RawRgb = { data: Uint8Array; width: number; height: number };

const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));

/** A gentle light gradient and sensor noise, as every phone photo has. */
function lighting(img: RawRgb, r: Rng): void {
  const gx = between(r, -0.12, 0.12);
  const gy = between(r, -0.12, 0.12);
  const level = between(r, 0.9, 1.0);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const f = level * (1 + gx * (x / img.width - 0.5) + gy * (y / img.height - 0.5));
      const i = (y * img.width + x) * 3;
      const n = (r() - 0.5) * 6;
      for (let c = 0; c < 3; c++) img.data[i + c] = clamp(img.data[i + c]! * f + n);
    }
  }
}

/** Exposure: out = in × gain + offset (darken with gain < 1, wash out with gain > 1). */
export function expose(img: RawRgb, gain: number, offset: number, r: Rng, noise = 0): RawRgb {
  const data = new Uint8Array(img.data.length);
  for (let i = 0; i < data.length; i++) data[i] = clamp(img.data[i]! * gain + offset + (noise ? (r() - 0.5) * noise : 0));
  return { ...img, data };
}

/** A photographed screen: the display's pixel grid beating with the sensor, at a slant. */
export function moire(img: RawRgb, period: number, angleDeg: number, depth: number): RawRgb {
  const data = new Uint8Array(img.data.length);
  const a = (angleDeg * Math.PI) / 180;
  const ca = Math.cos(a);
  const sa = Math.sin(a);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const u = (x * ca + y * sa) / period;
      const v = (-x * sa + y * ca) / period;
      const grid = 1 - depth * (0.5 + 0.25 * Math.cos(2 * Math.PI * u) + 0.25 * Math.cos(2 * Math.PI * v));
      const i = (y * img.width + x) * 3;
      for (let c = 0; c < 3; c++) data[i + c] = clamp(img.data[i + c]! * grid * (c === 2 ? 1.06 : 1));
    }
  }
  return { ...img, data };
}

export async function blur(img: RawRgb, sigma: number): Promise<RawRgb> {
  const { data, info } = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } }).blur(sigma).raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height };
}

export async function resize(img: RawRgb, longSide: number): Promise<RawRgb> {
  const { data, info } = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } })
    .resize({ width: longSide, height: longSide, fit: 'inside' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height };
}

export function jpeg(img: RawRgb, quality: number): Promise<Buffer> {
  return sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } }).jpeg({ quality }).toBuffer();
}

/** A child's pass photo (KIA): a plain red or blue background, a face-like head and shoulders. */
export async function renderPassPhoto(r: Rng, opts: { face: 'centred' | 'off_centre' | 'none' }): Promise<RawRgb> {
  const w = Math.round(between(r, 600, 800));
  const h = Math.round(w * 1.33);
  const bg = pick(r, ['#c8102e', '#1f4fa3', '#b22222', '#2a5db0']);
  const skin = pick(r, ['#e0ac69', '#c68642', '#f1c27d', '#d4a373', '#b9825a']);
  const shift = opts.face === 'off_centre' ? (r() < 0.5 ? -1 : 1) * between(r, 0.25, 0.32) : between(r, -0.04, 0.04);
  const fx = w * (0.5 + shift);
  const fy = h * between(r, 0.38, 0.46);
  const rx = w * between(r, 0.17, 0.22);
  const ry = rx * between(r, 1.25, 1.4);
  const head =
    opts.face === 'none'
      ? ''
      : `<ellipse cx="${fx}" cy="${fy - ry * 0.35}" rx="${rx * 1.08}" ry="${ry * 0.8}" fill="#1b1208"/>` +
        `<ellipse cx="${fx}" cy="${fy}" rx="${rx}" ry="${ry}" fill="${skin}"/>` +
        `<ellipse cx="${fx - rx * 0.38}" cy="${fy - ry * 0.1}" rx="${rx * 0.12}" ry="${rx * 0.07}" fill="#222"/>` +
        `<ellipse cx="${fx + rx * 0.38}" cy="${fy - ry * 0.1}" rx="${rx * 0.12}" ry="${rx * 0.07}" fill="#222"/>` +
        `<ellipse cx="${fx}" cy="${fy + ry * 0.5}" rx="${rx * 0.3}" ry="${rx * 0.07}" fill="#8a3b3b"/>`;
  const body = `<ellipse cx="${opts.face === 'none' ? w / 2 : fx}" cy="${h * 1.02}" rx="${w * 0.42}" ry="${h * 0.22}" fill="${pick(r, ['#ffffff', '#f0f0f0', '#22315e'])}"/>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="${w}" height="${h}" fill="${bg}"/>${body}${head}</svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const img = { data: new Uint8Array(data), width: info.width, height: info.height };
  lighting(img, r);
  return img;
}
