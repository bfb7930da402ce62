/**
 * The worker behind the webhook: takes each stored message in turn, fetches its media, runs the
 * chatbot's pure dialogue, and commits in ONE transaction the conversation's new state, the
 * replies (outbox), the commands' effects (a request submitted, resubmitted…) and the message's
 * `done` mark. A crash anywhere before the commit leaves the message pending: it is answered
 * exactly once, after restart.
 */
import type { Logger } from 'pino';
import { PortalComplaintInput, receiveComplaint } from '../complaints/service.js';
import { complaintsOfPhone } from '../complaints/storage.js';
import type { Db } from '../db/database.js';
import type { BlobStore } from '../files/blobs.js';
import { storeUpload } from '../files/service.js';
import { findFile } from '../files/storage.js';
import { officeCatalogue } from '../office-catalogue/service.js';
import { loadOfficeCalendar } from '../offices/calendar.js';
import { findOffice, listDesa, type OfficeRow } from '../offices/storage.js';
import type { Clock } from '../platform/clock.js';
import { AppError } from '../platform/errors.js';
import type { RegionLookup } from '../regions/region-lookup.js';
import { actAsApplicant, submitAsApplicant } from '../requests/service.js';
import { findRequest, requestsOfApplicant } from '../requests/storage.js';
import { recordSurvey, SurveyInput } from '../survey/service.js';
import { unsurveyedRequestsOf } from '../survey/storage.js';
import { SURVEY_OPEN_DAYS } from '../survey/survey.js';
import { fetchCloudMedia, type GraphTarget } from './cloud-api.js';
import type { CommandOutcome, DialogueCommand, DialogueContext, DialogueResult, DocumentRefusal, InboundEvent, OutboundMessage, PhotoSeen } from './dialogue-contract.js';
import { backoffMs } from './sender.js';
import * as store from './storage.js';

/** The chatbot, as the worker sees it: a pure function over a JSON state. */
export type Dialogue<S> = {
  initial(): S;
  converse(state: S, event: InboundEvent, ctx: DialogueContext): DialogueResult<S>;
  /** What the bot says when something broke on our side, so the user is never left unanswered. */
  apology(locale: string): OutboundMessage;
};

export type InboundDeps<S> = {
  db: Db;
  clock: Clock;
  regions: RegionLookup;
  blobs: BlobStore;
  secret: string;
  maxUploadBytes: number;
  /**
   * The OCR's time budget per photo (issue 16): here, in the worker, after the webhook has been
   * acknowledged, so it delays only this person's next reply; 0 or absent: the quality check only.
   */
  photoOcrTimeoutMs?: number | undefined;
  graph: () => GraphTarget;
  dialogue: Dialogue<S>;
  logger?: Logger | undefined;
};

const MEDIA_TYPES = new Set(['image', 'document']);
const MAX_ATTEMPTS = 6;

/** One round over the stored messages that are due; returns how many were handled. */
export async function processDueInbound<S>(deps: InboundDeps<S>, limit = 20): Promise<number> {
  const ready = await store.readyInbound(deps.db, deps.clock.now(), limit);
  let handled = 0;
  // Ready rows are from different senders, so they may run side by side; each takes its own locks.
  await Promise.all(
    ready.map(async ({ id }) => {
      try {
        if (await handleInbound(deps, id)) handled++;
      } catch (err) {
        await recordFailure(deps, id, err);
      }
    }),
  );
  return handled;
}

