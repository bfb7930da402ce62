/** Assembles the server from its features. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { registerAuditRoutes } from './audit/routes.js';
import { registerAuthRoutes } from './auth/routes.js';
import { registerChildrenRoutes } from './children/routes.js';
import { registerDeliveryRoutes } from './delivery/routes.js';
import { registerVisitRoutes } from './visits/routes.js';
import { registerJemputBolaRoutes } from './jemput-bola/routes.js';
import { registerFileRoutes } from './files/routes.js';
import { registerOfficeRoutes } from './offices/routes.js';
import { registerOutageRoutes } from './outages/routes.js';
import { registerReadingCornerRoutes } from './reading-corner/routes.js';
import { registerSurveyRoutes } from './survey/routes.js';
import { registerComplaintRoutes } from './complaints/routes.js';
import { registerReceiptRoutes } from './receipts/routes.js';
import { registerPortalRoutes } from './portal/routes.js';
import { registerPrivacyRoutes } from './privacy/routes.js';
import { registerRequestRoutes } from './requests/routes.js';
import { registerServiceSettingRoutes } from './office-catalogue/routes.js';
import { createHttpApp, sendProblem, type AppDeps } from './platform/http.js';
import { createMetrics, registerMetrics } from './platform/metrics.js';
import { registerWhatsAppRoutes } from './whatsapp/routes.js';
import { registerSimulator } from './whatsapp/simulator/routes.js';
import { AppError } from './platform/errors.js';

/** The built web client (vite build output), if there is one. */
export function webRoot(): string | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const candidate of ['../dist/web', '../../dist/web', '../web']) {
    const dir = path.resolve(here, candidate);
    if (fs.existsSync(path.join(dir, 'index.html'))) return dir;
  }
  return undefined;
}

export async function buildApp(deps: AppDeps) {
  const app = await createHttpApp(deps);
  // First, so its timing hook sees every route.
  registerMetrics(app, { metrics: deps.metrics ?? createMetrics(), metricsToken: deps.config.metricsToken, db: deps.database.db, clock: deps.clock });
  registerAuthRoutes(app, deps);
  registerOfficeRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerFileRoutes(app, deps);
  registerRequestRoutes(app, deps);
  registerPortalRoutes(app, deps);
  registerWhatsAppRoutes(app, deps);
  if (deps.whatsapp.mode === 'simulator') registerSimulator(app, deps);
  registerServiceSettingRoutes(app, deps);
  registerReceiptRoutes(app, deps);
  registerPrivacyRoutes(app, deps);
  registerOutageRoutes(app, deps);
  registerReadingCornerRoutes(app, deps);
  registerChildrenRoutes(app, deps);
  registerSurveyRoutes(app, deps);
  registerComplaintRoutes(app, deps);
  registerDeliveryRoutes(app, deps);
  registerVisitRoutes(app, deps);
  registerJemputBolaRoutes(app, deps);

  const root = webRoot();
  if (root) {
    // preCompressed: the build writes .br and .gz beside each asset; phones on 3G get those.
    await app.register(fastifyStatic, { root, prefix: '/', wildcard: false, index: ['index.html'], maxAge: '1h', preCompressed: true });
  }
  // Client-side routes (/petugas/…, /lacak/…) all load the single page; API misses stay problem+json.
  app.setNotFoundHandler((req, reply) => {
    const apiPath = /^\/(api|webhooks)\//.test(req.url);
    // Where the simulator is off its page does not exist either.
    const closedPage = deps.whatsapp.mode !== 'simulator' && /^\/simulator(\/|\?|$)/.test(req.url);
    if (root && req.method === 'GET' && !apiPath && !closedPage && (req.headers.accept ?? '').includes('text/html')) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html', { maxAge: 0 });
    }
    return sendProblem(req, reply, new AppError('route_not_found', 404));
  });
  return app;
}
