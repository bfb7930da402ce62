/**
 * Jemput Bola KIA sessions (issue 12): planning one for a school with its roster from the
 * register, the kasi's approval (which tells the parents on WhatsApp), on-site captures kept under
 * the device's idempotency key, and holding the session: its present children's captures become
 * one batch of KIA requests through the same submit operation as every channel, due N working days
 * after the session. Every state change writes its audit entry (and notices) in one transaction.
 */
import { z } from 'zod';
import { auditActorOf, recordAudit, type Origin } from '../audit/audit.js';
import { authorize, type StaffActor } from '../auth/policy.js';
import { localDate, officeDate, workingMinutesBetween, type WorkCalendar } from '../calendar/calendar.js';
import { slaStatus } from '../calendar/sla.js';
import { normaliseWhatsApp } from '../children/children.js';
import type { Db } from '../db/database.js';
import { findFile } from '../files/storage.js';
import { t, type Locale } from '../i18n/i18n.js';
import { parseKk, parseNik } from '../identity/nik.js';
import { loadOfficeCalendar } from '../offices/calendar.js';
import { officeEmblem } from '../offices/emblem.js';
import { findOffice, type OfficeRow } from '../offices/storage.js';
import type { Clock } from '../platform/clock.js';
import { AppError, notFound } from '../platform/errors.js';
import { safeText } from '../platform/safe-text.js';
import type { RegionLookup } from '../regions/region-lookup.js';
import { maskIdNumber } from '../requests/field-access.js';
import { actOnRequest, NewRequestInput, submitRequest } from '../requests/service.js';
import * as requestStore from '../requests/storage.js';
import type { RequestState } from '../requests/workflow.js';
import { activeVisitOfficers } from '../visits/storage.js';
import {
  batchDueAt,
  batchProgress,
  capturesOpen,
  deadlineDaysValid,
  decideSessionAction,
  photoTakenOnSite,
  rosterFor,
  SESSION_EQUIPMENT,
  SESSION_EQUIPMENT_LABELS,
  type SessionAction,
  type SessionState,
} from './jemput-bola.js';
import { renderHandOverList, type HandOverListTexts } from './hand-over-list.js';
import { JEMPUT_BOLA_NOTICE, type NoticePayload } from './messages.js';
import * as store from './storage.js';

export type JemputBolaDeps = { db: Db; clock: Clock; regions: RegionLookup };

export const PlanSessionInput = z.object({
  schoolNpsn: safeText().trim().regex(/^\d{8}$/),
  startsAt: z.iso.datetime({ offset: true }),
  officerIds: z.array(z.uuid()).min(1).max(10),
  equipment: z.array(z.object({ item: z.enum(SESSION_EQUIPMENT), ready: z.boolean() })).max(SESSION_EQUIPMENT.length).default([]),
  // Any number here: the domain refuses what is not 1–7 with a message beside the field.
  deadlineWorkingDays: z.number(),
});

export const CaptureInput = z.object({
  /** Made by the device for this capture, kept with it through every retry. */
  idempotencyKey: safeText().trim().min(8).max(100),
  childId: z.uuid(),
  present: z.boolean(),
  nik: safeText().trim().max(30).optional(),
  kkNumber: safeText().trim().max(30).optional(),
  birthPlace: safeText().trim().max(80).optional(),
  parentName: safeText().trim().max(120).optional(),
  parentWhatsapp: safeText().trim().max(30).optional(),
  aktaSeen: z.boolean().default(false),
  kkSeen: z.boolean().default(false),
  /** A photo uploaded first through `POST /api/v1/offices/:code/files` (inspected and photo-checked there). */
  photoFileId: z.uuid().optional(),
});

const ZONE_WORDS: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

const fieldError = (field: string, code: string, extra: Record<string, unknown> = {}) =>
  new AppError('validation', 422, `jemputBola.errors.${code}`, {}, { errors: [{ field: `body.${field}`, code, messageKey: `jemputBola.errors.${code}`, params: {}, ...extra }] });