async function handleInbound<S>(deps: InboundDeps<S>, id: number): Promise<boolean> {
  const row = await store.findInbound(deps.db, id);
  if (!row || row.status !== 'pending') return false;
  if (MEDIA_TYPES.has(row.type) && !row.fileId && !row.mediaRefusal) {
    const fetched = await fetchMediaOf(deps, row);
    if (fetched === 'later') return false;
  }
  return deps.db.transaction(async (tx) => {
    const locked = await store.lockInbound(tx, id);
    if (!locked) return false; // another worker has it, or just finished it
    const now = deps.clock.now();
    const conversation = await store.lockConversation(tx, locked.officeCode, locked.waId, now, locked.contactName);
    const staffReads = conversation.mode === 'staff' || conversation.waitingForStaff;
    const conversationUpdate: Parameters<typeof store.updateConversation>[2] = {
      lastInboundAt: maxDate(conversation.lastInboundAt, locked.sentAt),
      lastMessageAt: now,
      ...(staffReads && locked.type !== 'reaction' ? { unreadCount: conversation.unreadCount + 1 } : {}),
    };
    if (conversation.mode !== 'staff') {
      const office = (await findOffice(tx, locked.officeCode))!;
      const context = await dialogueContext(deps, tx, office, locked.waId, conversation.contactName ?? locked.contactName, now);
      const state = (Object.keys(conversation.dialogue).length ? conversation.dialogue : deps.dialogue.initial()) as S;
      // The photo check ran when the media was stored; its findings travel with the event.
      const findings = locked.fileId ? (await findFile(tx, locked.fileId))?.photoFindings : null;
      const photo = findings ? { kind: findings.kind, problems: findings.problems, title: findings.reading?.title ?? null } : undefined;
      let result = deps.dialogue.converse(state, eventOf(locked, photo), context);
      // The outbox sends one person's messages in the order of their rows: each answer is queued
      // before what its commands write, so the reply to this message comes first.
      const queue = async (replies: readonly OutboundMessage[], secrets: readonly string[] = []) => {
        for (const message of replies) {
          await store.insertOutbox(tx, {
            officeCode: locked.officeCode,
            requestId: conversationUpdate.requestId ?? conversation.requestId,
            recipient: locked.waId,
            kind: 'bot.reply',
            sender: 'bot',
            payload: { message, inReplyTo: locked.waMessageId, ...(secretsIn(message, secrets).length ? { secrets: secretsIn(message, secrets) } : {}) },
            createdAt: now,
            nextAttemptAt: now,
          });
        }
      };
      const commands = result.commands;
      await queue(result.replies);
      for (const command of commands) {
        const outcome = await execute(deps, tx, locked.officeCode, locked.waId, command, conversationUpdate);
        if (!outcome) continue;
        result = deps.dialogue.converse(result.state, outcome, { ...context, now: deps.clock.now() });
        await queue(result.replies, outcome.type === 'request_submitted' ? [outcome.pin] : []);
        // A follow-up may itself ask for a hand-off or point at a request; nothing chains further.
        for (const next of result.commands) if (next.type === 'hand_off_to_staff' || next.type === 'concerns_request') await execute(deps, tx, locked.officeCode, locked.waId, next, conversationUpdate);
      }
      Object.assign(conversationUpdate, { dialogue: result.state as Record<string, unknown>, locale: result.locale });
    }
    await store.updateConversation(tx, conversation.id, conversationUpdate);
    await store.updateInbound(tx, id, { status: 'done', processedAt: now, attempts: locked.attempts + 1 });
    return true;
  });
}

/** Runs one command inside the message's transaction; returns what the dialogue must hear back. */
async function execute<S>(deps: InboundDeps<S>, tx: Db, officeCode: string, waId: string, command: DialogueCommand, update: Parameters<typeof store.updateConversation>[2]): Promise<CommandOutcome | undefined> {
  const origin = { requestId: `whatsapp:${officeCode}` };
  // Everything through tx: PGlite has one connection, and a query beside an open transaction would wait for it forever.
  const requestDeps = { db: tx, clock: deps.clock, regions: deps.regions };
  switch (command.type) {
    case 'hand_off_to_staff':
      update.waitingForStaff = true;
      return undefined;
    case 'concerns_request':
      update.requestId = command.requestId;
      return undefined;
    case 'submit_request':
      try {
        // A savepoint: a refused submission rolls back alone, the conversation still moves on.
        const { request, pin, warnings } = await tx.transaction((sp) => submitAsApplicant(requestDeps, officeCode, command.input, origin, sp, { toldInChat: true }));
        update.requestId = request.id;
        return { type: 'request_submitted', ticket: request.ticket, pin, requestId: request.id, dueAt: request.dueAt, warnings };
      } catch (err) {
        if (err instanceof AppError && err.code === 'duplicate_request') {
          const existing = err.extra.duplicate as { ticket?: string; state?: string } | undefined;
          if (existing?.ticket && existing.state) return { type: 'request_submit_failed', reason: 'duplicate', existing: { ticket: existing.ticket, state: existing.state } };
          return { type: 'request_submit_failed', reason: 'duplicate_other' };
        }
        const reason = err instanceof AppError && err.code === 'nik_invalid' ? 'nik_invalid' : err instanceof AppError && err.code === 'validation' ? 'validation' : 'internal';
        if (reason === 'internal') deps.logger?.error({ err }, 'whatsapp submission failed');
        return { type: 'request_submit_failed', reason };
      }
    case 'resubmit_request':
    case 'cancel_request': {
      const action = command.type === 'resubmit_request' ? 'resubmit' : 'cancel';
      const target = await findRequest(tx, command.requestId);
      // A chat may act only on the requests made from its own number at this office.
      if (target?.officeCode !== officeCode || target.applicantPhone !== waId) return { type: 'request_action_failed', ticket: target?.ticket ?? '', reason: 'not_found' };
      try {
        const request = await tx.transaction((sp) =>
          actAsApplicant(requestDeps, command.requestId, { action, ...(command.type === 'resubmit_request' ? { attachments: command.attachments } : {}) }, origin, sp, { toldInChat: true }),
        );
        update.requestId = request.id;
        return action === 'resubmit' ? { type: 'request_resubmitted', ticket: request.ticket } : { type: 'request_cancelled', ticket: request.ticket };
      } catch (err) {
        return { type: 'request_action_failed', ticket: target.ticket, reason: err instanceof AppError ? err.code : 'internal' };
      }
    }
    case 'record_complaint':
      try {
        // The same rules as the portal's form: length and safe text.
        const body = PortalComplaintInput.shape.body.parse(command.body);
        const { complaint } = await tx.transaction((sp) => receiveComplaint(requestDeps, { officeCode, kind: command.kind, channel: 'whatsapp', body, phone: waId, withPin: false }, null, origin, sp));
        return { type: 'complaint_recorded', kind: command.kind, number: complaint.number, dueAt: complaint.dueAt.toISOString() };
      } catch (err) {
        deps.logger?.error({ err }, 'whatsapp complaint not stored');
        return { type: 'complaint_failed', kind: command.kind };
      }
    case 'record_survey': {
      const target = await findRequest(tx, command.requestId);
      // Only a request made from this number at this office; the response itself carries no number.
      if (target?.officeCode !== officeCode || target.applicantPhone !== waId) return { type: 'survey_failed', ticket: target?.ticket ?? '', reason: 'internal' };
      try {
        // The same rules as the portal's form: nine answers 1–4, profile codes, safe text.
        const parsed = SurveyInput.parse({ answers: command.answers, profile: command.profile, suggestion: command.suggestion });
        const input = { officeCode, requestId: target.id, channel: 'whatsapp' as const, ...parsed };
        await tx.transaction((sp) => recordSurvey(requestDeps, input, origin, sp));
        return { type: 'survey_recorded', ticket: target.ticket };
      } catch (err) {
        if (err instanceof AppError && err.code === 'survey_already_answered') return { type: 'survey_failed', ticket: target.ticket, reason: 'already_answered' };
        deps.logger?.error({ err }, 'whatsapp survey not stored');
        return { type: 'survey_failed', ticket: target.ticket, reason: 'internal' };
      }
    }
  }
}

