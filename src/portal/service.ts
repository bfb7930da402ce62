/**
 * The citizen portal's operations: prove a WhatsApp number with a code, apply with documents,
 * follow a request by ticket and PIN, send the fix or cancel. No account: the proofs are a
 * confirmed number (applicant token) and the tracking PIN (tracking token), both short-lived.
 */
import { maskPhone, normalisePhone } from '../identity/phone.js';
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { deliveryForTracking } from '../delivery/service.js';
import { listAudit, recordAudit, type Origin } from '../audit/audit.js';
import { DUMMY_HASH, hashPassword, passwordMatches } from '../auth/passwords.js';
import { checkAttachments, describeCondition, eligibilityReasonOf, findService, requirementsFor, slaFor, type RequirementContext } from '../catalogue/catalogue.js';
import { fieldForm } from '../catalogue/field-values.js';
import { DOCUMENT_RETENTION, UNATTACHED_UPLOAD_DAYS } from '../catalogue/retention.js';
import { officeCatalogue } from '../office-catalogue/service.js';
import { DATA_FIELD_DEFINITIONS, DOCUMENT_TYPE_LABELS, DocumentTypeSchema, OUTPUT_DOCUMENT_LABELS, type DocumentType, type LocalizedText } from '../catalogue/vocabulary.js';
import type { Db } from '../db/database.js';
import type { BlobStore } from '../files/blobs.js';
import { presentFile, storeUpload } from '../files/service.js';
import { findFile } from '../files/storage.js';
import { officeDate } from '../calendar/calendar.js';
import { ageInYears } from '../identity/calendar-date.js';
import { parseNik } from '../identity/nik.js';
import type { Locale } from '../i18n/i18n.js';
import { findOffice } from '../offices/storage.js';
import { photoAdvice } from '../photos/upload.js';
import type { Clock } from '../platform/clock.js';
import { AppError, notFound } from '../platform/errors.js';
import type { RegionLookup } from '../regions/region-lookup.js';
import { actAsApplicant, CircumstancesInput, NewRequestInput, RequestDetailsInput, submitAsApplicant } from '../requests/service.js';
import { SpecialNeedsInput } from '../requests/special-needs-schema.js';
import { ELDERLY_AGE, homeVisitOnly, remoteApplicationAllowed } from '../requests/special-needs.js';
import { enqueueMessage, findRequest, type RequestRow } from '../requests/storage.js';
import { generateTrackingPin, parseTicket } from '../requests/ticket.js';
import { REJECT_REASON_LABELS, RETURN_REASON_LABELS, type RejectReason, type ReturnReason } from '../requests/transition.js';
import { availableActions, STATE_LABELS, type Flag, type RequestState } from '../requests/workflow.js';
import * as store from './storage.js';
import { codeMatches, hashCode, signPortalToken, type ApplicantClaims, type TrackingClaims } from './tokens.js';
import { safeLines, safeText } from '../platform/safe-text.js';

export type PortalDeps = { db: Db; clock: Clock; regions: RegionLookup; blobs: BlobStore; maxUploadBytes: number; secret: string };

export const CODE_TTL_MINUTES = 10;
export const CODE_MAX_ATTEMPTS = 5;
export const CODES_PER_HOUR = 3;
/** Wrong PINs one client may try on one ticket in the window before it is no longer checked there. */
export const CLIENT_FAILURE_LIMIT = 5;
export const CLIENT_FAILURE_WINDOW_MINUTES = 60;
/** Wrong PINs checked per ticket (all clients) in the window; past it only the pending PIN is checked. */
export const TICKET_FAILURE_LIMIT = 10;
export const TICKET_FAILURE_WINDOW_HOURS = 24;
/** How long a PIN sent by "Lupa PIN" waits to be used, and how many wrong tries it takes while throttled. */
export const PENDING_PIN_HOURS = 24;
export const PENDING_PIN_MAX_ATTEMPTS = 3;
/** New PINs per ticket a day: enough for someone who lost it, too few to pester them. */
export const NEW_PINS_PER_DAY = 3;
/**
 * Applications one confirmed code allows: a parent applying for two or three children in one
 * sitting, not a script filing dozens with one proof. More need a new code (3 codes a number an hour).
 */
