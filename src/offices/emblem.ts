/**
 * The lambang daerah on the kop of printed receipts. An admin uploads the regency's emblem once;
 * the server decodes it, refuses what is not a picture, and keeps a small PNG (transparency kept)
 * so a receipt never carries a camera-sized image.
 */
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { z } from 'zod';
import { auditActorOf, recordAudit, type Origin } from '../audit/audit.js';
import { authorize, type StaffActor } from '../auth/policy.js';
import type { Db } from '../db/database.js';
import { officeEmblems } from '../db/schema.js';
import type { Clock } from '../platform/clock.js';
import { AppError, notFound } from '../platform/errors.js';
import { findOffice } from './storage.js';

/** The largest side kept: drawn 42 pt wide on an A5 receipt, sharp at a printer's 300 dpi. */
const EMBLEM_PX = 240;
/** What an admin may send: a scan or a file from the regency's website, not a raw camera photo. */
export const EMBLEM_MAX_BYTES = 1024 * 1024;
const EMBLEM_MAX_PIXELS = 4096 * 4096;

export const EmblemInput = z.object({
  /** The image file, base64 (PNG, JPEG, WebP or SVG). */
  imageBase64: z
    .string()
    .max(Math.ceil((EMBLEM_MAX_BYTES * 4) / 3) + 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/),
});

/** The image as the small PNG the receipt draws, or a 422 saying what is wrong with it. */
export async function emblemPng(bytes: Buffer): Promise<Buffer> {
  if (bytes.length === 0 || bytes.length > EMBLEM_MAX_BYTES) throw new AppError('emblem_invalid', 422, 'errors.emblem_too_large', { max: '1 MB' });
  try {
    const image = sharp(bytes, { limitInputPixels: EMBLEM_MAX_PIXELS, failOn: 'error' });
    const { format } = await image.metadata();
    if (!format || !['png', 'jpeg', 'webp', 'svg'].includes(format)) throw new Error('not a picture format');
    return await image.resize(EMBLEM_PX, EMBLEM_PX, { fit: 'inside', withoutEnlargement: true }).png({ compressionLevel: 9 }).toBuffer();
  } catch {
    throw new AppError('emblem_invalid', 422, 'errors.emblem_invalid');
  }
}

export async function setOfficeEmblem(deps: { db: Db; clock: Clock }, actor: StaffActor, officeCode: string, input: z.infer<typeof EmblemInput>, origin: Origin) {
  authorize(actor, 'office.settings.update', { officeCode });
  if (!(await findOffice(deps.db, officeCode))) throw notFound();
  const png = await emblemPng(Buffer.from(input.imageBase64, 'base64'));
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(officeEmblems)
      .values({ officeCode, pngBase64: png.toString('base64'), updatedAt: now })
      .onConflictDoUpdate({ target: officeEmblems.officeCode, set: { pngBase64: png.toString('base64'), updatedAt: now } });
    await recordAudit(tx, now, { officeCode, actor: auditActorOf(actor), action: 'office.emblem_set', entityType: 'office', entityId: officeCode, details: { bytes: png.length } }, origin);
  });
  return { hasEmblem: true };
}

export async function removeOfficeEmblem(deps: { db: Db; clock: Clock }, actor: StaffActor, officeCode: string, origin: Origin) {
  authorize(actor, 'office.settings.update', { officeCode });
  if (!(await findOffice(deps.db, officeCode))) throw notFound();
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await tx.delete(officeEmblems).where(eq(officeEmblems.officeCode, officeCode));
    await recordAudit(tx, now, { officeCode, actor: auditActorOf(actor), action: 'office.emblem_removed', entityType: 'office', entityId: officeCode }, origin);
  });
  return { hasEmblem: false };
}

/** The PNG for the receipt, if the office has one. */
export async function officeEmblem(db: Db, officeCode: string): Promise<Buffer | undefined> {
  const [row] = await db.select({ png: officeEmblems.pngBase64 }).from(officeEmblems).where(eq(officeEmblems.officeCode, officeCode)).limit(1);
  return row ? Buffer.from(row.png, 'base64') : undefined;
}

export async function hasOfficeEmblem(db: Db, officeCode: string): Promise<boolean> {
  const [row] = await db.select({ code: officeEmblems.officeCode }).from(officeEmblems).where(eq(officeEmblems.officeCode, officeCode)).limit(1);
  return row !== undefined;
}
