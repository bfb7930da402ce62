/**
 * WIS ORA KENCOT's chatbot as a pure function: (conversation state, inbound event, context) →
 * (new state, replies, commands). No I/O and no clock but `ctx.now`; the WhatsApp worker stores the
 * state, sends the replies through the outbox and executes the commands in one transaction (see
 * dialogue-contract.ts).
 *
 * Words everywhere: "menu", "batal" (leave the current flow) and "kembali" (one step back), in any
 * case and with any punctuation, and their English equivalents. A conversation idle for more than
 * 30 minutes is asked whether to continue a half-finished flow, or greeted again.
 *
 * It never throws and always answers (except to a reaction, and while an officer is awaited after saying so once): a bug inside is caught and answered
 * with an apology and the menu, so the worker never retries one message forever. The tests fail on
 * that apology, so such a bug does not go unnoticed.
 */
import { findService, type Service } from '../catalogue/catalogue.js';
import { parseComplaintNumber } from '../complaints/complaints.js';
import {
  answerQuestion,
  applyEdit,
  editRows,
  expectsDocument,
  questionPrompt,
} from './application.js';
import { clearAnswer, deliveryChosen, emptyDraft, newRequestOf, nextQuestion, stepBack } from './application-plan.js';
import {
  byCategory,
  differsForForeigners,
  pickerScreenFor,
  readServicePick,
  serviceInfoButtons,
  serviceInfoPrompt,
  serviceName,
  servicePickerPrompt,
  servicesFor,
  type Purpose,
} from './dialogue-catalogue.js';
import type { BotLocale, CommandOutcome, DialogueContext, DialogueResult, InboundEvent, OutboundMessage } from './dialogue-contract.js';
import { formatClock, formatDateTime, officeOpenness, officeToday, weeklyHoursLines, zoneAbbreviation } from './dialogue-format.js';
import { buttons, chooseTyped, isKeyword, list, makeTr, normalise, offeredIn, prepend, text, turn, type Env, type Turn } from './dialogue-kit.js';
import { greeting, mainMenu, MENU_ITEMS, type MenuItem } from './dialogue-menu.js';
import { complaintPrompt, lookupComplaint, onComplaint, onComplaintOutcome, startComplaint } from './dialogue-complaint.js';
import { onSurvey, onSurveyOutcome, startSurvey, surveyBack, surveyPrompt, wantsSurvey } from './dialogue-survey.js';
import { initialDialogueState, readDialogueState, type DialogueState, type Screen } from './dialogue-state.js';
import { actOn, answerMidForm, readText, salamReply, type Moves } from './dialogue-understood.js';
import {
  cancelConfirmPrompt,
  detailPrompt,
  findRequest,
  fixScreenPrompt,
  fixStepBack,
  lookupTicket,
  onCancelConfirm,
  onFix,
  onFixConfirm,
  onStatusDetail,
  onStatusList,
  openDetail,
  openStatusList,
  stateShort,
  statusListPrompt,
} from './dialogue-status.js';

export type { DialogueState } from './dialogue-state.js';
/** `readDialogueState` turns the stored jsonb (possibly `{}` or an old shape) into a state `converse` accepts. */
export { initialDialogueState, readDialogueState } from './dialogue-state.js';

/** After this long without a message, a conversation is picked up again politely. */
export const IDLE_AFTER_MS = 30 * 60 * 1000;

export function converse(state: DialogueState, event: InboundEvent, ctx: DialogueContext): DialogueResult<DialogueState> {
  const current = readDialogueState(state);
  let result: Turn;
  try {
    result = run(current, event, ctx);
  } catch {
    result = apology(current, event, ctx);
  }
  // A reaction leaves the last message, and so its options, where they were.
  const offered = result.replies.length > 0 ? offeredIn(result.replies) : (result.state.offered ?? []);
  const withOffered: DialogueState = { ...result.state, ...(offered.length > 0 ? { offered } : { offered: undefined }) };
  // The state goes to jsonb: make sure what is stored is exactly what will be read back.
  const stored = JSON.parse(JSON.stringify(withOffered)) as DialogueState;
  return { state: stored, locale: stored.locale, replies: result.replies, commands: result.commands };
}

function envFor(state: DialogueState, ctx: DialogueContext): Env {
  return { ctx, locale: state.locale, tr: makeTr(state.locale), today: officeToday(ctx) };
}

function apology(state: DialogueState, event: InboundEvent, ctx: DialogueContext): Turn {
  if (event.type === 'reaction') return turn(state, []);
  const fresh = { ...initialDialogueState(), locale: state.locale, lastActivityAt: ctx.now.toISOString() };
  const tr = makeTr(state.locale);
  try {
    return turn(fresh, mainMenu(envFor(fresh, ctx), tr('common.error')));
  } catch {
    return turn(fresh, text(tr('common.error')));
  }
}

