/**
 * Scoring `understand` on a labelled corpus (tab-separated: text, intent, service or "-"): the
 * accuracy figures and the intent confusion table that `bench/understand.ts` prints and
 * `understand-corpus.test.ts` holds to a floor.
 */
import fs from 'node:fs';
import { SERVICES } from '../../catalogue/services.js';
import { understand, type Intent } from '../understand.js';

export type Example = { text: string; intent: Intent; service: string | null };

export function loadCorpus(name: 'heldout' | 'dev'): Example[] {
  const file = new URL(`./${name}.tsv`, import.meta.url);
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [text, intent, service] = line.split('\t');
      if (!text || !intent || !service) throw new Error(`malformed corpus line: ${line}`);
      return { text, intent: intent as Intent, service: service === '-' ? null : service };
    });
}

export type Evaluation = {
  total: number;
  intentAccuracy: number;
  serviceAccuracy: number;
  /** expected intent → read intent → count */
  confusion: Record<string, Record<string, number>>;
  misses: { text: string; expected: string; got: string }[];
};

export function evaluate(examples: readonly Example[]): Evaluation {
  let intents = 0;
  let services = 0;
  const confusion: Evaluation['confusion'] = {};
  const misses: Evaluation['misses'] = [];
  for (const example of examples) {
    const read = understand(example.text, SERVICES);
    const row = (confusion[example.intent] ??= {});
    row[read.intent] = (row[read.intent] ?? 0) + 1;
    const intentOk = read.intent === example.intent;
    const serviceOk = read.service === example.service;
    if (intentOk) intents++;
    if (serviceOk) services++;
    if (!intentOk || !serviceOk) misses.push({ text: example.text, expected: `${example.intent}/${example.service ?? '-'}`, got: `${read.intent}/${read.service ?? '-'}` });
  }
  const total = examples.length;
  return { total, intentAccuracy: intents / total, serviceAccuracy: services / total, confusion, misses };
}