export const APPLICATIONS_PER_CONFIRMATION = 3;

const HOUR = 60 * 60_000;

// Phone numbers are read by one pure module the web client shares.
export { maskPhone, normalisePhone };

/** 3302205005200001 → 3302 20** **** 0001: the region stays, the birth date and sex do not. */
export function maskNik(nik: string): string {
  return `${nik.slice(0, 4)} ${nik.slice(4, 6)}** **** ${nik.slice(-4)}`;
}

function timeIn(timezone: string, at: Date): string {
  return at.toLocaleTimeString('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hour12: false });
}

const dateIn = (timezone: string, at: Date): string => officeDate(timezone, at);

async function requireOffice(db: Db, officeCode: string) {
  const office = await findOffice(db, officeCode);
  if (!office) throw notFound();
  return office;
}

// ---------------------------------------------------------------------------------------------
// The catalogue as a citizen reads it

/**
 * Every service of the office with its labels and conditions in words, so the portal can show
 * what each needs, costs and takes, and build the form from the requirement rules.
 */
export async function publicCatalogue(deps: Pick<PortalDeps, 'db'>, officeCode: string) {
  const office = await requireOffice(deps.db, officeCode);
  // The office's own catalogue: what it switched off is not offered, its own lists apply.
  const services = (await officeCatalogue(deps.db, office)).map((s) => ({
    code: s.code,
    category: s.category,
    name: s.name,
    description: s.description ?? null,
    eligibility: s.eligibility ?? null,
    feeRupiah: s.feeRupiah,
    online: s.channels.includes('web'),
    /** Needs the person present: from the portal only with an officer's home visit (disabled or elderly people). */
    homeVisitOnly: homeVisitOnly(s.channels, 'web'),
    /** Working days from receipt when applied for online (0: the same working day). */
    workingDays: slaFor(s, 'web'),
    requirements: s.requirements.map((r) => ({
      need: r.need,
      document: r.document,
      label: DOCUMENT_TYPE_LABELS[r.document],
      details: r.details ?? null,
      when: 'when' in r && r.when ? r.when : null,
      whenText: 'when' in r && r.when ? describeCondition(r.when) : null,
      alternatives: (r.alternatives ?? []).map((a) => ({ document: a, label: DOCUMENT_TYPE_LABELS[a], ...dataUse(a) })),
      ...dataUse(r.document),
    })),
    fields: s.fields.map((f) => ({
      field: f.field,
      need: f.need,
      when: 'when' in f && f.when ? f.when : null,
      label: f.label ?? DATA_FIELD_DEFINITIONS[f.field].label,
      ...fieldForm(f.field),
    })),
    outputs: s.outputs.map((o) => ({ document: o.document, label: OUTPUT_DOCUMENT_LABELS[o.document], whenText: o.when ? describeCondition(o.when) : null })),
  }));
  return { officeCode: office.code, services, unattachedUploadDays: UNATTACHED_UPLOAD_DAYS };
}

/** UU PDP: what the office uses a document for, and how long it keeps the scan after the request closes. */
function dataUse(document: DocumentType) {
  const { purpose, daysAfterClosing } = DOCUMENT_RETENTION[document];
  return { purpose, keptDaysAfterClosing: daysAfterClosing };
}

// ---------------------------------------------------------------------------------------------
// Phone verification

/** Sends a 6-digit code to the number's WhatsApp: the row and the outbox message commit together. */
export async function requestPhoneCode(deps: PortalDeps, officeCode: string, phoneInput: string, origin: Origin) {
  const office = await requireOffice(deps.db, officeCode);
  const phone = normalisePhone(phoneInput);
  if (!phone) throw new AppError('phone_invalid', 422, 'citizen.errors.phone_invalid');
  const now = deps.clock.now();
  const id = crypto.randomUUID();
  const code = String(crypto.randomInt(1_000_000)).padStart(6, '0');
  const expiresAt = new Date(now.getTime() + CODE_TTL_MINUTES * 60_000);
  await deps.db.transaction(async (tx) => {
    // One number at a time, so two quick clicks cannot both pass the hourly limit.
    await tx.execute(sqlLock(`${office.code}:${phone}`));
    const recent = await store.verificationsSince(tx, office.code, phone, new Date(now.getTime() - HOUR));
    if (recent.length >= CODES_PER_HOUR) {
      const retryAt = new Date(recent[0]!.getTime() + HOUR);
      throw new AppError('code_limit', 429, 'citizen.errors.code_limit', { until: timeIn(office.timezone, retryAt) }, { retryAt: retryAt.toISOString() });
    }
    await store.insertVerification(tx, { id, officeCode: office.code, phone, codeHash: hashCode(deps.secret, id, code), createdAt: now, expiresAt });
    await enqueueMessage(tx, { officeCode: office.code, recipient: phone, kind: 'verification.code', payload: { code, secrets: [code] }, sender: 'system', createdAt: now, nextAttemptAt: now });
    await recordAudit(tx, now, { officeCode: office.code, actor: { type: 'pemohon' }, action: 'phone_verification.requested', entityType: 'phone_verification', entityId: id }, origin);
  });
  return { verificationId: id, expiresAt, maskedPhone: maskPhone(phone) };
}

function sqlLock(key: string) {
  return sql`select pg_advisory_xact_lock(hashtext(${key}))`;
}

/** Checks a code; the right one yields the applicant token, five wrong ones use the code up. */
export async function confirmPhoneCode(deps: PortalDeps, verificationId: string, code: string, origin: Origin) {
  const now = deps.clock.now();
  const row = await store.takeVerificationAttempt(deps.db, verificationId, now, CODE_MAX_ATTEMPTS);
  if (!row) {
    const existing = await store.findVerification(deps.db, verificationId);
    if (existing && !existing.consumedAt && existing.expiresAt > now && existing.attempts >= CODE_MAX_ATTEMPTS) throw new AppError('code_used_up', 410, 'citizen.errors.code_used_up');
    throw new AppError('code_expired', 410, 'citizen.errors.code_expired');
  }
  const audit = (action: string) =>
    recordAudit(deps.db, now, { officeCode: row.officeCode, actor: { type: 'pemohon' }, action, entityType: 'phone_verification', entityId: row.id, details: { attempts: row.attempts } }, origin);
  if (!codeMatches(deps.secret, row.id, code, row.codeHash)) {
    await audit('phone_verification.failed');
    const left = CODE_MAX_ATTEMPTS - row.attempts;
    if (left <= 0) throw new AppError('code_used_up', 410, 'citizen.errors.code_used_up');
    throw new AppError('code_wrong', 422, 'citizen.errors.code_wrong', { left }, { attemptsLeft: left });
  }
  await deps.db.transaction(async (tx) => {
    await store.markVerified(tx, row.id, now);
    await recordAudit(tx, now, { officeCode: row.officeCode, actor: { type: 'pemohon' }, action: 'phone_verification.confirmed', entityType: 'phone_verification', entityId: row.id }, origin);
  });
  const claims: ApplicantClaims = { kind: 'applicant', officeCode: row.officeCode, phone: row.phone, verificationId: row.id };
  const { token, expiresAt } = signPortalToken(deps.secret, claims, now);
  return { token, expiresAt, maskedPhone: maskPhone(row.phone) };
}

// ---------------------------------------------------------------------------------------------
// Documents

/**
 * One document from the applicant: with the applicant token while applying, with the tracking
 * token to fix a returned request. The uploader id ties the file to that proof, so nobody can
 * attach another person's upload by its id.
 */
export async function uploadAsApplicant(deps: PortalDeps, claims: ApplicantClaims | TrackingClaims, input: { bytes: Buffer; documentType?: DocumentType | undefined; photoOcrTimeoutMs?: number | undefined }, origin: Origin, lang: Locale = 'id') {
  let uploaderId: string;
  if (claims.kind === 'tracking') {
    const request = await findRequest(deps.db, claims.requestId);
    if (!request) throw notFound();
    if (request.state !== 'returned') throw new AppError('transition_action_not_allowed_in_state', 409, 'errors.transition.action_not_allowed_in_state');
    uploaderId = request.id;
  } else {
    uploaderId = claims.verificationId;
  }
  const row = await storeUpload(
    deps,
    { officeCode: claims.officeCode, bytes: input.bytes, documentType: input.documentType, uploader: { type: 'pemohon', id: uploaderId }, photoOcrTimeoutMs: input.photoOcrTimeoutMs },
    origin,
  );
  // What is wrong with the photo and how to retake it, shown beside the upload; the file is kept either way.
  return { file: presentFile(row), photo: photoAdvice(row.photoFindings, input.documentType, lang) };
}

type Attachment = { fileId: string; documentType: DocumentType };

/** Every attachment must be an upload made under this proof (the number's confirmed codes, or this request). */
async function checkOwnAttachments(deps: PortalDeps, attachments: readonly Attachment[], owns: (uploaderIds: string[]) => Promise<Set<string>>) {
  const files = await Promise.all(attachments.map((a) => findFile(deps.db, a.fileId)));
  const uploaderIds = files.flatMap((f) => (f?.uploadedByType === 'pemohon' && f.uploadedById ? [f.uploadedById] : []));
  const owned = await owns([...new Set(uploaderIds)]);
  if (files.some((f) => !f || f.uploadedByType !== 'pemohon' || !f.uploadedById || !owned.has(f.uploadedById))) {
    throw new AppError('attachment_not_yours', 422, 'citizen.errors.attachment_not_yours');
  }
}

// ---------------------------------------------------------------------------------------------
// Applying

const Attachments = z.array(z.object({ fileId: z.uuid(), documentType: DocumentTypeSchema })).max(20);

export const ApplyInput = z.object({
  serviceCode: safeText().min(1).max(60),
  desaCode: z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/),
  applicant: z.object({ name: safeText().trim().min(1).max(120), relation: safeText().trim().min(1).max(40) }),
  /** Birth date and sex only for a child with no NIK yet (the combined path); otherwise the NIK says them. */
  subject: z.object({
    nik: safeText().trim().max(30).optional(),
    name: safeText().trim().min(1).max(120),
    birthDate: z.iso.date().optional(),
    sex: z.enum(['L', 'P']).optional(),
  }),
  /** Facts the requirement list depends on that the NIK cannot tell. */
  circumstances: CircumstancesInput.default({}),
  /** The service's other data fields (KK number, parents' names …) by catalogue field code. */
  details: RequestDetailsInput.default({}),
  handOverChoice: z.enum(['pickup', 'home_delivery']).default('pickup'),
  /** Where a home delivery goes; the courier calls the confirmed number unless another is given. */
  delivery: NewRequestInput.shape.delivery,
  /** Layanan khusus, with consent: the same record as the chatbot and the counter (`special-needs.ts`). */
  specialNeeds: SpecialNeedsInput.optional(),
  attachments: Attachments.default([]),
});
export type ApplyInput = z.infer<typeof ApplyInput>;

