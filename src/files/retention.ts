/**
 * A request's hold on its documents, written in the transaction of the request's own change:
 * taking a file in clears its purge date, closing the request (handed over, refused, cancelled)
 * sets the date its document type's retention period gives, and a document replaced by a fix
 * gets the short period of an unattached upload.
 *
 * A closed request is never reopened: every final state is final in the workflow guard
 * (`authorizeTransition` refuses any action from one), so a date set on closing is not undone.
 */
import { purgeDateFor } from '../catalogue/retention.js';
import type { Db } from '../db/database.js';
import { AppError } from '../platform/errors.js';
import * as store from './storage.js';

export type Attachment = { fileId: string; documentType: string };

/** Refused like an unknown file: the scan was purged before the request could take it. */
const attachmentGone = () =>
  new AppError('validation', 422, 'errors.validation', {}, { errors: [{ field: 'body.attachments', message: 'unknown file' }] });

/** The request now holds these files: no purge while it is open. All or nothing. */
export async function holdAttachments(tx: Db, attachments: readonly Attachment[]): Promise<void> {
  const ids = [...new Set(attachments.map((a) => a.fileId))];
  const held = await store.holdFiles(tx, ids);
  if (held.length !== ids.length) throw attachmentGone();
}

/** The request closed at `closedAt`: each document is kept for its type's period after that. */
export async function releaseOnClose(tx: Db, attachments: readonly Attachment[], closedAt: Date): Promise<void> {
  await store.schedulePurge(tx, attachments.map((a) => ({ fileId: a.fileId, purgeAfter: purgeDateFor(a.documentType, closedAt, closedAt) })));
}

/** Documents a fix replaced, at `replacedAt`: no longer part of the request. */
export async function releaseReplaced(tx: Db, attachments: readonly Attachment[], replacedAt: Date): Promise<void> {
  await store.schedulePurge(tx, attachments.map((a) => ({ fileId: a.fileId, purgeAfter: purgeDateFor(a.documentType, null, replacedAt) })));
}