const OUTCOMES: ReadonlySet<string> = new Set(['request_submitted', 'request_submit_failed', 'request_resubmitted', 'request_cancelled', 'request_action_failed', 'survey_recorded', 'survey_failed', 'complaint_recorded', 'complaint_failed']);
const isOutcome = (event: InboundEvent): event is CommandOutcome => OUTCOMES.has(event.type);

function run(state: DialogueState, event: InboundEvent, ctx: DialogueContext): Turn {
  const env = envFor(state, ctx);
  if (event.type === 'reaction') return turn(state, []);
  if (isOutcome(event)) return onOutcome(state, event, env);

  const last = state.lastActivityAt === null ? NaN : Date.parse(state.lastActivityAt);
  const now = { ...state, lastActivityAt: ctx.now.toISOString() };
  // "survei" answers the invitation after a hand-over, which may be the number's first message to the bot.
  if (state.lastActivityAt === null) return wantsSurvey(event) ? startSurvey(now, env) : firstContact(now, event, env);
  if (ctx.now.getTime() - last > IDLE_AFTER_MS) {
    const resumed = afterPause(now, event, env);
    if (resumed) return resumed;
  }
  const typed = chosenByTyping(now, event);
  if (now.idlePrompt) return onIdlePrompt(now, typed, env);
  // The satisfaction survey reads its own answers and "berhenti" first; "menu" and "petugas" still work.
  if (now.screen.kind === 'survey') {
    const answered = onSurvey(now, typed, env);
    if (answered) return answered;
  }
  if (wantsSurvey(typed) && !isMidFlow(now)) return startSurvey(now, env);
  return globalCommand(now, typed, env) ?? onScreen(now, typed, env);
}

/**
 * A typed number or word that picks one of the options just offered becomes that choice, so every
 * list and button set can be answered by typing. "menu", "batal", "kembali" and "petugas" keep
 * their meaning everywhere.
 */
function chosenByTyping(state: DialogueState, event: InboundEvent): InboundEvent {
  if (event.type !== 'text' || !state.offered) return event;
  if ((['menu', 'cancel', 'back', 'staff'] as const).some((kind) => isKeyword(event.text, kind))) return event;
  const option = chooseTyped(event.text, state.offered);
  return option ? { type: 'choice', id: option.id, title: option.title } : event;
}

// ---------------------------------------------------------------------------------------------
// Starting, pausing, leaving

function toMenu(state: DialogueState, env: Env, note?: string): Turn {
  return turn({ ...state, screen: { kind: 'menu' }, draft: null, fix: null, idlePrompt: false }, mainMenu(env, note));
}

function firstContact(state: DialogueState, event: InboundEvent, env: Env): Turn {
  if (event.type === 'text' && isKeyword(event.text, 'english')) {
    const english = { ...state, locale: 'en' as const };
    return turn(english, greeting(envFor(english, env.ctx), false));
  }
  const menu = { ...state, screen: { kind: 'menu' } as Screen };
  if (event.type !== 'text') return turn(menu, greeting(env, false));
  // "assalamualaikum, mau bikin KIA anak saya": the salam answered and the request acted on at once.
  const understood = readText(event.text, env);
  const acted = actOn(menu, understood, env, moves(), salamReply(understood, env), event.text);
  if (acted) return acted;
  if (understood.salam === 'islamic') return turn(menu, mainMenu(env, env.tr('greeting.welcome', { salam: 'Waalaikumsalam', office: env.ctx.office.name })));
  return turn(menu, greeting(env, false));
}

function isMidFlow(state: DialogueState): boolean {
  return ['form', 'edit_pick', 'fix', 'fix_confirm', 'cancel_confirm'].includes(state.screen.kind);
}

/** What the current screen waits for is an upload (so an upload after a pause simply continues). */
function waitsForDocument(state: DialogueState, env: Env): boolean {
  if (state.screen.kind === 'fix') return true;
  if (state.screen.kind !== 'form' || !state.draft) return false;
  const service = findService(env.ctx.services, state.draft.serviceCode);
  return service !== undefined && expectsDocument(nextQuestion(service, state.draft, env));
}

function afterPause(state: DialogueState, event: InboundEvent, env: Env): Turn | undefined {
  if (isMidFlow(state)) {
    if (event.type === 'document' && waitsForDocument(state, env)) return undefined;
    return turn({ ...state, idlePrompt: true }, idlePrompt(state, env));
  }
  // A tap on the menu of an earlier message is a clear request, and so is "survei" after the invitation; anything else is a new conversation.
  if (event.type === 'choice' && event.id.startsWith('m:')) return undefined;
  if (wantsSurvey(event)) return undefined;
  // A complaint number typed days later asks for its answer: the notice said to send it.
  if (event.type === 'text' && parseComplaintNumber(event.text)) return undefined;
  return turn({ ...state, screen: { kind: 'menu' }, draft: null, fix: null, idlePrompt: false }, greeting(env, true));
}

