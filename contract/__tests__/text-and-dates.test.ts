// The contract's shared text type and date bounds: what every text field and every date of a
// request accepts, and the message a person gets when it does not.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { Email, Instant, LONE_SURROGATE_MESSAGE, NUL_MESSAGE, SlotStart, Text, TimeZone, WeekStart } from '../common.ts';
import { LoginBody } from '../auth.ts';
import { AddComment, AddManualTime, AnswerSlot, CreateDispute, DisputeListQuery, EditSlot, ResolveSlot } from '../disputes.ts';
import { CreateTracker, SlotUploadMeta } from '../trackers.ts';

const messages = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('Text', () => {
  it.each([
    ['plain words', 'Fixed the parser'],
    ['an empty string', ''],
    ['tabs and line breaks', 'line one\n\tline two\r\n'],
    ['emoji written as surrogate pairs', '🐛🚀 done 👍🏽'],
    ['other scripts', 'Überprüfung, 日本語, العربية'],
    ['a pair at each end', '😀x😀'],
    ['other control characters (stored and shown as text)', 'bell \u0007 escape \u001b delete \u007f'],
    ['U+FFFD itself', 'broken \ufffd byte'],
  ])('accepts %s', (_label, s) => {
    expect(Text.safeParse(s).success).toBe(true);
  });

  it.each([
    ['a NUL alone', '\u0000', [NUL_MESSAGE]],
    ['a NUL inside', 'before\u0000after', [NUL_MESSAGE]],
    ['a high surrogate alone', '\ud800', [LONE_SURROGATE_MESSAGE]],
    ['a low surrogate alone', '\udc00', [LONE_SURROGATE_MESSAGE]],
    ['a high surrogate at the end', 'memo \ud83d', [LONE_SURROGATE_MESSAGE]],
    ['a low surrogate at the start', '\ude00 memo', [LONE_SURROGATE_MESSAGE]],
    ['two high surrogates before a low one', '\ud83d\ud83d\ude00', [LONE_SURROGATE_MESSAGE]],
    ['a pair written backwards', '\ude00\ud83d', [LONE_SURROGATE_MESSAGE]],
    ['both at once', '\u0000\ud800', [NUL_MESSAGE, LONE_SURROGATE_MESSAGE]],
  ])('refuses %s, saying what is wrong', (_label, s, expected) => {
    expect(messages(Text, s)).toEqual(expected);
  });

  it('says plainly what a NUL is and that a lone surrogate is not valid Unicode', () => {
    expect(NUL_MESSAGE).toBe('must not contain a NUL character (U+0000)');
    expect(LONE_SURROGATE_MESSAGE).toMatch(/unpaired surrogate.*not valid Unicode/);
  });

  it('refuses what is not a string, and asks for what is missing', () => {
    expect(messages(Text, 42)).toEqual(['must be a string']);
    expect(messages(Text, undefined)).toEqual(['is required']);
  });

  it('keeps the checks when a field adds its trim and length limit', () => {
    const Memo = Text.trim().max(5);
    expect(Memo.parse('  ok  ')).toBe('ok');
    expect(messages(Memo, ' \u0000 ')).toEqual([NUL_MESSAGE]);
    expect(messages(Memo, 'toolong\ud800')).toEqual([LONE_SURROGATE_MESSAGE, expect.stringMatching(/5/)]);
  });

  it('holds for emails too, next to their format', () => {
    expect(Email.safeParse('dev@test.test').success).toBe(true);
    expect(messages(Email, 'dev\u0000@test.test')).toContain(NUL_MESSAGE);
    expect(messages(Email, 'dev\ud800@test.test')).toContain(LONE_SURROGATE_MESSAGE);
  });
});

