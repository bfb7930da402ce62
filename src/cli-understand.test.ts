/** `kencot understand`: the chatbot's reading of a message, as a process, with the exact JSON contract. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const kencot = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { env: { ...process.env, LOG_LEVEL: 'silent' } });

describe('kencot understand', () => {
  it('prints intent, service and ticket as JSON, a ticket in any spelling normalised', async () => {
    const status = await kencot('understand', '--json', 'cek status kbr 26 2');
    expect(status.stdout.trim()).toBe('{"intent": "status", "service": null, "ticket": "KBR-26-000002"}');
    const lost = await kencot('understand', '--json', 'KK hilang gimana');
    expect(JSON.parse(lost.stdout)).toEqual({ intent: 'requirements', service: 'kk_hilang', ticket: null });
  });

  it('prints a readable line without --json', async () => {
    const { stdout } = await kencot('understand', 'assalamualaikum, mau bikin KIA anak saya');
    expect(stdout.trim()).toBe('intent: apply · service: kia_baru · ticket: -');
  });
});