async function dialogueContext<S>(deps: InboundDeps<S>, db: Db, office: OfficeRow, waId: string, contactName: string | null | undefined, now: Date): Promise<DialogueContext> {
  const requests = await requestsOfApplicant(db, office.code, waId, 10);
  const calendar = await loadOfficeCalendar(db, office, now);
  return {
    now,
    office: {
      code: office.code,
      name: office.name,
      ...office.contact,
      workingHours: office.workingHours,
      timezone: office.timezone,
      // Hours answers follow the office's calendar, holidays and closures included.
      closures: [...calendar.closures.values()].flat(),
      specialPeriods: calendar.specialPeriods,
    },
    // The office's own catalogue: services it switched off are not offered, its requirement lists apply.
    services: await officeCatalogue(db, office),
    desa: (await listDesa(db, office.code)).map((d) => ({ code: d.code, name: d.name })),
    regions: deps.regions,
    waId,
    contactName: contactName ?? undefined,
    requests: requests.map((r) => ({
      id: r.id,
      ticket: r.ticket,
      serviceCode: r.serviceCode,
      state: r.state,
      submittedAt: r.submittedAt,
      dueAt: r.dueAt,
      // Stored as the staff sent them ({ code, document, note }); the dialogue names the document type.
      returnReasons: r.returnReasons ? (r.returnReasons as { code: string; document?: string; note?: string }[]).map((x) => ({ code: x.code, documentType: x.document, note: x.note })) : null,
      handOverChoice: r.handOverChoice,
    })),
    maxUploadBytes: deps.maxUploadBytes,
    complaints: (await complaintsOfPhone(db, office.code, waId)).map((c) => ({ number: c.number, kind: c.kind as 'keluhan' | 'saran', receivedAt: c.receivedAt.toISOString(), dueAt: c.dueAt.toISOString(), answer: c.answer })),
    surveys: (await unsurveyedRequestsOf(db, office.code, waId, new Date(now.getTime() - SURVEY_OPEN_DAYS * 86_400_000))).map((r) => ({ requestId: r.id, ticket: r.ticket })),
  };
}

