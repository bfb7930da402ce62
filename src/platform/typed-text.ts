/**
 * Whether a text could have been typed by a person (see safe-text.ts for why it matters). Kept
 * free of zod so the web client imports this same rule without carrying a schema library.
 */

/** Every C0 control, DEL and every C1 control. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** The same, less tab, line feed and carriage return. */
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export type TextKind = 'line' | 'lines';

export function isSafeText(text: string, kind: TextKind = 'line'): boolean {
  return !(kind === 'lines' ? CONTROL_BUT_LINES : CONTROL).test(text) && !LONE_SURROGATE.test(text);
}

/** The stable code of the refusal, in zod issues and in problem+json field errors. */
export const UNSAFE_TEXT = 'control_characters';


/**
 * Markup in a name: "<b>Ayu</b>" is a paste from a web page or a probe, never a person's name, and
 * it would be printed on a receipt and shown in every list. Angle brackets are refused in names.
 */
export function hasMarkup(text: string): boolean {
  return /[<>]/.test(text);
}

/** The stable code of that refusal. */
export const MARKUP = 'markup';
