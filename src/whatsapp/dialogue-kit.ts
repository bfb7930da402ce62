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
 * Reply buttons under `body`, also named with their numbers in the text ("Ketik angka: *1* Ya ·
 * *2* Tidak") so an old phone or a screen reader can answer by typing. A body too long for an
 * interactive message goes first as text, and the buttons follow under a short line.
 */
export function buttons(env: Env, body: string, choices: Button[], footer?: string): OutboundMessage[] {
  const fitted = choices.slice(0, L.buttons).map((b) => ({ id: b.id, title: clip(b.title, L.buttonTitle) }));
  // Meta refuses an interactive message without choices; say the words at least.
  if (fitted.length === 0) return text(body);
  const foot = footer ? { footer: clip(footer, L.footer) } : {};
  const numbers = env.tr('common.type_number', { options: fitted.map((b, i) => `*${i + 1}* ${b.title}`).join(' · ') });
  const numbered = `${body}\n\n${numbers}`;
  if (numbered.length <= L.interactiveBody) return [{ type: 'buttons', body: numbered, buttons: fitted, ...foot }];
  return [...text(body), { type: 'buttons', body: `${env.tr('common.choose')}\n${numbers}`, buttons: fitted, ...foot }];
}

/** A list of at most ten rows (the caller pages longer lists with `pageOf`), its rows also numbered in the text. */
export function list(env: Env, body: string, button: string, sectionTitle: string, rows: Row[], footer?: string): OutboundMessage[] {
  const fitted = rows.slice(0, L.listRows).map((r) => ({
    id: r.id,
    title: clip(r.title, L.rowTitle),
    // A description repeating the title only adds noise on a small screen.
    ...(r.description && r.description !== r.title ? { description: clip(r.description, L.rowDescription) } : {}),
  }));
  if (fitted.length === 0) return text(body);
  const numbers = [...fitted.map((r, i) => `${i + 1}. ${r.title}`), env.tr('common.type_number_list')].join('\n');
  const message = (b: string): OutboundMessage => ({
    type: 'list',
    body: b,
    button: clip(button, L.listButton),
    sections: [{ title: clip(sectionTitle, L.sectionTitle), rows: fitted }],
    ...(footer ? { footer: clip(footer, L.footer) } : {}),
  });
  const numbered = `${body}\n\n${numbers}`;
  if (numbered.length <= L.interactiveBody) return [message(numbered)];
  return [...text(body), message(`${env.tr('common.choose')}\n${numbers}`)];
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

// ---------------------------------------------------------------------------------------------
// Answering a list or buttons by typing

/** A button or list row as remembered between messages, so a typed answer can choose it. */
export type Offered = { id: string; title: string };

/** The options of the last interactive message of a turn: what the user sees at the bottom of the chat. */
export function offeredIn(replies: readonly OutboundMessage[]): Offered[] {
  for (let i = replies.length - 1; i >= 0; i--) {
    const message = replies[i]!;
    if (message.type === 'buttons') return message.buttons.map(({ id, title }) => ({ id, title }));
    if (message.type === 'list') return message.sections.flatMap((s) => s.rows.map(({ id, title }) => ({ id, title })));
  }
  return [];
}

/**
 * Which option answers "yes" and which "no" to the question it sits under — one table, so "iya
 * bener" means the same at every Ya/Tidak, WNI/WNA ("Apakah anak WNI?"), Lanjutkan and Kirim.
 */
const ANSWERS_BY_ID: Readonly<Record<string, 'yes' | 'no'>> = {
  'nik:yes': 'yes',
  'nik:no': 'no',
  'foreign:no': 'yes',
  'foreign:yes': 'no',
  'akta:yes': 'yes',
  'akta:no': 'no',
  'dis:yes': 'yes',
  'dis:none': 'no',
  'consent:yes': 'yes',
  'consent:no': 'no',
  'idle:continue': 'yes',
  'idle:restart': 'no',
  'sum:send': 'yes',
  'cancel:yes': 'yes',
  'cancel:no': 'no',
  'fix:send': 'yes',
  'fix:cancel': 'no',
  'redo:keep': 'no',
};

/** Words that say yes or no, alone or together ("iya bener", "ya betul sudah sesuai", "nggak", "ora"). */
const YES_WORDS = new Set([
  'ya', 'iya', 'iyaa', 'iyah', 'y', 'yes', 'yup', 'yap', 'ok', 'oke', 'okay', 'okey', 'sip', 'siap', 'benar', 'bener', 'betul', 'betull', 'sesuai', 'cocok', 'setuju', 'lanjut', 'lanjutkan', 'continue', 'correct', 'right', 'nggih', 'inggih', 'enggih', 'leres', 'sudah', 'udah', 'sampun', 'kirim', 'kirimkan', 'send', 'boleh', 'mau', 'bisa',
]);
const NO_WORDS = new Set(['tidak', 'tdk', 'gak', 'ga', 'nggak', 'ngga', 'enggak', 'engga', 'kagak', 'no', 'n', 'nope', 'bukan', 'salah', 'keliru', 'ora', 'mboten', 'belum', 'blm', 'dereng', 'wrong', 'not']);
/** Words around a yes or no that change nothing ("ya *sudah* benar *kok* bu"). */
const AROUND_YES_NO = new Set(['sudah', 'udah', 'sdh', 'kok', 'bu', 'pak', 'kak', 'min', 'mas', 'mbak', 'dong', 'deh', 'sih', 'saja', 'aja', 'itu', 'data', 'datanya', 'nya', 'semua', 'semuanya', 'sangat', 'banget', 'please', 'pls', 'that', 'is', 'it', 'all', 'thanks', 'makasih']);

/** "iya bener" → 'yes', "nggak" → 'no', "tidak benar" → 'no'; undefined for anything else. */
export function readYesNo(input: string): 'yes' | 'no' | undefined {
  const words = normalise(input).split(' ').filter((w) => w.length > 0);
  if (words.length === 0 || words.length > 6) return undefined;
  let yes = false;
  let no = false;
  for (const word of words) {
    if (NO_WORDS.has(word)) no = true;
    else if (YES_WORDS.has(word)) yes = true;
    else if (!AROUND_YES_NO.has(word)) return undefined;
  }
  // "tidak benar", "belum sesuai": a negated yes is a no.
  if (no) return 'no';
  return yes ? 'yes' : undefined;
}

/** Words around a choice that do not choose ("yg baru", "pilih nomor 2", "yang KIA hilang aja"). */
const AROUND_CHOICE = new Set([
  'yg', 'yang', 'pilih', 'pilihan', 'nomor', 'nomer', 'no', 'angka', 'mau', 'saya', 'sy', 'aku', 'inyong', 'pengin', 'pengen', 'ingin', 'itu', 'aja', 'saja', 'dong', 'deh', 'ya', 'bu', 'pak', 'kak', 'min', 'mas', 'mbak', 'the', 'one', 'option', 'number', 'nu', 'sing', 'kang',
]);

/**
 * The option a typed message chooses among those offered, or undefined: a number ("2", "no. 2"),
 * yes/no words under a question that has them, or the option's own words ("yg baru" → "KIA
 * baru", "WNI", "lanjut" → "Lanjutkan") when they fit exactly one option.
 */
/** Words that turn an option into the opposite of its other words ("Tidak ada", "Belum punya"). */
const NEGATIONS = new Set(['tidak', 'tdk', 'bukan', 'belum', 'tanpa', 'no', 'not', 'without']);

export function chooseTyped(input: string, offered: readonly Offered[]): Offered | undefined {
  if (offered.length === 0) return undefined;
  const words = normalise(input).split(' ').filter((w) => w.length > 0 && !AROUND_CHOICE.has(w));
  if (words.length === 1 && /^\d{1,2}$/.test(words[0]!)) return offered[Number(words[0]) - 1];
  const answer = readYesNo(input);
  if (answer) {
    const matching = offered.filter((o) => ANSWERS_BY_ID[o.id] === answer);
    if (matching.length === 1) return matching[0];
  }
  if (words.length === 0 || words.length > 4) return undefined;
  const typed = squash(input);
  const whole = offered.filter((o) => squash(o.title) === typed);
  if (whole.length === 1) return whole[0];
  const fits = (o: Offered) => {
    const titleWords = normalise(o.title).split(' ');
    // "ada" is the opposite of "Tidak ada": a typed word never picks an option that negates it.
    if (titleWords.some((t) => NEGATIONS.has(t)) && !words.some((w) => NEGATIONS.has(w))) return false;
    return words.every((w) => titleWords.some((t) => t === w || (w.length >= 4 && t.startsWith(w))));
  };
  const fitting = offered.filter(fits);
  return fitting.length === 1 ? fitting[0] : undefined;
}

/** Words that answer "none of these" to a question where several options may be typed. */
const NONE_WORDS = new Set(['0', 'tidak', 'tdk', 'gak', 'ga', 'nggak', 'ora', 'mboten', 'none', 'no', 'lewati', 'skip', 'tidak ada', 'gak ada', 'ga ada', 'nggak ada', 'tidak perlu', 'gak perlu', 'ora ana', 'nothing']);

/**
 * Several options typed at once, as a WhatsApp list cannot take them: their numbers ("1 4",
 * "1,4", "1 dan 4") or a distinctive word of each ("netra dan rungu"). [] for "tidak ada"/"0" when
 * `noneAllowed`; undefined when the message is not an answer (a number out of range, unknown words).
 */
export function chooseSeveral(input: string, titles: readonly string[], noneAllowed: boolean): number[] | undefined {
  const typed = normalise(input);
  if (typed.length === 0) return undefined;
  if (NONE_WORDS.has(typed)) return noneAllowed ? [] : undefined;
  const numbers = typed.match(/\d+/g);
  if (numbers) {
    const chosen = numbers.map(Number);
    if (chosen.some((n) => n < 1 || n > titles.length)) return undefined;
    return [...new Set(chosen.map((n) => n - 1))].sort((a, b) => a - b);
  }
  const words = typed.split(' ').filter((w) => w.length >= 4);
  const chosen = titles.flatMap((title, i) => {
    const titleWords = normalise(title).split(' ').filter((w) => w.length >= 4);
    return words.some((w) => titleWords.some((t) => t === w || t.startsWith(w))) ? [i] : [];
  });
  return chosen.length > 0 ? chosen : undefined;
}
