import { describe, expect, it } from 'vitest';
import { nextInQueue, queueOfState } from './next-in-queue.js';

describe('next in queue (issue 11)', () => {
  it('goes on with the queue the request was worked from', () => {
    expect(queueOfState('submitted')).toBe('verify');
    expect(queueOfState('verified')).toBe('process');
    expect(queueOfState('ready')).toBe('hand_over');
    expect(queueOfState('handed_over')).toBeUndefined();
  });
  it('opens the most urgent other request, or says the queue is done', () => {
    expect(nextInQueue([{ id: 'a' }, { id: 'b' }], 'a')).toBe('b');
    expect(nextInQueue([{ id: 'b' }, { id: 'c' }], 'a')).toBe('b');
    expect(nextInQueue([{ id: 'a' }], 'a')).toBeUndefined();
  });
});
