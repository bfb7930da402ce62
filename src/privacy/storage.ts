/**
 * SQL for personal-data retention and data-subject requests. Every claim is
 * FOR UPDATE SKIP LOCKED: server copies share a round instead of repeating it.
 */
import { and, asc, eq, inArray, isNull, lte, notExists, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import {
  auditLog,
  children,
  deliveryAttempts,
  deliveryTasks,
  files,
  homeVisits,
  jemputBolaCaptures,
  outbox,
  phoneVerifications,
  readingCornerBooks,
  readingCornerLoans,
  requests,
  surveyResponses,
  whatsappConversations,
  whatsappInbound,
} from '../db/schema.js';

const notIn = (column: SQL | typeof requests.state, values: readonly string[]) =>
  sql`${column} not in (${sql.join(values.map((v) => sql`${v}`), sql`, `)})`;
const isIn = (column: typeof requests.state, values: readonly string[]) =>
  sql`${column} in (${sql.join(values.map((v) => sql`${v}`), sql`, `)})`;

/** Whether an open request of this office was made from this WhatsApp number (it may still need the chat). */
const openRequestOf = (db: Db, officeCode: SQL | typeof whatsappInbound.officeCode, waId: SQL | typeof whatsappInbound.waId, finalStates: readonly string[]) =>
  db
    .select({ one: sql`1` })
    .from(requests)
    .where(and(sql`${requests.officeCode} = ${officeCode}`, sql`${requests.applicantPhone} = ${waId}`, notIn(requests.state, finalStates)));

/**
 * The personal fields a request loses, and what it keeps: office, service, channel, desa, flags,
 * states, dates, SLA, attachments' document types, which documents SIAK issued (not their numbers),
 * the relation of the applicant, the subject's sex. Shared by the retention worker and an erasure.
 */
export const ANONYMISED_REQUEST = (at: Date) => ({
  applicant: sql`jsonb_build_object('name', '', 'phone', '', 'relation', coalesce(${requests.applicant} -> 'relation', '""'::jsonb))`,
  subject: sql`jsonb_strip_nulls(jsonb_build_object('name', '', 'sex', ${requests.subject} -> 'sex'))`,
  details: sql`'{}'::jsonb`,
  circumstances: sql`'{}'::jsonb`,
  subjectNik: null,
  applicantPhone: '',
  disabilityNeeds: null,
  // Reports count the special service (who was served, with what); the kinds, the note and the consent go.
  specialNeeds: sql`case when ${requests.specialNeeds} is null then null else jsonb_build_object('disabled', ${requests.specialNeeds} -> 'disabled', 'elderly', ${requests.specialNeeds} -> 'elderly', 'kinds', '[]'::jsonb, 'accommodations', ${requests.specialNeeds} -> 'accommodations', 'consent', null) end`,
  pinHash: '',
  pinFailures: 0,
  pinLockedUntil: null,
  returnReasons: null,
  handOverRecord: null,
  siakOutcomes: sql`coalesce((select jsonb_agg(jsonb_build_object('document', o -> 'document', 'printed', o -> 'printed')) from jsonb_array_elements(${requests.siakOutcomes}) o), '[]'::jsonb)`,
  anonymisedAt: at,
});

export type Claimed = { id: string; officeCode: string };

export async function claimRequestsToAnonymise(db: Db, closedBefore: Date, finalStates: readonly string[], limit: number): Promise<Claimed[]> {
  return db
    .select({ id: requests.id, officeCode: requests.officeCode })
    .from(requests)
    .where(and(isNull(requests.anonymisedAt), isIn(requests.state, finalStates), lte(requests.stateEnteredAt, closedBefore)))
    .orderBy(asc(requests.stateEnteredAt), asc(requests.id))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function anonymiseRequests(db: Db, ids: readonly string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.update(requests).set(ANONYMISED_REQUEST(at)).where(inArray(requests.id, [...ids]));
  // Jujuk Dolanan and home visits keep a little about the person too: the kurir's note on a failed
  // trip, the hand-over position, the reason a visit moved. Outcomes and times stay for reports.
  const tasks = db.select({ id: deliveryTasks.id }).from(deliveryTasks).where(inArray(deliveryTasks.requestId, [...ids]));
  await db.update(deliveryAttempts).set({ failureNote: null, position: null }).where(inArray(deliveryAttempts.taskId, tasks));
  await db.update(homeVisits).set({ outcomeReason: null }).where(inArray(homeVisits.requestId, [...ids]));
  // A Jemput Bola capture that became the request holds the same NIK, KK number and parent's number.
  await db.update(jemputBolaCaptures).set({ nik: null, kkNumber: null, birthPlace: null, parentName: null, parentWhatsapp: null }).where(inArray(jemputBolaCaptures.requestId, [...ids]));
}

export async function claimChatsToBlank(db: Db, receivedBefore: Date, finalStates: readonly string[], limit: number): Promise<Claimed[]> {
  const rows = await db
    .select({ id: whatsappInbound.id, officeCode: whatsappInbound.officeCode })
    .from(whatsappInbound)
    .where(
      and(
        isNull(whatsappInbound.redactedAt),
        sql`${whatsappInbound.status} <> 'pending'`,
        lte(whatsappInbound.receivedAt, receivedBefore),
        notExists(openRequestOf(db, sql`${whatsappInbound.officeCode}`, sql`${whatsappInbound.waId}`, finalStates)),
      ),
    )
    .orderBy(asc(whatsappInbound.id))
    .limit(limit)
    .for('update', { of: whatsappInbound, skipLocked: true });
  return rows.map((r) => ({ id: String(r.id), officeCode: r.officeCode }));
}

/** The message keeps its type and times (how many messages, of what kind, for statistics); who and what go. */
export async function blankChats(db: Db, ids: readonly string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(whatsappInbound)
    .set({ waId: '', contactName: null, message: sql`jsonb_build_object('type', ${whatsappInbound.type}, 'redacted', true)`, lastError: null, redactedAt: at })
    .where(inArray(whatsappInbound.id, ids.map(Number)));
}

/** Conversations quiet for the period, with nothing still to handle, hold the bot's half-filled forms: they go. */
export async function deleteIdleConversations(db: Db, quietSince: Date, finalStates: readonly string[], limit: number): Promise<Claimed[]> {
  const due = await db
    .select({ id: whatsappConversations.id, officeCode: whatsappConversations.officeCode })
    .from(whatsappConversations)
    .where(
      and(
        lte(whatsappConversations.lastMessageAt, quietSince),
        notExists(openRequestOf(db, sql`${whatsappConversations.officeCode}`, sql`${whatsappConversations.waId}`, finalStates)),
      ),
    )
    .orderBy(asc(whatsappConversations.lastMessageAt))
    .limit(limit)
    .for('update', { of: whatsappConversations, skipLocked: true });
  if (due.length > 0) await db.delete(whatsappConversations).where(inArray(whatsappConversations.id, due.map((d) => d.id)));
  return due;
}

export async function deleteVerifications(db: Db, createdBefore: Date, limit: number): Promise<Claimed[]> {
  const due = await db
    .select({ id: phoneVerifications.id, officeCode: phoneVerifications.officeCode })
    .from(phoneVerifications)
    .where(lte(phoneVerifications.createdAt, createdBefore))
    .orderBy(asc(phoneVerifications.createdAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  if (due.length > 0) await db.delete(phoneVerifications).where(inArray(phoneVerifications.id, due.map((d) => d.id)));
  return due;
}

const settledAt = sql`coalesce(${outbox.sentAt}, ${outbox.createdAt})`;

export async function claimOutboxToBlank(db: Db, settledBefore: Date, limit: number): Promise<Claimed[]> {
  const rows = await db
    .select({ id: outbox.id, officeCode: outbox.officeCode })
    .from(outbox)
    // Created no later than settled: the created_at bound lets the partial index narrow the scan.
    .where(and(isNull(outbox.redactedAt), lte(outbox.createdAt, settledBefore), inArray(outbox.status, ['sent', 'failed']), sql`${settledAt} <= ${settledBefore.toISOString()}::timestamptz`))
    .orderBy(asc(outbox.id))
    .limit(limit)
    .for('update', { skipLocked: true });
  return rows.map((r) => ({ id: String(r.id), officeCode: r.officeCode }));
}

/** The row keeps its kind, status, times and delivery status (counts, SLA of notices); recipient and words go. */
export async function blankOutbox(db: Db, ids: readonly string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(outbox)
    .set({ recipient: '', payload: { redacted: true }, sentBody: null, lastError: null, redactedAt: at })
    .where(inArray(outbox.id, ids.map(Number)));
}

export type AuditRow = typeof auditLog.$inferSelect;

export async function claimAuditToRedact(db: Db, recordedBefore: Date, limit: number): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditLog)
    .where(and(isNull(auditLog.redactedAt), lte(auditLog.at, recordedBefore)))
    .orderBy(asc(auditLog.id))
    .limit(limit)
    .for('update', { skipLocked: true });
}

/**
 * Opens the audit trigger's one exception for the rest of this transaction only (set_config's
 * `true`: local). The trigger still checks that nothing but details and the IP changes.
 */
export async function allowAuditRedaction(db: Db): Promise<void> {
  await db.execute(sql`select set_config('kencot.redacting', 'on', true)`);
}

export async function redactAudit(db: Db, id: number, details: Record<string, unknown>, at: Date): Promise<void> {
  await db.update(auditLog).set({ details, ip: null, redactedAt: at }).where(eq(auditLog.id, id));
}

// ——— data-subject requests ———

export type RequestRow = typeof requests.$inferSelect;

/** Requests where the person is the subject (NIK) or the applicant (phone), in this office. */
export async function requestsOfSubject(db: Db, officeCode: string, key: { nik?: string | undefined; phone?: string | undefined }): Promise<RequestRow[]> {
  const match: SQL[] = [];
  if (key.nik) match.push(eq(requests.subjectNik, key.nik));
  if (key.phone) match.push(eq(requests.applicantPhone, key.phone));
  if (match.length === 0) return [];
  return db
    .select()
    .from(requests)
    .where(and(eq(requests.officeCode, officeCode), or(...match)))
    .orderBy(asc(requests.submittedAt));
}

export async function chatsOf(db: Db, officeCode: string, waId: string) {
  return db
    .select()
    .from(whatsappInbound)
    .where(and(eq(whatsappInbound.officeCode, officeCode), eq(whatsappInbound.waId, waId)))
    .orderBy(asc(whatsappInbound.id));
}

export async function conversationOf(db: Db, officeCode: string, waId: string) {
  const [row] = await db
    .select()
    .from(whatsappConversations)
    .where(and(eq(whatsappConversations.officeCode, officeCode), eq(whatsappConversations.waId, waId)))
    .limit(1);
  return row;
}

export async function messagesTo(db: Db, officeCode: string, waId: string) {
  return db
    .select()
    .from(outbox)
    .where(and(eq(outbox.officeCode, officeCode), eq(outbox.recipient, waId)))
    .orderBy(asc(outbox.id));
}

export async function verificationsOf(db: Db, officeCode: string, phone: string) {
  return db
    .select()
    .from(phoneVerifications)
    .where(and(eq(phoneVerifications.officeCode, officeCode), eq(phoneVerifications.phone, phone)))
    .orderBy(asc(phoneVerifications.createdAt));
}

/** Audit entries about these records (requests and their files): who did what with the person's data. */
export async function auditAbout(db: Db, officeCode: string, entities: { type: string; ids: readonly string[] }[]) {
  const match = entities.filter((e) => e.ids.length > 0).map((e) => and(eq(auditLog.entityType, e.type), inArray(auditLog.entityId, [...e.ids]))!);
  if (match.length === 0) return [];
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.officeCode, officeCode), or(...match)))
    .orderBy(asc(auditLog.id));
}

