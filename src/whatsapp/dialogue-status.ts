/**
 * "Cek status": this number's requests in plain words, fixing a returned one document by document,
 * and cancelling one that the office has not accepted yet. Only requests made from this WhatsApp
 * number are in the context, so nobody can read another family's request by guessing a ticket.
 */
import { findService } from '../catalogue/catalogue.js';
import { parseTicket } from '../requests/ticket.js';
import { receivedNote, refusalNote } from './application.js';
import { documentLabel, documentShortLabel, isDocumentType, serviceName } from './dialogue-catalogue.js';
import type { ApplicantRequestSummary, InboundEvent, OutboundMessage } from './dialogue-contract.js';
import { formatDateTime, formatDay } from './dialogue-format.js';
import { buttons, isKeyword, list, normalise, pageFromChoice, pageOf, prepend, text, turn, type Env, type Turn } from './dialogue-kit.js';
import type { DialogueState, Fix } from './dialogue-state.js';

const CANCELLABLE = ['submitted', 'returned'];
const IN_PROGRESS = ['submitted', 'verified', 'processing'];

export function findRequest(env: Env, requestId: string): ApplicantRequestSummary | undefined {
  return env.ctx.requests.find((r) => r.id === requestId);
}

function requestServiceName(request: ApplicantRequestSummary, env: Env): string {
  const service = findService(env.ctx.services, request.serviceCode);
  return service ? serviceName(service, env) : request.serviceCode;
}

function stateWords(state: string, env: Env): string {
  const words = env.tr(`status.states.${state}`);
  return words === `bot.status.states.${state}` ? env.tr('status.states.unknown', { state }) : words;
}

export function stateShort(state: string, env: Env): string {
  const words = env.tr(`status.short.${state}`);
  return words === `bot.status.short.${state}` ? state : words;
}

// ---------------------------------------------------------------------------------------------
// Listing and looking up

export function statusListPrompt(env: Env, page: number): OutboundMessage[] {
  const requests = env.ctx.requests;
  if (requests.length === 0) {
    return buttons(env, env.tr('status.none'), [
      { id: 'm:apply', title: env.tr('status.apply_button') },
      { id: 'nav:menu', title: env.tr('common.main_menu') },
    ]);
  }
  const { rows } = pageOf(env, requests, page, (r) => ({
    id: `req:${r.id}`,
    title: r.ticket,
    description: `${requestServiceName(r, env)} · ${stateShort(r.state, env)}`,
  }));
  return list(env, env.tr('status.list_body', { count: requests.length }), env.tr('status.list_button'), env.tr('status.list_section'), rows);
}

export function openStatusList(state: DialogueState, env: Env, page = 0): Turn {
  return turn({ ...state, screen: { kind: 'status_list', page } }, statusListPrompt(env, page));
}

/** A typed ticket: this number's request, a polite "not found", or undefined when it is no ticket at all. */
export function lookupTicket(state: DialogueState, typed: string, env: Env): Turn | undefined {
  const parsed = parseTicket(typed);
  if (!parsed) return undefined;
  const request = env.ctx.requests.find((r) => r.ticket.toUpperCase() === parsed.ticket);
  if (request) return openDetail(state, request.id, env);
  const body = env.tr('status.not_found', { ticket: parsed.ticket });
  return turn({ ...state, screen: { kind: 'status_list', page: 0 } }, [
    ...buttons(env, body, [
      ...(env.ctx.requests.length > 0 ? [{ id: 'nav:status', title: env.tr('status.my_requests') }] : []),
      { id: 'nav:staff', title: env.tr('common.staff') },
      { id: 'nav:menu', title: env.tr('common.main_menu') },
    ]),
  ]);
}

// ---------------------------------------------------------------------------------------------
// One request

/** The document types a returned request asks to send again. */
export function fixableDocuments(request: ApplicantRequestSummary): string[] {
  const types = (request.returnReasons ?? []).flatMap((r) => (r.documentType && isDocumentType(r.documentType) ? [r.documentType] : []));
  return [...new Set(types)];
}

function detailBody(request: ApplicantRequestSummary, env: Env): string {
  const tr = env.tr;
  const lines = [`*${request.ticket}* · ${requestServiceName(request, env)}`, stateWords(request.state, env), ''];
  lines.push(`${tr('status.submitted_at')}: ${formatDay(request.submittedAt, env)}`);
  // A returned file waits for the applicant, and a ready one is done: a due time would only confuse.
  if (IN_PROGRESS.includes(request.state)) lines.push(`${tr('status.due')}: ${formatDateTime(request.dueAt, env)}`);
  if (request.state === 'returned') {
    lines.push('', `*${tr('status.to_fix')}*`);
    for (const reason of request.returnReasons ?? []) {
      const key = `status.reasons.${reason.code}`;
      const what = tr(key) === `bot.${key}` ? tr('status.reasons.other') : tr(key);
      const doc = reason.documentType ? `: ${documentLabel(reason.documentType, env)}` : '';
      const note = reason.note ? ` — "${reason.note}"` : '';
      lines.push(`• ${what}${doc}${note}`);
    }
    const fixable = fixableDocuments(request).length > 0;
    const otherReasons = (request.returnReasons ?? []).some((r) => !r.documentType);
    lines.push('', tr(fixable ? 'status.fix_hint' : 'status.fix_with_staff'));
    if (fixable && otherReasons) lines.push(tr('status.fix_also_staff'));
  }
  if (request.state === 'ready') lines.push('', tr(request.handOverChoice === 'home_delivery' ? 'status.ready_delivery' : 'status.ready_pickup'));
  return lines.join('\n');
}

