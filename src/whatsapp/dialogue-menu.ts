/**
 * The main menu and the greeting: where every conversation starts and every flow returns.
 */
import type { OutboundMessage } from './dialogue-contract.js';
import { localParts, officeZone } from './dialogue-format.js';
import { list, prepend, type Env } from './dialogue-kit.js';

// "Pengaduan" last, so the numbers people already type for the others stay what they were.
export const MENU_ITEMS = ['info', 'apply', 'status', 'staff', 'hours', 'language', 'complaint'] as const;
export type MenuItem = (typeof MENU_ITEMS)[number];

export function mainMenu(env: Env, note?: string): OutboundMessage[] {
  const rows = MENU_ITEMS.map((item) => ({
    id: `m:${item}`,
    title: env.tr(`menu.rows.${item}.title`),
    description: env.tr(`menu.rows.${item}.description`),
  }));
  return prepend(note, list(env, env.tr('menu.body'), env.tr('menu.button'), env.tr('menu.section'), rows, env.tr('menu.footer')));
}

/** "Selamat pagi" until 11, "siang" until 15, "sore" until 18, then "malam", by the office's clock. */
export function salutation(env: Env): string {
  const hour = Math.floor(localParts(env.ctx.now, officeZone(env.ctx)).minutes / 60);
  const part = hour >= 4 && hour < 11 ? 'morning' : hour >= 11 && hour < 15 ? 'midday' : hour >= 15 && hour < 18 ? 'afternoon' : 'evening';
  return env.tr(`greeting.${part}`);
}

/** The greeting and the menu in one bubble when it fits. */
export function greeting(env: Env, returning: boolean): OutboundMessage[] {
  const key = returning ? 'greeting.welcome_back' : 'greeting.welcome';
  return mainMenu(env, env.tr(key, { salam: salutation(env), office: env.ctx.office.name }));
}
