/** The chatbot asks again, at the question, for an answer holding characters no keyboard types. */
import { describe, expect, it } from 'vitest';
import { chat } from '../test-support/dialogue.js';

const GIRL_3 = '3302205003230002'; // born 10 March 2023 (day + 40)
const KK = '3302201005200001';

describe('control characters in chat answers', () => {
  it('are refused at the name and at a data field, and a clean answer goes on', () => {
    const c = chat();
    c.say('halo');
    c.tap('m:apply');
    c.tap('cat:kia');
    c.tap('svc:kia_baru');
    c.say(GIRL_3);
    c.tap('nik:yes');
    expect(c.say('Ayu\u0001Lestari').text).toContain('karakter tersembunyi');
    c.say('Ayu Lestari');
    c.tap('foreign:no');
    c.tap('akta:yes');
    c.say(KK);
    expect(c.say('Banyu\u001bmas').text).toContain('karakter tersembunyi');
    expect(c.say('Banyumas').text).not.toContain('karakter tersembunyi');
  });
});
