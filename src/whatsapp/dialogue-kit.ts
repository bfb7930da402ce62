/**
 * What every part of the dialogue shares: the environment of one turn (context, language, today),
 * message builders that stay inside Meta's limits by construction, and reading what people type.
 */
import type { LocalizedText } from '../catalogue/vocabulary.js';
import { translator, type Locale } from '../i18n/i18n.js';
import type { BotLocale, DialogueCommand, DialogueContext, OutboundMessage } from './dialogue-contract.js';
import type { DialogueState } from './dialogue-state.js';
import { MESSAGE_LIMITS as L } from './message-limits.js';

export type Tr = (key: string, params?: Record<string, unknown>) => string;

/** One turn's surroundings. `today` is the office's calendar date of `ctx.now`. */
export interface Env {
  readonly ctx: DialogueContext;
  readonly locale: BotLocale;
  readonly tr: Tr;
  readonly today: string;
}

export type Turn = { state: DialogueState; replies: OutboundMessage[]; commands: DialogueCommand[] };

/** Javanese is a type-level option only for now: its users read the Indonesian texts. */
export function textLocale(locale: BotLocale): Locale {
  return locale === 'en' ? 'en' : 'id';
}

/** Texts without parameters never change, so each is looked up once (i18next lookups are slow). */
const plainTexts = new Map<string, string>();

export function makeTr(locale: BotLocale): Tr {
  const lang = textLocale(locale);
  const translate = translator(lang);
  return (key, params) => {
    if (params) return translate(`bot.${key}`, params) as string;
    const cacheKey = `${lang}:${key}`;
    let value = plainTexts.get(cacheKey);
    if (value === undefined) {
      value = translate(`bot.${key}`) as string;
      plainTexts.set(cacheKey, value);
    }
    return value;
  };
}

/** A translation when the catalogue has one, otherwise the fallback (keys per service code may be missing for a new service). */
export function trOr(env: Env, key: string, fallback: string): string {
  const value = env.tr(key);
  return value === `bot.${key}` || value === '' ? fallback : value;
}

export function pick(text: LocalizedText, locale: BotLocale): string {
  return locale === 'en' ? text.en : text.id;
}

export function turn(state: DialogueState, replies: OutboundMessage[], commands: DialogueCommand[] = []): Turn {
  return { state, replies, commands };
}

// ---------------------------------------------------------------------------------------------
// Messages

export type Button = { id: string; title: string };
export type Row = { id: string; title: string; description?: string };

