/**
 * Staff accounts and sessions: sign in (with lockout), sign out, change and reset passwords,
 * create accounts. Each operation that changes something audits it in the same transaction.
 */
import crypto from 'node:crypto';
import type { Db } from '../db/database.js';
import { auditActorOf, recordAudit, type Origin } from '../audit/audit.js';
import type { Clock } from '../platform/clock.js';
import { AppError } from '../platform/errors.js';
import { findOffice } from '../offices/storage.js';
import { DUMMY_HASH, generatePassword, hashPassword, isAcceptablePassword, passwordMatches } from './passwords.js';
import { authorize, type StaffActor } from './policy.js';
import type { Role } from './roles.js';
import * as store from './storage.js';

/** After this many consecutive wrong passwords the account is locked for LOCK_MINUTES. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export type AuthDeps = { db: Db; clock: Clock; sessionTtlMs: number };

export type SignedIn = { token: string; actor: StaffActor; user: PublicStaffUser; mustChangePassword: boolean };

export type PublicStaffUser = {
  id: string;
  username: string;
  name: string;
  role: Role;
  officeCode: string | null;
  regencyCode: string;
  active: boolean;
  mustChangePassword: boolean;
  locked: boolean;
};

export function presentUser(u: store.StaffUserRow, now: Date): PublicStaffUser {
  return {
    id: u.id,
    username: u.username,
    name: u.name,
    role: u.role as Role,
    officeCode: u.officeCode,
    regencyCode: u.regencyCode,
    active: u.active,
    mustChangePassword: u.mustChangePassword,
    locked: !!u.lockedUntil && u.lockedUntil > now,
  };
}

export function actorOf(u: store.StaffUserRow): StaffActor {
  return { kind: 'staff', userId: u.id, role: u.role as Role, officeCode: u.officeCode, regencyCode: u.regencyCode };
}

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

export async function signIn(deps: AuthDeps, input: { username: string; password: string }, origin: Origin): Promise<SignedIn> {
  const now = deps.clock.now();
  const user = await store.findUserByUsername(deps.db, input.username);
  if (!user) {
    // Spend the same time as for a real account, so timing does not reveal which usernames exist.
    await passwordMatches(await DUMMY_HASH, input.password);
    throw new AppError('login_failed', 401, 'errors.login_failed');
  }
  if (user.lockedUntil && user.lockedUntil > now) throw lockedError(user.lockedUntil);
  if (!user.active) throw new AppError('account_inactive', 403, 'errors.account_inactive');

  if (!(await passwordMatches(user.passwordHash, input.password))) {
    await deps.db.transaction(async (tx) => {
      const failures = await store.countFailedLogin(tx, user.id);
      const locks = failures >= MAX_FAILED_LOGINS;
      if (locks) await store.updateUser(tx, user.id, { lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000), failedLogins: 0 });
      await recordAudit(tx, now, {
        officeCode: user.officeCode,
        actor: { type: 'staff', id: user.id, role: user.role },
        action: locks ? 'auth.locked' : 'auth.login_failed',
        entityType: 'staff_user',
        entityId: user.id,
        details: { failures },
      }, origin);
    });
    const fresh = await store.findUserById(deps.db, user.id);
    if (fresh?.lockedUntil && fresh.lockedUntil > now) throw lockedError(fresh.lockedUntil);
    throw new AppError('login_failed', 401, 'errors.login_failed');
  }

  const token = crypto.randomBytes(32).toString('base64url');
  await deps.db.transaction(async (tx) => {
    await store.updateUser(tx, user.id, { failedLogins: 0, lockedUntil: null });
    await store.insertSession(tx, {
      tokenHash: sha256(token),
      userId: user.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + deps.sessionTtlMs),
    });
    await recordAudit(tx, now, {
      officeCode: user.officeCode,
      actor: { type: 'staff', id: user.id, role: user.role },
      action: 'auth.login',
      entityType: 'staff_user',
      entityId: user.id,
    }, origin);
  });
  return { token, actor: actorOf(user), user: presentUser(user, now), mustChangePassword: user.mustChangePassword };
}

function lockedError(until: Date): AppError {
  const hhmm = until.toLocaleTimeString('id-ID', { timeZone: 'Asia/Jakarta', hour: '2-digit', minute: '2-digit' });
  return new AppError('account_locked', 423, 'errors.account_locked', { until: `${hhmm} WIB` }, { lockedUntil: until.toISOString() });
}

/** The signed-in member behind a session cookie, or undefined when it is unknown, expired or disabled. */
export async function sessionFromToken(deps: AuthDeps, token: string) {
  const found = await store.findLiveSession(deps.db, sha256(token), deps.clock.now());
  if (!found || !found.user.active) return undefined;
  return { actor: actorOf(found.user), user: found.user };
}

