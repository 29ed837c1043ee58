import { describe, expect, it } from 'vitest';
import {
  ANSWER_WINDOW_MS,
  applyDisputeEvent,
  disputableState,
  disputeEffect,
  type DisputeEvent,
  type DisputeSlotStatus,
  type DisputeState,
  type DisputeStatus,
} from '../disputes.ts';
import { slotStates } from '../slot-state.ts';

// Five slots in a row from Monday 23 November 2026 09:00 UTC, 10 minutes apart.
const [A, B, C, D, E] = [0, 1, 2, 3, 4].map((i) => new Date(Date.UTC(2026, 10, 23, 9, i * 10)).toISOString()) as [string, string, string, string, string];
const NOWHERE = '2026-11-23T12:00:00.000Z';

const opened = new Date('2026-11-30T14:00:00.000Z');
const DUE = new Date(opened.getTime() + ANSWER_WINDOW_MS); // Thursday 3 December 2026 14:00 UTC
const BEFORE = new Date(DUE.getTime() - 1);
const AT_DUE = DUE;
const AFTER = new Date(DUE.getTime() + 86_400_000);

type Slots = Record<string, DisputeSlotStatus>;
const state = (status: DisputeStatus, slots: Slots): DisputeState => ({
  status,
  answerDue: new Date(DUE.getTime()),
  slots: Object.entries(slots).map(([start, s]) => ({ start, status: s })),
});

// One dispute in each status, with a slot of each kind the status can hold.
const OPEN = state('open', { [A]: 'open', [B]: 'open', [C]: 'contested', [D]: 'accepted' });
const ESCALATED = state('escalated', { [A]: 'open', [B]: 'contested', [C]: 'accepted', [D]: 'resolved_client', [E]: 'resolved_contractor' });
const SETTLED = state('settled', { [A]: 'accepted', [B]: 'resolved_client', [C]: 'resolved_contractor' });
const WITHDRAWN = state('withdrawn', { [A]: 'withdrawn', [B]: 'accepted', [C]: 'resolved_contractor' });

const accept = (start: string): DisputeEvent => ({ type: 'answer', start, answer: 'accept' });
const contest = (start: string): DisputeEvent => ({ type: 'answer', start, answer: 'contest' });
const resolve = (start: string, f: 'client' | 'contractor'): DisputeEvent => ({ type: 'resolve', start, for: f });
const ESCALATE: DisputeEvent = { type: 'escalate_overdue' };
const WITHDRAW: DisputeEvent = { type: 'withdraw' };

type Expect = { status: DisputeStatus; slots: Slots } | RegExp;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

