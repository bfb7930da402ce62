import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ROLES } from '../auth/roles.js';
import { PAYLOAD_SCHEMAS, applyFlagChange, applyTransition, reasonsForApplicant, type WorkflowRequest } from './transition.js';
import { ACTIONS, FLAGS, TRANSITIONS, WORKFLOW_POSITIONS, authorizeTransition, type Actor } from './workflow.js';

const at = (minutes: number) => new Date(Date.UTC(2026, 2, 2, 1, minutes)); // a Monday morning in Jakarta
const operator: Actor = { kind: 'staff', role: 'operator', staffId: 'op-1' };
const kasi: Actor = { kind: 'staff', role: 'kasi', staffId: 'kasi-1' };
const pemohon: Actor = { kind: 'pemohon' };
const fresh: WorkflowRequest = { state: 'new', flags: [] };

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

describe('payload schemas agree with the table', () => {
  it('an action’s required payload fields are exactly the table’s', () => {
    for (const action of ACTIONS) {
      const shape = PAYLOAD_SCHEMAS[action].shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
      const required = Object.keys(shape).filter((key) => !shape[key]?.safeParse(undefined).success);
      expect({ action, required: required.sort() }).toEqual({ action, required: [...TRANSITIONS[action].payload].sort() });
    }
  });
});

describe('a request through the SOP', () => {
  it('walk-in KIA: received, verified, SIAK outcome, ready, handed over — with events for each step', () => {
    const submitted = ok(applyTransition(fresh, 'submit', operator, {}, at(0)));
    expect(submitted.request).toMatchObject({ state: 'submitted', stateEnteredAt: at(0) });
    expect(submitted.events.map((e) => e.type)).toEqual(['audit', 'notify_applicant']);
    expect(submitted.events[1]).toMatchObject({ kind: 'received' });

    const verified = ok(applyTransition(submitted.request, 'verify_accept', operator, {}, at(4)));
    expect(verified.events).toHaveLength(1); // no message to the applicant for this one

    const outcome = { outcomes: [{ document: 'kia' as const, number: '3302204101200001', printed: true }] };
    const processing = ok(applyTransition(verified.request, 'record_siak_outcome', operator, outcome, at(20)));
    expect(processing.events[0]).toMatchObject({ action: 'request.record_siak_outcome', details: { documents: ['kia'], printed: [true] } });
    // A KIA number is the child's NIK: it never reaches the append-only audit log.
    expect(JSON.stringify(processing.events)).not.toContain('3302204101200001');

    const ready = ok(applyTransition(processing.request, 'mark_ready', operator, {}, at(30)));
    expect(ready.events[1]).toMatchObject({ kind: 'ready', delivery: 'pickup' });

    const handedOver = ok(
      applyTransition(
        ready.request,
        'hand_over',
        operator,
        { receivedBy: { name: 'Siti Aminah', relationship: 'parent' }, method: 'counter', receivedAt: at(40) },
        at(41),
      ),
    );
    expect(handedOver.to).toBe('handed_over');
    expect(handedOver.events[0]).toMatchObject({ details: { method: 'counter', relationship: 'parent', from: 'ready', to: 'handed_over' } });
    expect(JSON.stringify(handedOver.events)).not.toContain('Siti');
    expect(handedOver.events[1]).toMatchObject({ kind: 'delivered' });
  });

  it('an operator returns the file with reasons; the pemohon resubmits it', () => {
    const submitted = ok(applyTransition(fresh, 'submit', pemohon, {}, at(0))).request;
    const reasons = [
      { code: 'missing_document' as const, document: 'kk' as const },
      { code: 'unreadable_document' as const, document: 'akta_kelahiran' as const, note: 'Foto buram, mohon difoto ulang.' },
    ];
    const returned = ok(applyTransition(submitted, 'verify_return', operator, { reasons }, at(3)));
    expect(returned.to).toBe('returned');
    expect(returned.events[0]).toMatchObject({
      description: { id: 'Berkas dikembalikan ke pemohon (2 alasan)' },
      details: { reasonCodes: ['missing_document', 'unreadable_document'], documents: ['kk', 'akta_kelahiran'] },
    });
    // The applicant gets the notes (it is their own file); the audit log does not.
    expect(returned.events[1]).toEqual({ type: 'notify_applicant', at: at(3), kind: 'returned', reasons });
    expect(JSON.stringify(returned.events[0])).not.toContain('buram');

    const again = ok(applyTransition(returned.request, 'resubmit', pemohon, {}, at(60)));
    expect(again.request.state).toBe('submitted');
    expect(again.events[1]).toMatchObject({ kind: 'received' });
  });

  it('a return needs at least one reason, and "missing" must say which document', () => {
    const submitted: WorkflowRequest = { state: 'submitted', flags: [] };
    const none = applyTransition(submitted, 'verify_return', operator, { reasons: [] }, at(1));
    expect(none).toMatchObject({ ok: false, reason: 'invalid_payload' });
    const vague = applyTransition(submitted, 'verify_return', operator, { reasons: [{ code: 'missing_document' }] }, at(1));
    expect(vague).toMatchObject({ ok: false, reason: 'invalid_payload' });
  });

  it('cancelling is refused once processing started', () => {
    const processing: WorkflowRequest = { state: 'processing', flags: [] };
    expect(applyTransition(processing, 'cancel', pemohon, {}, at(1))).toEqual({ ok: false, reason: 'action_not_allowed_in_state' });
    const cancelled = ok(applyTransition({ state: 'returned', flags: [] }, 'cancel', pemohon, {}, at(1)));
    expect(cancelled.events[1]).toMatchObject({ kind: 'cancelled' });
  });

  it('rejection tells the applicant why', () => {
    const result = ok(applyTransition({ state: 'verified', flags: [] }, 'reject', kasi, { reason: { code: 'duplicate' } }, at(1)));
    expect(result.events[1]).toMatchObject({ kind: 'rejected', reason: { code: 'duplicate' } });
    expect(applyTransition({ state: 'verified', flags: [] }, 'reject', kasi, { reason: { code: 'other' } }, at(1))).toMatchObject({
      ok: false,
      reason: 'invalid_payload',
    });
  });

  it('another SIAK outcome does not restart the processing clock', () => {
    const processing: WorkflowRequest = { state: 'processing', flags: [], stateEnteredAt: at(10) };
    const payload = { outcomes: [{ document: 'kia' as const, printed: true }] };
    expect(ok(applyTransition(processing, 'record_siak_outcome', operator, payload, at(25))).request.stateEnteredAt).toEqual(at(10));
  });
});