function localTime(cal: WorkCalendar, instant: Date) {
  const local = new Date(instant.getTime() + cal.utcOffsetMinutes * 60_000);
  return local.toISOString().slice(11, 16);
}

async function officeOf(db: Db, officeCode: string): Promise<OfficeRow> {
  const office = await findOffice(db, officeCode);
  if (!office) throw notFound();
  return office;
}

async function sessionFor(deps: JemputBolaDeps, actor: StaffActor, sessionId: string, operation: 'jemput_bola.read' | 'jemput_bola.manage' | 'jemput_bola.approve') {
  const session = await store.findSession(deps.db, sessionId);
  if (!session) throw notFound();
  authorize(actor, operation, { officeCode: session.officeCode });
  return { session, office: await officeOf(deps.db, session.officeCode) };
}

function presentSession(s: store.SessionRow, extra: { schoolName?: string | undefined; rosterCount?: number | undefined } = {}) {
  return {
    id: s.id,
    officeCode: s.officeCode,
    schoolNpsn: s.schoolNpsn,
    schoolName: extra.schoolName ?? s.schoolNpsn,
    startsAt: s.startsAt.toISOString(),
    sessionDate: s.sessionDate,
    deadlineWorkingDays: s.deadlineWorkingDays,
    officerIds: s.officerIds,
    equipment: s.equipment.map((e) => ({ ...e, label: SESSION_EQUIPMENT_LABELS[e.item as keyof typeof SESSION_EQUIPMENT_LABELS] ?? { id: e.item, en: e.item } })),
    state: s.state as SessionState,
    approvedAt: s.approvedAt?.toISOString() ?? null,
    heldAt: s.heldAt?.toISOString() ?? null,
    batchDueAt: s.batchDueAt?.toISOString() ?? null,
    closedAt: s.closedAt?.toISOString() ?? null,
    cancelledAt: s.cancelledAt?.toISOString() ?? null,
    ...(extra.rosterCount !== undefined && { rosterCount: extra.rosterCount }),
  };
}

function presentCapture(c: store.CaptureRow) {
  return {
    id: c.id,
    idempotencyKey: c.idempotencyKey,
    childId: c.childId,
    present: c.present,
    aktaSeen: c.aktaSeen,
    kkSeen: c.kkSeen,
    photoFileId: c.photoFileId,
    requestId: c.requestId,
    refusal: c.refusal,
    capturedAt: c.capturedAt.toISOString(),
  };
}

/** A session planned for a school: roster from the register (its children without a KIA), checklist, deadline. */
export async function planSession(deps: JemputBolaDeps, actor: StaffActor, officeCode: string, input: z.infer<typeof PlanSessionInput>, origin: Origin) {
  authorize(actor, 'jemput_bola.manage', { officeCode });
  const office = await officeOf(deps.db, officeCode);
  if (!deadlineDaysValid(input.deadlineWorkingDays)) throw fieldError('deadlineWorkingDays', 'deadline_out_of_range');
  const school = await store.findSchool(deps.db, officeCode, input.schoolNpsn);
  if (!school) throw fieldError('schoolNpsn', 'school_unknown');
  const now = deps.clock.now();
  const startsAt = new Date(input.startsAt);
  if (startsAt.getTime() <= now.getTime()) throw fieldError('startsAt', 'in_the_past');
  const wanted = [...new Set(input.officerIds)];
  const officers = await activeVisitOfficers(deps.db, officeCode, wanted);
  if (officers.length !== wanted.length) throw fieldError('officerIds', 'officer_unknown');
  const cal = await loadOfficeCalendar(deps.db, office, now);
  const sessionDate = localDate(cal, startsAt);
  // Every item of the seed's checklist is on it, packed or not yet.
  const equipment = SESSION_EQUIPMENT.map((item) => ({ item, ready: input.equipment.some((e) => e.item === item && e.ready) }));
  const roster = rosterFor(await store.childrenOfSchool(deps.db, officeCode, school.npsn), school.npsn, sessionDate);
  const session = await deps.db.transaction(async (tx) => {
    const row = await store.insertSession(
      tx,
      { officeCode, schoolNpsn: school.npsn, startsAt, sessionDate, deadlineWorkingDays: input.deadlineWorkingDays, officerIds: officers.map((o) => o.id), equipment, state: 'planned', createdBy: actor.userId, createdAt: now },
      roster.map((c) => c.id),
    );
    await recordAudit(tx, now, { officeCode, actor: auditActorOf(actor), action: 'jemput_bola.planned', entityType: 'jemput_bola_session', entityId: row.id, details: { npsn: school.npsn, startsAt: startsAt.toISOString(), deadlineWorkingDays: row.deadlineWorkingDays, officers: row.officerIds, roster: roster.length } }, origin);
    return row;
  });
  return presentSession(session, { schoolName: school.name, rosterCount: roster.length });
}

