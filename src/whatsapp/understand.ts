/**
 * What a citizen's free text means: an intent, the catalogue service it concerns and a ticket it
 * carries. Pure and deterministic (no model file, no network): the message is normalised word by
 * word to canonical words (chat spelling, Banyumasan Javanese, suffixes, one or two typos), then
 * phrase cues from `understand-vocabulary.ts` are scored per intent. Measured on a held-out corpus
 * (`docs/chatbot-understanding.md`, `bench/understand.ts`).
 *
 * Why rules and not a trained classifier: no NLU library is installed, the messages are short and
 * their vocabulary small, and a reviewer can read why a message was read the way it was.
 */
import type { Service } from '../catalogue/catalogue.js';
import { parseTicket } from '../requests/ticket.js';
import {
  ADDRESS_WORDS,
  DOCUMENT_CUES,
  GREETING_PHRASES,
  INTENT_CUES,
  ISLAMIC_SALAM,
  KEEP_AS_TYPED,
  PREFIXES,
  PRIORITY,
  SERVICE_RULES,
  SPELLING,
  SUFFIXES,
  YIELDS_TO,
  type Intent,
} from './understand-vocabulary.js';

export { INTENTS, type Intent } from './understand-vocabulary.js';

export type Understanding = {
  intent: Intent;
  /** A catalogue code the text names (`kk_hilang`), or null. */
  service: string | null;
  /** A ticket in its canonical spelling (`KBR-26-000002`), or null. */
  ticket: string | null;
  /** The message opened with a greeting; `islamic` asks a "Waalaikumsalam" back. */
  salam: 'islamic' | 'plain' | null;
  /** Asked as a question ("?", or a question word), not stated. */
  question: boolean;
  /** Per-intent scores, for the bench and for callers who need a margin. */
  scores: Partial<Record<Intent, number>>;
};

// ---------------------------------------------------------------------------------------------
// Words

const LEXICON = new Set<string>(Object.values(SPELLING));
for (const cues of Object.values(INTENT_CUES)) for (const [phrase] of cues) for (const w of phrase.split(' ')) LEXICON.add(w);
for (const cues of Object.values(DOCUMENT_CUES)) for (const phrase of cues) for (const w of phrase.split(' ')) LEXICON.add(w);
const KEEP = new Set(KEEP_AS_TYPED);
/** Correction targets: canonical words and spellings long enough that one edit is still telling. */
const CORRECTABLE = [...new Set([...Object.keys(SPELLING), ...LEXICON])].filter((w) => w.length >= 4 && !/\d/.test(w));

function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous: number[] = [];
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + cost);
      // A swap of two neighbouring letters ("syrata") is one slip, not two.
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (previous[j - 2] ?? Infinity) + 1);
      next.push(value);
      best = Math.min(best, value);
    }
    previous = row;
    row = next;
    if (best > max) return max + 1;
  }
  return row[b.length]!;
}

const canonicalCache = new Map<string, string>();

/** One word to its canonical form: the table, then a suffix or prefix off, then one or two typos. */
export function canonicalWord(word: string): string {
  const cached = canonicalCache.get(word);
  if (cached !== undefined) return cached;
  const value = canonicalOf(word);
  if (canonicalCache.size < 20_000) canonicalCache.set(word, value);
  return value;
}

function known(word: string): string | undefined {
  const spelled = SPELLING[word];
  if (spelled !== undefined) return spelled;
  return LEXICON.has(word) ? word : undefined;
}

function canonicalOf(word: string): string {
  const direct = known(word);
  if (direct !== undefined) return direct;
  if (KEEP.has(word) || /\d/.test(word)) return word;
  // "halooo", "tolonggg", "gimanaaa": a drawn-out letter.
  const squeezed = word.replace(/(\p{L})\1{2,}/gu, '$1');
  if (squeezed !== word) return canonicalOf(squeezed);
  // Reduplication: "anak2" is "anak".
  if (word.length > 3 && word.endsWith('2')) return canonicalOf(word.slice(0, -1));
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length < 3 || !word.endsWith(suffix)) continue;
    const stem = known(word.slice(0, -suffix.length));
    if (stem !== undefined) return stem;
  }
  for (const prefix of PREFIXES) {
    if (word.length - prefix.length < 3 || !word.startsWith(prefix)) continue;
    const stem = known(word.slice(prefix.length));
    if (stem !== undefined) return stem;
  }
  if (word.length < 4) return word;
  const max = word.length >= 7 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const candidate of CORRECTABLE) {
    // A typo rarely hits the first letter, and checking it keeps the search short.
    if (candidate[0] !== word[0]) continue;
    const d = editDistance(word, candidate, max);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best === undefined ? word : (known(best) ?? best);
}

