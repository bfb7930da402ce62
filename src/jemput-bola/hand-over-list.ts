/**
 * The list a Jemput Bola batch is handed over with at the school: the kop surat as on the receipts,
 * per child the name, the masked NIK and the class, and signature lines for the school's receiving
 * officer and the kasi.
 *
 * Pure apart from pdfkit's in-memory stream: data and already-translated words in, PDF bytes out.
 */
import PDFDocument from 'pdfkit';
import { governmentLine } from '../receipts/receipt.js';

export type HandOverListTexts = {
  title: string;
  school: string;
  sessionDate: string;
  number: string;
  name: string;
  nik: string;
  schoolClass: string;
  ticket: string;
  count: string;
  place: string;
  receivedBy: string;
  handedOverBy: string;
  signatureName: string;
};

export type HandOverListInput = {
  office: { name: string; regencyName: string; address: string; phone?: string | undefined; emblemPng?: Buffer | undefined };
  school: string;
  /** Already in words: "26 November 2026". */
  sessionDate: string;
  /** The place and date of signing: "Kembaran, 30 November 2026". */
  placeAndDate: string;
  children: { name: string; maskedNik: string; schoolClass: string; ticket: string }[];
  kasiName: string;
  printedAt: Date;
  texts: HandOverListTexts;
};

const MARGIN = 42;

export function renderHandOverList(input: HandOverListInput): Promise<Buffer> {
  const { texts: t } = input;
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'id-ID',
    displayTitle: true,
    info: { Title: `${t.title} ${input.school}`, Author: input.office.name, Creator: 'Kencot', CreationDate: input.printedAt },
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
  // The kop surat, as the receipts draw it: emblem, the regency's government, the office, its address.
  const kopTop = doc.y;
  const emblem = input.office.emblemPng;
  if (emblem) tag('Figure', () => doc.image(emblem, MARGIN, kopTop, { fit: [56, 56] }), { alt: `Lambang ${input.office.regencyName}` });
  const kop = emblem ? { x: MARGIN + 64, width: width - 128 } : { x: MARGIN, width };
  doc.y = kopTop;
  tag('P', () => doc.font('Helvetica-Bold').fontSize(12).text(governmentLine(input.office.regencyName), kop.x, doc.y, { width: kop.width, align: 'center' }));
  tag('P', () => doc.font('Helvetica-Bold').fontSize(15).text(input.office.name.toUpperCase(), kop.x, doc.y, { width: kop.width, align: 'center' }));
  tag('P', () => {
    doc.font('Helvetica').fontSize(9.5).text(input.office.address, kop.x, doc.y, { width: kop.width, align: 'center' });
    if (input.office.phone) doc.text(`Telp. ${input.office.phone}`, kop.x, doc.y, { width: kop.width, align: 'center' });
  });
  if (emblem) doc.y = Math.max(doc.y, kopTop + 56);
  doc.x = MARGIN;
  doc.markContent('Artifact', { type: 'Layout' });
  doc.moveDown(0.4).moveTo(MARGIN, doc.y).lineTo(MARGIN + width, doc.y).lineWidth(2).stroke().moveDown(0.8);
  doc.endMarkedContent();

  tag('H1', () => doc.font('Helvetica-Bold').fontSize(13).text(t.title, MARGIN, doc.y, { width, align: 'center' }).moveDown(0.6));
  for (const [label, value] of [[t.school, input.school], [t.sessionDate, input.sessionDate], [t.count, String(input.children.length)]] as const) {
    tag('P', () => {
      const y = doc.y;
      doc.font('Helvetica').fontSize(10).text(label, MARGIN, y, { width: 130 });
      doc.font('Helvetica-Bold').text(value, MARGIN + 130, y, { width: width - 130 });
      doc.moveDown(0.2);
    });
  }
  doc.moveDown(0.6);

  // The table: No, name, masked NIK, class, ticket.
  const columns = [
    { label: t.number, width: 30 },
    { label: t.name, width: 190 },
    { label: t.nik, width: 120 },
    { label: t.schoolClass, width: 60 },
    { label: t.ticket, width: width - 400 },
  ];
  const row = (cells: string[], bold: boolean) => {
    if (doc.y > doc.page.height - MARGIN - 40) doc.addPage();
    const y = doc.y;
    let x = MARGIN;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9.5);
    let bottom = y;
    cells.forEach((cell, i) => {
      doc.text(cell, x + 3, y + 3, { width: columns[i]!.width - 6 });
      bottom = Math.max(bottom, doc.y);
      x += columns[i]!.width;
    });
    doc.rect(MARGIN, y, width, bottom - y + 3).lineWidth(0.5).stroke();
    doc.x = MARGIN;
    doc.y = bottom + 3;
  };
  tag('Table', () => {
    row(columns.map((c) => c.label), true);
    input.children.forEach((c, i) => row([String(i + 1), c.name, c.maskedNik, c.schoolClass, c.ticket], false));
  });

  // The signatures: the school's receiving officer on the left, the kasi on the right.
  if (doc.y > doc.page.height - MARGIN - 150) doc.addPage();
  doc.moveDown(1.5);
  const top = doc.y;
  const half = width / 2;
  tag('P', () => doc.font('Helvetica').fontSize(10).text(input.placeAndDate, MARGIN + half, top, { width: half, align: 'center' }));
  const signTop = doc.y + 4;
  for (const [i, [role, name]] of [[t.receivedBy, ''], [t.handedOverBy, input.kasiName]].entries()) {
    const x = MARGIN + i * half;
    tag('P', () => {
      doc.font('Helvetica').fontSize(10).text(role ?? '', x, signTop, { width: half, align: 'center' });
      doc.text(name ? `( ${name} )` : `( ${'.'.repeat(40)} )`, x, signTop + 70, { width: half, align: 'center' });
      doc.fontSize(8).text(t.signatureName, x, doc.y, { width: half, align: 'center' });
    });
  }
  root.end();
  doc.end();
  return done;
}
