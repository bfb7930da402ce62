/**
 * Staff accounts and sessions: sign in (slowed per account and client, see throttle.ts), sign out,
 * change and reset passwords, create, deactivate and reactivate accounts. Each operation that
 * changes something audits it in the same transaction.
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
import { afterSuccess, blockingScopes, countAttempt, isBlocked, THROTTLE_RULES, type ThrottleScope } from './throttle.js';

export type AuthDeps = { db: Db; clock: Clock; sessionTtlMs: number };

export type SignedIn = {
  token: string;
  /** The browser's known-device id, to keep in its `kencot_device` cookie (new when it had none). */
  deviceId: string;
  actor: StaffActor;
  user: PublicStaffUser;
  mustChangePassword: boolean;
};

export type PublicStaffUser = {
  id: string;
  username: string;
  name: string;
  role: Role;
  officeCode: string | null;
  regencyCode: string;
  active: boolean;
  mustChangePassword: boolean;
  /** Sign-in from browsers the account has never used is held back (many wrong passwords from many places). */
  locked: boolean;
};

export function presentUser(u: store.StaffUserRow, locked = false): PublicStaffUser {
  return {
    id: u.id,
    username: u.username,
    name: u.name,
    role: u.role as Role,
    officeCode: u.officeCode,
    regencyCode: u.regencyCode,
    active: u.active,
    mustChangePassword: u.mustChangePassword,
    locked,
  };
}

export function actorOf(u: store.StaffUserRow): StaffActor {
  return { kind: 'staff', userId: u.id, role: u.role as Role, officeCode: u.officeCode, regencyCode: u.regencyCode };
}

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

type ThrottleKey = { keyHash: string; scope: ThrottleScope; usernameHash: string | null };

/** The rows an attempt counts in: hashed, so neither typed usernames nor addresses are kept readable. */
function throttleKeys(username: string, ip: string | undefined, knownDeviceHash: string | undefined): ThrottleKey[] {
  const usernameHash = sha256(username.trim().toLowerCase());
  const address = `ip:${ip ?? 'unknown'}`;
  const client = knownDeviceHash ? `device:${knownDeviceHash}` : address;
  return [
    { scope: 'pair', keyHash: sha256(`pair\n${usernameHash}\n${client}`), usernameHash },
    { scope: 'client', keyHash: sha256(`client\n${address}`), usernameHash: null },
    { scope: 'account', keyHash: accountKeyHash(usernameHash), usernameHash },
  ];
}

const accountKeyHash = (usernameHash: string) => sha256(`account\n${usernameHash}`);

/** The one answer to every refused sign-in: unknown user, wrong password, inactive, or held back. */
const signInRefused = () => new AppError('login_failed', 401, 'errors.login_failed');

/**
 * Counts the attempt in every scope before its password is checked — unless a scope that applies
 * to this client is already holding it back (then nothing is counted: waiting does not lengthen
 * the wait). Locked rows make parallel guesses count one after another.
 */
async function countSignInAttempt(db: Db, keys: ThrottleKey[], knownDevice: boolean, now: Date) {
  return db.transaction(async (tx) => {
    await store.deleteStaleThrottles(tx, new Date(now.getTime() - THROTTLE_RULES.pair.forgetAfterMs), now);
    const rows = await store.lockThrottles(tx, keys, now);
    const applies = blockingScopes(knownDevice);
    if (rows.some((r) => applies.includes(r.scope) && isBlocked(r, now))) return { allowed: false as const };
    const started: ThrottleScope[] = [];
    let pairFailures = 0;
    for (const row of rows) {
      const next = countAttempt(row, now, THROTTLE_RULES[row.scope]);
      if (next.started) started.push(row.scope);
      if (row.scope === 'pair') pairFailures = next.failures;
      await store.saveThrottle(tx, row.keyHash, next, now);
    }
    return { allowed: true as const, started, pairFailures };
  });
}