export async function applyOnline(deps: PortalDeps, claims: ApplicantClaims, input: ApplyInput, origin: Origin, locale: Locale) {
  const office = await requireOffice(deps.db, claims.officeCode);
  const service = findService(await officeCatalogue(deps.db, office), input.serviceCode);
  if (!service) throw new AppError('validation', 422, 'errors.validation', {}, { errors: [{ field: 'body.serviceCode', message: 'unknown service' }] });
  // A service that needs the person present comes from the portal only with the special service's home visit.
  // (whether one is arranged is intake's rule, `remoteApplicationAllowed`, which knows the age too).
  if (!service.channels.includes('web') && !homeVisitOnly(service.channels, 'web')) throw new AppError('service_not_online', 422, 'citizen.errors.service_not_online');

  const now = deps.clock.now();
  const today = dateIn(office.timezone, now);
  const context: RequirementContext = { ...input.circumstances };
  let derived: { birthDate: string; sex: 'L' | 'P' } | undefined;
  // Only the combined path (a child not registered yet) goes without a NIK; an undecided answer asks for it.
  const nikNeeded = requirementsFor(service, { ...context, hasNik: false }).fields.some((f) => f.field === 'subject_nik' && f.need !== 'optional');
  context.hasNik = Boolean(input.subject.nik);
  if (input.subject.nik) {
    const parsed = parseNik(input.subject.nik, { regions: deps.regions, today });
    if (!parsed.ok) throw new AppError('nik_invalid', 422, 'errors.nik_invalid', {}, { nikErrors: parsed.errors });
    derived = { birthDate: parsed.birthDate, sex: parsed.sex };
    context.subjectAgeYears = ageInYears(parsed.birthDate, today);
  } else if (nikNeeded) {
    throw new AppError('nik_required', 422, 'citizen.errors.nik_required');
  } else if (input.subject.birthDate && input.subject.birthDate <= today) {
    context.subjectAgeYears = ageInYears(input.subject.birthDate, today);
  }

  // Said first, before the service's own rules: from a phone it is the visit that makes it possible at all.
  const needs = input.specialNeeds;
  const elderlyByAge = context.subjectAgeYears !== undefined && context.subjectAgeYears >= ELDERLY_AGE;
  if (!remoteApplicationAllowed(service.channels, 'web', needs && { ...needs, elderly: needs.elderly || elderlyByAge })) {
    throw new AppError('service_not_online', 422, 'citizen.errors.service_not_online');
  }

  const checklist = requirementsFor(service, context);
  if (checklist.eligibility === 'ineligible') throw new AppError('not_eligible', 422, 'citizen.errors.not_eligible', { reason: eligibilityReasonOf(service) });
  await checkOwnAttachments(deps, input.attachments, (ids) => store.confirmedVerificationIds(deps.db, office.code, claims.phone, ids));
  const check = checkAttachments(checklist, input.attachments.map((a) => a.documentType));
  const missing = [...check.missing, ...check.undetermined];
  if (missing.length > 0) {
    throw new AppError('documents_missing', 422, 'citizen.errors.documents_missing', { documents: missing.map((m) => m.label[locale]).join(', ') }, { documents: missing.map((m) => m.document) });
  }

  // The slot and the request commit together: a refused application (a duplicate) uses none.
  const { request, pin } = await deps.db.transaction(async (tx) => {
    if (!(await store.takeApplicationSlot(tx, claims.verificationId, APPLICATIONS_PER_CONFIRMATION))) {
      throw new AppError('applications_limit', 429, 'citizen.errors.applications_limit', { limit: APPLICATIONS_PER_CONFIRMATION });
    }
    // Everything through tx: PGlite has one connection.
    return submitAsApplicant(
      { ...deps, db: tx },
      office.code,
      {
        serviceCode: service.code,
        channel: 'web',
        desaCode: input.desaCode,
        // The number is the one the code went to, whatever the form says.
        applicant: { name: input.applicant.name, relation: input.applicant.relation, phone: claims.phone },
        subject: {
          name: input.subject.name,
          ...(input.subject.nik ? { nik: input.subject.nik } : { ...(input.subject.birthDate && { birthDate: input.subject.birthDate }), ...(input.subject.sex && { sex: input.subject.sex }) }),
          ...(derived && derived),
        },
        details: input.details,
        circumstances: input.circumstances,
        handOverChoice: input.handOverChoice,
        ...(input.delivery && { delivery: input.delivery }),
        ...(input.specialNeeds && { specialNeeds: input.specialNeeds }),
        attachments: input.attachments,
      },
      origin,
      tx,
    );
  });
  return { ticket: request.ticket, pin, submittedAt: request.submittedAt, dueAt: request.dueAt, officeCode: office.code };
}

