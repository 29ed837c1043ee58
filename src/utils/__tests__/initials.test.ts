import { describe, expect, it } from 'vitest';
import { initials } from '../initials.ts';

describe('initials', () => {
  it.each([
    ['Ada Lovelace', 'AL'],
    ['grace brewster murray hopper', 'GB'],
    ['  Linus  ', 'L'],
  ])('%s → %s', (name, letters) => {
    expect(initials(name)).toBe(letters);
  });
});
