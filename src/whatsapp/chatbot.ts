/**
 * The chatbot the WhatsApp worker runs: the pure dialogue of ./dialogue.ts behind the worker's
 * `Dialogue` interface.
 */
import { t } from '../i18n/i18n.js';
import type { Dialogue } from './inbound.js';

// TEMPORARY until the dialogue lands: answers every message with the apology.
export const chatbot: Dialogue<Record<string, unknown>> = {
  initial: () => ({}),
  converse: (state) => ({ state, locale: 'id', replies: [{ type: 'text', text: t('id', 'whatsapp.handed_back') }], commands: [] }),
  apology: () => ({ type: 'text', text: t('id', 'errors.internal') }),
};