/** Meta's message types → the dialogue's events. Unknown types are events too: the bot answers them. */
export function eventOf(row: Pick<store.InboundRow, 'type' | 'message' | 'fileId' | 'mediaRefusal'>, photo?: PhotoSeen): InboundEvent {
  // any: Meta's free-form JSON, read defensively field by field below.
  const m = row.message as Record<string, any>;
  switch (row.type) {
    case 'text':
      return { type: 'text', text: String(m.text?.body ?? '') };
    case 'interactive': {
      const reply = m.interactive?.button_reply ?? m.interactive?.list_reply;
      return reply?.id ? { type: 'choice', id: String(reply.id), title: String(reply.title ?? '') } : { type: 'unsupported', original: 'interactive' };
    }
    case 'button':
      return { type: 'choice', id: String(m.button?.payload ?? m.button?.text ?? ''), title: String(m.button?.text ?? '') };
    case 'image':
    case 'document':
      if (row.fileId) return { type: 'document', accepted: true, fileId: row.fileId, mime: String(m[row.type]?.mime_type ?? ''), filename: m.document?.filename, ...(photo ? { photo } : {}) };
      return { type: 'document', accepted: false, reason: (row.mediaRefusal ?? 'download_failed') as DocumentRefusal };
    case 'audio':
      return { type: 'voice' };
    case 'location':
      return { type: 'location', latitude: Number(m.location?.latitude), longitude: Number(m.location?.longitude), name: m.location?.name, address: m.location?.address };
    case 'reaction':
      return { type: 'reaction', emoji: String(m.reaction?.emoji ?? '') };
    default:
      return { type: 'unsupported', original: row.type };
  }
}

/** Downloads and inspects the user's photo or PDF; 'later' when Meta is unreachable for now. */
async function fetchMediaOf<S>(deps: InboundDeps<S>, row: store.InboundRow): Promise<'done' | 'later'> {
  const mediaId = (row.message as Record<string, { id?: string } | undefined>)[row.type]?.id;
  const fetched = mediaId ? await fetchCloudMedia(deps.graph(), mediaId, deps.maxUploadBytes) : ({ ok: false, reason: 'download_failed', retry: false } as const);
  if (!fetched.ok) {
    if (fetched.retry && row.attempts + 1 < MAX_ATTEMPTS) {
      await store.updateInbound(deps.db, row.id, { attempts: row.attempts + 1, nextAttemptAt: new Date(deps.clock.now().getTime() + backoffMs(row.attempts + 1)), lastError: 'media_unavailable' });
      return 'later';
    }
    await store.updateInbound(deps.db, row.id, { mediaRefusal: fetched.reason });
    return 'done';
  }
  try {
    const file = await storeUpload({ db: deps.db, clock: deps.clock, blobs: deps.blobs, maxUploadBytes: deps.maxUploadBytes, secret: deps.secret }, { officeCode: row.officeCode, bytes: fetched.bytes, uploader: { type: 'pemohon' }, photoOcrTimeoutMs: deps.photoOcrTimeoutMs }, { requestId: `whatsapp:${row.waMessageId}` });
    await store.updateInbound(deps.db, row.id, { fileId: file.id });
  } catch (err) {
    if (!(err instanceof AppError) || !err.code.startsWith('upload_')) throw err;
    await store.updateInbound(deps.db, row.id, { mediaRefusal: err.code.slice('upload_'.length) });
  }
  return 'done';
}

/** Something broke on our side: retry a few times, then apologise so the user is not left hanging. */
async function recordFailure<S>(deps: InboundDeps<S>, id: number, err: unknown) {
  deps.logger?.error({ err, inboundId: id }, 'whatsapp message handling failed');
  const row = await store.findInbound(deps.db, id);
  if (!row || row.status !== 'pending') return;
  const now = deps.clock.now();
  if (row.attempts + 1 < MAX_ATTEMPTS) {
    await store.updateInbound(deps.db, id, { attempts: row.attempts + 1, nextAttemptAt: new Date(now.getTime() + backoffMs(row.attempts + 1)), lastError: 'internal' });
    return;
  }
  await deps.db.transaction(async (tx) => {
    const conversation = await store.lockConversation(tx, row.officeCode, row.waId, now, row.contactName);
    await store.insertOutbox(tx, { officeCode: row.officeCode, recipient: row.waId, kind: 'bot.reply', sender: 'bot', payload: { message: deps.dialogue.apology(conversation.locale) }, createdAt: now, nextAttemptAt: now });
    await store.updateConversation(tx, conversation.id, { waitingForStaff: true, lastInboundAt: maxDate(conversation.lastInboundAt, row.sentAt), lastMessageAt: now });
    await store.updateInbound(tx, id, { status: 'failed', attempts: row.attempts + 1, processedAt: now, lastError: 'internal' });
  });
}

function maxDate(a: Date | null, b: Date): Date {
  return a && a > b ? a : b;
}

/** The secrets (a new request's PIN) a reply actually contains, so the outbox masks them once sent. */
function secretsIn(message: unknown, secrets: readonly string[]): string[] {
  const text = JSON.stringify(message);
  return secrets.filter((secret) => text.includes(secret));
}
