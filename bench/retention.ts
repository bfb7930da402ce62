/**
 * How long one round of personal-data retention takes when a backlog is due at once (the first run
 * after installing a release with it, on an office with years of requests): N closed requests past
 * their period, N old audit entries, N settled outbox rows. Prints the counts and the time.
 *   DATABASE_URL=postgres://… N=20000 npx tsx bench/retention.ts   (without DATABASE_URL: PGlite in a temp dir)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/database.js';
import { DEMO_OFFICE_CODE, setUpDemo } from '../src/offices/setup.js';
import { fixedClock } from '../src/platform/clock.js';
import { applyPersonalDataRetention } from '../src/privacy/purge.js';
import { loadRegions } from '../src/regions/regions.js';

const n = Number(process.env.N ?? 20_000);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kencot-bench-retention-'));
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir });
await database.migrate();
const clock = fixedClock('2029-01-10T00:00:00Z');
await setUpDemo({ db: database.db, clock: fixedClock('2026-01-01T00:00:00Z') }, loadRegions());
const db = database.db;
await db.execute(sql`
  insert into requests (office_code, ticket, service_code, channel, state, desa_code, applicant, subject, details, subject_nik, applicant_phone, hand_over_choice, pin_hash, submitted_at, state_entered_at, due_at)
  select ${DEMO_OFFICE_CODE}, 'BEN-26-' || lpad(g::text, 6, '0'), 'kia_baru', 'walk_in', 'handed_over', '33.02.20.2009',
    '{"name":"Sri Wahyuni","phone":"6281227001234","relation":"ibu"}', '{"nik":"3302205005200001","name":"Ayu","sex":"P"}', '{"kk_number":"3302201005200001"}',
    '3302205005200001', '6281227001234', 'pickup', 'x', '2026-01-05', '2026-01-06', '2026-01-06'
  from generate_series(1, ${n}) g`);
await db.execute(sql`
  insert into audit_log (at, office_code, actor_type, action, entity_type, entity_id, details, ip)
  select '2026-01-06', ${DEMO_OFFICE_CODE}, 'staff', 'request.verify_accept', 'request', gen_random_uuid()::text, '{"from":"submitted","to":"verified","note":"x"}', '10.0.0.1'
  from generate_series(1, ${n}) g`);
await db.execute(sql`
  insert into outbox (office_code, recipient, kind, payload, status, created_at, next_attempt_at, sent_at)
  select ${DEMO_OFFICE_CODE}, '6281227001234', 'request.submitted', '{"ticket":"x"}', 'sent', '2026-01-06', '2026-01-06', '2026-01-06'
  from generate_series(1, ${n}) g`);

const started = performance.now();
const counts = await applyPersonalDataRetention({ db, clock });
const ms = performance.now() - started;
const again = performance.now();
await applyPersonalDataRetention({ db, clock });
console.log(JSON.stringify({ engine: process.env.DATABASE_URL ? 'postgres' : 'pglite', n, counts, firstRoundMs: Math.round(ms), nextRoundMs: Math.round(performance.now() - again) }));
await database.close();
fs.rmSync(dataDir, { recursive: true, force: true });
