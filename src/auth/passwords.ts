/** Password hashing with argon2id (OWASP's first choice) and the rules a new password must meet. */
import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id; the enum is a const enum, which verbatimModuleSyntax cannot import.
const ARGON2ID = 2;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function passwordMatches(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** Long enough to resist guessing; no composition rules, which push people to Password1!. */
export function isAcceptablePassword(password: string, username: string): boolean {
  return password.length >= 10 && password.length <= 200 && password.toLowerCase() !== username.toLowerCase();
}

/** A password to print once: easy to type from a screen, about 80 bits. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = crypto.randomBytes(16);
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}-${chars.slice(12, 16)}`;
}

/** Hash used to verify a password for an unknown user in the same time as a known one. */
export const DUMMY_HASH = hashPassword('kencot-dummy-password-for-timing');