function idlePrompt(state: DialogueState, env: Env): OutboundMessage[] {
  const service = state.draft && findService(env.ctx.services, state.draft.serviceCode);
  const what = state.fix
    ? env.tr('idle.fix', { ticket: state.fix.ticket })
    : service
      ? env.tr('idle.application', { service: serviceName(service, env) })
      : env.tr('idle.other');
  return buttons(env, env.tr('idle.body', { what }), [
    { id: 'idle:continue', title: env.tr('idle.continue') },
    { id: 'idle:restart', title: env.tr('idle.restart') },
  ]);
}

function onIdlePrompt(state: DialogueState, event: InboundEvent, env: Env): Turn {
  const typed = event.type === 'text' ? event.text : '';
  const resume = (event.type === 'choice' && event.id === 'idle:continue') || isKeyword(typed, 'yes') || isKeyword(typed, 'back');
  const restart =
    (event.type === 'choice' && (event.id === 'idle:restart' || event.id === 'nav:menu')) ||
    isKeyword(typed, 'no') || isKeyword(typed, 'menu') || isKeyword(typed, 'cancel') || ['mulai dari awal', 'ulang', 'restart', 'start over'].includes(normalise(typed));
  if (resume) {
    const resumed = { ...state, idlePrompt: false };
    return turn(resumed, prepend(env.tr('idle.resumed'), screenPrompt(resumed, env)));
  }
  if (restart) return toMenu(state, env, env.tr('idle.restarted'));
  return turn(state, prepend(env.tr('common.use_buttons'), idlePrompt(state, env)));
}

function cancelFlow(state: DialogueState, env: Env): Turn {
  const inFlow = isMidFlow(state) || state.screen.kind === 'awaiting' || state.screen.kind === 'complaint' || state.draft !== null || state.fix !== null;
  return toMenu(state, env, env.tr(inFlow ? 'menu.flow_cancelled' : 'menu.nothing_to_cancel'));
}

/** The user asked for a person: the worker routes the conversation to the staff inbox. */
function handOff(state: DialogueState, env: Env): Turn {
  const openness = officeOpenness(env.ctx);
  const body =
    openness.kind === 'open' ? env.tr('staff.open', { office: env.ctx.office.name, closes: formatClock(openness.closesAt, env), zone: zoneAbbreviation(env) })
    : openness.kind === 'closed' ? env.tr('staff.closed', { next: formatDateTime(openness.nextOpening, env) })
    : env.tr('staff.unknown');
  // An application under way is kept: after the officer hands back, it can be continued (see handedBack).
  const kept = isMidFlow(state) || state.idlePrompt ? { draft: state.draft, fix: state.fix } : { draft: null, fix: null };
  const note = kept.draft || kept.fix ? [env.tr('staff.draft_kept')] : [];
  return turn({ ...state, screen: { kind: 'staff', told: false }, ...kept, idlePrompt: false }, text([body, ...note].join('\n\n')), [{ type: 'hand_off_to_staff' }]);
}

/**
 * The officer hands the conversation back to the bot. An application the citizen had under way
 * when asking for a person is offered again (continue, or start over) at their next message;
 * otherwise the bot starts afresh at its menu. `resumable` picks the hand-back message.
 */
export function handedBack(raw: unknown): { state: DialogueState; resumable: boolean } {
  const state = readDialogueState(raw);
  // A survey stopped half-way stays resumable ("survei") whatever the officer did meanwhile.
  const fresh: DialogueState = { ...initialDialogueState(), locale: state.locale, lastActivityAt: state.lastActivityAt, ...(state.survey ? { survey: state.survey } : {}) };
  if (!state.draft && !state.fix) return { state: fresh, resumable: false };
  const tr = makeTr(state.locale);
  const fix = state.fix;
  const screen: Screen = fix ? { kind: 'fix', index: Math.max(0, fix.needed.findIndex((d) => !(d in fix.received))) } : { kind: 'form', page: 0 };
  const offered = [
    { id: 'idle:continue', title: tr('idle.continue') },
    { id: 'idle:restart', title: tr('idle.restart') },
  ];
  return { state: { ...state, screen, idlePrompt: true, offered }, resumable: true };
}

function hoursText(env: Env): string {
  const { office } = env.ctx;
  const openness = officeOpenness(env.ctx);
  const zone = zoneAbbreviation(env);
  const lines = [env.tr('hours.title', { office: office.name, zone }), ...weeklyHoursLines(env), env.tr('hours.holidays')];
  if (openness.kind === 'open') lines.push('', env.tr('hours.open_now', { closes: formatClock(openness.closesAt, env) }));
  if (openness.kind === 'closed') lines.push('', env.tr('hours.closed_now', { next: formatDateTime(openness.nextOpening, env) }));
  lines.push('', `*${env.tr('hours.address')}:* ${office.address}`);
  if (office.phone) lines.push(`*${env.tr('hours.phone')}:* ${office.phone}`);
  if (office.whatsapp) lines.push(`*WhatsApp:* ${office.whatsapp}`);
  if (office.email) lines.push(`*Email:* ${office.email}`);
  if (office.instagram) lines.push(`*Instagram:* ${office.instagram}`);
  return lines.join('\n');
}