/** The state changes: approve (kasi; the parents are told), hold (the batch is made), close, cancel. */
export async function actOnSession(deps: JemputBolaDeps, actor: StaffActor, sessionId: string, action: SessionAction, origin: Origin) {
  const { session, office } = await sessionFor(deps, actor, sessionId, action === 'approve' ? 'jemput_bola.approve' : 'jemput_bola.manage');
  const now = deps.clock.now();
  const cal = await loadOfficeCalendar(deps.db, office, now);
  const school = await store.findSchool(deps.db, office.code, session.schoolNpsn);
  const result = await deps.db.transaction(async (tx) => {
    const locked = (await store.lockSession(tx, sessionId))!;
    const decided = decideSessionAction(locked.state as SessionState, action, actor.role);
    if (!decided.ok) {
      const status = decided.reason === 'role_not_allowed' ? 403 : 409;
      throw new AppError(decided.reason === 'role_not_allowed' ? 'forbidden' : 'session_wrong_state', status, `jemputBola.errors.${decided.reason}`, { state: { id: t('id', `jemputBola.status.${locked.state}`), en: t('en', `jemputBola.status.${locked.state}`) } });
    }
    const details: Record<string, unknown> = { from: locked.state, to: decided.to };
    let values: Partial<store.SessionRow> = { state: decided.to };
    if (action === 'approve') {
      values = { ...values, approvedBy: actor.userId, approvedAt: now };
      details.notices = await noticeParents(tx, { ...locked, schoolName: school?.name ?? locked.schoolNpsn }, cal, office, now);
    }
    if (action === 'hold') {
      const dueAt = batchDueAt(cal, locked.sessionDate, locked.deadlineWorkingDays);
      values = { ...values, heldAt: now, batchDueAt: dueAt };
      Object.assign(details, await makeBatch(deps, tx, actor, locked, school, dueAt, origin), { dueAt: dueAt.toISOString() });
    }
    if (action === 'close') values = { ...values, closedAt: now };
    if (action === 'cancel') values = { ...values, cancelledAt: now };
    const row = await store.updateSession(tx, sessionId, values);
    await recordAudit(tx, now, { officeCode: office.code, actor: auditActorOf(actor), action: `jemput_bola.${decided.to}`, entityType: 'jemput_bola_session', entityId: sessionId, details }, origin);
    return row;
  });
  return presentSession(result, { schoolName: school?.name });
}


/** One WhatsApp notice per child of the roster whose parent's number the register holds; returns how many. */
async function noticeParents(tx: Db, session: store.SessionRow & { schoolName: string }, cal: WorkCalendar, office: OfficeRow, now: Date): Promise<number> {
  const roster = await store.rosterOf(tx, session.id);
  let sent = 0;
  for (const child of roster) {
    if (!child.whatsapp) continue;
    const payload: NoticePayload = {
      child: child.name ?? '',
      school: session.schoolName,
      date: session.sessionDate,
      time: localTime(cal, session.startsAt),
      zone: ZONE_WORDS[office.timezone] ?? 'WIB',
      photoOnSite: photoTakenOnSite(child.birthDate, session.sessionDate),
    };
    await requestStore.enqueueMessage(tx, { officeCode: office.code, requestId: null, recipient: child.whatsapp, kind: JEMPUT_BOLA_NOTICE, payload, createdAt: now, nextAttemptAt: now });
    sent++;
  }
  return sent;
}

