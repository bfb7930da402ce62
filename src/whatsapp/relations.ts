/**
 * How an applicant is related to the document's subject, from the words they type ("saya ibunya",
 * "bapake", "kakaknya", "aku dewe"): one vocabulary table, read against the relations a service
 * offers. The officers get the code; the typed words are kept beside it.
 */
import { normalise } from './dialogue-kit.js';

/** Words per relation code, Indonesian, Banyumasan and English. */
export const RELATION_WORDS: Readonly<Record<string, readonly string[]>> = {
  ibu: ['ibu', 'ibunya', 'ibue', 'mama', 'mamah', 'mami', 'bunda', 'emak', 'mak', 'simbok', 'mbok', 'umi', 'ummi', 'mother', 'mom', 'mum'],
  ayah: ['ayah', 'ayahnya', 'bapak', 'bapaknya', 'bapake', 'bpk', 'papa', 'papah', 'abah', 'abi', 'father', 'dad'],
  wali: ['wali', 'walinya', 'guardian', 'pengasuh'],
  diri_sendiri: ['saya sendiri', 'diri sendiri', 'sendiri', 'pribadi', 'myself', 'aku dewe', 'inyong dewek', 'dewek', 'dewe', 'kula piyambak', 'own'],
  suami_istri: ['suami', 'suaminya', 'istri', 'istrinya', 'isteri', 'bojo', 'bojone', 'husband', 'wife', 'spouse'],
  anak: ['anak', 'anaknya', 'putra', 'putri', 'putranya', 'putrinya', 'son', 'daughter', 'child'],
  orang_tua: ['orang tua', 'orangtua', 'ortu', 'parent'],
  keluarga: [
    'keluarga', 'kakak', 'kakaknya', 'adik', 'adiknya', 'nenek', 'neneknya', 'kakek', 'kakeknya', 'mbah', 'simbah', 'eyang', 'paman', 'om', 'bibi',
    'tante', 'pakde', 'bude', 'bulik', 'paklik', 'cucu', 'sepupu', 'keponakan', 'ponakan', 'saudara', 'mas', 'mbak', 'grandmother', 'grandfather', 'sibling', 'aunt', 'uncle', 'relative',
  ],
};

/** Where a word belongs to another code when the service does not offer its own ("ibu" of an adult is a parent). */
const INSTEAD: Readonly<Record<string, string>> = { ibu: 'orang_tua', ayah: 'orang_tua', wali: 'keluarga', orang_tua: 'keluarga' };

/** The relation code the typed words name, among `allowed`, or undefined. */
export function readRelation(input: string, allowed: readonly string[]): string | undefined {
  const typed = ` ${normalise(input)} `;
  let best: { code: string; length: number } | undefined;
  for (const [code, words] of Object.entries(RELATION_WORDS)) {
    for (const word of words) {
      if (!typed.includes(` ${word} `) || word.length <= (best?.length ?? 0)) continue;
      const target = allowed.includes(code) ? code : INSTEAD[code] && allowed.includes(INSTEAD[code]!) ? INSTEAD[code]! : undefined;
      if (target) best = { code: target, length: word.length };
    }
  }
  return best?.code;
}
