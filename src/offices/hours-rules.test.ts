import { describe, expect, it } from 'vitest';
import { hoursProblems } from './hours-rules.js';

describe('opening hours rules (issue 11)', () => {
  it('names the day whose periods overlap or run backwards; touching periods are fine', () => {
    expect(hoursProblems({ '1': [{ open: '07:00', close: '12:00' }, { open: '11:00', close: '15:00' }] })).toEqual([{ day: '1', problem: 'overlap' }]);
    expect(hoursProblems({ '2': [{ open: '15:00', close: '07:00' }] })).toEqual([{ day: '2', problem: 'open_after_close' }]);
    expect(hoursProblems({ '3': [{ open: '07:00', close: '12:00' }, { open: '12:00', close: '15:00' }] })).toEqual([]);
  });
});