describe('home delivery (Jujuk Dolanan)', () => {
  const readyAtHome: WorkflowRequest = { state: 'ready', flags: ['home_delivery', 'disability_assistance'], stateEnteredAt: at(30) };
  const handOver = { receivedBy: { name: 'Wali', relationship: 'guardian' as const }, method: 'home_delivery' as const, receivedAt: at(90) };

  it('the ready message says it will be delivered', () => {
    const r = ok(applyTransition({ ...readyAtHome, state: 'processing' }, 'mark_ready', operator, {}, at(30)));
    expect(r.events[1]).toMatchObject({ kind: 'ready', delivery: 'home_delivery' });
  });

  it('only the assigned kurir hands it over', () => {
    const assigned = ok(applyTransition(readyAtHome, 'assign_courier', kasi, { courierStaffId: 'kurir-7' }, at(35))).request;
    expect(assigned.courierStaffId).toBe('kurir-7');
    const other: Actor = { kind: 'staff', role: 'kurir', staffId: 'kurir-8' };
    expect(applyTransition(assigned, 'hand_over', other, handOver, at(95))).toEqual({ ok: false, reason: 'courier_not_assigned' });
    const me: Actor = { kind: 'staff', role: 'kurir', staffId: 'kurir-7' };
    expect(ok(applyTransition(assigned, 'hand_over', me, handOver, at(95))).to).toBe('handed_over');
  });

  it('refuses a hand-over dated in the future or before the document was ready', () => {
    expect(applyTransition(readyAtHome, 'hand_over', operator, handOver, at(80))).toMatchObject({ reason: 'invalid_payload' });
    expect(applyTransition(readyAtHome, 'hand_over', operator, { ...handOver, receivedAt: at(20) }, at(95))).toMatchObject({
      reason: 'invalid_payload',
    });
  });
});

