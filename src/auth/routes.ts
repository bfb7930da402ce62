/** Sign-in, sign-out, the current member, password change, and staff account management. */
import { z } from 'zod';
import { ROLES } from './roles.js';
import { originOf, requireStaff, SESSION_COOKIE, type App, type AppDeps } from '../platform/http.js';
import * as auth from './service.js';
import { safeText } from '../platform/safe-text.js';

const PublicUser = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  officeCode: z.string().nullable(),
  regencyCode: z.string(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  locked: z.boolean(),
});

/** Marks a browser that has signed in before (see throttle.ts); a random id, signed, never a secret that opens anything. */
const DEVICE_COOKIE = 'kencot_device';
const DEVICE_COOKIE_MAX_AGE_S = 365 * 24 * 3600;

export function registerAuthRoutes(app: App, deps: AppDeps) {
  const authDeps = { db: deps.database.db, clock: deps.clock, sessionTtlMs: deps.config.sessionTtlMs };
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: deps.config.cookieSecure,
    signed: true,
  };

  // Every request: who is signed in? A missing, forged or expired cookie simply means "nobody".
  app.addHook('onRequest', async (req) => {
    const raw = req.cookies[SESSION_COOKIE];
    if (!raw) return;
    const unsigned = req.unsignCookie(raw);
    if (!unsigned.valid || !unsigned.value) return;
    const session = await auth.sessionFromToken(authDeps, unsigned.value);
    if (!session) return;
    req.actor = session.actor;
    req.sessionToken = unsigned.value;
  });

  app.get(
    '/api/v1/auth/csrf',
    { config: { access: 'public' }, schema: { tags: ['auth'], summary: 'CSRF token to send as X-CSRF-Token on every state-changing request', response: { 200: z.object({ csrfToken: z.string() }) } } },
    async (_req, reply) => ({ csrfToken: reply.generateCsrf() }),
  );

  app.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public', rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        // A password only meets argon2, never SQL or a log; the net in http.ts still refuses a NUL.
        body: z.object({ username: safeText().trim().min(1).max(100), password: z.string().min(1).max(200) }),
        response: { 200: z.object({ user: PublicUser, mustChangePassword: z.boolean() }) },
      },
    },
    async (req, reply) => {
      const device = req.cookies[DEVICE_COOKIE] ? req.unsignCookie(req.cookies[DEVICE_COOKIE]) : undefined;
      const deviceId = device?.valid && device.value ? device.value : undefined;
      const signedIn = await auth.signIn(authDeps, { ...req.body, deviceId }, originOf(req));
      reply.setCookie(SESSION_COOKIE, signedIn.token, { ...cookieOptions, maxAge: Math.floor(deps.config.sessionTtlMs / 1000) });
      reply.setCookie(DEVICE_COOKIE, signedIn.deviceId, { ...cookieOptions, path: '/api/v1/auth', maxAge: DEVICE_COOKIE_MAX_AGE_S });
      return { user: signedIn.user, mustChangePassword: signedIn.mustChangePassword };
    },
  );

  app.post('/api/v1/auth/logout', { config: { access: 'signed-in' }, schema: { tags: ['auth'] } }, async (req, reply) => {
    const actor = requireStaff(req);
    await auth.signOut(authDeps, req.sessionToken!, actor, originOf(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/v1/auth/me', { config: { access: 'signed-in' }, schema: { tags: ['auth'], response: { 200: z.object({ user: PublicUser }) } } }, async (req) => {
    return { user: await auth.currentUser(authDeps, requireStaff(req)) };
  });

  app.post(
    '/api/v1/auth/password',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['auth'],
        body: z.object({ currentPassword: z.string().min(1).max(200), newPassword: safeText().min(1).max(200) }),
      },
    },
    async (req, reply) => {
      await auth.changePassword(authDeps, requireStaff(req), req.body, req.sessionToken!, originOf(req));
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/offices/:officeCode/staff',
    { config: { access: 'staff.read' }, schema: { tags: ['staff'], params: z.object({ officeCode: z.string() }), response: { 200: z.object({ staff: z.array(PublicUser) }) } } },
    async (req) => ({ staff: await auth.listStaff(authDeps, requireStaff(req), req.params.officeCode) }),
  );

  app.post(
    '/api/v1/offices/:officeCode/staff',
    {
      config: { access: 'staff.manage' },
      schema: {
        tags: ['staff'],
        params: z.object({ officeCode: z.string() }),
        body: z.object({
          role: z.enum(ROLES),
          name: safeText().trim().min(1).max(120),
          username: safeText().trim().regex(/^[a-z0-9._-]{3,40}$/i),
        }),
        response: { 201: z.object({ user: PublicUser, initialPassword: z.string() }) },
      },
    },
    async (req, reply) => {
      const { user, password } = await auth.createStaffUser(
        authDeps,
        requireStaff(req),
        { ...req.body, officeCode: req.params.officeCode },
        originOf(req),
      );
      return reply.status(201).send({ user, initialPassword: password });
    },
  );

  app.post(
    '/api/v1/staff/:username/reset-password',
    {
      config: { access: 'staff.manage' },
      schema: {
        tags: ['staff'],
        params: z.object({ username: z.string() }),
        response: { 200: z.object({ user: PublicUser, initialPassword: z.string() }) },
      },
    },
    async (req) => {
      const { user, password } = await auth.resetPassword(authDeps, requireStaff(req), req.params.username, originOf(req));
      return { user, initialPassword: password };
    },
  );

  for (const [action, active] of [['deactivate', false], ['reactivate', true]] as const) {
    app.post(
      `/api/v1/staff/:username/${action}`,
      {
        config: { access: 'staff.manage' },
        schema: {
          tags: ['staff'],
          summary: active ? 'Reactivate a staff account' : 'Deactivate a staff account and end its sessions',
          params: z.object({ username: z.string() }),
          response: { 200: z.object({ user: PublicUser }) },
        },
      },
      async (req) => ({ user: await auth.setStaffActive(authDeps, requireStaff(req), req.params.username, active, originOf(req)) }),
    );
  }
}
