/**
 * System outages (issue 11, item 8): the SOP's standards hold "kecuali jika terjadi kendala
 * sistem". A kasi (or the sekcam, the camat) records when SIAK, the network or the power was down;
 * inside those windows the clocks of the office's requests stop (`calendar/pauses.ts`). Recording
 * and ending are audited; the listing says how many requests each outage paused.
 */
import { z } from 'zod';
import { auditActorOf, recordAudit, type Origin } from '../audit/audit.js';
import { authorize, type StaffActor } from '../auth/policy.js';
import type { PauseWindow } from '../calendar/pauses.js';
import type { LocalizedText } from '../catalogue/vocabulary.js';
import type { Db } from '../db/database.js';
import { findOffice } from '../offices/storage.js';
import type { Clock } from '../platform/clock.js';
import { conflict, invalid, notFound } from '../platform/errors.js';
import { safeLines } from '../platform/safe-text.js';
import * as store from './storage.js';

export const OUTAGE_KINDS = ['siak', 'jaringan', 'listrik', 'lainnya'] as const;
export type OutageKind = (typeof OUTAGE_KINDS)[number];
export const OUTAGE_KIND_LABELS: Record<OutageKind, LocalizedText> = {
  siak: { id: 'SIAK', en: 'SIAK' },
  jaringan: { id: 'jaringan', en: 'network' },
  listrik: { id: 'listrik', en: 'power' },
  lainnya: { id: 'lainnya', en: 'other' },
};

/** An outage recorded after the fact may go this far back (a correction), not further. */
const MAX_DAYS_BACK = 31;
const DAY_MS = 86_400_000;

export const OutageInput = z.object({
  kind: z.enum(OUTAGE_KINDS),
  startsAt: z.iso.datetime({ offset: true }),
  /** Absent while the outage goes on; it is ended later. */
  endsAt: z.iso.datetime({ offset: true }).optional(),
  reason: safeLines().trim().min(3).max(300),
});
export const EndOutageInput = z.object({ endsAt: z.iso.datetime({ offset: true }).optional() });

type Deps = { db: Db; clock: Clock };

function checkWindow(startsAt: Date, endsAt: Date | null, now: Date) {
  if (startsAt.getTime() > now.getTime()) throw invalid('errors.outage_in_future');
  if (startsAt.getTime() < now.getTime() - MAX_DAYS_BACK * DAY_MS) throw invalid('errors.outage_too_old', { days: MAX_DAYS_BACK });
  if (endsAt && endsAt.getTime() > now.getTime()) throw invalid('errors.outage_in_future');
  if (endsAt && endsAt.getTime() <= startsAt.getTime()) throw invalid('errors.outage_ends_before_start');
}

export function presentOutage(o: store.OutageRow) {
  return {
    id: o.id,
    officeCode: o.officeCode,
    kind: o.kind as OutageKind,
    kindLabel: OUTAGE_KIND_LABELS[o.kind as OutageKind] ?? { id: o.kind, en: o.kind },
    startsAt: o.startsAt.toISOString(),
    endsAt: o.endsAt?.toISOString() ?? null,
    reason: o.reason,
    recordedBy: o.recordedBy,
  };
}

export async function recordOutage(deps: Deps, actor: StaffActor, officeCode: string, input: z.infer<typeof OutageInput>, origin: Origin) {
  authorize(actor, 'outage.record', { officeCode });
  if (!(await findOffice(deps.db, officeCode))) throw notFound();
  const now = deps.clock.now();
  const startsAt = new Date(input.startsAt);
  const endsAt = input.endsAt ? new Date(input.endsAt) : null;
  checkWindow(startsAt, endsAt, now);
  return deps.db.transaction(async (tx) => {
    const row = await store.insertOutage(tx, { officeCode, kind: input.kind, startsAt, endsAt, reason: input.reason, recordedBy: actor.userId, createdAt: now });
    // The reason is the officer's free text: it stays in the outage record, the audit carries codes and times.
    await recordAudit(tx, now, {
      officeCode,
      actor: auditActorOf(actor),
      action: 'outage.recorded',
      entityType: 'outage',
      entityId: row.id,
      details: { kind: input.kind, startsAt: startsAt.toISOString(), endsAt: endsAt?.toISOString() ?? null },
    }, origin);
    return presentOutage(row);
  });
}

export async function endOngoingOutage(deps: Deps, actor: StaffActor, officeCode: string, id: string, input: z.infer<typeof EndOutageInput>, origin: Origin) {
  authorize(actor, 'outage.record', { officeCode });
  const outage = await store.findOutage(deps.db, id);
  if (!outage || outage.officeCode !== officeCode) throw notFound();
  const now = deps.clock.now();
  const endsAt = input.endsAt ? new Date(input.endsAt) : now;
  if (outage.endsAt) throw conflict('errors.outage_already_ended');
  if (endsAt.getTime() > now.getTime()) throw invalid('errors.outage_in_future');
  if (endsAt.getTime() <= outage.startsAt.getTime()) throw invalid('errors.outage_ends_before_start');
  return deps.db.transaction(async (tx) => {
    if (!(await store.endOutage(tx, id, endsAt))) throw conflict('errors.outage_already_ended');
    await recordAudit(tx, now, { officeCode, actor: auditActorOf(actor), action: 'outage.ended', entityType: 'outage', entityId: id, details: { endsAt: endsAt.toISOString() } }, origin);
    return presentOutage({ ...outage, endsAt });
  });
}

/**
 * The office's outages in a period (default: the last 31 days), each with the number of requests
 * whose clocks it paused: the report of "kendala sistem" for the camat and the regency.
 */
export async function listOutages(deps: Deps, actor: StaffActor, officeCode: string, period: { from?: string | undefined; to?: string | undefined }) {
  authorize(actor, 'outage.read', { officeCode });
  if (!(await findOffice(deps.db, officeCode))) throw notFound();
  const now = deps.clock.now();
  const to = period.to ? new Date(period.to) : now;
  const from = period.from ? new Date(period.from) : new Date(to.getTime() - MAX_DAYS_BACK * DAY_MS);
  if (from.getTime() >= to.getTime()) throw invalid('errors.outage_ends_before_start');
  const rows = await store.outagesOverlapping(deps.db, officeCode, from, to);
  const outages = [];
  for (const o of rows) {
    outages.push({ ...presentOutage(o), requestsPaused: await store.requestsRunningDuring(deps.db, officeCode, o.startsAt, o.endsAt ?? now) });
  }
  return { from: from.toISOString(), to: to.toISOString(), outages };
}

/** The pause windows of an office since `since`: what the clocks of its requests leave out. */
export async function pausesOf(db: Db, officeCode: string, since: Date, now: Date): Promise<Array<PauseWindow & { kind: OutageKind }>> {
  const rows = await store.outagesOverlapping(db, officeCode, since, now);
  return rows.map((o) => ({ start: o.startsAt, end: o.endsAt, kind: o.kind as OutageKind }));
}