/**
 * The batch: each present child's newest capture taken in as a KIA request on the school_session
 * channel, in the session's transaction. A capture the intake refuses (a KIA already asked for,
 * a field the SOP needs) is kept with the refusal's code for the officers; the others go on.
 */
async function makeBatch(deps: JemputBolaDeps, tx: Db, actor: StaffActor, session: store.SessionRow, school: Awaited<ReturnType<typeof store.findSchool>>, dueAt: Date, origin: Origin) {
  const present = (await store.latestCaptures(tx, session.id)).filter((c) => c.present);
  const kids = new Map((await store.childrenByIds(tx, present.map((c) => c.childId))).map((c) => [c.id, c]));
  // Tickets in the roster's order (class, then name), as the hand-over list reads.
  const byRoster = (c: store.CaptureRow) => kids.get(c.childId)!;
  const captures = present.sort((a, b) => (byRoster(a).schoolClass ?? '').localeCompare(byRoster(b).schoolClass ?? '', 'id', { numeric: true }) || (byRoster(a).name ?? '').localeCompare(byRoster(b).name ?? '', 'id'));
  let created = 0;
  let refused = 0;
  for (const capture of captures) {
    const child = kids.get(capture.childId)!;
    const parentPhone = capture.parentWhatsapp ?? child.whatsapp;
    const input = NewRequestInput.safeParse({
      serviceCode: 'kia_baru',
      channel: 'school_session',
      desaCode: child.desaCode ?? school?.desaCode ?? '',
      applicant: {
        name: capture.parentName ?? child.parentName ?? school?.contactName ?? school?.name ?? '',
        // No parent's number: the school's contact, who receives the batch, is the one told.
        phone: parentPhone ?? school?.contactPhone ?? '',
        relation: parentPhone ? 'orang_tua' : 'sekolah',
      },
      subject: { nik: capture.nik ?? undefined, name: child.name ?? '', birthDate: child.birthDate, sex: child.sex ?? undefined },
      details: { kk_number: capture.kkNumber ?? '', subject_birth_place: capture.birthPlace ?? '' },
      circumstances: { hasBirthCertificate: true, foreign: false },
      handOverChoice: 'school',
      attachments: capture.photoFileId ? [{ fileId: capture.photoFileId, documentType: 'pas_foto' }] : [],
    });
    if (!input.success) {
      await store.settleCapture(tx, capture.id, { requestId: null, refusal: 'validation' });
      refused++;
      continue;
    }
    try {
      const { request } = await submitRequest(deps, actor, session.officeCode, input.data, origin, { tx, dueAt });
      await store.settleCapture(tx, capture.id, { requestId: request.id, refusal: null });
      created++;
    } catch (err) {
      // A refusal decided before anything was written (validation, duplicate): the batch goes on.
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      await store.settleCapture(tx, capture.id, { requestId: null, refusal: err.code });
      refused++;
    }
  }
  return { created, refused };
}

/**
 * One child's capture on site. The device's idempotency key makes a retry safe: the same key
 * returns the stored capture (200) and records nothing new, even after the session was held.
 */
