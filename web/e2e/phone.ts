/**
 * What a citizen's phone received from the office's number, read through the WhatsApp simulator
 * (its stand-in for Meta's Graph API records every message sent). The office itself keeps no PIN
 * or code once sent, so this is the only honest place to read one.
 */
import { expect } from 'vitest';

type SimulatedMessage = { direction: 'in' | 'out'; message: { type?: string; template?: { name?: string } } };

/** The six-digit code in the `nth` (1-based) authentication-template message sent to this number: a confirmation code or a new PIN. */
export async function codeOnPhone(serverUrl: string, waId: string, nth = 1): Promise<string> {
  let code = '';
  await expect
    .poll(async () => {
      const res = await fetch(`${serverUrl}/api/v1/simulator/messages?waId=${waId}`);
      const { messages } = (await res.json()) as { messages: SimulatedMessage[] };
      const codes = messages.filter((m) => m.direction === 'out' && m.message.type === 'template' && m.message.template?.name === 'kencot_kode_verifikasi');
      const message = codes[nth - 1];
      code = message ? (/(?<!\d)(\d{6})(?!\d)/.exec(JSON.stringify(message.message))?.[1] ?? '') : '';
      return code;
    })
    .toMatch(/^\d{6}$/);
  return code;
}
