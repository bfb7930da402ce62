/**
 * Text a person could have typed. Control characters (C0, DEL, C1) and lone UTF-16 surrogates
 * never come from a keyboard: a NUL makes PostgreSQL refuse the whole statement (a 500 whose
 * error carried every parameter of the insert), and the others corrupt logs, CSV exports and what
 * the next reader sees. Line breaks and tabs are text only where a field has several lines (a
 * note, an address).
 *
 * Pure (zod only), so the catalogue's field checks and the chatbot use the same rule as the routes.
 */
import { z } from 'zod';

import { isSafeText, UNSAFE_TEXT } from './typed-text.js';

export { isSafeText, UNSAFE_TEXT, type TextKind } from './typed-text.js';

/**
 * A string schema that refuses what `isSafeText` refuses; chain `.trim().min().max()` after it.
 * Every text a route takes from a body or a query string is built from this (or `safeLines`).
 */
export const safeText = () => z.string().refine((s) => isSafeText(s, 'line'), { params: { code: UNSAFE_TEXT } });
/** For a field with several lines (a note, an address, a list of names). */
export const safeLines = () => z.string().refine((s) => isSafeText(s, 'lines'), { params: { code: UNSAFE_TEXT } });

/** Whether a validation issue (as fastify-type-provider-zod passes it on) is this refusal. */
export function isUnsafeTextIssue(issue: { keyword?: string; params?: unknown }): boolean {
  const params = issue.params as { params?: { code?: unknown } } | undefined;
  return issue.keyword === 'custom' && params?.params?.code === UNSAFE_TEXT;
}

/**
 * The paths of every string in a parsed body, query string or path that is not safe text (keys
 * included), for the net under the routes' schemas: nested payloads and record keys are reached
 * too. Tabs and line breaks pass here; a single-line field refuses them in its own schema.
 */
export function unsafeTextPaths(value: unknown, path: string, found: string[] = [], depth = 0): string[] {
  if (found.length >= 20 || depth > 32) return found;
  if (typeof value === 'string') {
    if (!isSafeText(value, 'lines')) found.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => unsafeTextPaths(item, `${path}.${i}`, found, depth + 1));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (!isSafeText(key, 'line')) found.push(path);
      else unsafeTextPaths(item, `${path}.${key}`, found, depth + 1);
    }
  }
  return found;
}