// ---------------------------------------------------------------------------------------------
// Tracking

const refused = () => new AppError('tracking_failed', 401, 'citizen.errors.tracking_failed');

/** The key a client's wrong PINs are counted under: its address, hashed with the secret (kept a day, never shown). */
function clientKey(secret: string, ip: string | undefined): string {
  return crypto.createHmac('sha256', secret).update(`tracking-client:${ip ?? 'unknown'}`).digest('base64url').slice(0, 22);
}

/**
 * Ticket + PIN → the request's view and a tracking token. Either PIN works: the one on the
 * receipt, or a pending one from "Lupa PIN" (its first use makes it the PIN). Wrong PINs are
 * throttled per client and per ticket (docs/security.md "Tracking PIN"): a throttled client or
 * ticket is not checked against the receipt's PIN, but the pending PIN sent to the owner's
 * WhatsApp still is, with a few tries of its own — so a stranger's wrong PINs never keep the owner
 * out. Unknown tickets, wrong PINs and throttling all get the same 401, after the same two
 * argon2 checks, so nothing here says which tickets exist.
 */
export async function trackRequest(deps: PortalDeps, input: { ticket: string; pin: string }, origin: Origin) {
  const now = deps.clock.now();
  const parsed = parseTicket(input.ticket);
  const ticketKey = parsed?.ticket ?? input.ticket.trim().toUpperCase().slice(0, 40);
  const client = clientKey(deps.secret, origin.ip);
  const request = parsed ? await store.findRequestByTicket(deps.db, parsed.ticket) : undefined;
  const failures = await store.countTrackingFailures(deps.db, ticketKey, client, {
    ticket: new Date(now.getTime() - TICKET_FAILURE_WINDOW_HOURS * HOUR),
    client: new Date(now.getTime() - CLIENT_FAILURE_WINDOW_MINUTES * 60_000),
  });
  const throttled = failures.client >= CLIENT_FAILURE_LIMIT || failures.ticket >= TICKET_FAILURE_LIMIT;
  const pendingHash = request?.pendingPinHash && request.pendingPinExpiresAt && request.pendingPinExpiresAt > now ? request.pendingPinHash : undefined;
  // Both checks always run, whatever the ticket and the throttle: the answer's timing says nothing either.
  const dummy = await DUMMY_HASH;
  const currentMatches = await passwordMatches(request?.pinHash ?? dummy, input.pin);
  const pendingMatches = await passwordMatches(pendingHash ?? dummy, input.pin);

  if (request && ((currentMatches && !throttled) || (pendingHash && pendingMatches))) {
    const promoted = pendingHash && pendingMatches && !(currentMatches && !throttled);
    await deps.db.transaction(async (tx) => {
      if (promoted && (await store.promotePendingPin(tx, request.id, pendingHash))) {
        await recordAudit(tx, now, { officeCode: request.officeCode, actor: { type: 'pemohon' }, action: 'request.pin_changed', entityType: 'request', entityId: request.id, details: { via: 'whatsapp' } }, origin);
      }
      await recordAudit(tx, now, { officeCode: request.officeCode, actor: { type: 'pemohon' }, action: 'request.tracked', entityType: 'request', entityId: request.id }, origin);
    });
    const current = (await findRequest(deps.db, request.id))!;
    return { request: await trackingView(deps, current), ...trackingToken(deps, current, now) };
  }

  await deps.db.transaction(async (tx) => {
    // Only checked tries count, so a client going on past its own limit cannot use up the ticket's.
    if (!throttled) await store.recordTrackingFailure(tx, { ticket: ticketKey, client, at: now }, new Date(now.getTime() - TICKET_FAILURE_WINDOW_HOURS * HOUR));
    else if (request && pendingHash && !currentMatches) await store.countPendingPinAttempt(tx, request.id, PENDING_PIN_MAX_ATTEMPTS);
    if (request) {
      await recordAudit(tx, now, { officeCode: request.officeCode, actor: { type: 'pemohon' }, action: 'request.tracking_failed', entityType: 'request', entityId: request.id, details: { throttled } }, origin);
    }
  });
  throw refused();
}

