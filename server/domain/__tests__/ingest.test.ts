import { describe, expect, it } from 'vitest';
import { activeMinutes, capturedInside, judgeUpload, startsTooLate, type SlotPayload, type StoredSlot } from '../ingest.ts';

const START = new Date('2026-11-25T09:00:00.000Z');
const upload: SlotPayload = {
  keyboard: [1, 0, 0, 0, 0, 0, 0, 0, 0, 3],
  mouse: [0, 2, 0, 0, 0, 0, 0, 0, 0, 0],
  memo: 'API',
  windowTitle: 'editor',
  screenshotSha256: 'a'.repeat(64),
  capturedAt: new Date('2026-11-25T09:04:00.000Z'),
};
const stored = (over: Partial<StoredSlot> = {}): StoredSlot => ({ ...upload, contractId: 'k1', kind: 'tracked', deleted: false, ...over });

describe('activeMinutes: minutes with keyboard + mouse > 0', () => {
  it.each([
    [upload.keyboard, upload.mouse, 3],
    [Array(10).fill(0), Array(10).fill(0), 0],
    [Array(10).fill(10_000), Array(10).fill(0), 10],
  ])('%j + %j → %i', (k, m, n) => expect(activeMinutes(k, m)).toBe(n));
});

describe('when a slot may be uploaded', () => {
  it('allows a start up to 2 minutes after the clock, not later', () => {
    expect(startsTooLate(START, new Date('2026-11-25T08:58:00.000Z'))).toBe(false);
    expect(startsTooLate(START, new Date('2026-11-25T08:57:59.999Z'))).toBe(true);
  });
  it('needs the capture inside [start, start + 10 min)', () => {
    expect(capturedInside(START, START)).toBe(true);
    expect(capturedInside(START, new Date('2026-11-25T09:09:59.999Z'))).toBe(true);
    expect(capturedInside(START, new Date('2026-11-25T09:10:00.000Z'))).toBe(false);
    expect(capturedInside(START, new Date('2026-11-25T08:59:59.999Z'))).toBe(false);
  });
});

describe('judgeUpload: the upload against what is stored at its instant', () => {
  it.each<[string, StoredSlot | null, string]>([
    ['nothing stored', null, 'new'],
    ['the identical upload', stored(), 'unchanged'],
    ['the identical upload, capture instant as another Date', stored({ capturedAt: new Date(upload.capturedAt!.getTime()) }), 'unchanged'],
    ['another memo', stored({ memo: 'Other' }), '409'],
    ['another image', stored({ screenshotSha256: 'b'.repeat(64) }), '409'],
    ['one count more', stored({ mouse: [0, 3, 0, 0, 0, 0, 0, 0, 0, 0] }), '409'],
    ['another capture instant', stored({ capturedAt: new Date('2026-11-25T09:05:00.000Z') }), '409'],
    ['a deleted slot', stored({ deleted: true }), '410'],
    ['manual time', stored({ kind: 'manual' }), '409'],
    ['a slot on another contract', stored({ contractId: 'k2' }), '409'],
    ['a deleted slot on another contract', stored({ contractId: 'k2', deleted: true }), '409'],
  ])('%s → %s', (_label, existing, expected) => {
    const v = judgeUpload('k1', START, upload, existing);
    expect(v.kind === 'conflict' ? String(v.status) : v.kind).toBe(expected);
  });
});
