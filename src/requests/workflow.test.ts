import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ROLES, type Role } from '../auth/roles.js';
import {
  ACTIONS,
  FLAGS,
  REQUEST_STATES,
  STEP_CLOCKS,
  TRANSITIONS,
  WORKFLOW_POSITIONS,
  authorizeFlagChange,
  authorizeTransition,
  availableActions,
  isFinal,
  stepClockFor,
  type Action,
  type Actor,
  type Flag,
  type WorkflowPosition,
} from './workflow.js';

/**
 * The SOP written out a second time, by hand, in the words of the brief — NOT derived from
 * TRANSITIONS. The matrix test below compares the guard to this for every case, so a change to
 * the table that nobody meant shows up as a failing cell.
 * Actor names: staff roles, 'pemohon', 'system'; "role+flag" = only when the request has that flag.
 */
const SOP: Record<Action, { from: string; to: string; who: string }> = {
  submit: { from: 'new', to: 'submitted', who: 'pemohon operator kasi system' },
  verify_accept: { from: 'submitted', to: 'verified', who: 'camat sekcam kasi operator' },
  verify_return: { from: 'submitted', to: 'returned', who: 'camat sekcam kasi operator' },
  resubmit: { from: 'returned', to: 'submitted', who: 'pemohon operator kasi' },
  reject: {
    from: 'submitted returned verified processing',
    to: 'rejected',
    who: 'kasi camat+escalated sekcam+escalated',
  },
  record_siak_outcome: { from: 'verified processing', to: 'processing', who: 'operator kasi' },
  mark_ready: { from: 'processing', to: 'ready', who: 'operator kasi' },
  assign_courier: { from: 'ready', to: 'ready', who: 'operator+home_delivery kasi+home_delivery' },
  hand_over: { from: 'ready', to: 'handed_over', who: 'operator kasi kurir+home_delivery' },
  cancel: { from: 'submitted returned', to: 'cancelled', who: 'pemohon operator kasi system' },
};

type ActorName = Role | 'pemohon' | 'system';
const ACTOR_NAMES: ActorName[] = [...ROLES, 'pemohon', 'system'];
const actorOf = (name: ActorName): Actor =>
  name === 'pemohon' || name === 'system' ? { kind: name } : { kind: 'staff', role: name };

const FLAG_SETS: Flag[][] = [[], ['escalated'], ['disability_assistance'], ['home_delivery'], [...FLAGS]];

function expected(state: WorkflowPosition, action: Action, actor: ActorName, flags: Flag[]) {
  const row = SOP[action];
  if (['handed_over', 'rejected', 'cancelled'].includes(state)) return { ok: false, reason: 'state_is_final' };
  if (!row.from.split(' ').includes(state)) return { ok: false, reason: 'action_not_allowed_in_state' };
  const entries = row.who.split(' ').map((w) => w.split('+') as [string, Flag?]);
  const mine = entries.filter(([name]) => name === actor);
  if (mine.length === 0) return { ok: false, reason: 'role_not_allowed' };
  if (mine.some(([, flag]) => !flag || flags.includes(flag))) return { ok: true, to: row.to };
  return { ok: false, reason: 'flag_required', flag: mine[0]?.[1] };
}

describe('transition matrix: every (state × action × actor × flags) against the SOP', () => {
  it('matches the hand-written SOP in every one of the cases', () => {
    const mismatches: string[] = [];
    let cases = 0;
    for (const state of WORKFLOW_POSITIONS)
      for (const action of ACTIONS)
        for (const name of ACTOR_NAMES)
          for (const flags of FLAG_SETS) {
            cases++;
            const got = authorizeTransition({ state, action, actor: actorOf(name), flags });
            const want = expected(state, action, name, flags);
            if (JSON.stringify(got) !== JSON.stringify(want)) {
              mismatches.push(`${state} ${action} ${name} [${flags}] got ${JSON.stringify(got)} want ${JSON.stringify(want)}`);
            }
          }
    expect(mismatches).toEqual([]);
    expect(cases).toBe(9 * 10 * 9 * 5);
  });

  it('the table and the hand-written SOP list the same actions', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual(Object.keys(SOP).sort());
  });
});

