import type { Timesheet } from '#contract/timesheet.ts';
import { apiUrl } from '#src/lib/api-client.ts';
import { contractWeekPath, contractWeekQuery } from '#src/lib/contract-week-query.ts';

const timesheet = contractWeekQuery<Timesheet>('timesheet', '/timesheet');

export const getTimesheetQueryOptions = timesheet.options;
export const useTimesheet = timesheet.useResource;

/** The week as CSV (one row per slot, then the totals), downloaded with the session cookie. */
export const timesheetCsvUrl = (contractId: string, weekStart: string) => apiUrl(`${contractWeekPath(contractId, weekStart)}/timesheet.csv`);

/** The week's evidence pack (receipts, screenshots, week.pdf; docs/evidence.md), downloaded with the session cookie. */
export const evidencePackUrl = (contractId: string, weekStart: string) => apiUrl(`${contractWeekPath(contractId, weekStart)}/evidence.zip`);