describe('applyTransition agrees with the guard', () => {
  // Payloads valid for every action, so only the guard can refuse.
  const validPayload = {
    submit: {},
    verify_accept: {},
    verify_return: { reasons: [{ code: 'data_mismatch' }] },
    reject: { reason: { code: 'not_eligible' } },
    resubmit: {},
    record_siak_outcome: { outcomes: [{ document: 'kk', printed: false }] },
    mark_ready: {},
    assign_courier: { courierStaffId: 'k-1' },
    hand_over: { receivedBy: { name: 'A', relationship: 'applicant' }, method: 'counter', receivedAt: at(0) },
    cancel: {},
  } as const;

  it('for any state, action, actor and flags', () => {
    const arbActor = fc.oneof(
      fc.constantFrom(...ROLES).map((role): Actor => ({ kind: 'staff', role, staffId: 'k-1' })),
      fc.constantFrom<Actor>({ kind: 'pemohon' }, { kind: 'system' }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...WORKFLOW_POSITIONS),
        fc.constantFrom(...ACTIONS),
        arbActor,
        fc.subarray([...FLAGS]),
        (state, action, actor, flags) => {
          const request: WorkflowRequest = { state, flags, courierStaffId: 'k-1', stateEnteredAt: at(0) };
          const guard = authorizeTransition({ state, action, actor, flags });
          const result = applyTransition(request, action, actor, validPayload[action] as never, at(5));
          expect(result.ok).toBe(guard.ok);
          if (result.ok && guard.ok) {
            expect(result.request.state).toBe(guard.to);
            expect(result.events[0]).toMatchObject({ type: 'audit', action: `request.${action}`, details: { from: state, to: guard.to } });
          }
        },
      ),
    );
  });
});

describe('flag changes', () => {
  it('are audited once and are idempotent', () => {
    const request: WorkflowRequest = { state: 'submitted', flags: [] };
    const set = ok(applyFlagChange(request, 'escalated', 'set', operator, at(1)));
    expect(set.request.flags).toEqual(['escalated']);
    expect(set.events).toMatchObject([{ action: 'request.flag_set', details: { flag: 'escalated' } }]);
    expect(ok(applyFlagChange(set.request, 'escalated', 'set', operator, at(2))).events).toEqual([]);
    expect(applyFlagChange(set.request, 'escalated', 'clear', operator, at(3))).toEqual({ ok: false, reason: 'role_not_allowed' });
    expect(ok(applyFlagChange(set.request, 'escalated', 'clear', kasi, at(3))).request.flags).toEqual([]);
  });
});

describe('reasonsForApplicant', () => {
  it('puts the officer’s note on the first reason without one, or adds it as another reason', () => {
    const unreadable = { code: 'unreadable_document' as const, document: 'akta_kelahiran' as const };
    expect(reasonsForApplicant([unreadable], 'Foto terpotong')).toEqual([{ ...unreadable, note: 'Foto terpotong' }]);
    expect(reasonsForApplicant([{ ...unreadable, note: 'buram' }], 'Mohon cepat')).toEqual([{ ...unreadable, note: 'buram' }, { code: 'other', note: 'Mohon cepat' }]);
    expect(reasonsForApplicant([unreadable], undefined)).toEqual([unreadable]);
  });
});

describe('YA with a required document missing (issue 11)', () => {
  const submitted: WorkflowRequest = { state: 'submitted', flags: [], missingDocuments: ['akta_kelahiran'] };
  it('is refused without a reason, naming the missing documents', () => {
    expect(applyTransition(submitted, 'verify_accept', operator, {}, at(1))).toEqual({ ok: false, reason: 'documents_missing', missing: ['akta_kelahiran'] });
  });
  it('is accepted with a reason, which the audit keeps beside the missing documents', () => {
    const done = ok(applyTransition(submitted, 'verify_accept', operator, { overrideReason: 'Akta asli diperiksa di loket' }, at(1)));
    expect(done.to).toBe('verified');
    expect(done.events[0]).toMatchObject({ details: { documents: ['akta_kelahiran'], overrideReason: 'Akta asli diperiksa di loket' } });
  });
});