function showHours(state: DialogueState, env: Env): Turn {
  return turn({ ...state, screen: { kind: 'menu' } }, buttons(env, hoursText(env), [
    { id: 'nav:menu', title: env.tr('common.main_menu') },
    { id: 'nav:staff', title: env.tr('common.staff') },
  ]));
}

function languagePrompt(env: Env): OutboundMessage[] {
  return buttons(env, env.tr('language.ask'), [
    { id: 'lang:id', title: 'Bahasa Indonesia' },
    { id: 'lang:en', title: 'English' },
  ]);
}

function onLanguage(state: DialogueState, event: InboundEvent, env: Env): Turn | undefined {
  const typed = event.type === 'text' ? event.text : '';
  const locale: BotLocale | undefined =
    (event.type === 'choice' && event.id === 'lang:en') || isKeyword(typed, 'english') ? 'en'
    : (event.type === 'choice' && event.id === 'lang:id') || isKeyword(typed, 'indonesian') ? 'id'
    : undefined;
  if (!locale) return undefined;
  const switched = { ...state, locale, screen: { kind: 'menu' } as Screen };
  const switchedEnv = envFor(switched, env.ctx);
  return turn(switched, mainMenu(switchedEnv, switchedEnv.tr('language.switched')));
}

// ---------------------------------------------------------------------------------------------
// Words and buttons that work everywhere

function startApplication(state: DialogueState, code: string, env: Env): Turn {
  const service = servicesFor('apply', env).find((s) => s.code === code);
  if (!service) return toMenu(state, env, env.tr('services.unavailable'));
  const draft = emptyDraft(service.code);
  const intro = env.tr('apply.intro', { service: serviceName(service, env) });
  return turn({ ...state, screen: { kind: 'form', page: 0 }, draft, fix: null }, prepend(intro, questionPrompt(nextQuestion(service, draft, env), service, draft, env)));
}

function openPicker(state: DialogueState, purpose: Purpose, env: Env): Turn {
  const screen: Screen = { kind: 'services', purpose, category: null, page: 0 };
  return turn({ ...state, screen, draft: null, fix: null }, servicePickerPrompt(screen, env));
}

function menuAction(state: DialogueState, item: MenuItem, env: Env): Turn {
  switch (item) {
    case 'info':
      return openPicker(state, 'info', env);
    case 'apply':
      return openPicker(state, 'apply', env);
    case 'status':
      return openStatusList({ ...state, draft: null, fix: null }, env);
    case 'staff':
      return handOff(state, env);
    case 'hours':
      return showHours({ ...state, draft: null, fix: null }, env);
    case 'language':
      return turn({ ...state, screen: { kind: 'language' }, draft: null, fix: null }, languagePrompt(env));
    case 'complaint':
      return startComplaint(state, env);
  }
}

function globalCommand(state: DialogueState, event: InboundEvent, env: Env): Turn | undefined {
  if (event.type === 'text') {
    if (isKeyword(event.text, 'menu')) return toMenu(state, env, isMidFlow(state) ? env.tr('menu.flow_left') : undefined);
    if (isKeyword(event.text, 'cancel')) return cancelFlow(state, env);
    if (isKeyword(event.text, 'back')) return goBack(state, env);
    if (isKeyword(event.text, 'staff')) return handOff(state, env);
    // "mau ngomong sama petugas" anywhere, but not a question about what officers do ("apa petugas bisa datang ke rumah?").
    // A clear reading only (an officer named), so a desa typed with a slip ("sambeng") is never taken for one.
    const asked = state.screen.kind === 'staff' ? undefined : readText(event.text, env);
    if (asked?.intent === 'human' && (asked.scores.human ?? 0) >= 2.5) return handOff(state, env);
    return undefined;
  }
  if (event.type !== 'choice') return undefined;
  const { id } = event;
  if (id === 'nav:menu') return toMenu(state, env);
  if (id === 'nav:back') return goBack(state, env);
  if (id === 'nav:staff') return handOff(state, env);
  if (id === 'nav:status') return openStatusList({ ...state, draft: null, fix: null }, env);
  if (id === 'nav:services') {
    const code = state.screen.kind === 'service_info' ? state.screen.code : undefined;
    const screen = pickerScreenFor('info', code, env);
    return turn({ ...state, screen, draft: null, fix: null }, servicePickerPrompt(screen, env));
  }
  if (id.startsWith('m:') && (MENU_ITEMS as readonly string[]).includes(id.slice(2))) return menuAction(state, id.slice(2) as MenuItem, env);
  if (id.startsWith('apply:')) return startApplication(state, id.slice('apply:'.length), env);
  return undefined;
}

