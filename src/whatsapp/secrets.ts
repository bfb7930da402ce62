/**
 * Secrets a message carries (a tracking PIN, a confirmation code) are named in its outbox row's
 * `payload.secrets` and live there only until the message has gone out or been given up on: the
 * sender then masks them in the stored payload and body, and the staff inbox never shows them.
 * The PIN is otherwise kept only as a hash, and officers are not meant to know it.
 */
export const SECRET_MASK = '••••••';

export function secretsOf(payload: Record<string, unknown>): string[] {
  const list = payload.secrets;
  // Short strings would mask too much of an ordinary text; PINs and codes are six digits.
  return Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string' && s.length >= 4) : [];
}

/** The value with every occurrence of the secrets masked, in strings at any depth. */
export function masked<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return secrets.reduce((text, secret) => text.replaceAll(secret, SECRET_MASK), v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

/** What the outbox keeps once the message is settled: the secrets masked, and a mark that they were. */
export function settledPayload(payload: Record<string, unknown>): Record<string, unknown> {
  const secrets = secretsOf(payload);
  if (secrets.length === 0) return payload;
  const { secrets: _secrets, ...rest } = payload;
  return { ...masked(rest, secrets), secretsMasked: true };
}
