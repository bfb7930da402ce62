/**
 * Short-lived bearer tokens of the citizen portal, signed with the installation secret (HMAC,
 * like document links): the applicant token proves a confirmed WhatsApp number at an office; the
 * tracking token proves the ticket + PIN of one request. Stateless, so any server copy checks them.
 */
import crypto from 'node:crypto';

export type ApplicantClaims = { kind: 'applicant'; officeCode: string; phone: string; verificationId: string };
export type TrackingClaims = { kind: 'tracking'; officeCode: string; requestId: string };
export type PortalClaims = ApplicantClaims | TrackingClaims;

export const APPLICANT_TOKEN_MINUTES = 120;
export const TRACKING_TOKEN_MINUTES = 30;

export function signPortalToken(secret: string, claims: PortalClaims, now: Date): { token: string; expiresAt: Date } {
  const minutes = claims.kind === 'applicant' ? APPLICANT_TOKEN_MINUTES : TRACKING_TOKEN_MINUTES;
  const expiresAt = new Date(now.getTime() + minutes * 60_000);
  const body = Buffer.from(JSON.stringify({ ...claims, exp: Math.floor(expiresAt.getTime() / 1000) })).toString('base64url');
  return { token: `${body}.${mac(secret, body)}`, expiresAt };
}

/** The claims, when the signature holds, the kind is the one wanted and it has not expired. */
export function verifyPortalToken<K extends PortalClaims['kind']>(secret: string, token: string, kind: K, now: Date): Extract<PortalClaims, { kind: K }> | undefined {
  const [body, signature, ...rest] = token.split('.');
  if (!body || !signature || rest.length > 0) return undefined;
  const expected = Buffer.from(mac(secret, body));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return undefined;
  let claims: PortalClaims & { exp?: unknown };
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as PortalClaims & { exp?: unknown };
  } catch {
    return undefined;
  }
  if (claims.kind !== kind || typeof claims.exp !== 'number' || claims.exp * 1000 <= now.getTime()) return undefined;
  const { exp: _exp, ...rest2 } = claims;
  return rest2 as Extract<PortalClaims, { kind: K }>;
}

function mac(secret: string, body: string): string {
  return crypto.createHmac('sha256', secret).update(`portal-token:${body}`).digest('base64url');
}

/** The stored form of a confirmation code: keyed by the secret and the row, so a leaked table reveals nothing. */
export function hashCode(secret: string, verificationId: string, code: string): string {
  return crypto.createHmac('sha256', secret).update(`phone-code:${verificationId}:${code}`).digest('base64url');
}

export function codeMatches(secret: string, verificationId: string, code: string, stored: string): boolean {
  const expected = Buffer.from(stored);
  const given = Buffer.from(hashCode(secret, verificationId, code));
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
