/**
 * Who may use which phone number in the simulator. Each browser holds its own simulator session (a
 * random id in a signed, httpOnly cookie); a number belongs to the first session that takes it, and
 * only if the product has never heard of it — so nobody can read another person's codes and PINs,
 * or chat as them, by typing their number. Kept in memory like the simulator's messages: a restart
 * forgets both, and the numbers used before stay known to the database, so nobody can take them.
 */
import crypto from 'node:crypto';
import type { Db } from '../../db/database.js';
import { AppError } from '../../platform/errors.js';
import { numberIsKnown } from './storage.js';

/** Enough for a demo that tries several applicants; a script taking numbers by the thousand stops here. */
export const NUMBERS_PER_SESSION = 20;
/** All browsers together: memory stays bounded however many sessions a script opens. */
export const NUMBERS_IN_ALL = 10_000;

export type SimulatorSessions = {
  numbersOf(sessionId: string): string[];
  owns(sessionId: string, waId: string): boolean;
  /** Takes the number for this session, or refuses with 403 when it is someone else's. */
  takeNumber(db: Db, sessionId: string, waId: string): Promise<void>;
  /** Takes a number nobody uses yet, for a browser that opens the simulator for the first time. */
  takeFreshNumber(db: Db, sessionId: string): Promise<string>;
};

export const newSimulatorSessionId = () => crypto.randomBytes(24).toString('base64url');

export function simulatorSessions(): SimulatorSessions {
  const ownerOf = new Map<string, string>();
  const numbers = new Map<string, string[]>();

  async function isFree(db: Db, waId: string) {
    return !ownerOf.has(waId) && !(await numberIsKnown(db, waId));
  }

  async function takeNumber(db: Db, sessionId: string, waId: string) {
    if (ownerOf.get(waId) === sessionId) return;
    if (!(await isFree(db, waId))) throw new AppError('simulator_number_taken', 403);
    const mine = numbers.get(sessionId) ?? [];
    if (mine.length >= NUMBERS_PER_SESSION || ownerOf.size >= NUMBERS_IN_ALL) throw new AppError('simulator_numbers_limit', 429);
    // Another request of any session may have taken it while the database answered.
    if (ownerOf.has(waId)) throw new AppError('simulator_number_taken', 403);
    ownerOf.set(waId, sessionId);
    numbers.set(sessionId, [...mine, waId]);
  }

  return {
    numbersOf: (sessionId) => [...(numbers.get(sessionId) ?? [])],
    owns: (sessionId, waId) => ownerOf.get(waId) === sessionId,
    takeNumber,
    async takeFreshNumber(db, sessionId) {
      for (let attempt = 0; attempt < 10; attempt++) {
        const waId = `62899${String(crypto.randomInt(0, 100_000_000)).padStart(8, '0')}`;
        if (!(await isFree(db, waId))) continue;
        await takeNumber(db, sessionId, waId);
        return waId;
      }
      throw new AppError('unavailable', 503);
    },
  };
}
