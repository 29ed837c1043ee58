import { describe, expect, it } from 'vitest';
import { readDiarySearch } from '../diary-search.ts';

describe('diary URL', () => {
  it('reads week, zone, day and the open slot', () => {
    const params = new URLSearchParams('week=2026-11-23&tz=contractor&day=2026-11-24&slot=2026-11-24T09:10:00Z');
    expect(readDiarySearch(params)).toEqual({ week: '2026-11-23', tz: 'contractor', day: '2026-11-24', slot: '2026-11-24T09:10:00.000Z' });
  });

  it('drops what is not valid rather than guessing', () => {
    const params = new URLSearchParams('week=2026-11-24&tz=Mars&day=2026-02-30&slot=2026-11-24T09:15:00Z');
    expect(readDiarySearch(params)).toEqual({ week: null, tz: null, day: null, slot: null });
  });
});