/**
 * "I lost my PIN": a new one goes to the WhatsApp number on the request, never to the caller, as
 * a pending PIN — the one on the receipt keeps working until the new one is used, so whoever
 * presses the button replaces nothing. A few per ticket a day; the same answer (and the same
 * hashing work) whether the ticket exists, and whether the day's limit is reached.
 */
export async function sendNewPin(deps: PortalDeps, input: { ticket: string }, origin: Origin): Promise<void> {
  const now = deps.clock.now();
  const pin = generateTrackingPin((max) => crypto.randomInt(max));
  const pendingHash = await hashPassword(pin);
  const parsed = parseTicket(input.ticket);
  const request = parsed ? await store.findRequestByTicket(deps.db, parsed.ticket) : undefined;
  // An anonymised request has no number to send to (UU PDP retention): the same silent answer.
  if (!request || request.anonymisedAt) return;
  const expiresAt = new Date(now.getTime() + PENDING_PIN_HOURS * HOUR);
  await deps.db.transaction(async (tx) => {
    // One request at a time, so quick repeated clicks cannot both pass the daily limit.
    await tx.execute(sqlLock(`new-pin:${request.id}`));
    if ((await store.outboxCountSince(tx, request.id, 'request.pin_sent', new Date(now.getTime() - 24 * HOUR))) >= NEW_PINS_PER_DAY) return;
    await store.setPendingPin(tx, request.id, pendingHash, expiresAt);
    await recordAudit(tx, now, { officeCode: request.officeCode, actor: { type: 'pemohon' }, action: 'request.pin_sent', entityType: 'request', entityId: request.id, details: { expiresAt: expiresAt.toISOString() } }, origin);
    await enqueueMessage(tx, {
      officeCode: request.officeCode,
      requestId: request.id,
      recipient: request.applicantPhone,
      kind: 'request.pin_sent',
      payload: { kind: 'pin_sent', ticket: request.ticket, pin, secrets: [pin] },
      createdAt: now,
      nextAttemptAt: now,
    });
  });
}

