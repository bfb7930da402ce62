/**
 * The chatbot the WhatsApp worker runs: the pure dialogue of ./dialogue.ts behind the worker's
 * `Dialogue` interface, plus what to say when our side fails.
 */
import { isLocale, t } from '../i18n/i18n.js';
import { converse, initialDialogueState, type DialogueState } from './dialogue.js';
import type { Dialogue } from './inbound.js';

export const chatbot: Dialogue<DialogueState> = {
  initial: initialDialogueState,
  converse,
  apology: (locale) => ({ type: 'text', text: t(isLocale(locale) ? locale : 'id', 'whatsapp.apology') }),
};