/** "kembali": one step back from wherever the user is. */
function goBack(state: DialogueState, env: Env): Turn {
  const screen = state.screen;
  switch (screen.kind) {
    case 'menu':
      return toMenu(state, env, env.tr('menu.already_here'));
    case 'staff':
      return toMenu(state, env);
    case 'language':
    case 'status_list':
      return toMenu(state, env);
    case 'services':
      if (screen.category !== null && byCategory(screen.purpose, env)) {
        const up: Screen = { ...screen, category: null, page: 0 };
        return turn({ ...state, screen: up }, servicePickerPrompt(up, env));
      }
      return toMenu(state, env);
    case 'service_info': {
      const up = pickerScreenFor('info', screen.code, env);
      return turn({ ...state, screen: up }, servicePickerPrompt(up, env));
    }
    case 'form': {
      const service = state.draft && findService(env.ctx.services, state.draft.serviceCode);
      if (!state.draft || !service) return toMenu(state, env);
      const previous = stepBack(service, state.draft, env);
      if (!previous) {
        const up = pickerScreenFor('apply', service.code, env);
        return turn({ ...state, screen: up, draft: null }, prepend(env.tr('apply.left'), servicePickerPrompt(up, env)));
      }
      return turn({ ...state, draft: previous, screen: { kind: 'form', page: 0 } }, questionPrompt(nextQuestion(service, previous, env), service, previous, env));
    }
    case 'edit_pick':
      return turn({ ...state, screen: { kind: 'form', page: 0 } }, screenPrompt({ ...state, screen: { kind: 'form', page: 0 } }, env));
    case 'awaiting':
      return turn(state, text(env.tr('common.wait')));
    case 'status_detail':
      return env.ctx.requests.length > 0 ? openStatusList(state, env) : toMenu(state, env);
    case 'cancel_confirm':
      return openDetail(state, screen.requestId, env);
    case 'fix':
    case 'fix_confirm':
      return fixStepBack(state, env);
    case 'survey':
      return surveyBack(state, env);
    case 'complaint':
      return toMenu(state, env);
  }
}

// ---------------------------------------------------------------------------------------------
// The current screen

/** The question the current screen asks, again. */
function screenPrompt(state: DialogueState, env: Env): OutboundMessage[] {
  const screen = state.screen;
  switch (screen.kind) {
    case 'menu':
      return mainMenu(env);
    case 'staff':
      return text(env.tr('staff.waiting'));
    case 'language':
      return languagePrompt(env);
    case 'services':
      return servicePickerPrompt(screen, env);
    case 'service_info': {
      const service = findService(env.ctx.services, screen.code);
      return service ? serviceInfoButtons(service, env) : mainMenu(env);
    }
    case 'form': {
      const service = state.draft && findService(env.ctx.services, state.draft.serviceCode);
      if (!state.draft || !service) return mainMenu(env);
      return questionPrompt(nextQuestion(service, state.draft, env), service, state.draft, env, screen.page);
    }
    case 'edit_pick': {
      const service = state.draft && findService(env.ctx.services, state.draft.serviceCode);
      if (!state.draft || !service) return mainMenu(env);
      return list(env, env.tr('apply.edit.ask'), env.tr('apply.edit.button'), env.tr('apply.edit.section'), editRows(service, state.draft, env));
    }
    case 'awaiting':
      return text(env.tr('common.wait'));
    case 'status_list':
      return statusListPrompt(env, screen.page);
    case 'status_detail': {
      const request = findRequest(env, screen.requestId);
      return request ? detailPrompt(request, env) : statusListPrompt(env, 0);
    }
    case 'cancel_confirm': {
      const request = findRequest(env, screen.requestId);
      return request ? cancelConfirmPrompt(request, env) : statusListPrompt(env, 0);
    }
    case 'fix':
    case 'fix_confirm':
      return fixScreenPrompt(state, env);
    case 'survey':
      return surveyPrompt(state, env);
    case 'complaint':
      return complaintPrompt(state, env);
  }
}