export function detailPrompt(request: ApplicantRequestSummary, env: Env): OutboundMessage[] {
  const tr = env.tr;
  // The useful step first and cancelling last: the first button is the one tapped (or typed "1") without reading.
  const choices: { id: string; title: string }[] = [];
  if (request.state === 'returned') {
    choices.push(fixableDocuments(request).length > 0 ? { id: 'fix:start', title: tr('status.fix_button') } : { id: 'nav:staff', title: tr('common.staff') });
  }
  const cancellable = CANCELLABLE.includes(request.state);
  if (choices.length + (cancellable ? 1 : 0) < 2 && env.ctx.requests.length > 1) choices.push({ id: 'nav:status', title: tr('status.other_requests') });
  choices.push({ id: 'nav:menu', title: tr('common.main_menu') });
  if (cancellable) choices.push({ id: 'cancel:ask', title: tr('status.cancel_button') });
  return buttons(env, detailBody(request, env), choices);
}

export function openDetail(state: DialogueState, requestId: string, env: Env, note?: string): Turn {
  const request = findRequest(env, requestId);
  if (!request) return turn({ ...state, screen: { kind: 'status_list', page: 0 } }, prepend(env.tr('status.gone'), statusListPrompt(env, 0)));
  return turn({ ...state, screen: { kind: 'status_detail', requestId } }, prepend(note, detailPrompt(request, env)), [
    { type: 'concerns_request', requestId },
  ]);
}

/** Messages on the list: a request chosen, another page, or a ticket typed. */
export function onStatusList(state: DialogueState, event: InboundEvent, env: Env): Turn | undefined {
  if (event.type === 'choice') {
    const page = pageFromChoice(event.id);
    if (page !== undefined) return openStatusList(state, env, page);
    if (event.id.startsWith('req:')) return openDetail(state, event.id.slice(4), env);
    return undefined;
  }
  if (event.type === 'text') return lookupTicket(state, event.text, env);
  return undefined;
}