function trackingToken(deps: PortalDeps, request: RequestRow, now: Date) {
  const claims: TrackingClaims = { kind: 'tracking', officeCode: request.officeCode, requestId: request.id };
  return signPortalToken(deps.secret, claims, now);
}

/** The view again, with the tracking token (after a language switch, a resubmission, a cancellation). */
export async function trackedRequest(deps: PortalDeps, claims: TrackingClaims) {
  const request = await findRequest(deps.db, claims.requestId);
  if (!request) throw notFound();
  return trackingView(deps, request);
}

const SOP_ACTIONS = new Set(['submit', 'verify_accept', 'verify_return', 'resubmit', 'reject', 'record_siak_outcome', 'mark_ready', 'hand_over', 'cancel']);

/** What the applicant may see: their request in plain words, with the NIK and number masked and no staff names. */
export async function trackingView(deps: PortalDeps, request: RequestRow) {
  const office = await requireOffice(deps.db, request.officeCode);
  const service = findService(await officeCatalogue(deps.db, office, { includeDisabled: true }), request.serviceCode);
  const entries = await listAudit(deps.db, { officeCodes: [request.officeCode], entityType: 'request', entityId: request.id, limit: 500 });
  const history = entries
    .reverse()
    .map((e) => ({ action: e.action.replace(/^request\./, ''), at: e.at.toISOString(), details: e.details as Record<string, unknown> }))
    .filter((e) => SOP_ACTIONS.has(e.action));
  const rejectCode = [...history].reverse().find((e) => e.action === 'reject')?.details.reasonCode as RejectReason['code'] | undefined;
  const state = request.state as RequestState;
  const reasons = (request.returnReasons ?? []) as ReturnReason[];
  const label = (d: string | undefined): LocalizedText | null => (d && d in DOCUMENT_TYPE_LABELS ? DOCUMENT_TYPE_LABELS[d as DocumentType] : null);
  const handOver = request.handOverRecord as { method?: string; receivedAt?: string } | null;
  return {
    ticket: request.ticket,
    officeCode: request.officeCode,
    officeName: office.name,
    service: { code: request.serviceCode, name: service?.name ?? { id: request.serviceCode, en: request.serviceCode } },
    channel: request.channel,
    state,
    stateLabel: STATE_LABELS[state],
    submittedAt: request.submittedAt.toISOString(),
    stateEnteredAt: request.stateEnteredAt.toISOString(),
    dueAt: request.dueAt.toISOString(),
    /** The office's clock stops while the file is back with the applicant. */
    clockPaused: state === 'returned',
    history: history.map(({ action, at }) => ({ action, at })),
    returnReasons: reasons.map((r) => ({
      code: r.code,
      label: RETURN_REASON_LABELS[r.code],
      document: r.document ?? null,
      documentLabel: label(r.document),
      note: r.note ?? null,
    })),
    rejectReason: rejectCode ? { code: rejectCode, label: REJECT_REASON_LABELS[rejectCode] } : null,
    subject: { name: request.subject.name, nikMasked: request.subjectNik ? maskNik(request.subjectNik) : null },
    applicant: { name: request.applicant.name, phoneMasked: maskPhone(request.applicantPhone) },
    handOverChoice: request.handOverChoice,
    disabilityAssistance: (request.flags as Flag[]).includes('disability_assistance'),
    handedOver: handOver ? { method: handOver.method ?? null, receivedAt: handOver.receivedAt ? new Date(handOver.receivedAt).toISOString() : null } : null,
    attachments: request.attachments.map((a) => ({ documentType: a.documentType, label: label(a.documentType) })),
    /** Jujuk Dolanan: the delivery's state, next trip and failed trips (src/delivery/), or null. */
    delivery: await deliveryForTracking(deps.db, request),
    actions: availableActions(state, { kind: 'pemohon' }, request.flags as Flag[]).filter((a): a is 'resubmit' | 'cancel' => a === 'resubmit' || a === 'cancel'),
  };
}

