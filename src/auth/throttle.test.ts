import { describe, expect, it } from 'vitest';
import { afterSuccess, blockingScopes, countAttempt, EMPTY_THROTTLE, isBlocked, THROTTLE_RULES, type ThrottleState } from './throttle.js';

const MINUTE = 60_000;
const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 2, 0) + minutes * MINUTE);
const rule = THROTTLE_RULES.pair;

function attempts(state: ThrottleState, n: number, minute: number) {
  let s = state;
  for (let i = 0; i < n; i++) s = countAttempt(s, at(minute), rule);
  return s;
}

describe('sign-in throttle rules', () => {
  it('holds a pair back for 15 minutes after 5 attempts, then twice as long after each further 5', () => {
    const four = attempts(EMPTY_THROTTLE, 4, 0);
    expect(isBlocked(four, at(0))).toBe(false);
    const fifth = countAttempt(four, at(0), rule);
    expect(fifth.started).toBe(true);
    expect(isBlocked(fifth, at(14))).toBe(true);
    expect(isBlocked(fifth, at(15.1))).toBe(false);
    const tenth = attempts(fifth, 5, 16);
    expect(tenth.blockedUntil).toEqual(at(16 + 30));
    const fifteenth = attempts(tenth, 5, 47);
    expect(fifteenth.blockedUntil).toEqual(at(47 + 60));
  });

  it('never waits longer than the rule’s maximum', () => {
    const many = countAttempt({ failures: 5 * 20 - 1, lastFailureAt: at(0), blockedUntil: null }, at(1), rule);
    expect(many.blockedUntil).toEqual(new Date(at(1).getTime() + rule.maxBlockMs));
  });

  it('starts counting again after a quiet day, not sooner', () => {
    const three = attempts(EMPTY_THROTTLE, 3, 0);
    expect(countAttempt(three, at(24 * 60 + 1), rule).failures).toBe(1);
    expect(countAttempt(three, at(60), rule).failures).toBe(4);
  });

  it('a success forgets the pair and takes its own attempt back elsewhere', () => {
    const state = { failures: 7, lastFailureAt: at(0), blockedUntil: null };
    expect(afterSuccess(state, 'pair')).toBeUndefined();
    expect(afterSuccess(state, 'account')?.failures).toBe(6);
    expect(afterSuccess({ ...state, failures: 0 }, 'client')?.failures).toBe(0);
  });

  it("a known browser is held back only by its own guesses, not by the account's or the address's", () => {
    expect(blockingScopes(true)).toEqual(['pair']);
    expect(blockingScopes(false)).toEqual(['pair', 'client', 'account']);
  });
});
