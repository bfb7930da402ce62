/**
 * A realistic chatbot context (Kecamatan Kembaran: its catalogue with the Banyumas 2022 KIA rules,
 * its 16 desa from the region dataset, its published contacts and hours) and a small driver that
 * plays a conversation through `converse`, checking on every turn what must always hold: replies
 * within Meta's limits, at least one reply unless the event was a reaction, a JSON-safe state.
 */
import { catalogueFor } from '../catalogue/catalogue.js';
import { BANYUMAS_HOURS } from '../offices/service.js';
import { DEMO_OFFICE_CODE, KEMBARAN_CONTACT } from '../offices/setup.js';
import { loadRegions } from '../regions/regions.js';
import { converse, initialDialogueState, type DialogueState } from '../whatsapp/dialogue.js';
import type {
  ApplicantRequestSummary,
  DialogueCommand,
  DialogueContext,
  DocumentRefusal,
  InboundEvent,
  OfficeInfo,
  OutboundMessage,
  PhotoSeen,
} from '../whatsapp/dialogue-contract.js';
import { messageLimitViolations } from '../whatsapp/message-limits.js';

export const regions = loadRegions();
export const kembaranServices = catalogueFor({ kiaRuleSet: 'banyumas_2022' });
export const kembaranDesa = regions.villagesOfDistrict(DEMO_OFFICE_CODE).map(({ code, name }) => ({ code, name }));
export const kembaranOffice: OfficeInfo = {
  code: DEMO_OFFICE_CODE,
  name: 'Kecamatan Kembaran',
  ...KEMBARAN_CONTACT,
  workingHours: BANYUMAS_HOURS,
  timezone: 'Asia/Jakarta',
};

/** Tuesday 1 December 2026, 09:00 WIB: the office is open. */
export const TUESDAY_MORNING = '2026-12-01T02:00:00Z';

export function dialogueContext(overrides: Partial<DialogueContext> = {}): DialogueContext {
  return {
    now: new Date(TUESDAY_MORNING),
    office: kembaranOffice,
    services: kembaranServices,
    desa: kembaranDesa,
    regions,
    waId: '6281227001234',
    contactName: 'Siti',
    requests: [],
    maxUploadBytes: 10 * 1024 * 1024,
    ...overrides,
  };
}

export function messageText(message: OutboundMessage): string {
  return message.type === 'text' ? message.text : message.body;
}

export function offeredIds(message: OutboundMessage): string[] {
  if (message.type === 'buttons') return message.buttons.map((b) => b.id);
  if (message.type === 'list') return message.sections.flatMap((s) => s.rows.map((r) => r.id));
  return [];
}

export function offeredTitles(message: OutboundMessage): string[] {
  if (message.type === 'buttons') return message.buttons.map((b) => b.title);
  if (message.type === 'list') return message.sections.flatMap((s) => s.rows.map((r) => r.title));
  return [];
}

/** What must hold of every turn, whatever the input. */
export function turnProblems(event: InboundEvent, replies: OutboundMessage[], state: DialogueState): string[] {
  const problems = replies.flatMap((m) => messageLimitViolations(m).map((p) => `${p} in ${JSON.stringify(m).slice(0, 200)}`));
  // Silence is right only while an officer is awaited and the bot has said so once.
  const waitingSilently = state.screen.kind === 'staff' && state.screen.told;
  if (event.type !== 'reaction' && replies.length === 0 && !waitingSilently) problems.push(`no reply to ${event.type}`);
  if (event.type === 'reaction' && replies.length > 0) problems.push('a reaction was answered');
  if (JSON.stringify(JSON.parse(JSON.stringify(state))) !== JSON.stringify(state)) problems.push('state does not survive JSON');
  if (replies.some((m) => /bot\.[a-z_]+\.[a-z_]/.test(messageText(m)))) problems.push('an untranslated key was sent');
  return problems;
}

export type Turn = {
  replies: OutboundMessage[];
  commands: DialogueCommand[];
  /** Every body and text of the turn, joined: what the user reads. */
  text: string;
  /** Ids of every button and list row offered in this turn. */
  ids: string[];
  titles: string[];
};

export type Chat = ReturnType<typeof chat>;

/** A conversation with one WhatsApp number; each message moves the clock on by a minute. */
export function chat(options: { now?: string; requests?: ApplicantRequestSummary[]; context?: Partial<DialogueContext> } = {}) {
  let state: DialogueState = initialDialogueState();
  let now = new Date(options.now ?? TUESDAY_MORNING);
  let requests = options.requests ?? [];
  let last: Turn = { replies: [], commands: [], text: '', ids: [], titles: [] };
  const log: OutboundMessage[] = [];

  const send = (event: InboundEvent, advanceMs = 60_000): Turn => {
    now = new Date(now.getTime() + advanceMs);
    const result = converse(state, event, dialogueContext({ now, requests, ...options.context }));
    const problems = turnProblems(event, result.replies, result.state);
    if (problems.length > 0) throw new Error(`after ${JSON.stringify(event)}:\n${problems.join('\n')}`);
    // Exactly what the worker does: store as JSON, read it back next time.
    state = JSON.parse(JSON.stringify(result.state)) as DialogueState;
    log.push(...result.replies);
    last = {
      replies: result.replies,
      commands: result.commands,
      text: result.replies.map(messageText).join('\n\n'),
      ids: result.replies.flatMap(offeredIds),
      titles: result.replies.flatMap(offeredTitles),
    };
    return last;
  };

  return {
    send,
    say: (text: string) => send({ type: 'text', text }),
    /** Taps a button or list row the bot offered in its last turn. */
    tap(id: string): Turn {
      if (!last.ids.includes(id)) throw new Error(`"${id}" was not offered; offered: ${last.ids.join(', ')}`);
      return send({ type: 'choice', id, title: id });
    },
    /** Taps something regardless of what was offered (an old message, a template button). */
    tapStale: (id: string) => send({ type: 'choice', id, title: id }),
    /** A stored upload; `photo`: what the photo check at upload found (issue 16). */
    upload: (fileId: string, mime = 'image/jpeg', photo?: PhotoSeen) => send({ type: 'document', accepted: true, fileId, mime, ...(photo ? { photo } : {}) }),
    refuse: (reason: DocumentRefusal) => send({ type: 'document', accepted: false, reason }),
    voice: () => send({ type: 'voice' }),
    /** Lets time pass without a message. */
    wait(minutes: number) {
      now = new Date(now.getTime() + minutes * 60_000);
    },
    setRequests(next: ApplicantRequestSummary[]) {
      requests = next;
    },
    get state() {
      return state;
    },
    set state(next: DialogueState) {
      state = next;
    },
    get now() {
      return now;
    },
    get last() {
      return last;
    },
    log,
  };
}

/** A file id as the worker stores uploads (uuid). */
export function fileId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}