export async function signOut(deps: AuthDeps, token: string, actor: StaffActor, origin: Origin): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await store.deleteSession(tx, sha256(token));
    await recordAudit(tx, deps.clock.now(), {
      officeCode: actor.officeCode,
      actor: auditActorOf(actor),
      action: 'auth.logout',
      entityType: 'staff_user',
      entityId: actor.userId,
    }, origin);
  });
}

export async function changePassword(
  deps: AuthDeps,
  actor: StaffActor,
  input: { currentPassword: string; newPassword: string },
  origin: Origin,
): Promise<void> {
  const user = await store.findUserById(deps.db, actor.userId);
  if (!user) throw new AppError('unauthenticated', 401);
  if (!(await passwordMatches(user.passwordHash, input.currentPassword)))
    throw new AppError('wrong_current_password', 422, 'errors.wrong_current_password');
  if (!isAcceptablePassword(input.newPassword, user.username)) throw new AppError('weak_password', 422, 'errors.weak_password');
  const passwordHash = await hashPassword(input.newPassword);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await store.updateUser(tx, user.id, { passwordHash, mustChangePassword: false, passwordChangedAt: now });
    await recordAudit(tx, now, {
      officeCode: user.officeCode,
      actor: auditActorOf(actor),
      action: 'auth.password_changed',
      entityType: 'staff_user',
      entityId: user.id,
    }, origin);
  });
}

export type NewStaffUser = { officeCode: string; role: Role; name: string; username: string; password?: string | undefined };

/**
 * Creates an account. `actor` is null only for the CLI and first start-up, which run with
 * the installation's authority; through the API the admin of the same office is required.
 */
export async function createStaffUser(
  deps: { db: Db; clock: Clock },
  actor: StaffActor | null,
  input: NewStaffUser,
  origin: Origin,
): Promise<{ user: PublicStaffUser; password: string }> {
  if (actor) authorize(actor, 'staff.manage', { officeCode: input.officeCode });
  const office = await findOffice(deps.db, input.officeCode);
  if (!office) throw new AppError('office_unknown', 422, 'errors.office_unknown', { code: input.officeCode });
  if (await store.findUserByUsername(deps.db, input.username))
    throw new AppError('username_taken', 409, 'errors.username_taken', { username: input.username });
  const password = input.password ?? generatePassword();
  if (!isAcceptablePassword(password, input.username)) throw new AppError('weak_password', 422, 'errors.weak_password');
  const now = deps.clock.now();
  const passwordHash = await hashPassword(password);
  const user = await deps.db.transaction(async (tx) => {
    const row = await store.insertUser(tx, {
      officeCode: input.role === 'kabupaten' ? null : office.code,
      regencyCode: office.regencyCode,
      username: input.username,
      name: input.name,
      role: input.role,
      passwordHash,
      // A generated password was seen by someone else; its owner must replace it.
      mustChangePassword: input.password === undefined,
      createdAt: now,
    });
    await recordAudit(tx, now, {
      officeCode: office.code,
      actor: auditActorOf(actor),
      action: 'staff.created',
      entityType: 'staff_user',
      entityId: row.id,
      details: { role: input.role },
    }, origin);
    return row;
  });
  return { user: presentUser(user, now), password };
}

/** Sets a new generated password, unlocks the account and signs it out everywhere. */
export async function resetPassword(
  deps: { db: Db; clock: Clock },
  actor: StaffActor | null,
  username: string,
  origin: Origin,
): Promise<{ user: PublicStaffUser; password: string }> {
  const user = await store.findUserByUsername(deps.db, username);
  if (!user) throw new AppError('not_found', 404);
  if (actor) authorize(actor, 'staff.manage', { officeCode: user.officeCode ?? '' });
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await store.updateUser(tx, user.id, { passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null, passwordChangedAt: now });
    await store.deleteSessionsOfUser(tx, user.id);
    await recordAudit(tx, now, {
      officeCode: user.officeCode,
      actor: auditActorOf(actor),
      action: 'staff.password_reset',
      entityType: 'staff_user',
      entityId: user.id,
    }, origin);
  });
  return { user: presentUser({ ...user, mustChangePassword: true, lockedUntil: null }, now), password };
}

export async function currentUser(deps: { db: Db; clock: Clock }, actor: StaffActor): Promise<PublicStaffUser> {
  const user = await store.findUserById(deps.db, actor.userId);
  if (!user) throw new AppError('unauthenticated', 401);
  return presentUser(user, deps.clock.now());
}

export async function listStaff(deps: { db: Db; clock: Clock }, actor: StaffActor, officeCode: string): Promise<PublicStaffUser[]> {
  authorize(actor, 'staff.read', { officeCode });
  const now = deps.clock.now();
  return (await store.listUsersOfOffice(deps.db, officeCode)).map((u) => presentUser(u, now));
}
