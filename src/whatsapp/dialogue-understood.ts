/**
 * Acting on what `understand` read in free text: a salam answered, an information question
 * answered without starting an application, applying only when asked, a question in the middle of
 * an application answered before the same step is asked again. The moves that change screens are
 * dialogue.ts's own, passed in as `Moves`, so this module adds words, not a second state machine.
 */
import { findService, slaFor, type Service } from '../catalogue/catalogue.js';
import { serviceInfoButtons, serviceInfoPrompt, serviceName, servicesFor } from './dialogue-catalogue.js';
import type { OutboundMessage } from './dialogue-contract.js';
import { weeklyHoursLines, zoneAbbreviation } from './dialogue-format.js';
import { buttons, prepend, text, turn, type Env, type Turn } from './dialogue-kit.js';
import { salutation } from './dialogue-menu.js';
import type { DialogueState } from './dialogue-state.js';
import { understand, type Understanding } from './understand.js';

export type Moves = {
  startApplication: (state: DialogueState, code: string, env: Env) => Turn;
  openPicker: (state: DialogueState, purpose: 'info' | 'apply', env: Env) => Turn;
  showHours: (state: DialogueState, env: Env) => Turn;
  handOff: (state: DialogueState, env: Env) => Turn;
  status: (state: DialogueState, ticket: string | null, env: Env) => Turn;
  toMenu: (state: DialogueState, env: Env, note?: string) => Turn;
  cancel: (state: DialogueState, env: Env) => Turn;
  thanks: (state: DialogueState, env: Env) => Turn;
  /** A complaint or suggestion, with what the citizen already wrote. */
  complain: (state: DialogueState, env: Env, said?: string) => Turn;
};

export function readText(input: string, env: Env): Understanding {
  return understand(input, env.ctx.services);
}

/** "Waalaikumsalam, Bapak/Ibu 🙏" for an assalamualaikum, "Selamat pagi, Bapak/Ibu 🙏" for any other greeting. */
export function salamReply(u: Understanding, env: Env): string | undefined {
  if (u.salam === 'islamic') return env.tr('understand.waalaikumsalam');
  if (u.salam === 'plain') return env.tr('understand.salam', { salam: salutation(env) });
  return undefined;
}

function slaWords(service: Service, env: Env): string {
  const days = service.channels.includes('whatsapp') ? slaFor(service, 'whatsapp') : service.slaWorkingDays;
  if (days === 0) return env.tr('info.sla_same_day');
  return days === 1 ? env.tr('info.sla_one_day') : env.tr('info.sla_days', { days });
}

const menuButton = (env: Env) => ({ id: 'nav:menu', title: env.tr('common.main_menu') });
const staffButton = (env: Env) => ({ id: 'nav:staff', title: env.tr('common.staff') });

/** The answer to an information question, as messages (no screen change), or undefined when it needs a screen. */
export function answerOf(u: Understanding, service: Service | undefined, env: Env): string | undefined {
  switch (u.intent) {
    case 'fee':
      return service ? env.tr('understand.fee_service', { service: serviceName(service, env) }) : env.tr('understand.fee_general');
    case 'duration':
      return service ? env.tr('understand.duration_service', { service: serviceName(service, env), time: slaWords(service, env) }) : undefined;
    case 'home_service':
      return env.tr('understand.home_service', { office: env.ctx.office.name });
    case 'complaint':
      return env.tr('understand.complaint');
    case 'location':
      return env.tr('understand.location', { office: env.ctx.office.name, address: env.ctx.office.address });
    default:
      return undefined;
  }
}

/**
 * Free text outside an application, acted on; undefined when nothing was understood (the caller
 * keeps its own reading). `note` goes in front (a salam answered).
 */
export function actOn(state: DialogueState, u: Understanding, env: Env, moves: Moves, note?: string, said?: string): Turn | undefined {
  const service = u.service ? findService(env.ctx.services, u.service) : undefined;
  const withNote = (t: Turn): Turn => (note ? { ...t, replies: prepend(note, t.replies) } : t);
  const info = (s: Service): Turn => withNote(turn({ ...state, screen: { kind: 'service_info', code: s.code }, draft: null, fix: null }, serviceInfoPrompt(s, env)));
  const answered = (body: string, choices: { id: string; title: string }[]): Turn => withNote(turn({ ...state, screen: { kind: 'menu' } }, buttons(env, body, choices)));
  switch (u.intent) {
    case 'human':
      return withNote(moves.handOff(state, env));
    case 'status':
      return withNote(moves.status(state, u.ticket, env));
    case 'hours':
      return withNote(moves.showHours(state, env));
    case 'complaint':
      return withNote(moves.complain(state, env, said));
    case 'location':
    case 'home_service':
      return answered(answerOf(u, service, env)!, [staffButton(env), menuButton(env)]);
    case 'fee':
    case 'duration': {
      const body = answerOf(u, service, env);
      if (!body) return withNote(moves.openPicker(state, 'info', env));
      if (!service) return answered(body, [{ id: 'm:info', title: env.tr('menu.rows.info.title') }, menuButton(env)]);
      return withNote(turn({ ...state, screen: { kind: 'service_info', code: service.code }, draft: null, fix: null }, prepend(body, serviceInfoButtons(service, env))));
    }
    case 'requirements':
      return service ? info(service) : withNote(moves.openPicker(state, 'info', env));
    case 'apply': {
      if (!service) return withNote(moves.openPicker(state, 'apply', env));
      // A service not offered over WhatsApp: its page says where to apply instead.
      const online = servicesFor('apply', env).some((s) => s.code === service.code);
      return online ? withNote(moves.startApplication(state, service.code, env)) : info(service);
    }
    case 'thanks':
      return withNote(moves.thanks(state, env));
    case 'cancel':
      return withNote(moves.cancel(state, env));
    case 'menu':
      return withNote(moves.toMenu(state, env));
    case 'greeting':
    case 'unknown':
      return undefined;
  }
}

const ASKED_MID_FORM = new Set(['fee', 'duration', 'requirements', 'hours', 'location', 'home_service', 'complaint']);
/**
 * A bare "gimana ya" at the summary scores 1.5 for requirements: a confused citizen, not a question
 * about the service, who is better helped by the step re-asked briefly than by the whole how-to.
 * A cue word ("syarat", "biaya", "lama") scores 2 or more.
 */
const MID_FORM_MIN_SCORE = 2;

/**
 * A question typed in the middle of an application ("berapa biayanya?" at the NIK step): the
 * answer, about the service being applied for unless another is named, then the same step again
 * (`again`). Only questions are taken: a stated answer (a name, "pakai kursi roda") is the step's.
 */
export function answerMidForm(input: string, draftService: Service, again: OutboundMessage[], env: Env): OutboundMessage[] | undefined {
  const u = readText(input, env);
  if (!u.question || !ASKED_MID_FORM.has(u.intent) || (u.scores[u.intent] ?? 0) < MID_FORM_MIN_SCORE) return undefined;
  const named = u.service ? findService(env.ctx.services, u.service) : undefined;
  const service = named ?? draftService;
  const answer = u.intent === 'requirements' ? serviceInfoPrompt(service, env).filter((m) => m.type === 'text')
    : u.intent === 'hours' ? undefined
    : text(answerOf(u, service, env) ?? env.tr('understand.fee_general'));
  const hours = u.intent === 'hours' ? text([env.tr('hours.title', { office: env.ctx.office.name, zone: zoneAbbreviation(env) }), ...weeklyHoursLines(env)].join('\n')) : [];
  return [...(answer ?? hours), ...prepend(env.tr('understand.resume'), again)];
}
