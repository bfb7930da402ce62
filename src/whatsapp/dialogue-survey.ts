/**
 * The satisfaction survey (IKM, PermenPANRB 14/2017) in the chat, after a hand-over: one question
 * a message with the regulation's four answer words numbered (typed numbers and words accepted),
 * then the optional respondent profile and a suggestion. "berhenti" keeps the answers so far;
 * "survei" resumes where the citizen stopped. Pure, like the rest of the dialogue.
 */
import { UNSUR, type UnsurCode } from '../ikm/ikm.js';
import { translator } from '../i18n/i18n.js';
import { isSafeText } from '../platform/typed-text.js';
import { MAX_SUGGESTION, PROFILE_FIELDS, PROFILE_OPTIONS, type ProfileField } from '../survey/survey.js';
import type { CommandOutcome, InboundEvent, OutboundMessage } from './dialogue-contract.js';
import { buttons, chooseTyped, isKeyword, list, normalise, prepend, text, textLocale, turn, type Env, type Turn } from './dialogue-kit.js';
import type { DialogueState, SurveyDraft } from './dialogue-state.js';

/** Words that start (or resume) the survey, typed anywhere outside a form. */
const START_WORDS = new Set(['survei', 'survey', 'isi survei', 'isi survey', 'survei kepuasan', 'survey kepuasan', 'mulai survei', 'lanjut survei', 'lanjutkan survei', 'skm', 'ikm']);
/** Words that stop for now: the answers are kept. */
const STOP_WORDS = new Set(['berhenti', 'stop', 'nanti', 'nanti saja', 'later', 'pause', 'jeda', 'cukup', 'udahan', 'sudah dulu']);
const SKIP_WORDS = new Set(['lewati', 'lewat', 'skip', 'tidak ada', 'gak ada', 'ga ada', 'nggak ada', 'tidak', 'no', 'none', 'nothing', '0']);

export function wantsSurvey(event: InboundEvent): boolean {
  if (event.type === 'choice') return event.id === 'svy:start';
  return event.type === 'text' && START_WORDS.has(normalise(event.text));
}

const sv = (env: Env, key: string, params?: Record<string, unknown>) => translator(textLocale(env.locale))(`survey.chat.${key}`, params ?? {}) as string;
const ikmText = (env: Env, key: string) => translator(textLocale(env.locale))(`ikm.${key}`) as string;

type Step = { kind: 'unsur'; code: UnsurCode } | { kind: 'profile_ask' } | { kind: 'profile'; field: ProfileField } | { kind: 'suggestion' } | { kind: 'done' };

function nextStep(draft: SurveyDraft): Step {
  const code = UNSUR.find((u) => draft.answers[u] === undefined);
  if (code) return { kind: 'unsur', code };
  if (draft.profile === undefined) return { kind: 'profile_ask' };
  if (draft.profile === 'yes') {
    const field = PROFILE_FIELDS.find((f) => draft.profileAnswers[f] === undefined);
    if (field) return { kind: 'profile', field };
  }
  if (draft.suggestion === undefined) return { kind: 'suggestion' };
  return { kind: 'done' };
}

/** The number of the next unsur question (1–9), or 9 once they are all answered. */
const questionNumber = (draft: SurveyDraft) => Math.min(UNSUR.length, Object.keys(draft.answers).length + 1);

function answerWords(env: Env, code: UnsurCode): string[] {
  return [0, 1, 2, 3].map((i) => ikmText(env, `unsur.${code}.answers.${i}`));
}

function stepOptions(step: Step, env: Env): { id: string; title: string }[] {
  switch (step.kind) {
    case 'unsur':
      return answerWords(env, step.code).map((title, i) => ({ id: `svy:a:${step.code}:${i + 1}`, title }));
    case 'profile_ask':
      return [
        { id: 'svy:profile:yes', title: sv(env, 'profile_yes') },
        { id: 'svy:profile:no', title: sv(env, 'profile_skip') },
      ];
    case 'profile': {
      const options = PROFILE_OPTIONS[step.field] as readonly string[];
      const tr = translator(textLocale(env.locale));
      return [...options.map((o) => ({ id: `svy:p:${step.field}:${o}`, title: tr(`survey.profile.${step.field}.options.${o}`) as string })), { id: `svy:p:${step.field}:-`, title: sv(env, 'skip_row') }];
    }
    default:
      return [];
  }
}

