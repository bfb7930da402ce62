/**
 * Deleting scans whose retention period has passed (UU PDP). Only the bytes go: the file record,
 * its metadata and its audit trail stay, marked `purged_at`, so the request page can still say
 * which document there was and when it was deleted.
 *
 * Run by every server copy (hourly) and by `kencot files purge`: rows are claimed with
 * FOR UPDATE SKIP LOCKED, so copies share the work instead of repeating it.
 */
import type { Logger } from 'pino';
import { recordAudit, type Origin } from '../audit/audit.js';
import { JOB_LOCK_KEYS, type Alone, type Db } from '../db/database.js';
import type { Clock } from '../platform/clock.js';
import { FINAL_STATES } from '../requests/workflow.js';
import type { BlobStore } from './blobs.js';
import * as store from './storage.js';

export type PurgeDeps = { db: Db; clock: Clock; blobs: BlobStore };

/** Small batches: each is one transaction holding its rows' locks while blobs are deleted. */
const BATCH = 50;

/** Purges every scan due now; returns how many it purged. Running it again finds nothing to do. */
export async function purgeDueFiles(deps: PurgeDeps, origin: Origin = { requestId: 'file-purge' }): Promise<number> {
  const now = deps.clock.now();
  let purged = 0;
  for (;;) {
    const count = await deps.db.transaction(async (tx) => {
      const due = await store.claimDueFiles(tx, now, FINAL_STATES, BATCH);
      for (const file of due) await store.markPurged(tx, file.id, now);
      // The same scan may back another record (uploaded twice, attached anew): its bytes stay then.
      // The per-hash lock, held to commit, keeps an upload of the same bytes from slipping in.
      const unshared = new Set<string>();
      for (const sha256 of new Set(due.map((f) => f.sha256))) {
        await store.lockBlob(tx, sha256);
        if (!(await store.blobInUse(tx, sha256))) unshared.add(sha256);
      }
      for (const file of due) {
        await recordAudit(tx, now, {
          officeCode: file.officeCode,
          actor: { type: 'system', id: 'retention' },
          action: 'file.purged',
          entityType: 'file',
          entityId: file.id,
          details: { documentType: file.documentType, purgeAfter: file.purgeAfter?.toISOString() ?? null, bytesShared: !unshared.has(file.sha256) },
        }, origin);
      }
      // Last, after every database write of the batch: a failure before this point leaves the bytes
      // and the rows as they were. A failed commit after it leaves rows without bytes that the next
      // run marks purged (deleting missing bytes is harmless): never bytes kept by mistake.
      for (const sha256 of unshared) await deps.blobs.delete(sha256);
      return due.length;
    });
    purged += count;
    if (count < BATCH) return purged;
  }
}

/**
 * The server's purge timer: once shortly after start (a server restarted daily still purges), then
 * every hour. A round still running is not started twice; `stop()` waits for it.
 */
export function filePurgeWorker(
  deps: PurgeDeps,
  logger: Pick<Logger, 'info' | 'error'>,
  timing: { firstAfterMs: number; everyMs: number } = { firstAfterMs: 60_000, everyMs: 60 * 60_000 },
  /** `database.alone` in a server: with several copies on one PostgreSQL, one of them runs a round. */
  alone: Alone = async (_job, fn) => ({ ran: true, value: await fn() }),
) {
  let running: Promise<void> | undefined;
  const round = () => {
    running ??= alone(JOB_LOCK_KEYS.filePurge, () => purgeDueFiles(deps))
      .then(
        (result) => {
          if (!result.ran) return;
          const count = result.value;
          if (count > 0) logger.info({ purged: count }, 'scans past their retention period purged');
        },
        (err: unknown) => logger.error({ err }, 'file purge failed'),
      )
      .finally(() => {
        running = undefined;
      });
  };
  let first: NodeJS.Timeout | undefined;
  let every: NodeJS.Timeout | undefined;
  return {
    start() {
      first = setTimeout(round, timing.firstAfterMs);
      every = setInterval(round, timing.everyMs);
      first.unref();
      every.unref();
    },
    async stop() {
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
