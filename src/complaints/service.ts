/**
 * Complaints and suggestions: received from WhatsApp, the portal or the counter with a number and
 * a due time on the office's calendar, answered by an officer, the citizen told on WhatsApp (or
 * reading the answer on the portal with the number and PIN), counted per period.
 */
import crypto from 'node:crypto';
import { z } from 'zod';
import { auditActorOf, recordAudit, type Origin } from '../audit/audit.js';
import { hashPassword, passwordMatches, DUMMY_HASH } from '../auth/passwords.js';
import { authorize, type StaffActor } from '../auth/policy.js';
import { addWorkingDays, officeYear } from '../calendar/calendar.js';
import type { Db } from '../db/database.js';
import { loadOfficeCalendar } from '../offices/calendar.js';
import { findOffice } from '../offices/storage.js';
import type { Clock } from '../platform/clock.js';
import { AppError, notFound } from '../platform/errors.js';
import { safeLines, safeText } from '../platform/safe-text.js';
import { normalisePhone } from '../identity/phone.js';
import { enqueueMessage } from '../requests/storage.js';
import { generateTrackingPin, isWellFormedPin, parseTicket } from '../requests/ticket.js';
import { periodDates, PERIODS, type Period } from '../survey/survey.js';
import {
  COMPLAINT_CHANNELS,
  COMPLAINT_KINDS,
  complaintFigures,
  complaintStatus,
  formatComplaintNumber,
  MAX_ANSWER_TEXT,
  MAX_COMPLAINT_TEXT,
  MIN_COMPLAINT_TEXT,
  parseComplaintNumber,
  type ComplaintChannel,
  type ComplaintKind,
} from './complaints.js';
import * as store from './storage.js';

export type ComplaintDeps = { db: Db; clock: Clock };

const body = safeLines().trim().min(MIN_COMPLAINT_TEXT).max(MAX_COMPLAINT_TEXT);
const ticket = safeText()
  .trim()
  .max(40)
  .refine((v) => v === '' || parseTicket(v) !== null, { params: { code: 'ticket_invalid' }, message: 'not a request number (e.g. KBR-26-000123)' })
  .transform((v) => (v === '' ? undefined : parseTicket(v)!.ticket));

/** What the portal sends: no number to send to, so the answer is read back with the PIN. */
export const PortalComplaintInput = z.object({
  kind: z.enum(COMPLAINT_KINDS),
  body,
  requestTicket: ticket.optional(),
  name: safeText().trim().max(100).optional(),
});

/** What the counter records for a citizen standing there: their WhatsApp number is taken as given. */
export const CounterComplaintInput = PortalComplaintInput.extend({
  phone: safeText()
    .trim()
    .max(20)
    .refine((v) => v === '' || normalisePhone(v) !== undefined, { params: { code: 'phone_invalid' }, message: 'not an Indonesian mobile number' })
    .optional(),
});

export const AnswerInput = z.object({ answer: safeLines().trim().min(MIN_COMPLAINT_TEXT).max(MAX_ANSWER_TEXT) });
export const ComplaintListQuery = z.object({ status: z.enum(['open', 'answered', 'all']).default('open'), limit: z.coerce.number().int().min(1).max(200).default(50) });
export const LookupInput = z.object({ number: safeText().trim().max(30), pin: z.string().trim().max(10) });
export const FiguresQuery = z.object({
  period: z.enum(PERIODS).default('month'),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  n: z.coerce.number().int().min(1).max(12).optional(),
});

type NewComplaint = {
  officeCode: string;
  kind: ComplaintKind;
  channel: ComplaintChannel;
  body: string;
  requestTicket?: string | undefined;
  name?: string | undefined;
  /** wa_id */
  phone?: string | undefined;
  /** Give a PIN to read the answer on the portal (a citizen without a number the answer goes to). */
  withPin: boolean;
};

/**
 * Stores a complaint with its number and due time, and its audit entry, in one transaction (the
 * caller's when given: the chat's message transaction). Returns the PIN once, never stored plain.
 */