/** Cuts to `max` UTF-16 units on a character boundary, with an ellipsis when something was cut. */
export function clip(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  let out = '';
  for (const ch of clean) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

/** Plain text, split on line breaks when longer than one message may be. */
export function text(body: string): OutboundMessage[] {
  if (body.length <= L.textBody) return [{ type: 'text', text: body }];
  const parts: string[] = [];
  let current = '';
  for (const line of body.split('\n')) {
    const piece = clip(line, L.textBody) || ' ';
    if (current.length + piece.length + 1 > L.textBody) {
      parts.push(current);
      current = piece;
    } else current = current ? `${current}\n${piece}` : piece;
  }
  if (current) parts.push(current);
  return parts.map((p) => ({ type: 'text', text: p }));
}

/**
 * Reply buttons under `body`. A body too long for an interactive message goes first as text, and
 * the buttons follow under a short line.
 */
export function buttons(env: Env, body: string, choices: Button[], footer?: string): OutboundMessage[] {
  const fitted = choices.slice(0, L.buttons).map((b) => ({ id: b.id, title: clip(b.title, L.buttonTitle) }));
  // Meta refuses an interactive message without choices; say the words at least.
  if (fitted.length === 0) return text(body);
  const foot = footer ? { footer: clip(footer, L.footer) } : {};
  if (body.length <= L.interactiveBody) return [{ type: 'buttons', body, buttons: fitted, ...foot }];
  return [...text(body), { type: 'buttons', body: env.tr('common.choose'), buttons: fitted, ...foot }];
}

/** A list of at most ten rows (the caller pages longer lists with `pageOf`). */
export function list(env: Env, body: string, button: string, sectionTitle: string, rows: Row[], footer?: string): OutboundMessage[] {
  const fitted = rows.slice(0, L.listRows).map((r) => ({
    id: r.id,
    title: clip(r.title, L.rowTitle),
    // A description repeating the title only adds noise on a small screen.
    ...(r.description && r.description !== r.title ? { description: clip(r.description, L.rowDescription) } : {}),
  }));
  if (fitted.length === 0) return text(body);
  const message = (b: string): OutboundMessage => ({
    type: 'list',
    body: b,
    button: clip(button, L.listButton),
    sections: [{ title: clip(sectionTitle, L.sectionTitle), rows: fitted }],
    ...(footer ? { footer: clip(footer, L.footer) } : {}),
  });
  if (body.length <= L.interactiveBody) return [message(body)];
  return [...text(body), message(env.tr('common.choose'))];
}

/** Puts a short note ("Thank you, the KK is received.") in front of the next prompt, in one bubble when it fits. */
export function prepend(note: string | undefined, messages: OutboundMessage[]): OutboundMessage[] {
  if (!note) return messages;
  const [first, ...rest] = messages;
  if (!first) return text(note);
  if (first.type === 'text') {
    const joined = `${note}\n\n${first.text}`;
    return joined.length <= L.textBody ? [{ type: 'text', text: joined }, ...rest] : [...text(note), ...messages];
  }
  const joined = `${note}\n\n${first.body}`;
  return joined.length <= L.interactiveBody ? [{ ...first, body: joined }, ...rest] : [...text(note), ...messages];
}

/**
 * One page of a long list. Lists of up to ten fit on one page; longer ones show eight items per
 * page plus "previous"/"next" rows, so a page never exceeds ten rows.
 */
export function pageOf<T>(env: Env, items: readonly T[], page: number, toRow: (item: T) => Row): { rows: Row[]; page: number; pages: number } {
  if (items.length <= L.listRows) return { rows: items.map(toRow), page: 0, pages: 1 };
  const size = 8;
  const pages = Math.ceil(items.length / size);
  const p = Math.min(Math.max(page, 0), pages - 1);
  const rows = items.slice(p * size, (p + 1) * size).map(toRow);
  const where = env.tr('common.page_of', { page: p + 1, pages });
  if (p > 0) rows.unshift({ id: `page:${p - 1}`, title: env.tr('common.previous'), description: where });
  if (p < pages - 1) rows.push({ id: `page:${p + 1}`, title: env.tr('common.next'), description: where });
  return { rows, page: p, pages };
}

/** `page:N` row ids from `pageOf`. */
export function pageFromChoice(id: string): number | undefined {
  const match = /^page:(\d{1,4})$/.exec(id);
  return match ? Number(match[1]) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Reading what people type

/** Lower case, letters and digits only, single spaces: "Kembali!!" → "kembali", "Menu." → "menu". */
export function normalise(input: string): string {
  return input
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Letters and digits only, for matching names typed with or without spaces ("Karang Tengah" = "karangtengah"). */
export function squash(input: string): string {
  return normalise(input).replace(/\s/g, '');
}

/**
 * Words people type, in Indonesian, English and the Banyumas Javanese a citizen may slip into,
 * recognised whatever language the bot is speaking.
 */
export const KEYWORDS = {
  menu: ['menu', 'menu utama', 'main menu', 'home', 'beranda', 'mulai', 'start', 'awal'],
  cancel: ['batal', 'batalkan', 'cancel', 'stop', 'berhenti', 'keluar', 'exit', 'quit', 'ora sida', 'ora sido'],
  back: ['kembali', 'back', 'balik', 'sebelumnya', 'previous', 'mundur', 'go back'],
  staff: ['petugas', 'bicara dengan petugas', 'hubungi petugas', 'operator', 'cs', 'agent', 'human', 'staff', 'talk to staff', 'admin'],
  greeting: [
    'halo', 'hallo', 'hai', 'hi', 'hello', 'hey', 'helo', 'p', 'ping', 'tes', 'test', 'permisi', 'punten', 'sugeng enjing',
    'assalamualaikum', 'assalamu alaikum', 'assalamualaikum wr wb', 'asalamualaikum', 'salam', 'selamat pagi', 'selamat siang',
    'selamat sore', 'selamat malam', 'pagi', 'siang', 'sore', 'malam', 'good morning', 'good afternoon', 'good evening', 'halo min', 'hai min',
  ],
  yes: ['ya', 'iya', 'y', 'yes', 'ok', 'oke', 'okay', 'benar', 'betul', 'sesuai', 'setuju', 'lanjut', 'lanjutkan', 'continue', 'correct', 'right', 'nggih', 'inggih', 'sudah', 'udah', 'sampun'],
  no: ['tidak', 'tdk', 'no', 'n', 'bukan', 'salah', 'nggak', 'gak', 'ga', 'enggak', 'ora', 'wrong', 'not', 'belum', 'blm', 'dereng'],
  skip: ['lewati', 'lewat', 'skip', 'tidak ada', 'belum ada', 'nanti', 'none'],
  english: ['english', 'inggris', 'bahasa inggris', 'in english'],
  indonesian: ['indonesia', 'bahasa indonesia', 'indonesian'],
  language: ['language', 'ganti bahasa', 'bahasa', 'change language'],
} as const satisfies Record<string, readonly string[]>;

export function isKeyword(input: string, kind: keyof typeof KEYWORDS): boolean {
  return (KEYWORDS[kind] as readonly string[]).includes(normalise(input));
}
