/**
 * Storing and serving citizens' documents. Every upload passes `inspectUpload` (content
 * sniffing, size limit, re-encoding without EXIF, PDF active-content check) before a byte is
 * kept; every view is audited, because these are children's and families' identity papers.
 */
import crypto from 'node:crypto';
import type { Db } from '../db/database.js';
import { auditActorOf, recordAudit, type AuditActor, type Origin } from '../audit/audit.js';
import { authorize, type StaffActor } from '../auth/policy.js';
import { purgeDateFor } from '../catalogue/retention.js';
import { findOffice } from '../offices/storage.js';
import { checkUploadedPhoto } from '../photos/upload.js';
import type { Clock } from '../platform/clock.js';
import { AppError, notFound } from '../platform/errors.js';
import type { BlobStore } from './blobs.js';
import { inspectUpload, MAX_INPUT_PIXELS, MAX_PDF_INFLATED_BYTES } from './inspect.js';
import * as store from './storage.js';

export type FileDeps = { db: Db; clock: Clock; blobs: BlobStore; maxUploadBytes: number; secret: string };

export type StoredFile = {
  id: string;
  mime: string;
  size: number;
  width: number | null;
  height: number | null;
  documentType: string | null;
  createdAt: string;
  /** When the bytes will be deleted; null while an open request holds the file. */
  purgeAfter: string | null;
  /** When the bytes were deleted (the retention period ended); the record stays. */
  purgedAt: string | null;
};

export function presentFile(f: store.FileRow): StoredFile {
  return {
    id: f.id,
    mime: f.mime,
    size: f.size,
    width: f.width,
    height: f.height,
    documentType: f.documentType,
    createdAt: f.createdAt.toISOString(),
    purgeAfter: f.purgeAfter?.toISOString() ?? null,
    purgedAt: f.purgedAt?.toISOString() ?? null,
  };
}

export function humanSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** A refused upload in words that say what was wrong: the file's size, a picture's pixels, a PDF's inflated content. */
export function uploadRefusal(reason: string, maxUploadBytes: number, picture: { width?: number | undefined; height?: number | undefined } = {}): AppError {
  const status = reason === 'too_large' ? 413 : reason === 'unsupported_type' ? 415 : 422;
  return new AppError(`upload_${reason}`, status, `errors.upload.${reason}`, {
    limit: humanSize(maxUploadBytes),
    width: picture.width,
    height: picture.height,
    megapixels: picture.width && picture.height ? Math.round((picture.width * picture.height) / 1_000_000) : undefined,
    maxMegapixels: Math.round(MAX_INPUT_PIXELS / 1_000_000),
    pdfLimit: humanSize(MAX_PDF_INFLATED_BYTES),
  });
}

/**
 * Checks and keeps one uploaded document. `uploader` is a staff member (walk-in counter) or the
 * applicant (portal, WhatsApp); the channel features authorise the applicant themselves.
 */
export async function storeUpload(
  deps: FileDeps,
  input: {
    officeCode: string;
    bytes: Buffer;
    documentType?: string | undefined;
    uploader: StaffActor | AuditActor;
    /** Time budget for reading the photo's title and numbers (OCR); 0 or absent: the quality check only. */
    photoOcrTimeoutMs?: number | undefined;
  },
  origin: Origin,
): Promise<store.FileRow> {
  const uploader = input.uploader;
  if ('kind' in uploader) authorize(uploader, 'file.upload', { officeCode: input.officeCode });
  const inspected = await inspectUpload(input.bytes, { maxBytes: deps.maxUploadBytes });
  if (!inspected.ok) throw uploadRefusal(inspected.reason, deps.maxUploadBytes, inspected);
  const now = deps.clock.now();
  // Before the transaction: the check reads pixels (and maybe runs OCR), and holds no lock meanwhile.
  const photoFindings = await checkUploadedPhoto(inspected.bytes, inspected.mime, { documentType: input.documentType, ocrTimeoutMs: input.photoOcrTimeoutMs, now });
  const auditActor = toAuditActor(uploader);
  return deps.db.transaction(async (tx) => {
    // Under the blob's lock, so a purge of an earlier copy of the same bytes cannot delete them
    // between "already stored" and this record. Bytes first, record second: a crash in between
    // leaves an unreferenced blob, never a record without bytes.
    await store.lockBlob(tx, inspected.sha256);
    await deps.blobs.put(inspected.sha256, inspected.bytes);
    const row = await store.insertFile(tx, {
      officeCode: input.officeCode,
      sha256: inspected.sha256,
      mime: inspected.mime,
      size: inspected.size,
      width: inspected.width ?? null,
      height: inspected.height ?? null,
      documentType: input.documentType ?? null,
      uploadedByType: auditActor.type,
      uploadedById: auditActor.id ?? null,
      createdAt: now,
      // Not part of a request yet: purged soon unless a request takes it (which clears the date).
      purgeAfter: purgeDateFor(input.documentType ?? null, null, now),
      photoFindings,
    });
    await recordAudit(tx, now, {
      officeCode: input.officeCode,
      actor: auditActor,
      action: 'file.uploaded',
      entityType: 'file',
      entityId: row.id,
      details: { mime: row.mime, size: row.size, documentType: row.documentType },
    }, origin);
    return row;
  });
}

