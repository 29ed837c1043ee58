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

describe('a week approval and a change of terms, as an admin reads them', () => {
  it('reads the terms, minutes and amounts the server records as words, not JSON', () => {
    const after = {
      status: 'auto_approved',
      terms: { hourlyRate: 4200, weeklyLimitHours: 25, manualTimeAllowed: false },
      amounts: { held: 0, billable: 83300, refunded: 0 },
      minutes: { held: 0, total: 1210, billable: 1190 },
    };
    const lines = changeLines({ status: 'in_review' }, after);
    expect(lines).toContain('terms: 42.00 an hour · 25 h a week · no manual time');
    expect(lines).toContain('amounts: held 0.00 · billable 833.00 · refunded 0.00');
    expect(lines).toContain('minutes: held 0 h · total 20 h 10 m · billable 19 h 50 m');
    expect(lines.join('\n')).not.toContain('{');
  });
  it('reads a rate in cents as money, and no limit as such', () => {
    expect(changeLines({ hourlyRate: 6500, weeklyLimitHours: 40 }, { hourlyRate: 7000, weeklyLimitHours: 45 })).toEqual([
      'hourly rate: 65.00 an hour → 70.00 an hour',
      'weekly limit hours: 40 h a week → 45 h a week',
    ]);
    expect(changeLines(null, { terms: { hourlyRate: 5500, weeklyLimitHours: null, manualTimeAllowed: true } })).toEqual([
      'terms: 55.00 an hour · no weekly limit · manual time allowed',
    ]);
  });
  it('reads an instant as a date and time', () => {
    expect(changeLines({ disabledAt: null }, { disabledAt: '2026-11-25T15:04:05.123Z' })).toEqual(['disabled at: — → 25 Nov 2026, 15:04 UTC']);
  });
  it('keeps JSON, shortened, for what is deeper than one level', () => {
    expect(changeLines(null, { x: { y: { z: 1 } } })).toEqual(['x: {"y":{"z":1}}']);
  });
});