function onScreen(state: DialogueState, event: InboundEvent, env: Env): Turn {
  const screen = state.screen;
  let handled: Turn | undefined;
  switch (screen.kind) {
    case 'menu':
      return onMenu(state, event, env);
    case 'staff':
      // What is written now is for the officer: said once, then silence (the inbox shows it all).
      if (screen.told) return turn(state, []);
      return turn({ ...state, screen: { kind: 'staff', told: true } }, text(env.tr('staff.waiting')));
    case 'language':
      handled = onLanguage(state, event, env);
      break;
    case 'services':
      handled = onPicker(state, screen, event, env);
      break;
    case 'service_info':
      if (event.type === 'text' && /ajukan|daftar|apply|urus/.test(normalise(event.text))) handled = startApplication(state, screen.code, env);
      else if (event.type === 'text' && /\b(wna|asing|foreign|kitap)\b/.test(normalise(event.text))) handled = foreignInfo(state, screen.code, env);
      break;
    case 'form':
      return onForm(state, event, env);
    case 'edit_pick':
      handled = onEditPick(state, event, env);
      break;
    case 'awaiting':
      return turn(state, text(env.tr('common.wait')));
    case 'status_list':
      handled = onStatusList(state, event, env);
      break;
    case 'status_detail':
      handled = onStatusDetail(state, screen.requestId, event, env);
      break;
    case 'cancel_confirm':
      handled = onCancelConfirm(state, screen.requestId, event, env);
      break;
    case 'fix':
      handled = onFix(state, screen.index, event, env);
      break;
    case 'fix_confirm':
      handled = onFixConfirm(state, event, env);
      break;
    case 'survey':
      handled = onSurvey(state, event, env);
      break;
    case 'complaint':
      handled = onComplaint(state, event, env);
      break;
  }
  if (handled) return handled;
  // Outside a form, typed words may well be a new wish ("jam buka", "syarat KK"): read them as at the menu.
  if (event.type === 'text' && !isMidFlow(state)) {
    const elsewhere = readMenuText(state, event.text, env);
    if (elsewhere) return elsewhere;
  }
  return turn(state, prepend(offScreenNote(event, env), screenPrompt(state, env)));
}

function offScreenNote(event: InboundEvent, env: Env): string {
  switch (event.type) {
    case 'voice':
      return env.tr('common.voice');
    case 'document':
      return env.tr('common.document_unexpected');
    case 'location':
      return env.tr('common.location');
    case 'choice':
      return env.tr('common.stale_choice');
    case 'text':
      return env.tr('common.not_understood');
    default:
      return env.tr('common.unsupported');
  }
}

/** The requirements for a foreign national, asked for by "WNA" under a service's information. */
function foreignInfo(state: DialogueState, code: string, env: Env): Turn | undefined {
  const service = findService(env.ctx.services, code);
  if (!service || !differsForForeigners(service)) return undefined;
  return turn(state, serviceInfoPrompt(service, env, true));
}

function onPicker(state: DialogueState, screen: Extract<Screen, { kind: 'services' }>, event: InboundEvent, env: Env): Turn | undefined {
  const action = readServicePick(screen, event, env);
  switch (action.go) {
    case 'screen':
      return turn({ ...state, screen: action.screen }, servicePickerPrompt(action.screen, env));
    case 'service': {
      if (screen.purpose === 'apply') return startApplication(state, action.code, env);
      const service = findService(env.ctx.services, action.code);
      if (!service) return undefined;
      return turn({ ...state, screen: { kind: 'service_info', code: service.code } }, serviceInfoPrompt(service, env));
    }
    case 'reprompt':
      return turn(state, prepend(action.note, servicePickerPrompt(screen, env)));
    case 'unhandled':
      if (event.type !== 'text') return undefined;
      return readMenuText(state, event.text, env) ?? turn(state, prepend(env.tr('services.not_understood'), servicePickerPrompt(screen, env)));
  }
}

function onForm(state: DialogueState, event: InboundEvent, env: Env): Turn {
  const draft = state.draft;
  const service = draft && findService(env.ctx.services, draft.serviceCode);
  if (!draft || !service) return toMenu(state, env, env.tr('services.unavailable'));
  const page = state.screen.kind === 'form' ? state.screen.page : 0;
  if (event.type === 'text') {
    const again = questionPrompt(nextQuestion(service, draft, env), service, draft, env, page);
    const answered = answerMidForm(event.text, service, again, env);
    if (answered) return turn(state, answered);
  }
  const result = answerQuestion(nextQuestion(service, draft, env), service, draft, event, env, page);
  switch (result.kind) {
    case 'next': {
      const next = nextQuestion(service, result.draft, env);
      return turn({ ...state, draft: result.draft, screen: { kind: 'form', page: 0 } }, prepend(result.note, questionPrompt(next, service, result.draft, env)));
    }
    case 'stay':
      return turn({ ...state, screen: { kind: 'form', page: result.page ?? page } }, result.replies);
    case 'edit':
      return turn({ ...state, screen: { kind: 'edit_pick' } }, screenPrompt({ ...state, screen: { kind: 'edit_pick' } }, env));
    case 'cancel':
      return toMenu(state, env, result.note ?? env.tr('apply.cancelled'));
    case 'submit':
      return submit(state, service, env);
  }
}

function submit(state: DialogueState, service: Service, env: Env): Turn {
  const draft = state.draft!;
  const input = newRequestOf(service, draft, env);
  if (!input) return turn(state, screenPrompt(state, env));
  return turn({ ...state, screen: { kind: 'awaiting', what: 'submit' } }, text(env.tr('apply.submitting')), [{ type: 'submit_request', input }]);
}