function toAuditActor(who: StaffActor | AuditActor): AuditActor {
  return 'kind' in who ? auditActorOf(who) : who;
}

/** Reads a document for a staff member of its office, and records that they did. */
export async function readFileAsStaff(deps: FileDeps, actor: StaffActor, fileId: string, origin: Origin) {
  const file = await store.findFile(deps.db, fileId);
  if (!file) throw notFound();
  authorize(actor, 'file.read', { officeCode: file.officeCode });
  return readAndAudit(deps, file, auditActorOf(actor), origin);
}

export async function fileMetadata(deps: FileDeps, actor: StaffActor, fileId: string) {
  const file = await store.findFile(deps.db, fileId);
  if (!file) throw notFound();
  authorize(actor, 'file.read', { officeCode: file.officeCode });
  return presentFile(file);
}

/** Reads a document through a short-lived link given to the applicant. */
export async function readFileByLink(deps: FileDeps, fileId: string, token: string, origin: Origin) {
  if (!verifyFileLink(deps.secret, fileId, token, deps.clock.now())) throw new AppError('file_link_invalid', 403, 'errors.file_link_invalid');
  const file = await store.findFile(deps.db, fileId);
  if (!file) throw notFound();
  return readAndAudit(deps, file, { type: 'pemohon' }, origin);
}

async function readAndAudit(deps: FileDeps, file: store.FileRow, actor: AuditActor, origin: Origin) {
  if (file.purgedAt) throw await purgedError(deps.db, file, file.purgedAt);
  const bytes = await deps.blobs.get(file.sha256);
  if (!bytes) throw notFound();
  await recordAudit(deps.db, deps.clock.now(), {
    officeCode: file.officeCode,
    actor,
    action: 'file.viewed',
    entityType: 'file',
    entityId: file.id,
  }, origin);
  return { file, bytes };
}

/** 410 Gone: the record is there, the bytes were deleted when the retention period ended. */
async function purgedError(db: Db, file: store.FileRow, purgedAt: Date): Promise<AppError> {
  const office = await findOffice(db, file.officeCode);
  return new AppError(
    'file_purged',
    410,
    'errors.file_purged',
    // The date as the office's calendar has it, in the caller's language.
    { date: purgedAt, formatParams: { date: { dateStyle: 'long', timeZone: office?.timezone ?? 'Asia/Jakarta' } } },
    { purgedAt: purgedAt.toISOString() },
  );
}

/** Link tokens: `<expiry epoch seconds>.<HMAC(fileId.expiry)>`, valid for minutes, not days. */
export function createFileLink(secret: string, fileId: string, now: Date, ttlMinutes = 30): string {
  const expires = Math.floor(now.getTime() / 1000) + ttlMinutes * 60;
  return `${expires}.${sign(secret, `${fileId}.${expires}`)}`;
}

export function verifyFileLink(secret: string, fileId: string, token: string, now: Date): boolean {
  const [expiresText, signature] = token.split('.');
  const expires = Number(expiresText);
  if (!Number.isInteger(expires) || !signature || expires * 1000 < now.getTime()) return false;
  const expected = Buffer.from(sign(secret, `${fileId}.${expires}`));
  const given = Buffer.from(signature);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

function sign(secret: string, payload: string): string {
  return crypto.createHmac('sha256', secret).update(`file-link:${payload}`).digest('base64url');
}

export async function issueFileLink(deps: FileDeps, actor: StaffActor, fileId: string) {
  const file = await store.findFile(deps.db, fileId);
  if (!file) throw notFound();
  authorize(actor, 'file.read', { officeCode: file.officeCode });
  return { token: createFileLink(deps.secret, file.id, deps.clock.now()) };
}