export const ResubmitInput = z.object({ attachments: Attachments.default([]) });

/** Sends the fixed file back to the office; the new documents replace those of the same type. */
export async function resubmitOnline(deps: PortalDeps, claims: TrackingClaims, input: z.infer<typeof ResubmitInput>, origin: Origin) {
  await checkOwnAttachments(deps, input.attachments, async (ids) => new Set(ids.filter((id) => id === claims.requestId)));
  const request = await actAsApplicant(deps, claims.requestId, { action: 'resubmit', attachments: input.attachments }, origin);
  return trackingView(deps, request);
}

export async function cancelOnline(deps: PortalDeps, claims: TrackingClaims, origin: Origin) {
  const request = await actAsApplicant(deps, claims.requestId, { action: 'cancel' }, origin);
  return trackingView(deps, request);
}

// ---------------------------------------------------------------------------------------------
// NIK check while typing

/** What the NIK says (birth date, sex, age today) or why it cannot be one, in the caller's words. */
export function checkNik(deps: Pick<PortalDeps, 'regions' | 'clock'>, nik: string, timezone = 'Asia/Jakarta') {
  const today = dateIn(timezone, deps.clock.now());
  const parsed = parseNik(nik, { regions: deps.regions, today });
  if (!parsed.ok) return { ok: false as const, errors: [...parsed.errors] };
  return { ok: true as const, nik: parsed.nik, birthDate: parsed.birthDate, sex: parsed.sex, districtCode: parsed.districtCode, ageYears: ageInYears(parsed.birthDate, today) };
}