export async function lockRequest(db: Db, id: string): Promise<RequestRow | undefined> {
  const [row] = await db.select().from(requests).where(eq(requests.id, id)).limit(1).for('update');
  return row;
}

export async function updateRequestPersonal(db: Db, id: string, values: Partial<Pick<RequestRow, 'subject' | 'applicant' | 'applicantPhone'>>): Promise<void> {
  await db
    .update(requests)
    .set({ ...values, version: sql`${requests.version} + 1` })
    .where(eq(requests.id, id));
}

export async function deleteVerificationsOf(db: Db, officeCode: string, phone: string): Promise<number> {
  const gone = await db
    .delete(phoneVerifications)
    .where(and(eq(phoneVerifications.officeCode, officeCode), eq(phoneVerifications.phone, phone)))
    .returning({ id: phoneVerifications.id });
  return gone.length;
}

export async function deleteConversation(db: Db, officeCode: string, waId: string): Promise<number> {
  const gone = await db
    .delete(whatsappConversations)
    .where(and(eq(whatsappConversations.officeCode, officeCode), eq(whatsappConversations.waId, waId)))
    .returning({ id: whatsappConversations.id });
  return gone.length;
}

export async function filesByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.select().from(files).where(inArray(files.id, [...ids])).orderBy(asc(files.createdAt));
}

