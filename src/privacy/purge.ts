/**
 * Applying the retention periods of `src/catalogue/personal-data.ts` (UU PDP): closed requests
 * anonymised, chat texts blanked and idle conversations deleted, phone verifications deleted,
 * settled outbox rows blanked, old audit details stripped to who/what/when.
 *
 * Same shape as the scan purge: batches claimed FOR UPDATE SKIP LOCKED (server copies share the
 * work), each batch one transaction with its audit entries, idempotent (a second run finds
 * nothing). Audited with counts per office, never with identities.
 */
import type { Logger } from 'pino';
import { recordAudit, type Origin } from '../audit/audit.js';
import { personalDataCutoff, redactAuditDetails, type PersonalDataKind } from '../catalogue/personal-data.js';
import { JOB_LOCK_KEYS, type Alone, type Db } from '../db/database.js';
import type { Clock } from '../platform/clock.js';
import { FINAL_STATES } from '../requests/workflow.js';
import * as store from './storage.js';

export type RetentionDeps = { db: Db; clock: Clock };
export type RetentionCounts = Record<PersonalDataKind, number> & { conversations: number };

const BATCH = 200;

/** One audit entry per office and kind for a batch: how many, not whose. */
async function auditCounts(tx: Db, now: Date, kind: string, claimed: readonly store.Claimed[], origin: Origin) {
  const perOffice = new Map<string, number>();
  for (const c of claimed) perOffice.set(c.officeCode, (perOffice.get(c.officeCode) ?? 0) + 1);
  for (const [officeCode, count] of perOffice) {
    await recordAudit(tx, now, { officeCode, actor: { type: 'system', id: 'retention' }, action: 'personal_data.retention_applied', entityType: 'office', entityId: officeCode, details: { kind, count } }, origin);
  }
}

/** Runs batches of one kind until a batch comes back short. */
async function inBatches(db: Db, work: (tx: Db) => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const count = await db.transaction(work);
    total += count;
    if (count < BATCH) return total;
  }
}

/** Applies every period due now; returns how many records of each kind it changed. */
export async function applyPersonalDataRetention(deps: RetentionDeps, origin: Origin = { requestId: 'data-retention' }): Promise<RetentionCounts> {
  const now = deps.clock.now();
  const { db } = deps;

  const requestPersonal = await inBatches(db, async (tx) => {
    const due = await store.claimRequestsToAnonymise(tx, personalDataCutoff('request_personal', now), FINAL_STATES, BATCH);
    await store.anonymiseRequests(tx, due.map((d) => d.id), now);
    await auditCounts(tx, now, 'request_personal', due, origin);
    return due.length;
  });

  const chatMessage = await inBatches(db, async (tx) => {
    const due = await store.claimChatsToBlank(tx, personalDataCutoff('chat_message', now), FINAL_STATES, BATCH);
    await store.blankChats(tx, due.map((d) => d.id), now);
    await auditCounts(tx, now, 'chat_message', due, origin);
    return due.length;
  });

  const conversations = await inBatches(db, async (tx) => {
    const gone = await store.deleteIdleConversations(tx, personalDataCutoff('chat_message', now), FINAL_STATES, BATCH);
    await auditCounts(tx, now, 'conversation', gone, origin);
    return gone.length;
  });

  const phoneVerification = await inBatches(db, async (tx) => {
    const gone = await store.deleteVerifications(tx, personalDataCutoff('phone_verification', now), BATCH);
    await auditCounts(tx, now, 'phone_verification', gone, origin);
    return gone.length;
  });

  const outboxPayload = await inBatches(db, async (tx) => {
    const due = await store.claimOutboxToBlank(tx, personalDataCutoff('outbox_payload', now), BATCH);
    await store.blankOutbox(tx, due.map((d) => d.id), now);
    await auditCounts(tx, now, 'outbox_payload', due, origin);
    return due.length;
  });

  // Last, so the count entries written above are not counted (they are recent anyway).
  const auditDetails = await inBatches(db, async (tx) => {
    const due = await store.claimAuditToRedact(tx, personalDataCutoff('audit_details', now), BATCH);
    if (due.length === 0) return 0;
    await store.allowAuditRedaction(tx);
    for (const entry of due) await store.redactAudit(tx, entry.id, redactAuditDetails(entry.details), now);
    await auditCounts(tx, now, 'audit_details', due.map((e) => ({ id: String(e.id), officeCode: e.officeCode ?? '' })).filter((e) => e.officeCode !== ''), origin);
    return due.length;
  });

  return {
    request_personal: requestPersonal,
    chat_message: chatMessage,
    conversations,
    phone_verification: phoneVerification,
    outbox_payload: outboxPayload,
    audit_details: auditDetails,
  };
}

export const totalOf = (counts: RetentionCounts) => Object.values(counts).reduce((a, b) => a + b, 0);

/** The server's timer, like the scan purge's: a minute after start, then hourly; `stop()` waits for a running round. */
export function personalDataWorker(
  deps: RetentionDeps,
  logger: Pick<Logger, 'info' | 'error'>,
  timing: { firstAfterMs: number; everyMs: number } = { firstAfterMs: 60_000, everyMs: 60 * 60_000 },
  /** `database.alone` in a server: with several copies on one PostgreSQL, one of them runs a round. */
  alone: Alone = async (_job, fn) => ({ ran: true, value: await fn() }),
) {
  let running: Promise<void> | undefined;
  const round = () => {
    running ??= alone(JOB_LOCK_KEYS.personalDataRetention, () => applyPersonalDataRetention(deps))
      .then(
        (result) => {
          if (!result.ran) return;
          const counts = result.value;
          if (totalOf(counts) > 0) logger.info({ counts }, 'personal data past its retention period anonymised or deleted');
        },
        (err: unknown) => logger.error({ err }, 'personal data retention failed'),
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
