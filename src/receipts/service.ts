/**
 * Printing the receipt right after a request is taken in. The PIN is known only then (it is stored
 * hashed), so the counter sends it back with the print order; it is checked against the hash and
 * printed, never kept. A lost receipt is replaced by issuing a new PIN (the old one stops working)
 * and printing again.
 */
import { recordAudit, auditActorOf, type Origin } from '../audit/audit.js';
import { passwordMatches } from '../auth/passwords.js';
import { authorize, type StaffActor } from '../auth/policy.js';
import { findUserById } from '../auth/storage.js';
import { findService } from '../catalogue/catalogue.js';
import { CHANNEL_LABELS, DOCUMENT_TYPE_LABELS, type Channel, type DocumentType } from '../catalogue/vocabulary.js';
import { t, type Locale } from '../i18n/i18n.js';
import { officeCatalogue } from '../office-catalogue/service.js';
import { officeEmblem } from '../offices/emblem.js';
import { findOffice, listDesa } from '../offices/storage.js';
import { AppError, notFound } from '../platform/errors.js';
import { getRequest, replaceTrackingPin, type RequestDeps } from '../requests/service.js';
import { isWellFormedPin } from '../requests/ticket.js';
import { renderReceipt, type ReceiptTexts } from './receipt.js';

const ZONES: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

/** "Senin, 23 November 2026 pukul 10.00 WIB", in the office's time zone. */
export function officeDateTime(instant: Date, timeZone: string, locale: Locale): string {
  const text = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(instant);
  return `${text} ${ZONES[timeZone] ?? timeZone}`;
}

const RECEIPT_KEYS: (keyof ReceiptTexts)[] = [
  'title', 'ticket', 'pin', 'pinNote', 'service', 'subject', 'applicant', 'desa', 'channel', 'received', 'due', 'handOver', 'documents', 'noDocuments', 'track', 'trackNote', 'free', 'officer',
];

/** The tracking page of the portal for a ticket; the QR code on the receipt points here. */
export function trackingUrl(publicBase: string, ticket: string): string {
  return `${publicBase.replace(/\/+$/, '')}/lacak?tiket=${encodeURIComponent(ticket)}`;
}

export async function printReceipt(
  deps: RequestDeps,
  actor: StaffActor,
  requestId: string,
  input: { pin: string; locale: Locale },
  publicBase: string,
  origin: Origin,
) {
  const request = await getRequest(deps, actor, requestId);
  // Counter work: the roles that take requests in.
  authorize(actor, 'request.create', { officeCode: request.officeCode });
  if (!isWellFormedPin(input.pin) || !(await passwordMatches(request.pinHash, input.pin))) {
    throw new AppError('receipt_pin_mismatch', 422, 'console.errors.receipt_pin_mismatch');
  }
  const office = await findOffice(deps.db, request.officeCode);
  if (!office) throw notFound();
  const { locale } = input;
  const service = findService(await officeCatalogue(deps.db, office, { includeDisabled: true }), request.serviceCode);
  const desa = (await listDesa(deps.db, office.code)).find((d) => d.code === request.desaCode);
  const officer = await findUserById(deps.db, actor.userId);
  const now = deps.clock.now();
  const texts = Object.fromEntries(RECEIPT_KEYS.map((key) => [key, t(locale, `console.receipt.${key}`)])) as ReceiptTexts;
  const pdf = await renderReceipt({
    office: {
      name: office.name,
      regencyName: office.regencyName,
      address: office.contact.address,
      phone: office.contact.phone,
      whatsapp: office.contact.whatsapp,
      emblemPng: await officeEmblem(deps.db, office.code),
    },
    ticket: request.ticket,
    pin: input.pin,
    service: service?.name[locale] ?? request.serviceCode,
    subjectName: request.subject.name,
    applicant: `${request.applicant.name} (${request.applicant.relation})`,
    desa: desa?.name ?? request.desaCode ?? '-',
    channel: CHANNEL_LABELS[request.channel as Channel]?.[locale] ?? request.channel,
    receivedAt: officeDateTime(request.submittedAt, office.timezone, locale),
    dueAt: officeDateTime(request.dueAt, office.timezone, locale),
    handOver: t(locale, `console.receipt.handOverChoices.${request.handOverChoice}`),
    documents: request.attachments.map((a) => DOCUMENT_TYPE_LABELS[a.documentType as DocumentType]?.[locale] ?? a.documentType),
    trackingUrl: trackingUrl(publicBase, request.ticket),
    officerName: officer?.name ?? '',
    printedAt: now,
    texts,
  });
  // Printing puts the applicant's data on paper: audited like a download.
  await recordAudit(deps.db, now, {
    officeCode: request.officeCode,
    actor: auditActorOf(actor),
    action: 'request.receipt_printed',
    entityType: 'request',
    entityId: request.id,
    details: { locale },
  }, origin);
  return { pdf, ticket: request.ticket };
}

/** The applicant lost the receipt: a new PIN for a new receipt; their WhatsApp hears of it. */
export async function reissueTrackingPin(deps: RequestDeps, actor: StaffActor, requestId: string, origin: Origin) {
  const request = await getRequest(deps, actor, requestId);
  authorize(actor, 'request.create', { officeCode: request.officeCode });
  const pin = await replaceTrackingPin(deps, request, { actor: auditActorOf(actor), origin, deliver: 'notice' });
  return { ticket: request.ticket, pin };
}