function onEditPick(state: DialogueState, event: InboundEvent, env: Env): Turn | undefined {
  const draft = state.draft;
  const service = draft && findService(env.ctx.services, draft.serviceCode);
  if (!draft || !service) return toMenu(state, env);
  if (event.type !== 'choice') return undefined;
  const edited = applyEdit(event.id, service, draft, env);
  if (!edited) return undefined;
  const next = nextQuestion(service, edited, env);
  return turn({ ...state, draft: edited, screen: { kind: 'form', page: 0 } }, questionPrompt(next, service, edited, env));
}

// ---------------------------------------------------------------------------------------------
// The main menu, typed

/** Input vocabulary for the menu: words people type for each item (both languages, any case). */
// Complaints come through the understanding of free text ("keluhan", "saran", "kecewa"), with what was written.
const MENU_WORDS: Record<Exclude<MenuItem, 'staff' | 'language' | 'complaint'>, readonly string[]> = {
  status: ['status', 'cek', 'lacak', 'track', 'tiket', 'ticket', 'sudah jadi', 'progress'],
  info: ['syarat', 'persyaratan', 'info', 'informasi', 'requirement', 'requirements', 'biaya', 'berapa lama', 'apa saja'],
  apply: ['ajukan', 'mengajukan', 'pengajuan', 'daftar', 'mendaftar', 'buat', 'bikin', 'membuat', 'urus', 'mengurus', 'apply', 'permohonan', 'new'],
  hours: ['jam', 'buka', 'tutup', 'alamat', 'lokasi', 'kantor', 'hours', 'open', 'address', 'location', 'kontak', 'contact', 'telepon', 'telp'],
};
/** Words naming a service category (their catalogue codes plus what people type). */
const CATEGORY_WORDS: Record<string, readonly string[]> = {
  kia: ['kia', 'kartu identitas anak', 'kartu anak'],
  ktp_el: ['ktp', 'ktp el', 'ktpel', 'e ktp', 'ektp'],
  kk: ['kk', 'kartu keluarga'],
  akta: ['akta', 'akte', 'akta kelahiran', 'akta kematian'],
  pindah: ['pindah', 'skpwni', 'surat pindah'],
  ikd: ['ikd', 'identitas digital', 'ktp digital'],
};
const THANKS = ['terima kasih', 'terimakasih', 'makasih', 'trims', 'thanks', 'thank you', 'suwun', 'matur nuwun', 'nuwun', 'tq', 'thx'];

function mentions(typed: string, words: readonly string[]): boolean {
  const padded = ` ${typed} `;
  return words.some((w) => padded.includes(` ${w} `));
}

function onMenu(state: DialogueState, event: InboundEvent, env: Env): Turn {
  if (event.type === 'text') {
    if (isKeyword(event.text, 'greeting')) return turn(state, greeting(env, true));
    return readMenuText(state, event.text, env) ?? turn(state, mainMenu(env, env.tr('menu.help')));
  }
  return turn(state, prepend(offScreenNote(event, env), mainMenu(env)));
}

/**
 * What typed words mean outside a form: a ticket, a menu number, a menu item's words ("cek
 * status", "jam buka"), a kind of document ("syarat KIA", "mau bikin akta"), a language.
 */
function readMenuText(state: DialogueState, input: string, env: Env): Turn | undefined {
  const typed = normalise(input);
  const ticket = lookupTicket(state, input, env);
  if (ticket) return ticket;
  const complaint = lookupComplaint(state, input, env);
  if (complaint) return complaint;
  const number = /^\d{1,2}$/.test(typed) ? Number(typed) : 0;
  const item = MENU_ITEMS[number - 1];
  if (item) return menuAction(state, item, env);
  const understood = actOn(state, readText(input, env), env, moves(), undefined, input);
  if (understood) return understood;
  if (mentions(typed, THANKS)) return turn({ ...state, screen: { kind: 'menu' } }, buttons(env, env.tr('menu.thanks'), [{ id: 'nav:menu', title: env.tr('common.main_menu') }]));
  if (isKeyword(input, 'english') || isKeyword(input, 'indonesian')) return onLanguage(state, { type: 'text', text: input }, env);
  if (isKeyword(input, 'language')) return menuAction(state, 'language', env);
  if (mentions(typed, MENU_WORDS.status)) return menuAction(state, 'status', env);
  const category = mentionedCategory(typed);
  if (mentions(typed, MENU_WORDS.hours) && !category) return menuAction(state, 'hours', env);
  const purpose: Purpose = mentions(typed, MENU_WORDS.apply) ? 'apply' : 'info';
  if (category) return openCategory(state, purpose, category, env);
  if (purpose === 'apply' || mentions(typed, MENU_WORDS.info)) return openPicker(state, purpose, env);
  return undefined;
}

