/**
 * The servers' timer jobs (SLA escalation, the scan purge, personal-data retention) run in one
 * server copy at a time: two copies on one PostgreSQL database, in-process, each with its own pool.
 * The outbox sender runs in every copy on purpose: they share the rows, and each message goes once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit.js';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { eq, inArray } from 'drizzle-orm';
import { escalateOverdueRequests } from '../requests/escalation.js';
import { testApp, TEST_WHATSAPP_ENV, type TestApp } from '../test-support/app.js';
import { sendDueMessages } from '../whatsapp/sender.js';
import { startGraphStandIn } from '../whatsapp/simulator/graph-standin.js';
import { anotherGirlNik, KIA_DETAILS } from '../test-support/requests.js';
import { JOB_LOCK_KEYS, openDatabase, type Database } from './database.js';
import { outbox } from './schema.js';

let t: TestApp;
let other: Database;
beforeAll(async () => {
  t = await testApp({ now: '2026-11-23T03:00:00Z' }); // Monday 10:00 WIB
  const url = (t.database as Database & { url?: string }).url;
  if (!url) throw new Error('this file runs on PostgreSQL only');
  other = await openDatabase({ databaseUrl: url });
});
afterAll(async () => {
  await other?.close();
  await t?.close();
});

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('timer jobs with two server copies on one PostgreSQL database', () => {
  it('escalates overdue requests once: the copy that finds the job running skips its round', async () => {
    const operator = await t.signedIn('operator');
    const ids: string[] = [];
    for (const name of ['Fajar', 'Rina', 'Dewi']) {
      const res = await operator.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/requests`, {
        serviceCode: 'kia_baru',
        channel: 'walk_in', // due Monday 15:30 WIB
        desaCode: '33.02.20.2005',
        applicant: { name: 'Nur', phone: '081234599999', relation: 'ibu' },
        subject: { nik: anotherGirlNik(), name },
        details: KIA_DETAILS,
      });
      expect(res.statusCode).toBe(201);
      ids.push(res.json().request.id);
    }
    t.clock.set('2026-11-23T08:31:00Z'); // one minute overdue

    const started = gate();
    const release = gate();
    const first = t.database.alone(JOB_LOCK_KEYS.slaEscalation, async () => {
      started.open();
      await release.opened;
      return escalateOverdueRequests({ db: t.db, clock: t.clock });
    });
    await started.opened;
    // The second copy's tick while the first copy's round runs: skipped, nothing done.
    expect(await other.alone(JOB_LOCK_KEYS.slaEscalation, () => escalateOverdueRequests({ db: other.db, clock: t.clock }))).toEqual({ ran: false });
    // Another job is not held up by it.
    expect(await other.alone(JOB_LOCK_KEYS.filePurge, async () => 'purged')).toEqual({ ran: true, value: 'purged' });
    release.open();
    expect(await first).toEqual({ ran: true, value: 3 });
    // Once the round is over the lock is free again, and there is nothing left to do.
    expect(await other.alone(JOB_LOCK_KEYS.slaEscalation, () => escalateOverdueRequests({ db: other.db, clock: t.clock }))).toEqual({ ran: true, value: 0 });

    for (const id of ids) {
      const audit = await listAudit(t.db, { officeCodes: [DEMO_OFFICE_CODE], entityType: 'request', entityId: id, limit: 20 });
      expect(audit.filter((a) => a.action === 'request.flag_set')).toHaveLength(1);
    }
  });

  it('a round that fails frees the job for the next tick', async () => {
    await expect(t.database.alone(JOB_LOCK_KEYS.personalDataRetention, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await other.alone(JOB_LOCK_KEYS.personalDataRetention, async () => 1)).toEqual({ ran: true, value: 1 });
  });

  it('both copies ticking together do each job once between them', async () => {
    let runs = 0;
    const release = gate();
    const job = async () => {
      runs++;
      await release.opened;
    };
    const ticks = [t.database.alone(JOB_LOCK_KEYS.filePurge, job), other.alone(JOB_LOCK_KEYS.filePurge, job)];
    // The copy that runs the job waits for the gate, so the first answer is the other copy's: skipped.
    expect(await Promise.race(ticks)).toEqual({ ran: false });
    release.open();
    const results = await Promise.all(ticks);
    expect(results.filter((r) => r.ran)).toHaveLength(1);
    expect(runs).toBe(1);
  });

  it('the outbox senders of both copies, running at once, send each message exactly once', async () => {
    const graph = await startGraphStandIn({ accessToken: TEST_WHATSAPP_ENV.WHATSAPP_ACCESS_TOKEN, now: () => t.clock.now() });
    try {
      t.whatsapp.setGraphUrl(graph.url);
      const operator = await t.signedIn('operator');
      const phones = Array.from({ length: 12 }, (_, i) => `0812270990${String(i).padStart(2, '0')}`);
      for (const phone of phones) {
        const res = await operator.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/requests`, {
          serviceCode: 'kia_baru',
          channel: 'walk_in',
          desaCode: '33.02.20.2005',
          applicant: { name: 'Nur', phone, relation: 'ibu' },
          subject: { nik: anotherGirlNik(), name: 'Ayu' },
          details: KIA_DETAILS,
        });
        expect(res.statusCode).toBe(201);
      }
      // Every message waiting now (the earlier test's requests left some too).
      const waiting = await t.db.select().from(outbox).where(eq(outbox.status, 'pending'));
      const recipients = [...new Set(waiting.map((r) => r.recipient))];
      expect(recipients.length).toBeGreaterThanOrEqual(phones.length);

      // Small batches, so the two copies interleave their claims over several rounds.
      const drain = async (db: Database['db']) => {
        let sent = 0;
        for (;;) {
          const round = await sendDueMessages({ db, clock: t.clock, graph: t.whatsapp.graph, logger: undefined }, 2);
          sent += round.sent;
          if (round.sent + round.retried + round.failed === 0) return sent;
        }
      };
      const [a, b] = await Promise.all([drain(t.db), drain(other.db)]);
      expect(a + b).toBe(waiting.length);
      for (const recipient of recipients) {
        const rows = waiting.filter((r) => r.recipient === recipient);
        expect(graph.sentTo(recipient)).toHaveLength(rows.length);
      }
      const settled = await t.db.select().from(outbox).where(inArray(outbox.recipient, recipients));
      expect(settled.every((r) => r.status === 'sent')).toBe(true);
      expect(await t.db.select().from(outbox).where(eq(outbox.status, 'sending'))).toEqual([]);
    } finally {
      await graph.close();
    }
  });
});
