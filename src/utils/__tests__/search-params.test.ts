import { expect, it } from 'vitest';
import { orderedParams } from '../search-params.ts';

const prev = new URLSearchParams('b=2&utm=x&a=1');

it('writes the keys in their order, drops cleared ones, and keeps others only when asked', () => {
  expect(orderedParams(prev, ['a', 'b', 'c'], { c: '3', b: null }).toString()).toBe('a=1&c=3');
  expect(orderedParams(prev, ['a', 'b'], { a: '9' }, true).toString()).toBe('a=9&b=2&utm=x');
});
