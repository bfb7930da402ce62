import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { formatTicket, generateTrackingPin, isGuessablePin, isWellFormedPin, parseTicket } from './ticket.js';

describe('ticket numbers', () => {
  it('formats prefix, two-digit year and a six-digit sequence', () => {
    expect(formatTicket('KBR', 2026, 123)).toBe('KBR-26-000123');
    expect(formatTicket('kbr', 2030, 999_999)).toBe('KBR-30-999999');
    expect(formatTicket('KBR', 2005, 1)).toBe('KBR-05-000001');
  });

  it('refuses what cannot be a ticket', () => {
    expect(() => formatTicket('KB', 2026, 1)).toThrow(RangeError);
    expect(() => formatTicket('KBR', 1999, 1)).toThrow(RangeError);
    expect(() => formatTicket('KBR', 2026, 0)).toThrow(RangeError);
    expect(() => formatTicket('KBR', 2026, 1_000_000)).toThrow(RangeError);
    expect(() => formatTicket('KBR', 2026, 1.5)).toThrow(RangeError);
  });

  it('parses what people type', () => {
    const want = { prefix: 'KBR', year: 2026, sequence: 123, ticket: 'KBR-26-000123' };
    for (const input of ['KBR-26-000123', 'kbr-26-000123', ' kbr 26 000123 ', 'KBR – 26 – 123', 'kbr26000123', 'KBR/26/123', 'kbr-26000123']) {
      expect(parseTicket(input), input).toEqual(want);
    }
  });

  it('returns null rather than guessing', () => {
    for (const input of ['', 'KBR-26', 'KBR-26-0000123', 'KB-26-000123', 'KBR-2026-000123', 'KBR-26-000000', 'KBR2612', '123456']) {
      expect(parseTicket(input), input).toBeNull();
    }
  });

  it('round-trips every valid ticket', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z]{3}$/),
        fc.integer({ min: 2000, max: 2099 }),
        fc.integer({ min: 1, max: 999_999 }),
        (prefix, year, sequence) => {
          const ticket = formatTicket(prefix, year, sequence);
          expect(parseTicket(ticket)).toEqual({ prefix, year, sequence, ticket });
          expect(parseTicket(ticket.toLowerCase().replaceAll('-', ' '))?.ticket).toBe(ticket);
        },
      ),
    );
  });
});

describe('tracking PIN', () => {
  it('is six digits from the injected source, zero-padded', () => {
    expect(generateTrackingPin(() => 4207)).toBe('004207');
    expect(generateTrackingPin(() => 999_998)).toBe('999998');
  });

  it('draws again instead of handing out a guessable PIN', () => {
    const draws = [123456, 0, 987654, 318204];
    expect(generateTrackingPin(() => draws.shift() ?? 0)).toBe('318204');
    expect(() => generateTrackingPin(() => 111_111)).toThrow(/guessable/);
  });

  it('refuses a broken random source', () => {
    expect(() => generateTrackingPin(() => 1_000_000)).toThrow(RangeError);
    expect(() => generateTrackingPin(() => 0.5)).toThrow(RangeError);
  });

  it('knows the 20 guessable PINs', () => {
    let count = 0;
    for (let n = 0; n < 1_000_000; n++) if (isGuessablePin(String(n).padStart(6, '0'))) count++;
    expect(count).toBe(20);
  });

  it('always yields a well-formed PIN for any source value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), (n) => {
        const pin = generateTrackingPin((max) => (isGuessablePin(String(n).padStart(6, '0')) ? 424_242 % max : n));
        expect(isWellFormedPin(pin)).toBe(true);
      }),
    );
  });
});
