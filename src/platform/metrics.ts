/**
 * `/metrics` for Prometheus (text format, prom-client): request latency by route pattern, the
 * WhatsApp inbound backlog and the outbox, SLA breaches, purges and refused sign-ins.
 *
 * Served only when METRICS_TOKEN is set, and only to `Authorization: Bearer <token>` (compared in
 * constant time); otherwise 404, as if there were no such page. Labels hold route patterns, methods,
 * status codes, office codes and job names — never a raw URL, a query string or anything a person typed.
 * The database figures are read at scrape time, so every server copy reports the same ones; the
 * counters (requests, refusals, job rounds) are this process's, as Prometheus expects.
 */
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { JOB_LOCK_KEYS, rows, type Db, type JobKey } from '../db/database.js';
import { FINAL_STATES } from '../requests/workflow.js';
import type { Clock } from './clock.js';
import { AppError } from './errors.js';
import type { App } from './http.js';

export type Metrics = ReturnType<typeof createMetrics>;

const JOB_NAMES = Object.fromEntries(Object.entries(JOB_LOCK_KEYS).map(([name, key]) => [key, name])) as Record<JobKey, string>;

/** One registry per app (tests run several apps in one process). */
export function createMetrics() {
  const registry = new Registry();
  const registers = [registry];
  const metrics = {
    registry,
    httpDuration: new Histogram({
      name: 'kencot_http_request_duration_seconds',
      help: 'HTTP request duration by method, route pattern and status code',
      labelNames: ['method', 'route', 'status_code'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    loginsRefused: new Counter({
      name: 'kencot_logins_refused_total',
      help: 'Staff sign-ins refused by this process: wrong credentials, held back or inactive (refused), or over the per-address limit (rate_limited)',
      labelNames: ['reason'] as const,
      registers,
    }),
    jobRuns: new Counter({
      name: 'kencot_job_runs_total',
      help: 'Timer job rounds this process ran (SLA escalation, scan purge, personal-data retention); a round another copy held is not counted',
      labelNames: ['job'] as const,
      registers,
    }),
    inboundBacklog: new Gauge({ name: 'kencot_whatsapp_inbound_backlog', help: 'WhatsApp messages received and not yet handled', registers }),
    inboundOldestAge: new Gauge({
      name: 'kencot_whatsapp_inbound_oldest_age_seconds',
      help: 'Age of the oldest WhatsApp message not yet handled (0 when none waits)',
      registers,
    }),
    outboxDepth: new Gauge({ name: 'kencot_outbox_depth', help: 'Outgoing messages not yet sent (pending or being sent)', registers }),
    outboxLag: new Gauge({ name: 'kencot_outbox_lag_seconds', help: 'Age of the oldest outgoing message not yet sent (0 when none waits)', registers }),
    slaBreaches: new Gauge({
      name: 'kencot_sla_breaches',
      help: 'Open requests past their due time, by office (Kemendagri district code)',
      labelNames: ['office'] as const,
      registers,
    }),
    filesPurged: new Gauge({ name: 'kencot_files_purged', help: 'Scans whose bytes were deleted at the end of their retention period', registers }),
  };
  return metrics;
}

/** Counts a timer job's round when this process ran it (wraps `Database.alone`). */
export function countJobRun(metrics: Metrics, job: JobKey, ran: boolean): void {
  if (ran) metrics.jobRuns.inc({ job: JOB_NAMES[job] ?? 'unknown' });
}

type Figures = {
  inbound_backlog: number;
  inbound_oldest_age: number | null;
  outbox_depth: number;
  outbox_lag: number | null;
  files_purged: number;
};

/** The database figures, read when Prometheus scrapes. */
export async function refreshDatabaseGauges(metrics: Metrics, db: Db, clock: Clock): Promise<void> {
  const now = sql`${clock.now().toISOString()}::timestamptz`;
  const finals = sql.join(
    FINAL_STATES.map((s) => sql`${s}`),
    sql`, `,
  );
  const [figures] = await rows<Figures>(
    db,
    sql`select
      (select count(*)::int from whatsapp_inbound where status = 'pending') as inbound_backlog,
      (select extract(epoch from (${now} - min(received_at)))::float8 from whatsapp_inbound where status = 'pending') as inbound_oldest_age,
      (select count(*)::int from outbox where status in ('pending', 'sending')) as outbox_depth,
      (select extract(epoch from (${now} - min(created_at)))::float8 from outbox where status in ('pending', 'sending')) as outbox_lag,
      (select count(*)::int from files where purged_at is not null) as files_purged`,
  );
  const breaches = await rows<{ office: string; n: number }>(
    db,
    sql`select office_code as office, count(*)::int as n from requests where state not in (${finals}) and due_at < ${now} group by office_code`,
  );
  metrics.inboundBacklog.set(Number(figures?.inbound_backlog ?? 0));
  metrics.inboundOldestAge.set(Math.max(0, Number(figures?.inbound_oldest_age ?? 0)));
  metrics.outboxDepth.set(Number(figures?.outbox_depth ?? 0));
  metrics.outboxLag.set(Math.max(0, Number(figures?.outbox_lag ?? 0)));
  metrics.filesPurged.set(Number(figures?.files_purged ?? 0));
  // An office whose last breach is resolved must read 0, not its old figure.
  metrics.slaBreaches.reset();
  for (const { office, n } of breaches) metrics.slaBreaches.set({ office }, Number(n));
}

/** SHA-256 of both sides first, so the comparison takes the same time whatever the lengths. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!m) return false;
  const given = crypto.createHash('sha256').update(m[1]!).digest();
  const expected = crypto.createHash('sha256').update(token).digest();
  return crypto.timingSafeEqual(given, expected);
}

const LOGIN_ROUTE = '/api/v1/auth/login';

export function registerMetrics(app: App, deps: { metrics: Metrics; metricsToken: string | undefined; db: Db; clock: Clock }): void {
  const { metrics } = deps;
  app.addHook('onResponse', async (req, reply) => {
    // The route's pattern (/api/v1/requests/:id), never the URL a caller sent; unknown paths share one label.
    const route = req.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe({ method: req.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
    if (route === LOGIN_ROUTE && req.method === 'POST') {
      if (reply.statusCode === 401) metrics.loginsRefused.inc({ reason: 'refused' });
      else if (reply.statusCode === 429) metrics.loginsRefused.inc({ reason: 'rate_limited' });
    }
  });

  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    // Unset: the page does not exist (and the single-page fallback must not answer for it either).
    if (!deps.metricsToken) throw new AppError('route_not_found', 404);
    if (!bearerMatches(req.headers.authorization, deps.metricsToken)) {
      reply.header('www-authenticate', 'Bearer');
      throw new AppError('unauthenticated', 401);
    }
    await refreshDatabaseGauges(metrics, deps.db, deps.clock);
    reply.header('cache-control', 'no-store');
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