describe('every text field of a request uses it', () => {
  const slot = '2026-11-25T09:00:00.000Z';
  const ref = { contractId: '0b6a5c1e-8f4e-4c1a-9d7e-2f3b4a5c6d7e', start: slot };
  const meta = { capturedAt: '2026-11-25T09:03:00.000Z', keyboard: Array(10).fill(1), mouse: Array(10).fill(1) };
  const fields: [string, z.ZodType, (v: string) => unknown, string][] = [
    ['LoginBody.email', LoginBody, (v) => ({ email: `a${v}@b.test`, password: 'pw' }), 'email'],
    ['LoginBody.password', LoginBody, (v) => ({ email: 'a@b.test', password: `pw${v}` }), 'password'],
    ['CreateTracker.deviceName', CreateTracker, (v) => ({ deviceName: `Laptop ${v}` }), 'deviceName'],
    ['CreateDispute.comment', CreateDispute, (v) => ({ slots: [ref], reason: 'other', comment: `Idle ${v}` }), 'comment'],
    ['AnswerSlot.reply', AnswerSlot, (v) => ({ answer: 'contest', reply: `Reading ${v}` }), 'reply'],
    ['ResolveSlot.note', ResolveSlot, (v) => ({ for: 'client', note: v }), 'note'],
    ['AddComment.body', AddComment, (v) => ({ body: `Looks ${v}` }), 'body'],
    ['EditSlot.memo', EditSlot, (v) => ({ memo: v }), 'memo'],
    ['AddManualTime.memo', AddManualTime, (v) => ({ start: slot, end: '2026-11-25T09:10:00.000Z', memo: `Call ${v}` }), 'memo'],
    ['SlotUploadMeta.memo', SlotUploadMeta, (v) => ({ ...meta, memo: v }), 'memo'],
    ['SlotUploadMeta.windowTitle', SlotUploadMeta, (v) => ({ ...meta, windowTitle: v }), 'windowTitle'],
    ['DisputeListQuery.status', DisputeListQuery, (v) => ({ status: `open${v}` }), 'status'],
  ];

  it.each(fields)('%s refuses a NUL and a lone surrogate at its own path', (_name, schema, body, path) => {
    expect(schema.safeParse(body('')).success).toBe(true);
    for (const [odd, message] of [
      ['\u0000', NUL_MESSAGE],
      ['\ud800', LONE_SURROGATE_MESSAGE],
    ]) {
      const r = schema.safeParse(body(`x${odd}y`));
      expect(r.success).toBe(false);
      expect(r.error!.issues.filter((i) => i.path.join('.') === path).map((i) => i.message)).toContain(message);
    }
  });

  it('TimeZone refuses a NUL before it asks Intl', () => {
    expect(messages(TimeZone, 'UTC\u0000')).toContain(NUL_MESSAGE);
  });
});

describe('dates', () => {
  const range = /between 2000-01-01 and 2100-12-31/;

  it.each(['2000-01-03', '2026-11-23', '2100-12-27'])('accepts the week of %s', (w) => {
    expect(WeekStart.safeParse(w).success).toBe(true);
  });

  it.each(['0000-01-03', '1999-12-27', '1970-01-05', '2101-01-03', '9999-12-27'])('refuses the week of %s, saying the range', (w) => {
    expect(messages(WeekStart, w)).toEqual([expect.stringMatching(range)]);
  });

  it('keeps the format messages for what is not a Monday date at all', () => {
    expect(messages(WeekStart, '2026-13-45')).toEqual(['is not a real calendar date', 'must be a Monday: a billing week starts on Monday 00:00 UTC']);
    expect(messages(WeekStart, '2026-11-24')).toEqual(['must be a Monday: a billing week starts on Monday 00:00 UTC']);
  });

  it.each(['2000-01-01T00:00:00Z', '2026-11-25T09:13:27.123Z', '2100-12-31T23:59:59.999Z'])('accepts the instant %s', (t) => {
    expect(Instant.safeParse(t).success).toBe(true);
  });

  it.each(['0000-01-03T00:00:00Z', '1999-12-31T23:59:59.999Z', '2101-01-01T00:00:00Z', '9999-12-31T23:50:00Z'])('refuses the instant %s, saying the range', (t) => {
    expect(messages(Instant, t)).toEqual([expect.stringMatching(range)]);
  });

  it('bounds slot starts the same way, and still asks for the 10-minute boundary', () => {
    expect(SlotStart.safeParse('2026-11-25T09:10:00Z').success).toBe(true);
    expect(messages(SlotStart, '9999-12-27T00:00:00.000Z')).toEqual([expect.stringMatching(range)]);
    expect(messages(SlotStart, '2026-11-25T09:11:00Z')).toEqual([expect.stringMatching(/10-minute boundary/)]);
  });
});
