/**
 * The tanda terima (receipt) a walk-in applicant takes home: the ticket number, the tracking PIN,
 * what was handed in, when the document should be ready, and a QR code to the tracking page.
 *
 * Pure apart from pdfkit's in-memory stream: data and already-translated words in, PDF bytes out.
 * The PIN is printed and then forgotten; only its hash is stored.
 */
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

export type ReceiptTexts = {
  title: string;
  ticket: string;
  pin: string;
  pinNote: string;
  service: string;
  subject: string;
  applicant: string;
  desa: string;
  channel: string;
  received: string;
  due: string;
  handOver: string;
  documents: string;
  noDocuments: string;
  track: string;
  trackNote: string;
  free: string;
  officer: string;
};

export type ReceiptInput = {
  office: { name: string; regencyName: string; address: string; phone?: string | undefined; whatsapp?: string | undefined; emblemPng?: Buffer | undefined };
  ticket: string;
  pin: string;
  /** Already in words: the service name, dates in the office's time zone, labels of the documents. */
  service: string;
  subjectName: string;
  applicant: string;
  desa: string;
  channel: string;
  receivedAt: string;
  dueAt: string;
  handOver: string;
  documents: string[];
  trackingUrl: string;
  officerName: string;
  /** The PDF's creation date, so the same input gives the same bytes. */
  printedAt: Date;
  texts: ReceiptTexts;
};

const MARGIN = 36;

/** Draws the QR code as vector squares: sharp on any printer, no image decoding. */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const cell = size / (modules.size + quiet * 2);
  doc.save().rect(x, y, size, size).fill('#ffffff');
  doc.fillColor('#000000');
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, cell, cell);
    }
  }
  doc.fill().restore();
}

/** "PEMERINTAH KABUPATEN BANYUMAS" (or "PEMERINTAH KOTA …") over the kecamatan's name. */
export function governmentLine(regencyName: string): string {
  const name = /^(kabupaten|kota)\b/i.test(regencyName.trim()) ? regencyName.trim() : `Kabupaten ${regencyName.trim()}`;
  return `PEMERINTAH ${name.toUpperCase()}`;
}