describe('workflow properties', () => {
  const arbState = fc.constantFrom(...WORKFLOW_POSITIONS);
  const arbAction = fc.constantFrom(...ACTIONS);
  const arbActor = fc.constantFrom(...ACTOR_NAMES).map(actorOf);
  const arbFlags = fc.subarray([...FLAGS]);

  it('availableActions lists exactly the actions the guard allows', () => {
    fc.assert(
      fc.property(arbState, arbActor, arbFlags, (state, actor, flags) => {
        const offered = availableActions(state, actor, flags);
        for (const action of ACTIONS) {
          expect(offered.includes(action)).toBe(authorizeTransition({ state, action, actor, flags }).ok);
        }
      }),
    );
  });

  it('admin and kabupaten never act on a request', () => {
    fc.assert(
      fc.property(arbState, arbAction, arbFlags, fc.constantFrom<Role>('admin', 'kabupaten'), (state, action, flags, role) => {
        expect(authorizeTransition({ state, action, actor: { kind: 'staff', role }, flags })).toEqual({
          ok: false,
          reason: expect.any(String),
        });
      }),
    );
  });

  it('nothing leaves a final state, and no allowed action lands outside the known states', () => {
    fc.assert(
      fc.property(arbState, arbAction, arbActor, arbFlags, (state, action, actor, flags) => {
        const result = authorizeTransition({ state, action, actor, flags });
        if (isFinal(state)) expect(result.ok).toBe(false);
        if (result.ok) expect(REQUEST_STATES).toContain(result.to);
      }),
    );
  });

  it('adding a flag never takes a permission away', () => {
    fc.assert(
      fc.property(arbState, arbAction, arbActor, arbFlags, fc.constantFrom(...FLAGS), (state, action, actor, flags, extra) => {
        if (authorizeTransition({ state, action, actor, flags }).ok) {
          expect(authorizeTransition({ state, action, actor, flags: [...flags, extra] }).ok).toBe(true);
        }
      }),
    );
  });

  it('every non-final state can be reached from "new" and can reach a final state', () => {
    const edges = Object.values(TRANSITIONS).flatMap((t) => t.from.map((f) => [f, t.to] as const));
    const reach = (start: WorkflowPosition) => {
      const seen = new Set<WorkflowPosition>([start]);
      for (let grew = true; grew; ) {
        grew = false;
        for (const [f, t] of edges) if (seen.has(f) && !seen.has(t)) (seen.add(t), (grew = true));
      }
      return seen;
    };
    expect([...reach('new')].sort()).toEqual([...WORKFLOW_POSITIONS].sort());
    for (const state of REQUEST_STATES) {
      if (!isFinal(state)) expect([...reach(state)].some(isFinal)).toBe(true);
    }
  });
});