/** Lower case, digits and letters, single spaces; a ticket's own separators are handled before this. */
function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

// ---------------------------------------------------------------------------------------------
// Tickets

/**
 * A ticket somewhere in the text: three letters, a two-digit year, the sequence. Years before 2024
 * are refused so a date ("tgl 12 05") is never read as one.
 */
export function findTicket(text: string): { ticket: string; rest: string } | null {
  const pattern = /(?<![\p{L}\p{N}])([a-z]{3})\s*[-–—/.]?\s*(\d{2})\s*[-–—/.\s]\s*(\d{1,6})(?![\p{N}])|(?<![\p{L}\p{N}])([a-z]{3})[-–—]?(\d{2})(\d{6})(?![\p{N}])/giu;
  for (const match of text.matchAll(pattern)) {
    const [whole, p1, y1, s1, p2, y2, s2] = match;
    const prefix = p1 ?? p2!;
    const year = Number(y1 ?? y2);
    if (year < 24 || NOT_A_PREFIX.has(prefix.toLowerCase())) continue;
    const parsed = parseTicket(`${prefix}-${y1 ?? y2}-${s1 ?? s2}`);
    if (!parsed) continue;
    return { ticket: parsed.ticket, rest: `${text.slice(0, match.index)} ${text.slice(match.index + whole.length)}` };
  }
  return null;
}
/** Three-letter words that precede two numbers in ordinary sentences. */
const NOT_A_PREFIX = new Set(['tgl', 'jam', 'thn', 'usa', 'umr', 'bln', 'rtw', 'nik', 'kia', 'ktp', 'hal', 'rp.', 'lhr', 'lah', 'nya', 'dan', 'ada', 'tanggal']);

// ---------------------------------------------------------------------------------------------
// Phrases

function phraseAt(tokens: readonly string[], phrase: readonly string[], at: number): boolean {
  if (at + phrase.length > tokens.length) return false;
  for (let i = 0; i < phrase.length; i++) if (tokens[at + i] !== phrase[i]) return false;
  return true;
}

function contains(tokens: readonly string[], phrase: string): boolean {
  const parts = phrase.split(' ');
  for (let i = 0; i + parts.length <= tokens.length; i++) if (phraseAt(tokens, parts, i)) return true;
  return false;
}

const splitPhrases = (list: readonly string[]) => list.map((p) => p.split(' ').map(canonicalWord)).sort((a, b) => b.length - a.length);
const GREETINGS = splitPhrases(GREETING_PHRASES);
const ADDRESSES = splitPhrases(ADDRESS_WORDS);
/** Cues in canonical words; two spellings of one cue ("cs", "petugas") count once, at the higher weight. */
const CUES = Object.fromEntries(
  Object.entries(INTENT_CUES).map(([intent, cues]) => {
    const byPhrase = new Map<string, number>();
    for (const [phrase, weight] of cues) {
      const canonical = phrase.split(' ').map(canonicalWord).join(' ');
      const seen = byPhrase.get(canonical);
      byPhrase.set(canonical, seen === undefined ? weight : Math.max(seen, weight));
    }
    return [intent, [...byPhrase].map(([phrase, weight]) => [phrase.split(' '), weight] as const)];
  }),
) as Record<Intent, (readonly [string[], number])[]>;
const FAMILIES = Object.entries(DOCUMENT_CUES).flatMap(([family, phrases]) => splitPhrases(phrases).map((p) => ({ family, phrase: p })))
  .sort((a, b) => b.phrase.length - a.phrase.length);
const ISLAMIC = canonicalWord(ISLAMIC_SALAM);

/** Leading greetings and the words of address after them: "assalamualaikum wr wb, permisi bu". */
function stripSalam(tokens: string[]): { rest: string[]; salam: Understanding['salam'] } {
  let at = 0;
  let salam: Understanding['salam'] = null;
  for (let guard = 0; guard < 8; guard++) {
    const greeting = GREETINGS.find((g) => phraseAt(tokens, g, at));
    if (greeting) {
      if (greeting[0] === ISLAMIC) salam = 'islamic';
      else salam ??= 'plain';
      at += greeting.length;
      continue;
    }
    if (salam !== null) {
      const address = ADDRESSES.find((a) => phraseAt(tokens, a, at));
      if (address) {
        at += address.length;
        continue;
      }
    }
    break;
  }
  return { rest: tokens.slice(at), salam };
}

