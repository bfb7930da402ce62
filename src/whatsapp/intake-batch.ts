/**
 * Group commit for the webhook: deliveries that arrive while an INSERT is in flight wait for the
 * next one and go in together. Each is still acknowledged only after its own rows are committed;
 * the database just commits once per batch instead of once per message, which is what lets one
 * business number's peak (Meta allows up to 1,000 messages a second) be taken in.
 */
import type { Db } from '../db/database.js';
import * as store from './storage.js';

type Rows = Parameters<typeof store.insertInbound>[1];
type Waiting = { rows: Rows; resolve: (stored: number) => void; reject: (err: unknown) => void };

export function inboundBatcher(db: Db, opts: { maxInFlight?: number; maxBatch?: number } = {}) {
  const maxInFlight = opts.maxInFlight ?? 4;
  const maxBatch = opts.maxBatch ?? 500;
  const queue: Waiting[] = [];
  let inFlight = 0;

  function flush() {
    while (inFlight < maxInFlight && queue.length > 0) {
      const batch: Waiting[] = [];
      let size = 0;
      while (queue.length > 0 && (batch.length === 0 || size + queue[0]!.rows.length <= maxBatch)) {
        const next = queue.shift()!;
        size += next.rows.length;
        batch.push(next);
      }
      inFlight++;
      store
        .insertInboundReturningIds(db, batch.flatMap((w) => w.rows))
        .then((stored) => {
          for (const w of batch) w.resolve(w.rows.filter((r) => stored.has(r.waMessageId)).length);
        })
        .catch((err: unknown) => {
          for (const w of batch) w.reject(err);
        })
        .finally(() => {
          inFlight--;
          flush();
        });
    }
  }

  return {
    /** Resolves with how many of these rows were new, once they are committed. */
    insert(rows: Rows): Promise<number> {
      if (rows.length === 0) return Promise.resolve(0);
      return new Promise<number>((resolve, reject) => {
        queue.push({ rows, resolve, reject });
        // Let the deliveries of this tick join before the first INSERT goes out.
        if (queue.length === 1) setImmediate(flush);
      });
    },
  };
}

export type InboundBatcher = ReturnType<typeof inboundBatcher>;