export function renderReceipt(input: ReceiptInput): Promise<Buffer> {
  const { texts: t } = input;
  // Tagged (PDF/UA-style structure, language, title shown): a screen reader reads it in order.
  const doc = new PDFDocument({
    size: 'A5',
    margin: MARGIN,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'id-ID',
    displayTitle: true,
    info: { Title: `${t.title} ${input.ticket}`, Subject: input.ticket, Author: input.office.name, Creator: 'Kencot', CreationDate: input.printedAt },
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  const tag = (type: string, draw: () => void, options: { alt?: string } = {}) => root.add(doc.struct(type, options, draw));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - MARGIN * 2;
  // The kop surat of a kecamatan: the regency's emblem when uploaded, the regency's government, the office, its street address.
  const kopTop = doc.y;
  const emblem = input.office.emblemPng;
  if (emblem) tag('Figure', () => doc.image(emblem, MARGIN, kopTop, { fit: [44, 44] }), { alt: `Lambang ${input.office.regencyName}` });
  // Beside an emblem the kop's lines stay centred on the page, clear of it on both sides.
  const kop = emblem ? { x: MARGIN + 50, width: width - 100 } : { x: MARGIN, width };
  doc.y = kopTop;
  tag('P', () => doc.font('Helvetica-Bold').fontSize(10.5).text(governmentLine(input.office.regencyName), kop.x, doc.y, { width: kop.width, align: 'center' }));
  tag('P', () => doc.font('Helvetica-Bold').fontSize(13).text(input.office.name.toUpperCase(), kop.x, doc.y, { width: kop.width, align: 'center' }));
  tag('P', () => {
    doc.font('Helvetica').fontSize(9).text(input.office.address, kop.x, doc.y, { width: kop.width, align: 'center' });
    const contact = [input.office.phone && `Telp. ${input.office.phone}`, input.office.whatsapp && `WhatsApp ${input.office.whatsapp}`].filter(Boolean).join(' · ');
    if (contact) doc.text(contact, kop.x, doc.y, { width: kop.width, align: 'center' });
  });
  if (emblem) doc.y = Math.max(doc.y, kopTop + 44);
  doc.x = MARGIN;
  // The rule under the kop is decoration, not content: an artifact a screen reader skips.
  doc.markContent('Artifact', { type: 'Layout' });
  doc.moveDown(0.4).moveTo(MARGIN, doc.y).lineTo(MARGIN + width, doc.y).lineWidth(1.5).stroke().moveDown(0.6);
  doc.endMarkedContent();

  tag('H1', () => doc.font('Helvetica-Bold').fontSize(12).text(t.title, { align: 'center' }).moveDown(0.6));

  // Ticket and PIN, large, side by side: what the applicant reads out over the phone.
  const boxTop = doc.y;
  const half = (width - 10) / 2;
  for (const [i, [label, value]] of [[t.ticket, input.ticket], [t.pin, input.pin]].entries()) {
    const x = MARGIN + i * (half + 10);
    tag('P', () => {
      doc.lineWidth(1).rect(x, boxTop, half, 46).stroke();
      doc.font('Helvetica').fontSize(8).text(label ?? '', x + 6, boxTop + 5, { width: half - 12 });
      doc.font('Helvetica-Bold').fontSize(i === 0 ? 15 : 18).text(value ?? '', x + 6, boxTop + 18, { width: half - 12, characterSpacing: i === 0 ? 0.5 : 3 });
    });
  }
  tag('P', () => doc.font('Helvetica').fontSize(7.5).text(t.pinNote, MARGIN, boxTop + 50, { width }));
  doc.moveDown(0.8);

  const rows: [string, string][] = [
    [t.service, input.service],
    [t.subject, input.subjectName],
    [t.applicant, input.applicant],
    [t.desa, input.desa],
    [t.channel, input.channel],
    [t.received, input.receivedAt],
    [t.due, input.dueAt],
    [t.handOver, input.handOver],
  ];
  const labelWidth = 110;
  for (const [label, value] of rows) {
    tag('P', () => {
      const y = doc.y;
      doc.font('Helvetica').fontSize(9).text(label, MARGIN, y, { width: labelWidth });
      doc.font('Helvetica-Bold').text(value, MARGIN + labelWidth, y, { width: width - labelWidth });
      doc.moveDown(0.25);
    });
  }

  tag('H2', () => doc.moveDown(0.4).font('Helvetica-Bold').fontSize(9).text(t.documents, MARGIN, doc.y, { width }));
  tag('L', () => {
    doc.font('Helvetica').fontSize(9);
    if (input.documents.length === 0) doc.text(t.noDocuments, { width });
    for (const document of input.documents) doc.text(`- ${document}`, MARGIN + 8, doc.y, { width: width - 8 });
  });

  doc.moveDown(0.8);
  const qrSize = 92;
  const qrTop = doc.y;
  tag('Figure', () => drawQr(doc, input.trackingUrl, MARGIN, qrTop, qrSize), { alt: `QR: ${input.trackingUrl}` });
  const textX = MARGIN + qrSize + 10;
  tag('P', () => {
    doc.font('Helvetica-Bold').fontSize(9).text(t.track, textX, qrTop + 6, { width: width - qrSize - 10 });
    doc.font('Helvetica').fontSize(8.5).text(input.trackingUrl, { width: width - qrSize - 10, link: input.trackingUrl, underline: true });
    doc.moveDown(0.3).text(t.trackNote, { width: width - qrSize - 10 });
  });
  doc.y = Math.max(doc.y, qrTop + qrSize) + 8;

  tag('P', () => doc.font('Helvetica-Bold').fontSize(9).text(t.free, MARGIN, doc.y, { width, align: 'center' }));
  tag('P', () => doc.moveDown(0.6).font('Helvetica').fontSize(8).text(`${t.officer}: ${input.officerName}`, MARGIN, doc.y, { width, align: 'right' }));

  root.end();
  doc.end();
  return done;
}