export async function recordCapture(deps: JemputBolaDeps, actor: StaffActor, sessionId: string, input: z.infer<typeof CaptureInput>, origin: Origin) {
  const { session, office } = await sessionFor(deps, actor, sessionId, 'jemput_bola.manage');
  const earlier = await store.captureByKey(deps.db, sessionId, input.idempotencyKey);
  if (earlier) {
    if (earlier.childId !== input.childId) throw new AppError('capture_key_reused', 409, 'jemputBola.errors.key_reused');
    return { capture: presentCapture(earlier), created: false };
  }
  if (!capturesOpen(session.state as SessionState)) throw new AppError('captures_closed', 409, 'jemputBola.errors.captures_closed');
  if (!(await store.onRoster(deps.db, sessionId, input.childId))) throw fieldError('childId', 'not_on_roster');
  const now = deps.clock.now();
  const facts = input.present ? await checkPresent(deps, office, session, input, now) : null;
  const { row, created } = await deps.db.transaction(async (tx) => {
    const stored = await store.insertCaptureOnce(tx, {
      sessionId,
      childId: input.childId,
      idempotencyKey: input.idempotencyKey,
      present: input.present,
      nik: facts?.nik ?? null,
      kkNumber: facts?.kkNumber ?? null,
      birthPlace: facts ? input.birthPlace! : null,
      parentName: input.parentName || null,
      parentWhatsapp: facts?.parentWhatsapp ?? null,
      aktaSeen: input.aktaSeen,
      kkSeen: input.kkSeen,
      photoFileId: input.photoFileId ?? null,
      capturedBy: actor.userId,
      capturedAt: now,
    });
    // A retry racing the first try: nothing new happened, so nothing new is audited.
    if (stored.created) {
      await recordAudit(tx, now, { officeCode: office.code, actor: auditActorOf(actor), action: 'jemput_bola.captured', entityType: 'jemput_bola_session', entityId: sessionId, details: { captureId: stored.row.id, childId: input.childId, present: input.present } }, origin);
    }
    return stored;
  });
  if (!created && row.childId !== input.childId) throw new AppError('capture_key_reused', 409, 'jemputBola.errors.key_reused');
  return { capture: presentCapture(row), created };
}

/** What a present child's capture must carry for its KIA request: NIK and KK by the intake's rules, documents seen, someone to tell. */
async function checkPresent(deps: JemputBolaDeps, office: OfficeRow, session: store.SessionRow, input: z.infer<typeof CaptureInput>, now: Date) {
  const [child] = await store.childrenByIds(deps.db, [input.childId]);
  const today = localDate(await loadOfficeCalendar(deps.db, office, now), now);
  const nikText = input.nik || child?.nik;
  if (!nikText) throw fieldError('nik', 'nik_required');
  const nik = parseNik(nikText, { regions: deps.regions, today });
  if (!nik.ok) throw new AppError('nik_invalid', 422, 'errors.nik_invalid', {}, { nikErrors: nik.errors, errors: [{ field: 'body.nik', code: 'nik_invalid', messageKey: 'errors.nik_invalid', params: {} }] });
  const kkText = input.kkNumber || child?.kkNumber;
  if (!kkText) throw fieldError('kkNumber', 'kk_required');
  const kk = parseKk(kkText, { regions: deps.regions, today });
  if (!kk.ok) throw new AppError('kk_invalid', 422, 'jemputBola.errors.kk_invalid', {}, { kkErrors: kk.errors, errors: [{ field: 'body.kkNumber', code: 'kk_invalid', messageKey: 'jemputBola.errors.kk_invalid', params: {} }] });
  if (!input.birthPlace) throw fieldError('birthPlace', 'birth_place_required');
  if (!input.aktaSeen || !input.kkSeen) throw fieldError(input.aktaSeen ? 'kkSeen' : 'aktaSeen', 'documents_required');
  if (input.photoFileId) {
    // A photo uploaded to this office and not purged: the batch attaches it as the child's pas foto.
    const photo = await findFile(deps.db, input.photoFileId);
    if (photo?.officeCode !== office.code || photo.purgedAt) throw fieldError('photoFileId', 'photo_unknown');
  }
  const parentWhatsapp = input.parentWhatsapp ? normaliseWhatsApp(input.parentWhatsapp) : undefined;
  if (input.parentWhatsapp && !parentWhatsapp) throw fieldError('parentWhatsapp', 'whatsapp_invalid');
  if (!parentWhatsapp && !child?.whatsapp) {
    const school = await store.findSchool(deps.db, office.code, session.schoolNpsn);
    if (!school?.contactPhone) throw fieldError('parentWhatsapp', 'contact_required');
  }
  return { nik: nik.nik, kkNumber: kk.kk, parentWhatsapp: parentWhatsapp ?? null };
}

