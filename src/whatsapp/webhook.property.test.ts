/**
 * The webhook parser against partly broken deliveries: take a body in Meta's shape, mangle one
 * field anywhere in it (another value of any JSON kind, or gone), and the parser must neither
 * throw nor lose a message that did not depend on that field.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWebhook } from './webhook.js';

type Key = string | number;
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const at = new Date('2026-11-23T02:00:00Z');

const messageOf = (id: string, from: string, kind: number, text: string): Json => {
  const base = { from, id, timestamp: '1764000000' };
  if (kind === 0) return { ...base, type: 'text', text: { body: text } };
  if (kind === 1) return { ...base, type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'menu.status', title: text } } };
  return { ...base, type: 'image', image: { id: '1234567890', mime_type: 'image/jpeg', sha256: 'x', caption: text } };
};

/** 1–3 entries of 1–3 changes of 0–4 messages (and a status now and then); ids tell where each message sits. */
const metaBody = fc
  .array(
    fc.array(
      fc.record({
        messages: fc.array(fc.record({ kind: fc.nat(2), text: fc.string({ unit: 'grapheme', maxLength: 20 }), from: fc.constantFrom('6281227001234', '6285700001111') }), { maxLength: 4 }),
        withStatus: fc.boolean(),
        withContacts: fc.boolean(),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((entries): Json => ({
    object: 'whatsapp_business_account',
    entry: entries.map((changes, e) => ({
      id: '102290129340398',
      changes: changes.map((change, c) => ({
        field: 'messages',
        value: {
          messaging_product: 'whatsapp',
          metadata: { display_phone_number: '6285161725300', phone_number_id: '106540352242922' },
          ...(change.withContacts ? { contacts: [{ profile: { name: 'Ibu Sri' }, wa_id: '6281227001234' }] } : {}),
          messages: change.messages.map((m, k) => messageOf(`wamid.${e}.${c}.${k}`, m.from, m.kind, m.text)),
          ...(change.withStatus ? { statuses: [{ id: `wamid.out.${e}.${c}`, status: 'delivered', timestamp: '1764000000', recipient_id: '6281227001234' }] } : {}),
        },
      })),
    })),
  }));

function pathsOf(value: Json, prefix: Key[] = []): Key[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const children = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...children.flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
}

/** A copy of `body` with the value at `path` replaced, or removed when `replacement` is undefined. */
function mangled(body: Json, path: Key[], replacement: Json | undefined): Json {
  if (path.length === 0) return replacement ?? null;
  const copy = structuredClone(body) as Record<Key, Json>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<Key, Json>;
  const last = path.at(-1)!;
  if (replacement === undefined) {
    if (Array.isArray(parent)) parent[last as number] = null;
    else delete parent[last];
  } else parent[last] = replacement;
  return copy;
}

/** Messages of the body, by id, with the path of each. */
function messagesIn(body: Json): { id: string; from: string; path: Key[] }[] {
  const out: { id: string; from: string; path: Key[] }[] = [];
  const entries = (body as { entry: { changes: { value: { messages: { id: string; from: string }[] } }[] }[] }).entry;
  entries.forEach((entry, e) =>
    entry.changes.forEach((change, c) => change.value.messages.forEach((m, k) => out.push({ id: m.id, from: m.from, path: ['entry', e, 'changes', c, 'value', 'messages', k] }))),
  );
  return out;
}

const startsWith = (path: Key[], prefix: Key[]) => prefix.length <= path.length && prefix.every((k, i) => path[i] === k);

/**
 * A message may be lost only when the mangled field was part of it, lay on its way from the root
 * (the entry list, its entry, change, the change's field, value or message list), or was its change's
 * business number, without which it belongs to no office.
 */
function dependsOn(message: Key[], field: Key[]): boolean {
  if (startsWith(message, field) || startsWith(field, message)) return true;
  const change = message.slice(0, 4);
  const metadata = [...change, 'value', 'metadata'];
  return startsWith(field, [...change, 'field']) || startsWith(metadata, field) || startsWith(field, [...metadata, 'phone_number_id']);
}

const replacement = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom<Json>(1e308, -1, 0, '', '\u0000', [], {}, 'messages', 'whatsapp_business_account'),
);

describe('parseWebhook on a Meta-shaped body with one field mangled', () => {
  it('never throws and keeps every message that did not depend on the mangled field', () => {
    fc.assert(
      fc.property(metaBody, fc.nat(), replacement, (body, pick, value) => {
        const paths = pathsOf(body).filter((p) => p.length > 0);
        const path = paths[pick % paths.length]!;
        const broken = mangled(body, path, value);
        const parsed = parseWebhook(broken, at);
        if (path[0] === 'object') return; // without the envelope the delivery is refused whole, by design
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const kept = new Map(parsed.messages.map((m) => [m.waMessageId, m.waId]));
        for (const m of messagesIn(body)) {
          if (!dependsOn(m.path, path)) expect(kept.get(m.id), `${m.id} lost after mangling ${path.join('.')}`).toBe(m.from);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseWebhook on whole bodies', () => {
  it('keeps every message of an intact body, with its sender, phone number id and type, and reports nothing malformed', () => {
    fc.assert(
      fc.property(metaBody, (body) => {
        const parsed = parseWebhook(body, at);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const sent = messagesIn(body);
        expect(parsed.messages.map((m) => m.waMessageId)).toEqual(sent.map((m) => m.id));
        for (const [i, m] of parsed.messages.entries()) {
          expect(m.waId).toBe(sent[i]!.from);
          expect(m.phoneNumberId).toBe('106540352242922');
          expect(['text', 'interactive', 'image']).toContain(m.type);
        }
        expect(parsed.malformed).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on any JSON at all, and refuses a body without the envelope', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
        const parsed = parseWebhook(value, at);
        const hasEnvelope = typeof value === 'object' && value !== null && !Array.isArray(value) && 'object' in value;
        if (!hasEnvelope) expect(parsed.ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});
