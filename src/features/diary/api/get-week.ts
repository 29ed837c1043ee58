import type { Week } from '#contract/week.ts';
import { contractWeekQuery } from '#src/lib/contract-week-query.ts';

const week = contractWeekQuery<Week>('weeks', '');

export const getWeekQueryOptions = week.options;
export const useWeek = week.useResource;
