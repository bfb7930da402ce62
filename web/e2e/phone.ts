/**
 * What a citizen's phone received from the office's number, read from the WhatsApp simulator's
 * stand-in for Meta's Graph API (it records every message sent) inside the test's own server: the
 * simulator's API shows a number's chat only to the browser that took it. The office itself keeps
 * no PIN or code once sent, so this is the only honest place to read one.
 */
import { expect } from 'vitest';
import type { RunningServer } from '../../src/server.js';

/** The six-digit code in the `nth` (1-based) authentication-template message sent to this number: a confirmation code or a new PIN. */
export async function codeOnPhone(server: RunningServer, waId: string, nth = 1): Promise<string> {
  let code = '';
  await expect
    .poll(() => {
      const sent = server.whatsapp.standIn?.sentTo(waId) ?? [];
      const codes = sent.filter((m) => m.body.type === 'template' && (m.body.template as { name?: string } | undefined)?.name === 'kencot_kode_verifikasi');
      const message = codes[nth - 1];
      code = message ? (/(?<!\d)(\d{6})(?!\d)/.exec(JSON.stringify(message.body))?.[1] ?? '') : '';
      return code;
    })
    .toMatch(/^\d{6}$/);
  return code;
}