/** The question the survey asks now. */
export function surveyPrompt(state: DialogueState, env: Env): OutboundMessage[] {
  const draft = state.survey;
  if (!draft) return text(sv(env, 'none_pending'));
  const step = nextStep(draft);
  switch (step.kind) {
    case 'unsur': {
      const body = sv(env, 'question', { number: questionNumber(draft), name: ikmText(env, `unsur.${step.code}.name`), question: ikmText(env, `unsur.${step.code}.question`) });
      // A list row's title is short; the full answer words go in its description when cut.
      const rows = stepOptions(step, env).map((o) => ({ ...o, ...(o.title.length > 24 ? { description: o.title } : {}) }));
      return list(env, body, sv(env, 'choose'), sv(env, 'answers_section'), rows);
    }
    case 'profile_ask':
      return buttons(env, sv(env, 'profile_ask'), stepOptions(step, env));
    case 'profile': {
      const label = translator(textLocale(env.locale))(`survey.profile.${step.field}.label`) as string;
      return list(env, sv(env, 'profile_question', { label }), sv(env, 'choose'), label, stepOptions(step, env));
    }
    case 'suggestion':
    case 'done':
      return text(sv(env, 'suggestion_ask'));
  }
}

/**
 * "survei": the survey under way is resumed while its request still awaits an answer; otherwise
 * the newest handed-over request without one is asked; otherwise the citizen is told why not.
 */
export function startSurvey(state: DialogueState, env: Env): Turn {
  const pending = env.ctx.surveys ?? [];
  const kept = state.survey && pending.some((s) => s.requestId === state.survey!.requestId) ? state.survey : undefined;
  const base = { ...state, draft: null, fix: null, idlePrompt: false };
  if (kept) {
    const resumed = { ...base, screen: { kind: 'survey' } as const, survey: kept };
    return turn(resumed, prepend(sv(env, 'resumed', { ticket: kept.ticket, number: questionNumber(kept) }), surveyPrompt(resumed, env)));
  }
  const next = pending[0];
  if (!next) {
    const note = state.survey ? sv(env, 'already_answered', { ticket: state.survey.ticket }) : sv(env, 'none_pending');
    return turn({ ...base, screen: { kind: 'menu' }, survey: null }, buttons(env, note, [{ id: 'nav:menu', title: env.tr('common.main_menu') }]));
  }
  const survey: SurveyDraft = { requestId: next.requestId, ticket: next.ticket, answers: {}, profileAnswers: {}, order: [] };
  const started = { ...base, screen: { kind: 'survey' } as const, survey };
  return turn(started, prepend(sv(env, 'intro', { ticket: next.ticket }), surveyPrompt(started, env)));
}

/** What a message means on the survey screen; undefined leaves it to the words that work everywhere ("menu", "petugas"). */
export function onSurvey(state: DialogueState, event: InboundEvent, env: Env): Turn | undefined {
  const draft = state.survey;
  if (!draft) return undefined;
  if (event.type === 'text' && (STOP_WORDS.has(normalise(event.text)) || isKeyword(event.text, 'cancel'))) {
    return turn({ ...state, screen: { kind: 'menu' } }, buttons(env, sv(env, 'paused', { number: questionNumber(draft) }), [
      { id: 'svy:start', title: env.tr('idle.continue') },
      { id: 'nav:menu', title: env.tr('common.main_menu') },
    ]));
  }
  if (event.type === 'text' && isKeyword(event.text, 'back')) return surveyBack(state, env);
  if (event.type === 'text' && (isKeyword(event.text, 'menu') || isKeyword(event.text, 'staff'))) return undefined;
  const step = nextStep(draft);
  if (step.kind === 'suggestion' || step.kind === 'done') return onSuggestion(state, draft, event, env);
  const options = stepOptions(step, env);
  // A typed number was matched against the offered rows already; full answer words are matched here (row titles are cut).
  const chosen = event.type === 'choice' ? options.find((o) => o.id === event.id) : event.type === 'text' ? chooseTyped(event.text, options) : undefined;
  if (!chosen) {
    if (event.type === 'choice' && !event.id.startsWith('svy:')) return undefined;
    return turn(state, prepend(sv(env, 'not_an_answer'), surveyPrompt(state, env)));
  }
  const answered = apply(draft, chosen.id);
  return advance(state, answered, env);
}