describe('readable examples', () => {
  const operator: Actor = { kind: 'staff', role: 'operator' };
  const pemohon: Actor = { kind: 'pemohon' };

  it('an operator returns an incomplete file; the pemohon resubmits it', () => {
    expect(authorizeTransition({ state: 'submitted', action: 'verify_return', actor: operator })).toEqual({ ok: true, to: 'returned' });
    expect(availableActions('returned', pemohon)).toEqual(['resubmit', 'cancel']);
    expect(authorizeTransition({ state: 'returned', action: 'resubmit', actor: pemohon })).toEqual({ ok: true, to: 'submitted' });
  });

  it('the pemohon cannot cancel once the office is processing', () => {
    expect(authorizeTransition({ state: 'submitted', action: 'cancel', actor: pemohon }).ok).toBe(true);
    for (const state of ['verified', 'processing', 'ready'] as const) {
      expect(authorizeTransition({ state, action: 'cancel', actor: pemohon })).toEqual({ ok: false, reason: 'action_not_allowed_in_state' });
    }
  });

  it('the pemohon cannot verify their own file', () => {
    expect(authorizeTransition({ state: 'submitted', action: 'verify_accept', actor: pemohon })).toEqual({ ok: false, reason: 'role_not_allowed' });
  });

  it('an operator cannot refuse an application outright; the kasi can, the camat only on escalation', () => {
    expect(authorizeTransition({ state: 'verified', action: 'reject', actor: operator }).ok).toBe(false);
    expect(authorizeTransition({ state: 'verified', action: 'reject', actor: { kind: 'staff', role: 'kasi' } }).ok).toBe(true);
    const camat: Actor = { kind: 'staff', role: 'camat' };
    expect(authorizeTransition({ state: 'verified', action: 'reject', actor: camat })).toEqual({ ok: false, reason: 'flag_required', flag: 'escalated' });
    expect(authorizeTransition({ state: 'verified', action: 'reject', actor: camat, flags: ['escalated'] }).ok).toBe(true);
  });

  it('a kurir hands over only a home delivery', () => {
    const kurir: Actor = { kind: 'staff', role: 'kurir' };
    expect(availableActions('ready', kurir)).toEqual([]);
    expect(availableActions('ready', kurir, ['home_delivery'])).toEqual(['hand_over']);
  });

  it('the operator’s buttons follow the request through the SOP', () => {
    expect(availableActions('submitted', operator)).toEqual(['verify_accept', 'verify_return', 'cancel']);
    expect(availableActions('verified', operator)).toEqual(['record_siak_outcome']);
    expect(availableActions('processing', operator)).toEqual(['record_siak_outcome', 'mark_ready']);
    expect(availableActions('ready', operator, ['home_delivery'])).toEqual(['assign_courier', 'hand_over']);
    expect(availableActions('handed_over', operator)).toEqual([]);
  });
});

describe('flags', () => {
  it('only management clears an escalation; the system may raise one', () => {
    const system: Actor = { kind: 'system' };
    expect(authorizeFlagChange({ state: 'submitted', flag: 'escalated', change: 'set', actor: system }).ok).toBe(true);
    expect(authorizeFlagChange({ state: 'submitted', flag: 'escalated', change: 'clear', actor: { kind: 'staff', role: 'operator' } })).toEqual({
      ok: false,
      reason: 'role_not_allowed',
    });
    expect(authorizeFlagChange({ state: 'submitted', flag: 'escalated', change: 'clear', actor: { kind: 'staff', role: 'sekcam' } }).ok).toBe(true);
  });

  it('the pemohon may ask for disability assistance but not order home delivery', () => {
    const pemohon: Actor = { kind: 'pemohon' };
    expect(authorizeFlagChange({ state: 'submitted', flag: 'disability_assistance', change: 'set', actor: pemohon }).ok).toBe(true);
    expect(authorizeFlagChange({ state: 'submitted', flag: 'home_delivery', change: 'set', actor: pemohon }).ok).toBe(false);
  });

  it('flags are frozen on a closed request', () => {
    expect(authorizeFlagChange({ state: 'handed_over', flag: 'escalated', change: 'set', actor: { kind: 'system' } })).toEqual({
      ok: false,
      reason: 'state_is_final',
    });
  });
});

describe('step clocks (SOP mutu baku)', () => {
  it('verify 5 min in submitted, process 30 min in verified/processing, hand over 15 min in ready', () => {
    expect(stepClockFor('submitted')).toMatchObject({ step: 'verify', minutes: 5 });
    expect(stepClockFor('verified')).toMatchObject({ step: 'process', minutes: 30 });
    expect(stepClockFor('processing')).toMatchObject({ step: 'process', minutes: 30 });
    expect(stepClockFor('ready')).toMatchObject({ step: 'hand_over', minutes: 15 });
    for (const state of ['returned', 'handed_over', 'rejected', 'cancelled', 'new'] as const) expect(stepClockFor(state)).toBeUndefined();
  });

  it('no state runs two step clocks', () => {
    const states = STEP_CLOCKS.flatMap((c) => c.runsIn);
    expect(new Set(states).size).toBe(states.length);
  });
});