/** An erased request's scans are due now; the scan purge deletes them (a file another open request holds stays). */
export async function purgeFilesNow(db: Db, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.update(files).set({ purgeAfter: now }).where(and(inArray(files.id, [...ids]), isNull(files.purgedAt)));
}

export async function blankChatsOf(db: Db, officeCode: string, waId: string, at: Date): Promise<number> {
  const rows = await db
    .select({ id: whatsappInbound.id })
    .from(whatsappInbound)
    .where(and(eq(whatsappInbound.officeCode, officeCode), eq(whatsappInbound.waId, waId), sql`${whatsappInbound.status} <> 'pending'`))
    .for('update');
  await blankChats(db, rows.map((r) => String(r.id)), at);
  return rows.length;
}

export async function blankOutboxOf(db: Db, officeCode: string, waId: string, at: Date): Promise<number> {
  const rows = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.officeCode, officeCode), eq(outbox.recipient, waId), inArray(outbox.status, ['sent', 'failed'])))
    .for('update');
  await blankOutbox(db, rows.map((r) => String(r.id)), at);
  return rows.length;
}

export async function hasOpenRequest(db: Db, officeCode: string, waId: string, finalStates: readonly string[]): Promise<boolean> {
  const [row] = await openRequestOf(db, sql`${officeCode}`, sql`${waId}`, finalStates).limit(1);
  return row !== undefined;
}

