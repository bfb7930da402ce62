/**
 * How well the chatbot reads free text: intent and service accuracy of `understand` on the dev and
 * held-out corpora, the held-out confusion table, and the held-out misses.
 * Run: npx tsx bench/understand.ts [--misses]
 */
import { evaluate, loadCorpus } from '../src/whatsapp/corpus/evaluate.js';
import { INTENTS } from '../src/whatsapp/understand.js';

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
for (const name of ['dev', 'heldout'] as const) {
  const result = evaluate(loadCorpus(name));
  console.log(`${name.padEnd(8)} n=${result.total}  intent ${pct(result.intentAccuracy)}  service ${pct(result.serviceAccuracy)}`);
  if (name !== 'heldout') continue;
  const seen = INTENTS.filter((i) => result.confusion[i] || Object.values(result.confusion).some((row) => row[i]));
  const short = (s: string) => s.slice(0, 6);
  console.log(`\nconfusion (rows: expected, columns: read)\n${'|'.padStart(14)} ${seen.map((i) => short(i).padStart(6)).join(' ')}`);
  for (const expected of seen) {
    const row = result.confusion[expected] ?? {};
    console.log(`${expected.padEnd(12)} | ${seen.map((i) => String(row[i] ?? '.').padStart(6)).join(' ')}`);
  }
  if (process.argv.includes('--misses')) for (const m of result.misses) console.log(`  ${m.expected.padEnd(30)} read ${m.got.padEnd(30)} ${m.text}`);
}