// [label, state, event, now, expected: the next state, or a pattern the refusal's reason matches]
const table: [string, DisputeState, DisputeEvent, Date, Expect][] = [
  // open, before the answer is due
  ['open: accept an open slot', OPEN, accept(A), BEFORE, { status: 'open', slots: { [A]: 'accepted', [B]: 'open', [C]: 'contested', [D]: 'accepted' } }],
  ['open: contest an open slot', OPEN, contest(B), BEFORE, { status: 'open', slots: { [A]: 'open', [B]: 'contested', [C]: 'contested', [D]: 'accepted' } }],
  ['open: answer a contested slot again', OPEN, accept(C), BEFORE, /slot at 2026-11-23T09:20:00.000Z is already answered \(contested\).*until Thursday 3 December 2026 at 14:00 UTC/],
  ['open: answer an accepted slot again', OPEN, contest(D), BEFORE, /already answered \(accepted\)/],
  ['open: answer an unknown slot', OPEN, accept(NOWHERE), BEFORE, /No slot starting at 2026-11-23T12:00:00.000Z is in this dispute/],
  ['open: answer exactly at answerDue', OPEN, accept(A), AT_DUE, /answer window closed Thursday 3 December 2026 at 14:00 UTC; the dispute is escalated/],
  ['open: answer after answerDue', OPEN, contest(A), AFTER, /answer window closed .*an admin resolves the unanswered slots/],
  ['open: escalate before answerDue', OPEN, ESCALATE, BEFORE, /contractor may answer until Thursday 3 December 2026 at 14:00 UTC/],
  ['open: escalate exactly at answerDue', OPEN, ESCALATE, AT_DUE, { status: 'escalated', slots: { [A]: 'open', [B]: 'open', [C]: 'contested', [D]: 'accepted' } }],
  ['open: escalate after answerDue', OPEN, ESCALATE, AFTER, { status: 'escalated', slots: { [A]: 'open', [B]: 'open', [C]: 'contested', [D]: 'accepted' } }],
  ['open: resolve for the client', OPEN, resolve(C, 'client'), BEFORE, /dispute is open; the contractor may answer until .*only once it is escalated/],
  ['open: resolve for the contractor, overdue', OPEN, resolve(A, 'contractor'), AFTER, /dispute is open/],
  ['open: withdraw', OPEN, WITHDRAW, BEFORE, { status: 'withdrawn', slots: { [A]: 'withdrawn', [B]: 'withdrawn', [C]: 'withdrawn', [D]: 'accepted' } }],
  ['open: withdraw when overdue', OPEN, WITHDRAW, AFTER, { status: 'withdrawn', slots: { [A]: 'withdrawn', [B]: 'withdrawn', [C]: 'withdrawn', [D]: 'accepted' } }],

  // answering the last unanswered slot
  ['last answer: accept, none contested → settled', state('open', { [A]: 'open', [B]: 'accepted' }), accept(A), BEFORE, { status: 'settled', slots: { [A]: 'accepted', [B]: 'accepted' } }],
  ['last answer: contest → escalated', state('open', { [A]: 'open', [B]: 'accepted' }), contest(A), BEFORE, { status: 'escalated', slots: { [A]: 'contested', [B]: 'accepted' } }],
  ['last answer: accept, one contested earlier → escalated', state('open', { [A]: 'contested', [B]: 'open' }), accept(B), BEFORE, { status: 'escalated', slots: { [A]: 'contested', [B]: 'accepted' } }],
  ['single slot: accept → settled', state('open', { [A]: 'open' }), accept(A), BEFORE, { status: 'settled', slots: { [A]: 'accepted' } }],
  ['single slot: contest → escalated', state('open', { [A]: 'open' }), contest(A), BEFORE, { status: 'escalated', slots: { [A]: 'contested' } }],
  ['single slot: escalated when overdue, slot stays open', state('open', { [A]: 'open' }), ESCALATE, AT_DUE, { status: 'escalated', slots: { [A]: 'open' } }],

  // escalated
  ['escalated: answer', ESCALATED, accept(A), BEFORE, /dispute is escalated; the contractor can no longer answer/],
  ['escalated: contest', ESCALATED, contest(A), AFTER, /dispute is escalated/],
  ['escalated: escalate again', ESCALATED, ESCALATE, AFTER, /escalated already/],
  ['escalated: resolve an unanswered slot for the client', ESCALATED, resolve(A, 'client'), AFTER, { status: 'escalated', slots: { [A]: 'resolved_client', [B]: 'contested', [C]: 'accepted', [D]: 'resolved_client', [E]: 'resolved_contractor' } }],
  ['escalated: resolve a contested slot for the contractor', ESCALATED, resolve(B, 'contractor'), AFTER, { status: 'escalated', slots: { [A]: 'open', [B]: 'resolved_contractor', [C]: 'accepted', [D]: 'resolved_client', [E]: 'resolved_contractor' } }],
  ['escalated: resolve before answerDue (escalated by contest)', ESCALATED, resolve(B, 'client'), BEFORE, { status: 'escalated', slots: { [A]: 'open', [B]: 'resolved_client', [C]: 'accepted', [D]: 'resolved_client', [E]: 'resolved_contractor' } }],
  ['escalated: resolve an accepted slot', ESCALATED, resolve(C, 'contractor'), AFTER, /slot at 2026-11-23T09:20:00.000Z is decided already \(accepted\); only open or contested slots can be resolved/],
  ['escalated: resolve a resolved slot again', ESCALATED, resolve(D, 'contractor'), AFTER, /decided already \(resolved_client\)/],
  ['escalated: resolve an unknown slot', ESCALATED, resolve(NOWHERE, 'client'), AFTER, /No slot starting at/],
  ['escalated: withdraw', ESCALATED, WITHDRAW, AFTER, { status: 'withdrawn', slots: { [A]: 'withdrawn', [B]: 'withdrawn', [C]: 'accepted', [D]: 'resolved_client', [E]: 'resolved_contractor' } }],

  // resolving the last open or contested slot
  ['last resolve for the client → settled', state('escalated', { [A]: 'contested', [B]: 'accepted' }), resolve(A, 'client'), AFTER, { status: 'settled', slots: { [A]: 'resolved_client', [B]: 'accepted' } }],
  ['last resolve for the contractor → settled', state('escalated', { [A]: 'resolved_client', [B]: 'open' }), resolve(B, 'contractor'), AFTER, { status: 'settled', slots: { [A]: 'resolved_client', [B]: 'resolved_contractor' } }],
  ['not the last: one open remains', state('escalated', { [A]: 'contested', [B]: 'open' }), resolve(A, 'client'), AFTER, { status: 'escalated', slots: { [A]: 'resolved_client', [B]: 'open' } }],

  // settled and withdrawn are final
  ...([
    ['settled', SETTLED, /settled; its outcome is final/],
    ['withdrawn', WITHDRAWN, /withdrawn by the client; it is closed/],
  ] as const).flatMap(([name, s, reason]) =>
    (
      [
        ['accept', accept(A)],
        ['contest', contest(A)],
        ['escalate', ESCALATE],
        ['resolve for the client', resolve(A, 'client')],
        ['resolve for the contractor', resolve(B, 'contractor')],
        ['withdraw', WITHDRAW],
        ['answer an unknown slot', accept(NOWHERE)],
      ] as const
    ).flatMap(([what, event]) => [
      [`${name}: ${what}, before answerDue`, s, event, BEFORE, reason],
      [`${name}: ${what}, after answerDue`, s, event, AFTER, reason],
    ] as [string, DisputeState, DisputeEvent, Date, Expect][]),
  ),
];

