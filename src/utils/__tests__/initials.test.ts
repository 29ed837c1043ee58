import { expect, it } from 'vitest';
import { initials } from '../initials.ts';

it('takes the first letters of the first two names, in capitals', () => {
  expect([initials('Ada Lovelace'), initials('grace brewster murray hopper'), initials('  Linus  ')]).toEqual(['AL', 'GB', 'L']);
});
