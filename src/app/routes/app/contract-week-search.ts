// What the loaders of a contract's week pages (timesheet, review) share: a URL without a week
// or a zone gets them by the diary's rules (the week waiting for the client's approval, else
// this week), and the week's queries start as soon as the zone is known (at once, or once the
// contract says the contractor's zone).
import type { QueryClient } from '@tanstack/react-query';
import { replace, type ShouldRevalidateFunctionArgs } from 'react-router';
import { getContractQueryOptions } from '#src/features/contracts/api/get-contract.ts';
import { getContractsQueryOptions } from '#src/features/contracts/api/get-contracts.ts';
import { readDiarySearch } from '#src/features/diary/utils/diary-search.ts';
import { getOverviewQueryOptions } from '#src/lib/overview-query.ts';
import { readTzChoice, resolveTimeZone, type TzChoice } from '#src/utils/time-zone-choice.ts';
import { weekOfInstant } from '#src/utils/week.ts';

/**
 * The week and zone choice of the URL. Seeds the contract from the contract list when it is
 * there; throws a redirect to the complete URL (keeping the `keep` parameters) when the week or
 * zone was missing. `linkWeek` is the week a link to a day or slot points into, before "this week".
 */
export async function resolveContractWeek(
  queryClient: QueryClient,
  contractId: string,
  url: URL,
  keep: readonly string[] = [],
  linkWeek: string | null = null,
): Promise<{ week: string; tz: TzChoice }> {
  const search = readDiarySearch(url.searchParams);
  // Coming from the contract list, the contract is already known.
  const list = queryClient.getQueryData(getContractsQueryOptions().queryKey);
  const summary = list?.contracts.find((c) => c.id === contractId);
  const contractKey = getContractQueryOptions(contractId).queryKey;
  if (summary && !queryClient.getQueryData(contractKey)) queryClient.setQueryData(contractKey, summary);

  let week = search.week ?? linkWeek;
  if (!week) {
    // A client opening a contract during the review window sees the week that waits for them;
    // otherwise "this week", the server's (a demo clock may differ from the browser's).
    const [overview, contracts] = await Promise.all([
      queryClient.ensureQueryData(getOverviewQueryOptions()).catch(() => null),
      list ?? queryClient.ensureQueryData(getContractsQueryOptions()).catch(() => null),
    ]);
    week =
      overview?.needs.reviews.find((r) => r.contractId === contractId)?.weekStart ??
      contracts?.contracts.find((c) => c.id === contractId)?.thisWeek.weekStart ??
      weekOfInstant(Date.now());
  }
  const tz = search.tz ?? readTzChoice();
  if (week !== search.week || tz !== search.tz) {
    const next = new URLSearchParams({ week, tz });
    for (const key of keep) {
      const value = url.searchParams.get(key);
      if (value) next.set(key, value);
    }
    throw replace(`${url.pathname}?${next.toString()}`);
  }
  return { week, tz };
}

/**
 * Starts the contract's request, and calls `prefetch` with the IANA zone of the choice: at once,
 * or, for the contractor's zone, when the contract has loaded.
 */
export function prefetchInZone(queryClient: QueryClient, contractId: string, tz: TzChoice, prefetch: (zone: string) => void): void {
  if (tz !== 'contractor') {
    const zone = resolveTimeZone(tz, null);
    if (zone) prefetch(zone);
  }
  void queryClient
    .ensureQueryData(getContractQueryOptions(contractId))
    .then((contract) => tz === 'contractor' && prefetch(contract.timeZone))
    .catch(() => undefined);
}

/**
 * Resolves (to null) once the overview is in: a week page's loader returns it, so the page first
 * renders with its review banner in place rather than pushing the week down when it arrives.
 * The week's own requests are already under way by then.
 */
export const overviewReady = (queryClient: QueryClient): Promise<null> =>
  queryClient.ensureQueryData(getOverviewQueryOptions()).then(
    () => null,
    () => null,
  );

// Opening a slot, moving through the review queue or scrolling to another day changes the URL;
// only a new contract, week or zone needs the loader again.
export function weekPageShouldRevalidate({ currentUrl, nextUrl, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  if (currentUrl.pathname !== nextUrl.pathname) return defaultShouldRevalidate;
  const same = (k: string) => currentUrl.searchParams.get(k) === nextUrl.searchParams.get(k);
  return same('week') && same('tz') ? false : defaultShouldRevalidate;
}