export async function listSessions(deps: JemputBolaDeps, actor: StaffActor, officeCode: string) {
  authorize(actor, 'jemput_bola.read', { officeCode });
  await officeOf(deps.db, officeCode);
  const rows = await store.sessionsOf(deps.db, officeCode);
  const names = await store.schoolNames(deps.db, officeCode);
  const counts = await store.rosterCounts(deps.db, rows.map((r) => r.id));
  return { sessions: rows.map((r) => presentSession(r, { schoolName: names.get(r.schoolNpsn), rosterCount: counts.get(r.id) ?? 0 })) };
}

/** The batch's progress along the SOP and its clock (working time left to the batch's due time). */
async function batchOf(deps: JemputBolaDeps, session: store.SessionRow, cal: WorkCalendar, now: Date) {
  const requests = await store.batchRequests(deps.db, session.id);
  const progress = batchProgress(requests.map((r) => r.state as RequestState));
  const due = session.batchDueAt;
  const clock = due && session.heldAt ? { dueAt: due.toISOString(), ...slaStatus(cal, due, now, Math.max(1, workingMinutesBetween(cal, session.heldAt, due))) } : null;
  return { progress, clock, requests: requests.map((r) => ({ id: r.id, ticket: r.ticket, state: r.state, childId: r.childId })) };
}

export async function sessionDetail(deps: JemputBolaDeps, actor: StaffActor, sessionId: string) {
  const { session, office } = await sessionFor(deps, actor, sessionId, 'jemput_bola.read');
  const now = deps.clock.now();
  const cal = await loadOfficeCalendar(deps.db, office, now);
  const school = await store.findSchool(deps.db, office.code, session.schoolNpsn);
  const roster = await store.rosterOf(deps.db, sessionId);
  const captures = new Map((await store.latestCaptures(deps.db, sessionId)).map((c) => [c.childId, c]));
  return {
    session: presentSession(session, { schoolName: school?.name, rosterCount: roster.length }),
    roster: roster.map((c) => ({
      childId: c.id,
      name: c.name,
      birthDate: c.birthDate,
      sex: c.sex,
      schoolClass: c.schoolClass,
      nik: c.nik,
      parentName: c.parentName,
      hasWhatsapp: Boolean(c.whatsapp),
      photoOnSite: photoTakenOnSite(c.birthDate, session.sessionDate),
      capture: captures.has(c.id) ? presentCapture(captures.get(c.id)!) : null,
    })),
    batch: await batchOf(deps, session, cal, now),
  };
}

export async function sessionBatch(deps: JemputBolaDeps, actor: StaffActor, sessionId: string) {
  const { session, office } = await sessionFor(deps, actor, sessionId, 'jemput_bola.read');
  const now = deps.clock.now();
  return batchOf(deps, session, await loadOfficeCalendar(deps.db, office, now), now);
}

export const HandOverBatchInput = z.object({
  /** The school's officer who receives the cards for the children. */
  receivedBy: safeText().trim().min(1).max(120),
});

/**
 * The batch handed over at the school in one action: every request of it that is ready goes through
 * the SOP's `hand_over` (its own audit entry, the parent's "delivered" notice, the child marked as
 * holding a KIA), all in one transaction with the session's audit entry; nothing is handed over if
 * one of them cannot be.
 */
