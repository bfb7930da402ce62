/**
 * Pengaduan and saran in the chat: the citizen writes it in one message (or already did: "saya
 * kecewa, sudah dua minggu KIA belum jadi" is taken as the complaint and only confirmed), it is
 * recorded with a number and a due date, and typing that number later shows the answer. Pure.
 */
import { MAX_COMPLAINT_TEXT, MIN_COMPLAINT_TEXT, parseComplaintNumber, type ComplaintKind } from '../complaints/complaints.js';
import { translator } from '../i18n/i18n.js';
import { isSafeText } from '../platform/typed-text.js';
import type { CommandOutcome, InboundEvent } from './dialogue-contract.js';
import { formatDateTime } from './dialogue-format.js';
import { buttons, isKeyword, normalise, prepend, text, textLocale, turn, type Env, type Turn } from './dialogue-kit.js';
import type { DialogueState } from './dialogue-state.js';

const tx = (env: Env, key: string, params?: Record<string, unknown>) => translator(textLocale(env.locale))(`complaints.${key}`, params ?? {}) as string;

/** Words that make it a suggestion rather than a complaint. */
const SUGGESTION = /\b(saran|usul|usulan|masukan|sebaiknya|suggest|suggestion)\b/;
/** A message this long already tells what happened; a shorter one ("mau komplain") only asks to. */
const SAID_ENOUGH_WORDS = 6;

export function complaintKindOf(said: string): ComplaintKind {
  return SUGGESTION.test(normalise(said)) ? 'saran' : 'keluhan';
}

const menuButton = (env: Env) => ({ id: 'nav:menu', title: env.tr('common.main_menu') });
const what = (env: Env, kind: ComplaintKind) => tx(env, `kind.${kind}`).toLowerCase();

function confirmPrompt(env: Env, kind: ComplaintKind, body: string) {
  return buttons(env, tx(env, 'chat.confirm', { what: what(env, kind), body }), [
    { id: 'adu:send', title: tx(env, 'chat.send') },
    { id: 'adu:rewrite', title: tx(env, 'chat.rewrite') },
    { id: 'adu:cancel', title: tx(env, 'chat.cancel') },
  ]);
}

function askPrompt(env: Env, kind: ComplaintKind) {
  return text(tx(env, `chat.ask_${kind}`));
}

/** Why a typed complaint cannot be recorded as it is, or undefined when it can. */
function problemWith(body: string, env: Env): string | undefined {
  if (body.length < MIN_COMPLAINT_TEXT) return tx(env, 'chat.too_short', { min: MIN_COMPLAINT_TEXT });
  if (body.length > MAX_COMPLAINT_TEXT) return tx(env, 'chat.too_long', { max: MAX_COMPLAINT_TEXT });
  return undefined;
}

/**
 * Starts a complaint or suggestion. When the citizen's message already says what happened, it
 * becomes the complaint's text, to be confirmed; otherwise they are asked to write it.
 */
export function startComplaint(state: DialogueState, env: Env, said?: string): Turn {
  const kind = said ? complaintKindOf(said) : 'keluhan';
  const body = said?.trim() ?? '';
  const enough = body.split(/\s+/).filter(Boolean).length >= SAID_ENOUGH_WORDS && !problemWith(body, env) && isSafeText(body, 'lines');
  const base = { ...state, draft: null, fix: null };
  if (enough) return turn({ ...base, screen: { kind: 'complaint', about: kind, body } }, confirmPrompt(env, kind, body));
  return turn({ ...base, screen: { kind: 'complaint', about: kind, body: null } }, askPrompt(env, kind));
}

export function complaintPrompt(state: DialogueState, env: Env) {
  const screen = state.screen;
  if (screen.kind !== 'complaint') return askPrompt(env, 'keluhan');
  return screen.body ? confirmPrompt(env, screen.about, screen.body) : askPrompt(env, screen.about);
}

export function onComplaint(state: DialogueState, event: InboundEvent, env: Env): Turn | undefined {
  const screen = state.screen;
  if (screen.kind !== 'complaint') return undefined;
  const choice = event.type === 'choice' ? event.id : undefined;
  if (choice === 'adu:cancel' || (event.type === 'text' && isKeyword(event.text, 'cancel'))) {
    return turn({ ...state, screen: { kind: 'menu' } }, buttons(env, tx(env, 'chat.cancelled'), [menuButton(env)]));
  }
  if (choice === 'adu:rewrite') return turn({ ...state, screen: { ...screen, body: null } }, askPrompt(env, screen.about));
  if (screen.body && (choice === 'adu:send' || (event.type === 'text' && isKeyword(event.text, 'yes')))) {
    return turn(state, text(tx(env, 'chat.saving')), [{ type: 'record_complaint', kind: screen.about, body: screen.body }]);
  }
  if (event.type !== 'text') return turn(state, prepend(tx(env, 'chat.not_text'), complaintPrompt(state, env)));
  // "menu", "kembali", "petugas" keep their meaning: let the global words have them.
  if ((['menu', 'back', 'staff'] as const).some((k) => isKeyword(event.text, k))) return undefined;
  const body = event.text.trim();
  const problem = problemWith(body, env) ?? (isSafeText(body, 'lines') ? undefined : tx(env, 'chat.not_text'));
  if (problem) return turn(state, prepend(problem, askPrompt(env, screen.about)));
  return turn({ ...state, screen: { ...screen, body } }, confirmPrompt(env, screen.about, body));
}

export function onComplaintOutcome(state: DialogueState, event: Extract<CommandOutcome, { type: 'complaint_recorded' | 'complaint_failed' }>, env: Env): Turn {
  if (event.type === 'complaint_failed') {
    return turn(state, buttons(env, tx(env, 'chat.failed', { what: what(env, event.kind) }), [{ id: 'adu:send', title: tx(env, 'chat.send') }, { id: 'nav:staff', title: env.tr('common.staff') }, menuButton(env)]));
  }
  const body = tx(env, 'chat.recorded', { what: tx(env, `kind.${event.kind}`), number: event.number, due: formatDateTime(new Date(event.dueAt), env) });
  return turn({ ...state, screen: { kind: 'menu' } }, buttons(env, body, [menuButton(env)]));
}

/** A typed complaint number: its status or answer, for the number that sent it only. */
export function lookupComplaint(state: DialogueState, input: string, env: Env): Turn | undefined {
  const number = parseComplaintNumber(input);
  if (!number) return undefined;
  const found = env.ctx.complaints?.find((c) => c.number === number);
  const menu = { ...state, screen: { kind: 'menu' as const } };
  if (!found) return turn(menu, buttons(env, tx(env, 'chat.not_yours', { number }), [menuButton(env)]));
  const params = { number, what: what(env, found.kind), received: formatDateTime(new Date(found.receivedAt), env), due: formatDateTime(new Date(found.dueAt), env), answer: found.answer ?? '' };
  return turn(menu, buttons(env, tx(env, found.answer ? 'chat.status_answered' : 'chat.status_open', params), [menuButton(env)]));
}