// ——— the newer records: children register, book loans, survey suggestions, deliveries, home visits ———

/** The children register's rows of the person: the child by NIK, or the parent's WhatsApp number. */
export async function childrenOfSubject(db: Db, officeCode: string, key: { nik?: string | undefined; phone?: string | undefined }) {
  const match: SQL[] = [];
  if (key.nik) match.push(eq(children.nik, key.nik));
  if (key.phone) match.push(eq(children.whatsapp, key.phone));
  if (match.length === 0) return [];
  return db
    .select()
    .from(children)
    .where(and(eq(children.officeCode, officeCode), or(...match)))
    .orderBy(asc(children.createdAt), asc(children.id));
}

/**
 * A child's identifying facts go; what the KIA coverage counts (birth date, sex, desa, school,
 * whether and since when it has a KIA) stays, so the figures do not change with an erasure. The
 * name becomes '' as on an anonymised request: the row must still name or number a child
 * (`children_identified`), and '' is never matched by an import.
 */
export async function anonymiseChildren(db: Db, ids: readonly string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(children)
    .set({ nik: null, name: '', parentName: null, kkNumber: null, whatsapp: null, schoolClass: null, sources: {}, updatedAt: at })
    .where(inArray(children.id, [...ids]));
}

/** The pojok baca's loans to this WhatsApp number, with the book's title. */
export async function loansOfBorrower(db: Db, officeCode: string, phone: string) {
  return db
    .select({ loan: readingCornerLoans, title: readingCornerBooks.title })
    .from(readingCornerLoans)
    .innerJoin(readingCornerBooks, eq(readingCornerBooks.id, readingCornerLoans.bookId))
    .where(and(eq(readingCornerLoans.officeCode, officeCode), eq(readingCornerLoans.borrowerPhone, phone)))
    .orderBy(asc(readingCornerLoans.loanedAt), asc(readingCornerLoans.id));
}

/** As the 90-day job does (`forgetBorrowers`): the borrower goes, the loan stays for the figures. */
export async function forgetLoanBorrowers(db: Db, ids: readonly string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.update(readingCornerLoans).set({ borrowerName: '', borrowerPhone: '', borrowerForgottenAt: at }).where(inArray(readingCornerLoans.id, [...ids]));
}

/** The survey answers about these requests that carry a written suggestion. */
export async function suggestionsOfRequests(db: Db, requestIds: readonly string[]) {
  if (requestIds.length === 0) return [];
  return db
    .select({ id: surveyResponses.id, requestId: surveyResponses.requestId, suggestion: surveyResponses.suggestion, createdAt: surveyResponses.createdAt })
    .from(surveyResponses)
    .where(and(inArray(surveyResponses.requestId, [...requestIds]), sql`${surveyResponses.suggestion} is not null`))
    .orderBy(asc(surveyResponses.createdAt));
}

/** The words go; the nine unsur scores and the profile stay anonymous in the IKM. */
export async function blankSuggestions(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.update(surveyResponses).set({ suggestion: null }).where(inArray(surveyResponses.id, [...ids]));
}

export async function deliveriesOfRequests(db: Db, requestIds: readonly string[]) {
  if (requestIds.length === 0) return [];
  const tasks = await db.select().from(deliveryTasks).where(inArray(deliveryTasks.requestId, [...requestIds])).orderBy(asc(deliveryTasks.createdAt));
  const trips = tasks.length === 0 ? [] : await db.select().from(deliveryAttempts).where(inArray(deliveryAttempts.taskId, tasks.map((x) => x.id))).orderBy(asc(deliveryAttempts.startedAt), asc(deliveryAttempts.endedAt));
  return tasks.map((task) => ({ task, trips: trips.filter((a) => a.taskId === task.id) }));
}

export async function visitsOfRequests(db: Db, requestIds: readonly string[]) {
  if (requestIds.length === 0) return [];
  return db.select().from(homeVisits).where(inArray(homeVisits.requestId, [...requestIds])).orderBy(asc(homeVisits.startsAt));
}