/** The screen moves `actOn` may make, as this module makes them. */
function moves(): Moves {
  return {
    startApplication,
    openPicker,
    showHours: (state, env) => showHours({ ...state, draft: null, fix: null }, env),
    handOff,
    status: (state, ticket, env) => (ticket ? lookupTicket(state, ticket, env) : undefined) ?? openStatusList({ ...state, draft: null, fix: null }, env),
    toMenu: (state, env) => toMenu(state, env),
    cancel: cancelFlow,
    thanks: (state, env) => turn({ ...state, screen: { kind: 'menu' } }, buttons(env, env.tr('menu.thanks'), [{ id: 'nav:menu', title: env.tr('common.main_menu') }])),
    complain: (state, env, said) => startComplaint(state, env, said),
  };
}

function mentionedCategory(typed: string): string | undefined {
  return Object.entries(CATEGORY_WORDS).find(([, words]) => mentions(typed, words))?.[0];
}

function openCategory(state: DialogueState, purpose: Purpose, category: string, env: Env): Turn {
  const inCategory = servicesFor(purpose, env).filter((s) => s.category === category);
  if (inCategory.length === 0) return openPicker(state, purpose, env);
  if (inCategory.length === 1) {
    const only = inCategory[0]!;
    if (purpose === 'apply') return startApplication(state, only.code, env);
    return turn({ ...state, screen: { kind: 'service_info', code: only.code }, draft: null, fix: null }, serviceInfoPrompt(only, env));
  }
  const screen: Screen = { kind: 'services', purpose, category: byCategory(purpose, env) ? category : null, page: 0 };
  return turn({ ...state, screen, draft: null, fix: null }, servicePickerPrompt(screen, env));
}

// ---------------------------------------------------------------------------------------------
// What the worker reports back after a command

function onOutcome(state: DialogueState, event: CommandOutcome, env: Env): Turn {
  const tr = env.tr;
  const menuButtons = [
    { id: 'nav:status', title: tr('common.check_status') },
    { id: 'nav:menu', title: tr('common.main_menu') },
  ];
  switch (event.type) {
    case 'request_submitted': {
      const service = state.draft && findService(env.ctx.services, state.draft.serviceCode);
      const delivery = state.draft ? deliveryChosen(state.draft) : false;
      const receipt = { ticket: event.ticket, pin: event.pin };
      const body = [
        service ? tr('outcome.submitted', { ...receipt, service: serviceName(service, env) }) : tr('outcome.submitted_plain', receipt),
        tr('outcome.next_steps', { due: formatDateTime(event.dueAt, env) }),
        tr(delivery ? 'outcome.delivery' : 'outcome.pickup'),
      ].join('\n\n');
      return turn({ ...state, screen: { kind: 'menu' }, draft: null, fix: null, idlePrompt: false }, buttons(env, body, menuButtons), [
        { type: 'concerns_request', requestId: event.requestId },
      ]);
    }
    case 'request_submit_failed': {
      const service = state.draft && findService(env.ctx.services, state.draft.serviceCode);
      const note = tr(`outcome.submit_failed.${event.reason}`, event.existing ? { ticket: event.existing.ticket, state: stateShort(event.existing.state, env) } : {});
      // Sending the same application again cannot help: back to the menu, where *status* shows the open one.
      if (!state.draft || !service || event.reason === 'duplicate' || event.reason === 'duplicate_other') return toMenu(state, env, note);
      const draft = event.reason === 'nik_invalid' ? clearAnswer(state.draft, 'nik') : state.draft;
      const back = { ...state, draft, screen: { kind: 'form', page: 0 } as Screen, idlePrompt: false };
      return turn(back, prepend(note, questionPrompt(nextQuestion(service, draft, env), service, draft, env)));
    }
    case 'request_resubmitted':
      return turn({ ...state, screen: { kind: 'menu' }, fix: null }, buttons(env, tr('outcome.resubmitted', { ticket: event.ticket }), menuButtons));
    case 'request_cancelled':
      return turn({ ...state, screen: { kind: 'menu' }, fix: null }, buttons(env, tr('outcome.cancelled', { ticket: event.ticket }), menuButtons));
    case 'request_action_failed': {
      const moved = /state|final|changed|not_allowed/.test(event.reason);
      const body = tr(moved ? 'outcome.action_failed_moved' : 'outcome.action_failed', { ticket: event.ticket });
      return turn({ ...state, screen: { kind: 'menu' }, fix: null }, buttons(env, body, [
        { id: 'nav:status', title: tr('common.check_status') },
        { id: 'nav:staff', title: tr('common.staff') },
        { id: 'nav:menu', title: tr('common.main_menu') },
      ]));
    }
    case 'survey_recorded':
    case 'survey_failed':
      return onSurveyOutcome(state, event, env);
    case 'complaint_recorded':
    case 'complaint_failed':
      return onComplaintOutcome(state, event, env);
  }
}
