/**
 * Property-based tests run from a fixed seed, so `npm test` and CI give the same result on every
 * run; `FC_SEED=random` (or a number) explores other inputs, and a failure prints the seed to replay.
 */
import fc from 'fast-check';

const setting = process.env.FC_SEED;
if (setting !== 'random') fc.configureGlobal({ seed: setting && /^-?\d+$/.test(setting) ? Number(setting) : 20_261_204 });
