import { describe, expect, it } from 'vitest';
import { actionLabel, actorText, changeLines } from '../audit-format.ts';

describe('actionLabel', () => {
  it('reads known actions as sentences', () => {
    expect(actionLabel('dispute.opened')).toBe('Opened the dispute');
    expect(actionLabel('dispute.withdrawn')).toBe('Withdrew the dispute');
    expect(actionLabel('user.disabled')).toBe('Disabled the account of');
    expect(actionLabel('company.renamed')).toBe('Renamed the company');
  });
  it('reads unknown actions as words', () => {
    expect(actionLabel('dispute.slot_reopened')).toBe('Dispute: slot reopened');
    expect(actionLabel('approved')).toBe('Approved');
  });
});

describe('actorText', () => {
  it('names the person and role, or the system', () => {
    expect(actorText({ id: 'x', name: 'Alice Client', role: 'client' })).toBe('Alice Client (client)');
    expect(actorText(null)).toBe('System');
  });
});

describe('changeLines', () => {
  it('lists only what changed, statuses by their label', () => {
    expect(changeLines({ status: 'open', reply: null }, { status: 'contested', reply: 'Worked on the planner' })).toEqual([
      'status: Open → Contested',
      'reply: — → “Worked on the planner”',
    ]);
    expect(changeLines({ status: 'open', n: 1 }, { status: 'escalated', n: 1 })).toEqual(['status: Open → Escalated']);
  });
  it('describes what was created', () => {
    expect(changeLines(null, { slots: ['a', 'b'], reason: 'low_activity', comment: '' })).toEqual([
      'slots: 2 slots',
      'reason: Low activity',
      'comment: (empty)',
    ]);
  });
  it('shows plain values as before → after, and nothing when nothing changed', () => {
    expect(changeLines('open', 'settled')).toEqual(['open → settled']);
    expect(changeLines(null, null)).toEqual([]);
    expect(changeLines({ a: 1 }, { a: 1 })).toEqual([]);
  });
  it('cuts long text', () => {
    const [line] = changeLines(null, { comment: 'x '.repeat(100) });
    expect(line!.length).toBeLessThan(80);
    expect(line).toMatch(/…”$/);
  });
});