export function onStatusDetail(state: DialogueState, requestId: string, event: InboundEvent, env: Env): Turn | undefined {
  const request = findRequest(env, requestId);
  if (!request) return openStatusList(state, env);
  const typed = event.type === 'text' ? normalise(event.text) : '';
  if ((event.type === 'choice' && event.id === 'fix:start') || /perbaiki|fix/.test(typed)) return startFix(state, request, env);
  if ((event.type === 'choice' && event.id === 'cancel:ask') || /batalkan permohonan|cancel request|cancel application/.test(typed)) {
    if (!CANCELLABLE.includes(request.state)) return openDetail(state, requestId, env, env.tr('status.cannot_cancel'));
    return turn({ ...state, screen: { kind: 'cancel_confirm', requestId } }, cancelConfirmPrompt(request, env));
  }
  if (event.type === 'text') return lookupTicket(state, event.text, env);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Cancelling

export function cancelConfirmPrompt(request: ApplicantRequestSummary, env: Env): OutboundMessage[] {
  return buttons(env, env.tr('status.cancel_confirm', { ticket: request.ticket, service: requestServiceName(request, env) }), [
    { id: 'cancel:yes', title: env.tr('status.cancel_yes') },
    { id: 'cancel:no', title: env.tr('status.cancel_no') },
  ]);
}

export function onCancelConfirm(state: DialogueState, requestId: string, event: InboundEvent, env: Env): Turn | undefined {
  const request = findRequest(env, requestId);
  if (!request) return openStatusList(state, env);
  const yes = (event.type === 'choice' && event.id === 'cancel:yes') || (event.type === 'text' && isKeyword(event.text, 'yes'));
  const no = (event.type === 'choice' && event.id === 'cancel:no') || (event.type === 'text' && isKeyword(event.text, 'no'));
  if (no) return openDetail(state, requestId, env, env.tr('status.cancel_kept'));
  if (!yes) return undefined;
  if (!CANCELLABLE.includes(request.state)) return openDetail(state, requestId, env, env.tr('status.cannot_cancel'));
  return turn({ ...state, screen: { kind: 'awaiting', what: 'cancel' } }, text(env.tr('status.cancelling', { ticket: request.ticket })), [
    { type: 'cancel_request', requestId },
  ]);
}

// ---------------------------------------------------------------------------------------------
// Fixing a returned request

function fixPrompt(fix: Fix, index: number, env: Env): OutboundMessage[] {
  const type = fix.needed[index] ?? '';
  const ask = env.tr('status.fix_ask', { n: index + 1, total: fix.needed.length, doc: documentLabel(type, env), ticket: fix.ticket });
  // As in an application: the step after an upload says how to send that one again ("kembali").
  const previous = index > 0 ? fix.needed[index - 1] : undefined;
  return text(previous ? `${ask}\n${env.tr('apply.doc.redo_hint', { doc: documentShortLabel(previous, env) })}` : ask);
}

function fixConfirmPrompt(fix: Fix, env: Env): OutboundMessage[] {
  const docs = fix.needed.map((t) => `✅ ${documentShortLabel(t, env)}`).join('\n');
  return buttons(env, env.tr('status.fix_confirm', { ticket: fix.ticket, docs }), [
    { id: 'fix:send', title: env.tr('status.fix_send') },
    { id: 'fix:cancel', title: env.tr('status.fix_cancel') },
  ]);
}

export function startFix(state: DialogueState, request: ApplicantRequestSummary, env: Env): Turn {
  const needed = fixableDocuments(request);
  if (request.state !== 'returned' || needed.length === 0) return openDetail(state, request.id, env, env.tr('status.nothing_to_fix'));
  const fix: Fix = { requestId: request.id, ticket: request.ticket, needed, received: {} };
  return turn({ ...state, fix, screen: { kind: 'fix', index: 0 } }, prepend(env.tr('status.fix_intro'), fixPrompt(fix, 0, env)), [
    { type: 'concerns_request', requestId: request.id },
  ]);
}

export function fixScreenPrompt(state: DialogueState, env: Env): OutboundMessage[] {
  const fix = state.fix;
  if (!fix) return text(env.tr('common.not_understood'));
  if (state.screen.kind === 'fix_confirm') return fixConfirmPrompt(fix, env);
  return fixPrompt(fix, state.screen.kind === 'fix' ? state.screen.index : 0, env);
}

export function onFix(state: DialogueState, index: number, event: InboundEvent, env: Env): Turn | undefined {
  const fix = state.fix;
  const type = fix?.needed[index];
  if (!fix || !type) return openStatusList({ ...state, fix: null }, env);
  const label = documentShortLabel(type, env);
  if (event.type === 'document' && event.accepted) {
    const next: Fix = { ...fix, received: { ...fix.received, [type]: event.fileId } };
    const note = receivedNote(env.tr('apply.doc.received', { doc: label }), event.photo, type, env);
    if (index + 1 < fix.needed.length) return turn({ ...state, fix: next, screen: { kind: 'fix', index: index + 1 } }, prepend(note, fixPrompt(next, index + 1, env)));
    return turn({ ...state, fix: next, screen: { kind: 'fix_confirm' } }, prepend(note, fixConfirmPrompt(next, env)));
  }
  const note =
    event.type === 'document' ? refusalNote(event.reason, label, env)
    : event.type === 'voice' ? env.tr('apply.doc.voice', { doc: label })
    : event.type === 'text' ? env.tr('apply.doc.text_instead', { doc: label })
    : env.tr('apply.doc.expected', { doc: label });
  return turn(state, prepend(note, fixPrompt(fix, index, env)));
}

export function onFixConfirm(state: DialogueState, event: InboundEvent, env: Env): Turn | undefined {
  const fix = state.fix;
  if (!fix) return openStatusList(state, env);
  const typed = event.type === 'text' ? normalise(event.text) : '';
  if ((event.type === 'choice' && event.id === 'fix:cancel') || isKeyword(typed, 'no')) {
    return openDetail({ ...state, fix: null }, fix.requestId, env, env.tr('status.fix_dropped'));
  }
  const send = (event.type === 'choice' && event.id === 'fix:send') || ['kirim', 'send'].includes(typed) || isKeyword(typed, 'yes');
  if (!send) return undefined;
  const request = findRequest(env, fix.requestId);
  if (request?.state !== 'returned') return openDetail({ ...state, fix: null }, fix.requestId, env, env.tr('status.fix_not_returned'));
  const attachments = fix.needed.flatMap((documentType) => {
    const fileId = fix.received[documentType];
    return fileId ? [{ fileId, documentType }] : [];
  });
  return turn({ ...state, screen: { kind: 'awaiting', what: 'resubmit' } }, text(env.tr('status.fix_sending', { ticket: fix.ticket })), [
    { type: 'resubmit_request', requestId: fix.requestId, attachments },
  ]);
}

/** "kembali" while fixing: the previous document again, or back to the request. */
export function fixStepBack(state: DialogueState, env: Env): Turn {
  const fix = state.fix;
  if (!fix) return openStatusList(state, env);
  const index = state.screen.kind === 'fix_confirm' ? fix.needed.length : state.screen.kind === 'fix' ? state.screen.index : 0;
  if (index === 0) return openDetail({ ...state, fix: null }, fix.requestId, env);
  const previous = fix.needed[index - 1]!;
  const received = { ...fix.received };
  delete received[previous];
  const next: Fix = { ...fix, received };
  return turn({ ...state, fix: next, screen: { kind: 'fix', index: index - 1 } }, fixPrompt(next, index - 1, env));
}