export async function handOverBatch(deps: JemputBolaDeps, actor: StaffActor, sessionId: string, input: z.infer<typeof HandOverBatchInput>, origin: Origin) {
  const { session, office } = await sessionFor(deps, actor, sessionId, 'jemput_bola.manage');
  authorize(actor, 'request.hand_over', { officeCode: office.code });
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const locked = (await store.lockSession(tx, sessionId))!;
    if (locked.state !== 'held' && locked.state !== 'closed') {
      throw new AppError('session_wrong_state', 409, 'jemputBola.errors.wrong_state', { state: { id: t('id', `jemputBola.status.${locked.state}`), en: t('en', `jemputBola.status.${locked.state}`) } });
    }
    const ready = (await store.batchRequests(tx, sessionId)).filter((r) => r.state === 'ready');
    if (ready.length === 0) throw new AppError('nothing_ready', 409, 'jemputBola.errors.nothing_ready');
    const payload = { receivedBy: { name: input.receivedBy, relationship: 'other' }, method: 'school_session', receivedAt: now.toISOString() };
    // Each through the one SOP operation, inside this transaction (a savepoint each).
    for (const request of ready) await actOnRequest({ ...deps, db: tx }, actor, request.id, { action: 'hand_over', payload }, origin);
    await recordAudit(tx, now, { officeCode: office.code, actor: auditActorOf(actor), action: 'jemput_bola.batch_handed_over', entityType: 'jemput_bola_session', entityId: session.id, details: { requests: ready.map((r) => r.id) } }, origin);
    return { handedOver: ready.length };
  });
}

/** The hand-over list PDF: the batch's ready and handed-over cards, by class and name, masked NIK; audited (it names children). */
export async function handOverListPdf(deps: JemputBolaDeps, actor: StaffActor, sessionId: string, origin: Origin, locale: Locale = 'id') {
  const { session, office } = await sessionFor(deps, actor, sessionId, 'jemput_bola.read');
  const now = deps.clock.now();
  const school = await store.findSchool(deps.db, office.code, session.schoolNpsn);
  const batch = (await store.batchRequests(deps.db, sessionId)).filter((r) => r.state === 'ready' || r.state === 'handed_over');
  const kids = new Map((await store.childrenByIds(deps.db, batch.map((r) => r.childId))).map((c) => [c.id, c]));
  const captures = new Map((await store.latestCaptures(deps.db, sessionId)).map((c) => [c.childId, c]));
  const rows = batch
    .map((r) => {
      const child = kids.get(r.childId);
      const nik = captures.get(r.childId)?.nik ?? child?.nik ?? '';
      return { name: child?.name ?? '', maskedNik: nik ? maskIdNumber(nik) : '–', schoolClass: child?.schoolClass ?? '–', ticket: r.ticket };
    })
    .sort((a, b) => a.schoolClass.localeCompare(b.schoolClass, 'id', { numeric: true }) || a.name.localeCompare(b.name, 'id'));
  const words = (date: string) => new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
  const texts = Object.fromEntries(HAND_OVER_LIST_KEYS.map((k) => [k, t(locale, `jemputBola.list.${k}`)])) as HandOverListTexts;
  const pdf = await renderHandOverList({
    office: { name: office.name, regencyName: office.regencyName, address: office.contact.address, phone: office.contact.phone, emblemPng: await officeEmblem(deps.db, office.code) },
    school: school?.name ?? session.schoolNpsn,
    sessionDate: words(session.sessionDate),
    placeAndDate: `${office.name.replace(/^kecamatan\s+/i, '')}, ${words(officeDate(office.timezone, now))}`,
    children: rows,
    kasiName: (await store.staffName(deps.db, session.approvedBy)) ?? '',
    printedAt: now,
    texts,
  });
  await recordAudit(deps.db, now, { officeCode: office.code, actor: auditActorOf(actor), action: 'jemput_bola.list_printed', entityType: 'jemput_bola_session', entityId: session.id, details: { children: rows.length } }, origin);
  return { pdf, npsn: session.schoolNpsn, date: session.sessionDate };
}

const HAND_OVER_LIST_KEYS = ['title', 'school', 'sessionDate', 'number', 'name', 'nik', 'schoolClass', 'ticket', 'count', 'place', 'receivedBy', 'handedOverBy', 'signatureName'] as const satisfies readonly (keyof HandOverListTexts)[];
