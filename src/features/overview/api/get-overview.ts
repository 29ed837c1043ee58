// Shared with the review banner and the nav, so it lives in src/lib.
export { getOverview, getOverviewQueryOptions, useOverview } from '#src/lib/overview-query.ts';
