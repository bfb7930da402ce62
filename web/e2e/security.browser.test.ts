/**
 * The Content-Security-Policy in a real browser: a script injected into the portal, the console or
 * the simulator does not run (and the browser reports the violation), and another site cannot
 * frame the console to trick an officer into clicking (clickjacking).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { launchBrowser } from './browser.js';

let server: RunningServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kencot-csp-'));
  server = await startServer(loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' }));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.cleanup();
  await server?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('Content-Security-Policy', () => {
  it.each([
    ['the portal', '/ajukan', 'h1'],
    ['the console', '/petugas', 'h1'],
    ['the simulator', '/simulator', 'h1'],
  ])('an inline script injected into %s does not run', async (_, url, ready) => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}${url}`);
    await expect.poll(() => page.locator(ready).count()).toBeGreaterThan(0);
    const violation = await page.evaluate(
      () =>
        new Promise<{ directive: string } | null>((resolve) => {
          document.addEventListener('securitypolicyviolation', (e) => resolve({ directive: e.effectiveDirective }), { once: true });
          const s = document.createElement('script');
          s.textContent = 'window.__pwned = 1';
          document.body.append(s);
          setTimeout(() => resolve(null), 2_000);
        }),
    );
    expect(violation).toEqual({ directive: 'script-src-elem' });
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // The page's own scripts and styles are all allowed: nothing else was refused.
    expect(errors).toEqual([]);
    await page.close();
  });

  it('another site cannot frame the console', async () => {
    const page = await browser.newPage();
    const refused: string[] = [];
    page.on('console', (m) => m.type() === 'error' && refused.push(m.text()));
    // An attacker's page, from another origin than the server's.
    await page.setContent(`<iframe id="bait" src="${server.url}/petugas" width="800" height="600"></iframe>`);
    await expect.poll(() => refused.join('\n'), { timeout: 10_000 }).toMatch(/frame-ancestors|X-Frame-Options|refused to (connect|display)/i);
    // The frame holds the browser's own error page, not the sign-in form.
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame?.url()).toMatch(/^chrome-error:/);
    expect(await frame?.locator('#root').count()).toBe(0);
    await page.close();
  });
});