function apply(draft: SurveyDraft, id: string): SurveyDraft {
  const [, what, key, value] = id.split(':');
  if (what === 'a' && key && value) return { ...draft, answers: { ...draft.answers, [key]: Number(value) }, order: [...draft.order, `a:${key}`] };
  if (what === 'profile') return { ...draft, profile: key === 'yes' ? 'yes' : 'no', order: [...draft.order, 'profile'] };
  if (what === 'p' && key && value) return { ...draft, profileAnswers: { ...draft.profileAnswers, [key]: value }, order: [...draft.order, `p:${key}`] };
  return draft;
}

function onSuggestion(state: DialogueState, draft: SurveyDraft, event: InboundEvent, env: Env): Turn {
  if (event.type !== 'text') return turn(state, prepend(sv(env, 'not_an_answer'), surveyPrompt(state, env)));
  const typed = event.text.trim();
  const skipped = SKIP_WORDS.has(normalise(typed)) || normalise(typed) === '';
  if (!skipped && typed.length > MAX_SUGGESTION) return turn(state, text(sv(env, 'suggestion_too_long', { max: MAX_SUGGESTION })));
  // Control characters never reach the record; such a message is asked again.
  if (!skipped && !isSafeText(typed, 'lines')) return turn(state, prepend(sv(env, 'not_an_answer'), surveyPrompt(state, env)));
  return advance(state, { ...draft, suggestion: skipped ? '' : typed, order: [...draft.order, 'suggestion'] }, env);
}

function advance(state: DialogueState, draft: SurveyDraft, env: Env): Turn {
  const next = { ...state, survey: draft, screen: { kind: 'survey' } as const };
  if (nextStep(draft).kind !== 'done') return turn(next, surveyPrompt(next, env));
  const profile = Object.fromEntries(Object.entries(draft.profileAnswers).filter(([, v]) => v !== '-'));
  // Like a submission: a word now, the thanks when the worker has stored it (or why not).
  return turn(next, text(sv(env, 'saving')), [{ type: 'record_survey', requestId: draft.requestId, answers: draft.answers, profile, ...(draft.suggestion ? { suggestion: draft.suggestion } : {}) }]);
}

/** "kembali": the latest answer is taken back and its question asked again. */
export function surveyBack(state: DialogueState, env: Env): Turn {
  const draft = state.survey;
  if (!draft || draft.order.length === 0) return turn(state, surveyPrompt(state, env));
  const last = draft.order.at(-1)!;
  const order = draft.order.slice(0, -1);
  const [what, key] = last.split(':');
  let back: SurveyDraft = { ...draft, order };
  if (what === 'a' && key) back = { ...back, answers: Object.fromEntries(Object.entries(draft.answers).filter(([k]) => k !== key)) };
  if (what === 'profile') {
    const { profile: _dropped, ...rest } = back;
    back = rest;
  }
  if (what === 'p' && key) back = { ...back, profileAnswers: Object.fromEntries(Object.entries(draft.profileAnswers).filter(([k]) => k !== key)) };
  if (what === 'suggestion') {
    const { suggestion: _dropped, ...rest } = back;
    back = rest;
  }
  const next = { ...state, survey: back, screen: { kind: 'survey' } as const };
  return turn(next, surveyPrompt(next, env));
}

/** The worker stored the survey, or could not. */
export function onSurveyOutcome(state: DialogueState, event: Extract<CommandOutcome, { type: 'survey_recorded' | 'survey_failed' }>, env: Env): Turn {
  const menu = [{ id: 'nav:menu', title: env.tr('common.main_menu') }];
  if (event.type === 'survey_recorded') {
    return turn({ ...state, screen: { kind: 'menu' }, survey: null }, buttons(env, sv(env, 'thanks', { ticket: event.ticket, office: env.ctx.office.name }), menu));
  }
  if (event.reason === 'already_answered') return turn({ ...state, screen: { kind: 'menu' }, survey: null }, buttons(env, sv(env, 'already_answered', { ticket: event.ticket }), menu));
  // Kept: "survei" tries again with the same answers.
  return turn({ ...state, screen: { kind: 'menu' } }, buttons(env, sv(env, 'failed'), menu));
}
