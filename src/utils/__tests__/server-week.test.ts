import { QueryClient } from '@tanstack/react-query';
import { expect, it } from 'vitest';
import { serverCurrentWeek } from '../server-week.ts';

it('takes this week from the answer, else from any cached answer of the contract, else knows none', () => {
  const queryClient = new QueryClient();
  const key = ['contracts', 'c1', 'weeks'];
  expect(serverCurrentWeek(queryClient, key, undefined)).toBeNull();
  queryClient.setQueryData([...key, '2026-11-16'], { now: '2026-11-25T15:00:00Z' });
  expect(serverCurrentWeek(queryClient, key, undefined)).toBe('2026-11-23');
  expect(serverCurrentWeek(queryClient, key, '2026-12-01T09:00:00Z')).toBe('2026-11-30');
  expect(serverCurrentWeek(queryClient, ['contracts', 'c2', 'weeks'], undefined)).toBeNull();
});
