/**
 * Meta's limits on the messages the bot sends. A message over a limit is refused by the Cloud API
 * (error 131009), so the user would hear nothing: the dialogue builds within these, and tests check
 * every message it produces against them.
 *
 * Lengths are counted in UTF-16 code units (`string.length`), which is never fewer than the
 * characters Meta counts, so staying under it is safe.
 */
import type { OutboundMessage } from './dialogue-contract.js';

export const MESSAGE_LIMITS = {
  textBody: 4096,
  interactiveBody: 1024,
  header: 60,
  footer: 60,
  buttons: 3,
  buttonTitle: 20,
  buttonId: 256,
  listButton: 20,
  listRows: 10,
  sectionTitle: 24,
  rowTitle: 24,
  rowDescription: 72,
  rowId: 200,
} as const;

/** Every way `message` breaks Meta's limits; empty when it may be sent. */
export function messageLimitViolations(message: OutboundMessage): string[] {
  const L = MESSAGE_LIMITS;
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  const nonEmpty = (s: string) => s.trim().length > 0;
  if (message.type === 'text') {
    check(nonEmpty(message.text), 'text is empty');
    check(message.text.length <= L.textBody, `text longer than ${L.textBody}`);
    return problems;
  }
  check(nonEmpty(message.body), 'body is empty');
  check(message.body.length <= L.interactiveBody, `body longer than ${L.interactiveBody}`);
  if (message.header !== undefined) check(message.header.length <= L.header && nonEmpty(message.header), 'bad header');
  if (message.footer !== undefined) check(message.footer.length <= L.footer && nonEmpty(message.footer), 'bad footer');
  if (message.type === 'buttons') {
    check(message.buttons.length >= 1 && message.buttons.length <= L.buttons, `needs 1–${L.buttons} buttons`);
    check(new Set(message.buttons.map((b) => b.id)).size === message.buttons.length, 'button ids repeat');
    check(new Set(message.buttons.map((b) => b.title)).size === message.buttons.length, 'button titles repeat');
    for (const b of message.buttons) {
      check(nonEmpty(b.title) && b.title.length <= L.buttonTitle, `button title "${b.title}" empty or longer than ${L.buttonTitle}`);
      check(b.id.length > 0 && b.id.length <= L.buttonId, `button id "${b.id}" empty or too long`);
    }
    return problems;
  }
  check(nonEmpty(message.button) && message.button.length <= L.listButton, `list button "${message.button}" empty or longer than ${L.listButton}`);
  const rows = message.sections.flatMap((s) => s.rows);
  check(rows.length >= 1 && rows.length <= L.listRows, `needs 1–${L.listRows} rows, has ${rows.length}`);
  check(new Set(rows.map((r) => r.id)).size === rows.length, 'row ids repeat');
  check(message.sections.every((s) => s.rows.length > 0), 'empty section');
  if (message.sections.length > 1) check(message.sections.every((s) => s.title !== undefined && nonEmpty(s.title)), 'several sections need titles');
  for (const s of message.sections) {
    if (s.title !== undefined) check(s.title.length <= L.sectionTitle, `section title "${s.title}" longer than ${L.sectionTitle}`);
  }
  for (const r of rows) {
    check(nonEmpty(r.title) && r.title.length <= L.rowTitle, `row title "${r.title}" empty or longer than ${L.rowTitle}`);
    check(r.id.length > 0 && r.id.length <= L.rowId, `row id "${r.id}" empty or too long`);
    if (r.description !== undefined) check(r.description.length <= L.rowDescription, `row description "${r.description}" longer than ${L.rowDescription}`);
  }
  return problems;
}