export async function receiveComplaint(deps: ComplaintDeps, input: NewComplaint, actor: StaffActor | null, origin: Origin, tx?: Db) {
  const office = await findOffice(tx ?? deps.db, input.officeCode);
  if (!office) throw notFound();
  const now = deps.clock.now();
  const calendar = await loadOfficeCalendar(tx ?? deps.db, office, now);
  const dueAt = addWorkingDays(calendar, now, office.complaintAnswerDays);
  const pin = input.withPin ? generateTrackingPin((max) => crypto.randomInt(max)) : undefined;
  const pinHash = pin ? await hashPassword(pin) : null;
  const run = async (db: Db) => {
    const year = officeYear(office.timezone, now);
    const number = formatComplaintNumber(office.ticketPrefix, year, await store.nextComplaintSequence(db, office.code, year));
    const row = await store.insertComplaint(db, {
      officeCode: office.code,
      number,
      kind: input.kind,
      channel: input.channel,
      body: input.body,
      requestTicket: input.requestTicket ?? null,
      name: input.name?.trim() || null,
      phone: input.phone ?? null,
      pinHash,
      receivedAt: now,
      dueAt,
      recordedBy: actor?.userId ?? null,
    });
    // What was written stays in the complaint row (and goes with its erasure), not in the audit log.
    await recordAudit(db, now, { officeCode: office.code, actor: actor ? auditActorOf(actor) : { type: 'pemohon' }, action: 'complaint.received', entityType: 'complaint', entityId: row.id, details: { number, kind: input.kind, channel: input.channel } }, origin);
    return row;
  };
  const row = tx ? await run(tx) : await deps.db.transaction(run);
  return { complaint: row, pin };
}

export function presentComplaint(c: store.ComplaintRow, now: Date) {
  return {
    id: c.id,
    number: c.number,
    kind: c.kind,
    channel: c.channel,
    body: c.body,
    requestTicket: c.requestTicket,
    name: c.name,
    phone: c.phone,
    receivedAt: c.receivedAt.toISOString(),
    dueAt: c.dueAt.toISOString(),
    status: complaintStatus(c, now),
    answer: c.answer,
    answeredAt: c.answeredAt?.toISOString() ?? null,
  };
}

/** What the citizen sees of their own complaint: no officer, no phone. */
export function presentForCitizen(c: store.ComplaintRow, now: Date) {
  return { number: c.number, kind: c.kind, receivedAt: c.receivedAt.toISOString(), dueAt: c.dueAt.toISOString(), status: complaintStatus(c, now), answer: c.answer, answeredAt: c.answeredAt?.toISOString() ?? null };
}

export async function recordAtCounter(deps: ComplaintDeps, actor: StaffActor, officeCode: string, input: z.infer<typeof CounterComplaintInput>, origin: Origin) {
  authorize(actor, 'complaint.handle', { officeCode });
  const phone = input.phone ? normalisePhone(input.phone) : undefined;
  const { complaint, pin } = await receiveComplaint(deps, { officeCode, kind: input.kind, channel: 'counter', body: input.body, requestTicket: input.requestTicket, name: input.name, phone, withPin: !phone }, actor, origin);
  return { complaint: presentComplaint(complaint, deps.clock.now()), pin };
}

export async function submitFromPortal(deps: ComplaintDeps, officeCode: string, input: z.infer<typeof PortalComplaintInput>, origin: Origin) {
  const { complaint, pin } = await receiveComplaint(deps, { officeCode, kind: input.kind, channel: 'portal', body: input.body, requestTicket: input.requestTicket, name: input.name, withPin: true }, null, origin);
  return { complaint: presentForCitizen(complaint, deps.clock.now()), pin: pin! };
}

