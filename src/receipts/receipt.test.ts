import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { t } from '../i18n/i18n.js';
import { pdfText } from '../test-support/pdf-text.js';
import { governmentLine, renderReceipt, type ReceiptInput, type ReceiptTexts } from './receipt.js';
import { officeDateTime, trackingUrl } from './service.js';

const keys: (keyof ReceiptTexts)[] = ['title', 'ticket', 'pin', 'pinNote', 'service', 'subject', 'applicant', 'desa', 'channel', 'received', 'due', 'handOver', 'documents', 'noDocuments', 'track', 'trackNote', 'free', 'officer'];
const texts = Object.fromEntries(keys.map((k) => [k, t('id', `console.receipt.${k}`)])) as ReceiptTexts;

const input: ReceiptInput = {
  office: { name: 'Kecamatan Kembaran', regencyName: 'Kabupaten Banyumas', address: 'Jl. Raya Kembaran', phone: '085161725300' },
  ticket: 'KBR-26-000042',
  pin: '482913',
  service: 'KIA baru',
  subjectName: 'Ayu Lestari',
  applicant: 'Sri Wahyuni (ibu)',
  desa: 'Kembaran',
  channel: 'Datang langsung ke kantor kecamatan',
  receivedAt: officeDateTime(new Date('2026-11-23T03:00:00Z'), 'Asia/Jakarta', 'id'),
  dueAt: officeDateTime(new Date('2026-11-23T08:30:00Z'), 'Asia/Jakarta', 'id'),
  handOver: 'Diambil di kantor kecamatan',
  documents: ['Kartu Keluarga (KK)', 'Kutipan akta kelahiran'],
  trackingUrl: trackingUrl('https://kencot.example/', 'KBR-26-000042'),
  officerName: 'Petugas Loket',
  printedAt: new Date('2026-11-23T03:01:00Z'),
  texts,
};

describe('the receipt', () => {
  it('is a one-page PDF with the ticket, the PIN, the due time in WIB and the tracking address', async () => {
    const pdf = await renderReceipt(input);
    const parsed = await PDFDocument.load(pdf);
    expect(parsed.getPageCount()).toBe(1);
    expect(parsed.getTitle()).toBe('TANDA TERIMA PERMOHONAN KBR-26-000042');
    const text = pdfText(pdf);
    expect(text).toContain('KBR-26-000042');
    expect(text).toContain('482913');
    expect(text).toContain('Senin, 23 November 2026 pukul 15.30 WIB');
    expect(text).toContain('https://kencot.example/lacak?tiket=KBR-26-000042');
    expect(text).toContain('Kartu Keluarga (KK)');
    expect(text).toMatch(/GRATIS/);
  });

  it('has the kop surat of the regency and the office, and is tagged for screen readers in Indonesian (issue 11)', async () => {
    const pdf = await renderReceipt(input);
    const text = pdfText(pdf);
    expect(text).toContain('PEMERINTAH KABUPATEN BANYUMAS');
    expect(text).toContain('KECAMATAN KEMBARAN');
    expect(text).toContain('Jl. Raya Kembaran');
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/StructTreeRoot/);
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(raw).toMatch(/\/Marked true/);
    expect(raw).toMatch(/\/Lang \(id-ID\)/);
    expect(raw).toMatch(/\/S \/H1/);
    expect(raw).toMatch(/\/Alt \(QR: https:\/\/kencot\.example\/lacak/);
  });

  it("draws the regency's emblem on the kop when the office has one, described for screen readers", async () => {
    const emblemPng = await sharp({ create: { width: 240, height: 240, channels: 4, background: { r: 0, g: 120, b: 60, alpha: 1 } } }).png().toBuffer();
    const withEmblem = await renderReceipt({ ...input, office: { ...input.office, emblemPng } });
    const raw = withEmblem.toString('latin1');
    expect(raw).toMatch(/\/Subtype \/Image/);
    expect(raw).toMatch(/\/Alt \(Lambang Kabupaten Banyumas\)/);
    expect((await PDFDocument.load(withEmblem)).getPageCount()).toBe(1);
    expect(pdfText(withEmblem)).toContain('PEMERINTAH KABUPATEN BANYUMAS');
    expect((await renderReceipt(input)).toString('latin1')).not.toMatch(/\/Subtype \/Image/);
  });

  it('names the government of a kota, and of a regency named without its kind', () => {
    expect(governmentLine('Kota Purwokerto')).toBe('PEMERINTAH KOTA PURWOKERTO');
    expect(governmentLine('Banyumas')).toBe('PEMERINTAH KABUPATEN BANYUMAS');
  });

  it('gives the same bytes for the same input', async () => {
    expect((await renderReceipt(input)).equals(await renderReceipt(input))).toBe(true);
  });
});