function scoreIntents(tokens: readonly string[]): Partial<Record<Intent, number>> {
  const scores: Partial<Record<Intent, number>> = {};
  for (const [intent, cues] of Object.entries(CUES) as [Intent, (readonly [string[], number])[]][]) {
    let total = 0;
    for (const [phrase, weight] of cues) {
      for (let i = 0; i + phrase.length <= tokens.length; i++) {
        if (phraseAt(tokens, phrase, i)) {
          total += weight;
          break;
        }
      }
    }
    if (total !== 0) scores[intent] = Math.round(total * 100) / 100;
  }
  return scores;
}

/** The service named: the family mentioned first, then its first matching modifier. */
export function findService(tokens: readonly string[], catalogue?: readonly Pick<Service, 'code'>[]): string | null {
  let family: string | undefined;
  // At one place the longest phrase wins ("ktp digital" is the IKD, not the KTP-el).
  for (let i = 0; i < tokens.length && family === undefined; i++) family = FAMILIES.find((f) => phraseAt(tokens, f.phrase, i))?.family;
  if (family === undefined) return null;
  // "baru pindah kesini, kia anak mau diurus": moving is what happened, the KIA is what is asked for.
  const over = YIELDS_TO[family]?.find((other) => FAMILIES.some((f) => f.family === other && contains(tokens, f.phrase.join(' '))));
  if (over) family = over;
  const rules = SERVICE_RULES[family] ?? [];
  const offered = catalogue ? new Set(catalogue.map((s) => s.code)) : undefined;
  for (const [code, modifiers] of rules) {
    const applies = modifiers.length === 0 || modifiers.some((m) => contains(tokens, m.split(' ').map(canonicalWord).join(' ')));
    // The service meant is this one; if the office does not offer it, no other is meant instead.
    if (applies) return !offered || offered.has(code) ? code : null;
  }
  return null;
}

const QUESTION_WORDS = new Set(['apa', 'berapa', 'bagaimana', 'dimana', 'kapan', 'kenapa', 'siapa', 'bisa', 'boleh', 'perlu', 'apakah']);

function pickIntent(scores: Partial<Record<Intent, number>>): Intent | undefined {
  let best: Intent | undefined;
  let bestScore = 0;
  for (const intent of PRIORITY) {
    const score = scores[intent] ?? 0;
    if (score > bestScore) {
      best = intent;
      bestScore = score;
    }
  }
  // A lone weak cue ("kalau", "tahun") is not a reading.
  return bestScore >= 1.5 ? best : undefined;
}

/**
 * What `text` means. With `catalogue`, only codes the office offers are returned (a switched-off
 * service reads as null).
 */
export function understand(text: string, catalogue?: readonly Pick<Service, 'code'>[]): Understanding {
  const found = findTicket(text);
  const raw = words(found ? found.rest : text);
  const tokens = raw.map(canonicalWord);
  const { rest, salam } = stripSalam(tokens);
  // A question mark, or a question word first: "perlu pendamping" stated at a form step is an answer, not a question.
  const question = /\?/.test(text) || QUESTION_WORDS.has(rest[0] ?? '') || rest.slice(-2).some((t) => t === 'berapa' || t === 'bagaimana' || t === 'dimana');
  const service = findService(rest, catalogue);
  const scores = scoreIntents(rest);
  if (found) scores.status = (scores.status ?? 0) + 3;
  const ticket = found?.ticket ?? null;
  const result = (intent: Intent): Understanding => ({ intent, service, ticket, salam, question, scores });

  const intent = pickIntent(scores);
  if (intent) {
    // "mau bikin KIA" without a document to apply for is still applying; "ke rumah" alone is not a service.
    return result(intent);
  }
  if (service) return result(question || rest.length <= 4 ? 'requirements' : 'apply');
  if (rest.length === 0 && salam) return result('greeting');
  if (salam && rest.every((t) => ADDRESSES.some((a) => a.length === 1 && a[0] === t))) return result('greeting');
  return result('unknown');
}
