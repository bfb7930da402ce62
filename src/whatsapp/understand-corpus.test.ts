import { describe, expect, it } from 'vitest';
import { evaluate, loadCorpus } from './corpus/evaluate.js';

describe('understanding measured on the held-out corpus', () => {
  it('reads at least 90 % of the intents and 85 % of the services right, on 300+ messages never tuned on', () => {
    const corpus = loadCorpus('heldout');
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    const result = evaluate(corpus);
    expect(result.intentAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(result.serviceAccuracy).toBeGreaterThanOrEqual(0.85);
  });
});