describe('applyDisputeEvent: every legal and illegal transition', () => {
  it.each(table)('%s', (_label, input, event, now, expected) => {
    const frozen = deepFreeze(structuredClone(input));
    const before = structuredClone(frozen);
    const result = applyDisputeEvent(frozen, deepFreeze(structuredClone(event)), now);
    expect(frozen).toEqual(before); // never mutated (and mutating a frozen object would throw)
    if (expected instanceof RegExp) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(expected);
    } else {
      expect(result).toEqual({ ok: true, state: state(expected.status, expected.slots) });
      if (result.ok) {
        expect(result.state.slots).not.toBe(frozen.slots);
        expect(result.state.answerDue).not.toBe(frozen.answerDue);
        expect(result.state.answerDue.getTime()).toBe(frozen.answerDue.getTime());
      }
    }
  });
});

describe('the status × event matrix', () => {
  // Legal iff: answer: open and before due; escalate_overdue: open and at/after due;
  // resolve: escalated; withdraw: open or escalated. Every refusal carries a reason.
  const states: [DisputeStatus, DisputeState][] = [
    ['open', OPEN],
    ['escalated', ESCALATED],
    ['settled', SETTLED],
    ['withdrawn', WITHDRAWN],
  ];
  const events: [string, DisputeEvent][] = [
    ['answer', accept(A)],
    ['escalate_overdue', ESCALATE],
    ['resolve', resolve(A, 'client')],
    ['withdraw', WITHDRAW],
  ];
  const legal = (status: DisputeStatus, type: string, overdue: boolean) =>
    (type === 'answer' && status === 'open' && !overdue) ||
    (type === 'escalate_overdue' && status === 'open' && overdue) ||
    (type === 'resolve' && status === 'escalated') ||
    (type === 'withdraw' && (status === 'open' || status === 'escalated'));

  const rows = states.flatMap(([status, s]) =>
    events.flatMap(([type, event]) =>
      [false, true].map((overdue) => [status, type, overdue, s, event, legal(status, type, overdue)] as const),
    ),
  );
  it.each(rows)('%s × %s (overdue: %s)', (_status, _type, overdue, s, event, isLegal) => {
    const result = applyDisputeEvent(s, event, overdue ? AT_DUE : BEFORE);
    expect(result.ok).toBe(isLegal);
    if (!result.ok) expect(result.reason.length).toBeGreaterThan(20);
  });
});