/** The portal's "read the answer": the number and its PIN, checked in constant work whether or not the number exists. */
export async function lookupWithPin(deps: ComplaintDeps, officeCode: string, input: z.infer<typeof LookupInput>) {
  const number = parseComplaintNumber(input.number);
  const row = number ? await store.findComplaintByNumber(deps.db, number) : undefined;
  const known = row && row.officeCode === officeCode && row.pinHash ? row : undefined;
  const matches = await passwordMatches(known?.pinHash ?? (await DUMMY_HASH), isWellFormedPin(input.pin) ? input.pin : '------');
  if (!known || !matches || !isWellFormedPin(input.pin)) throw new AppError('complaint_not_found', 404, 'complaints.errors.lookup_failed');
  return presentForCitizen(known, deps.clock.now());
}

export async function listForOffice(deps: ComplaintDeps, actor: StaffActor, officeCode: string, query: z.infer<typeof ComplaintListQuery>) {
  authorize(actor, 'complaint.handle', { officeCode });
  const now = deps.clock.now();
  const rows = await store.listComplaints(deps.db, officeCode, query.status, query.limit);
  return { complaints: rows.map((r) => presentComplaint(r, now)) };
}

/**
 * The officer's answer: stored once (a second officer answering the same complaint meanwhile is
 * told so), audited, and sent to the citizen's WhatsApp in the same transaction.
 */
export async function answerComplaint(deps: ComplaintDeps, actor: StaffActor, id: string, input: z.infer<typeof AnswerInput>, origin: Origin) {
  const found = await store.findComplaint(deps.db, id);
  if (!found) throw notFound();
  authorize(actor, 'complaint.handle', { officeCode: found.officeCode });
  if (found.answeredAt) throw new AppError('complaint_answered', 409, 'complaints.errors.already_answered');
  const now = deps.clock.now();
  const row = await deps.db.transaction(async (tx) => {
    const answered = await store.answerComplaint(tx, id, { answer: input.answer, answeredAt: now, answeredBy: actor.userId });
    if (!answered) throw new AppError('complaint_answered', 409, 'complaints.errors.already_answered');
    await recordAudit(tx, now, { officeCode: answered.officeCode, actor: auditActorOf(actor), action: 'complaint.answered', entityType: 'complaint', entityId: id, details: { number: answered.number, onTime: now.getTime() <= answered.dueAt.getTime() } }, origin);
    if (answered.phone) {
      await enqueueMessage(tx, { officeCode: answered.officeCode, requestId: null, recipient: answered.phone, kind: 'complaint.answered', payload: { number: answered.number, answer: answered.answer }, createdAt: now, nextAttemptAt: now });
    }
    return answered;
  });
  return presentComplaint(row, now);
}

/** A period's figures for the office: counts by kind, answered on time, open and overdue, answer times. */
export async function complaintReport(deps: ComplaintDeps, actor: StaffActor, officeCode: string, query: z.infer<typeof FiguresQuery>) {
  authorize(actor, 'complaint.figures', { officeCode });
  const office = await findOffice(deps.db, officeCode);
  if (!office) throw notFound();
  const now = deps.clock.now();
  const [thisYear, thisMonth] = new Intl.DateTimeFormat('en-CA', { timeZone: office.timezone, year: 'numeric', month: '2-digit' }).format(now).split('-').map(Number) as [number, number];
  const period: Period = query.period;
  const year = query.year ?? thisYear;
  const n = query.n ?? (period === 'month' ? thisMonth : period === 'quarter' ? Math.ceil(thisMonth / 3) : period === 'semester' ? Math.ceil(thisMonth / 6) : 1);
  const dates = periodDates(period, year, n);
  if (!dates) throw new AppError('validation', 422, 'survey.errors.period_invalid');
  const rows = await store.complaintTimesIn(deps.db, officeCode, { ...dates, timeZone: office.timezone });
  return {
    officeCode,
    period,
    year,
    n: period === 'year' ? null : n,
    ...dates,
    answerDays: office.complaintAnswerDays,
    figures: complaintFigures(rows.map((r) => ({ ...r, kind: r.kind as ComplaintKind })), now),
  };
}