export async function signIn(
  deps: AuthDeps,
  input: { username: string; password: string; deviceId?: string | undefined },
  origin: Origin,
): Promise<SignedIn> {
  const now = deps.clock.now();
  const user = await store.findUserByUsername(deps.db, input.username);
  const deviceHash = input.deviceId ? sha256(input.deviceId) : undefined;
  const knownDevice = !!user && !!deviceHash && (await store.isKnownDevice(deps.db, user.id, deviceHash));
  const keys = throttleKeys(input.username, origin.ip, knownDevice ? deviceHash : undefined);
  const attempt = await countSignInAttempt(deps.db, keys, knownDevice, now);

  // The same argon2 work whatever the outcome, so timing does not tell which usernames exist
  // or that the attempt was held back.
  const checkedHash = user && attempt.allowed ? user.passwordHash : await DUMMY_HASH;
  const passwordOk = (await passwordMatches(checkedHash, input.password)) && !!user && attempt.allowed;
  if (!attempt.allowed || !user || !passwordOk || !user.active) {
    if (user && attempt.allowed) {
      await recordAudit(deps.db, now, {
        officeCode: user.officeCode,
        actor: { type: 'staff', id: user.id, role: user.role },
        action: attempt.started.length > 0 ? 'auth.throttled' : 'auth.login_failed',
        entityType: 'staff_user',
        entityId: user.id,
        details: { failures: attempt.pairFailures, ...(attempt.started.length > 0 && { scopes: attempt.started }), ...(!user.active && { inactive: true }) },
      }, origin);
    }
    throw signInRefused();
  }

  const token = crypto.randomBytes(32).toString('base64url');
  const deviceId = input.deviceId ?? crypto.randomBytes(32).toString('base64url');
  await deps.db.transaction(async (tx) => {
    // Take this attempt back: it was not a guess. The pair is forgotten altogether.
    for (const row of await store.lockThrottles(tx, keys, now)) {
      const next = afterSuccess(row, row.scope);
      if (next) await store.saveThrottle(tx, row.keyHash, next, now);
      else await store.deleteThrottle(tx, row.keyHash);
    }
    await store.rememberDevice(tx, user.id, sha256(deviceId), now);
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
      details: { knownDevice },
    }, origin);
  });
  return { token, deviceId, actor: actorOf(user), user: presentUser(user), mustChangePassword: user.mustChangePassword };
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

/**
 * Changes the member's own password and ends its other sessions (someone who knew the old password
 * may be signed in elsewhere); the session that made the change stays.
 */
export async function changePassword(
  deps: AuthDeps,
  actor: StaffActor,
  input: { currentPassword: string; newPassword: string },
  currentSessionToken: string,
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
    await store.deleteSessionsOfUser(tx, user.id, sha256(currentSessionToken));
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
  return { user: presentUser(user), password };
}

/**
 * Sets a new generated password and signs the account out everywhere. It also clears the account's
 * sign-in limits and forgets its known browsers: the way back in when a stranger has held back the
 * account, and no trust left for a browser that may have been someone else's.
 */
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
    await store.updateUser(tx, user.id, { passwordHash, mustChangePassword: true, passwordChangedAt: now });
    await store.deleteSessionsOfUser(tx, user.id);
    await store.deleteThrottlesOfUsername(tx, sha256(user.username.toLowerCase()));
    await store.forgetDevicesOfUser(tx, user.id);
    await recordAudit(tx, now, {
      officeCode: user.officeCode,
      actor: auditActorOf(actor),
      action: 'staff.password_reset',
      entityType: 'staff_user',
      entityId: user.id,
    }, origin);
  });
  return { user: presentUser({ ...user, mustChangePassword: true }), password };
}

export async function currentUser(deps: { db: Db; clock: Clock }, actor: StaffActor): Promise<PublicStaffUser> {
  const user = await store.findUserById(deps.db, actor.userId);
  if (!user) throw new AppError('unauthenticated', 401);
  return presentUser(user);
}

export async function listStaff(deps: { db: Db; clock: Clock }, actor: StaffActor, officeCode: string): Promise<PublicStaffUser[]> {
  authorize(actor, 'staff.read', { officeCode });
  const users = await store.listUsersOfOffice(deps.db, officeCode);
  const keyOf = (u: store.StaffUserRow) => accountKeyHash(sha256(u.username.toLowerCase()));
  const heldBack = await store.blockedThrottleKeys(deps.db, users.map(keyOf), deps.clock.now());
  return users.map((u) => presentUser(u, heldBack.has(keyOf(u))));
}

/**
 * Deactivates or reactivates an account. Deactivating ends its sessions at once. An admin cannot
 * deactivate itself, nor the office's last active admin (nobody would be left to undo it); the
 * office's admin rows are locked so two admins cannot deactivate each other at the same moment.
 * `actor` is null for the CLI. Setting the state it already has changes nothing.
 */
export async function setStaffActive(
  deps: { db: Db; clock: Clock },
  actor: StaffActor | null,
  username: string,
  active: boolean,
  origin: Origin,
): Promise<PublicStaffUser> {
  const found = await store.findUserByUsername(deps.db, username);
  if (!found) throw new AppError('not_found', 404);
  if (actor) authorize(actor, 'staff.manage', { officeCode: found.officeCode ?? '' });
  if (!active && actor?.userId === found.id) throw new AppError('cannot_deactivate_self', 409, 'errors.cannot_deactivate_self');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const admins = found.role === 'admin' && found.officeCode ? await store.lockActiveAdmins(tx, found.officeCode) : [];
    const user = (await store.findUserById(tx, found.id))!;
    if (user.active === active) return presentUser(user);
    if (!active && user.role === 'admin' && admins.every((id) => id === user.id))
      throw new AppError('last_active_admin', 409, 'errors.last_active_admin');
    await store.updateUser(tx, user.id, { active });
    if (!active) await store.deleteSessionsOfUser(tx, user.id);
    await recordAudit(tx, now, {
      officeCode: user.officeCode,
      actor: auditActorOf(actor),
      action: active ? 'staff.reactivated' : 'staff.deactivated',
      entityType: 'staff_user',
      entityId: user.id,
    }, origin);
    return presentUser({ ...user, active });
  });
}