describe('slot starts', () => {
  it('match the same instant written without milliseconds, and keep the stored spelling', () => {
    const result = applyDisputeEvent(OPEN, accept('2026-11-23T09:00:00Z'), BEFORE);
    expect(result.ok && result.state.slots[0]).toEqual({ start: A, status: 'accepted' });
  });

  it('refuse a start that is not an instant', () => {
    expect(applyDisputeEvent(OPEN, accept('yesterday'), BEFORE)).toEqual({ ok: false, reason: 'No slot starting at yesterday is in this dispute.' });
  });
});

describe('a whole dispute, step by step', () => {
  it('open → answered in part → escalated when overdue → resolved → settled', () => {
    let s = state('open', { [A]: 'open', [B]: 'open', [C]: 'open' });
    const step = (event: DisputeEvent, now: Date) => {
      const r = applyDisputeEvent(s, event, now);
      if (!r.ok) throw new Error(r.reason);
      s = r.state;
      return s;
    };
    expect(step(accept(A), BEFORE).status).toBe('open');
    expect(step(contest(B), BEFORE).status).toBe('open');
    expect(applyDisputeEvent(s, accept(C), AT_DUE).ok).toBe(false);
    expect(step(ESCALATE, AT_DUE).status).toBe('escalated');
    expect(step(resolve(C, 'client'), AFTER).status).toBe('escalated');
    expect(step(resolve(B, 'contractor'), AFTER)).toEqual(
      state('settled', { [A]: 'accepted', [B]: 'resolved_contractor', [C]: 'resolved_client' }),
    );
    // and the slots' states follow
    expect(slotStates(s.slots.map((x) => ({ kind: 'tracked', activeMinutes: 5, deleted: false, dispute: disputeEffect(x.status) })), {
      weeklyLimitHours: null,
      manualTimeAllowed: false,
    })).toEqual(['refunded', 'billable', 'refunded']);
  });
});

describe('disputeEffect', () => {
  it.each([
    ['open', 'held'],
    ['contested', 'held'],
    ['accepted', 'refunded'],
    ['resolved_client', 'refunded'],
    ['resolved_contractor', null],
    ['withdrawn', null],
  ] as const)('%s → %s', (slot, effect) => {
    expect(disputeEffect(slot)).toBe(effect);
  });

  it('withdrawal makes the undecided slots billable and keeps the decided ones', () => {
    const r = applyDisputeEvent(ESCALATED, WITHDRAW, AFTER);
    if (!r.ok) throw new Error(r.reason);
    const states = slotStates(
      r.state.slots.map((x) => ({ kind: 'tracked', activeMinutes: 5, deleted: false, dispute: disputeEffect(x.status) })),
      { weeklyLimitHours: null, manualTimeAllowed: false },
    );
    expect(states).toEqual(['billable', 'billable', 'refunded', 'refunded', 'billable']);
  });
});

describe('disputableState: only billable slots', () => {
  it.each([
    ['billable', null],
    ['deleted', /deleted this slot/],
    ['refunded', /disputed only once/],
    ['held', /in a dispute already/],
    ['inactive', /inactive and not billed/],
    ['over_limit', /over the weekly limit and not billed/],
  ] as const)('%s', (slotState, reason) => {
    const got = disputableState(slotState);
    if (reason === null) expect(got).toEqual({ ok: true });
    else expect(got).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });
});

describe('the answer window', () => {
  it('gives the contractor three days', () => {
    expect(ANSWER_WINDOW_MS).toBe(259_200_000);
  });
});
