/**
 * Ticket numbers and tracking PINs: what an applicant reads out at the counter, types into the
 * portal, or sends back over WhatsApp.
 *
 * `KBR-26-000123` = office prefix, two-digit year, sequence within the office and year. The year
 * keeps sequences short and lets each office restart at 1 every January; the prefix keeps tickets
 * unique across a regency running all its kecamatan on one installation.
 *
 * The ticket number is not a secret (it is printed on receipts); the PIN is what proves a person
 * may see a request's status, so it comes from an injected cryptographic source.
 */

export interface Ticket {
  prefix: string;
  year: number;
  sequence: number;
}

const PREFIX = /^[A-Z]{3}$/;
export const MAX_TICKET_SEQUENCE = 999_999;

/** `formatTicket('KBR', 2026, 123)` → `'KBR-26-000123'`. Throws on values that cannot be a ticket. */
export function formatTicket(prefix: string, year: number, sequence: number): string {
  const p = prefix.toUpperCase();
  if (!PREFIX.test(p)) throw new RangeError(`ticket prefix must be three letters, got "${prefix}"`);
  if (!Number.isInteger(year) || year < 2000 || year > 2099) throw new RangeError(`ticket year out of range: ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_TICKET_SEQUENCE) {
    throw new RangeError(`ticket sequence out of range: ${sequence}`);
  }
  return `${p}-${String(year % 100).padStart(2, '0')}-${String(sequence).padStart(6, '0')}`;
}

/**
 * Reads a ticket as people type it: any case, spaces or dashes (or none) between the parts,
 * the sequence with or without leading zeros when separated: `kbr 26 123`, `KBR–26–000123`,
 * `kbr26000123`. Returns null for anything else, never guesses.
 */
export function parseTicket(input: string): (Ticket & { ticket: string }) | null {
  // Normalise the separators people actually produce: spaces, hyphens, en/em dashes, slashes, dots.
  const cleaned = input.trim().toUpperCase().replace(/[\s\u2010-\u2015/._]+/g, '-').replace(/-+/g, '-');
  const match =
    /^([A-Z]{3})-?(\d{2})-(\d{1,6})$/.exec(cleaned) ?? /^([A-Z]{3})-?(\d{2})(\d{6})$/.exec(cleaned);
  if (!match) return null;
  const [, prefix, yy, seq] = match as unknown as [string, string, string, string];
  const year = 2000 + Number(yy);
  const sequence = Number(seq);
  if (sequence < 1) return null;
  return { prefix, year, sequence, ticket: formatTicket(prefix, year, sequence) };
}

// ---------------------------------------------------------------------------------------------
// Tracking PIN

/** Returns a uniformly random integer in [0, maxExclusive); in production `crypto.randomInt`. */
export type RandomInt = (maxExclusive: number) => number;

export const PIN_LENGTH = 6;

/**
 * PINs people might guess first (000000, 123456, 987654): drawn again. Costs almost nothing
 * (20 of a million values) and removes the guesses an attacker would try first.
 */
export function isGuessablePin(pin: string): boolean {
  const digits = [...pin].map(Number);
  const steps = digits.slice(1).map((d, i) => d - (digits[i] ?? 0));
  return steps.every((s) => s === 0) || steps.every((s) => s === 1) || steps.every((s) => s === -1);
}

export function isWellFormedPin(value: string): boolean {
  return /^\d{6}$/.test(value);
}

export function generateTrackingPin(randomInt: RandomInt): string {
  for (let attempt = 0; attempt < 100; attempt++) {
    const n = randomInt(10 ** PIN_LENGTH);
    if (!Number.isInteger(n) || n < 0 || n >= 10 ** PIN_LENGTH) {
      throw new RangeError(`random source returned ${n}, outside [0, ${10 ** PIN_LENGTH})`);
    }
    const pin = String(n).padStart(PIN_LENGTH, '0');
    if (!isGuessablePin(pin)) return pin;
  }
  // A real random source never gets here; a stuck one (always 0) must not yield a PIN.
  throw new Error('random source keeps returning guessable PINs');
}
