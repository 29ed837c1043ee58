// The timesheet of one contract for one billing week: where the week stands and its review
// countdown, the Approve action (client), the amounts, hours per day by state as a chart and a
// table, the terms, deadlines and disputes, and (client) the form to change the terms.
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useMemo } from 'react';
import type { Contract } from '#contract/contracts.ts';
import { NotFoundPanel } from '#src/components/errors/not-found-panel.tsx';
import { ContractHead } from '#src/components/layouts/contract-head.tsx';
import { ContractNav } from '#src/components/layouts/contract-nav.tsx';
import { ReviewBanner } from '#src/components/review-banner.tsx';
import { QueryErrorState } from '#src/components/ui/error-state.tsx';
import { EmptyWeekPanel } from '#src/components/ui/empty-week-panel.tsx';
import { paths } from '#src/config/paths.ts';
import { isApiError } from '#src/lib/api-client.ts';
import { formatCalendarDate } from '#src/utils/date-format.ts';
import { addWeeks, weekOfInstant } from '#src/utils/week.ts';
import { serverCurrentWeek } from '#src/utils/server-week.ts';
import { evidencePackUrl, getTimesheetQueryOptions, timesheetCsvUrl, useTimesheet } from '../api/get-timesheet.ts';
import { useServerClock } from '#src/utils/server-clock.ts';
import { weekRangeLabel } from '#src/utils/date-format.ts';
import { ContractTermsForm } from './contract-terms-form.tsx';
import { ReviewPanel, type Viewer } from './review-panel.tsx';
import { TimesheetSkeleton } from './timesheet-skeleton.tsx';
import { TimesheetSummary } from './timesheet-summary.tsx';
import { TimesheetTable } from './timesheet-table.tsx';
import { TimesheetToolbar, type ZoneOption } from './timesheet-toolbar.tsx';
import { WeekDeadlines, WeekDisputes, WeekTerms } from './week-facts.tsx';
import './timesheet.css';

const TimesheetChart = lazy(() => import('./timesheet-chart.tsx'));

export type { Viewer, ZoneOption };

interface TimesheetViewProps {
  contractId: string;
  contract: Contract | undefined;
  viewer: Viewer | undefined;
  week: string;
  /** The zone choice as the URL has it (`utc`, `local`, `contractor`); links keep it. */
  tz: string;
  /** The IANA zone the days are counted in, once known. */
  zone: string | undefined;
  zoneOptions: ZoneOption[];
  onTz: (value: string) => void;
}

export function TimesheetView({ contractId, contract, viewer, week, tz, zone, zoneOptions, onTz }: TimesheetViewProps) {
  const queryClient = useQueryClient();
  const query = useTimesheet(contractId, week, zone);
  const shown = query.data && query.data.weekStart === week ? query.data : undefined;
  const clock = useServerClock(shown?.now, query.dataUpdatedAt);

  const currentWeek = serverCurrentWeek(queryClient, ['contracts', contractId, 'timesheet'], shown?.now);

  const weekHref = useCallback((w: string) => paths.timesheet.getHref(contractId, { week: w, tz }), [contractId, tz]);
  const dayHref = useCallback((date: string) => paths.diary.getHref(contractId, { week, tz, day: date }), [contractId, week, tz]);
  const onPrefetchWeek = (w: string) => {
    if (zone) void queryClient.prefetchQuery(getTimesheetQueryOptions(contractId, w, zone));
  };
  const { refetch } = query;
  const onStatusChange = useCallback(() => void refetch(), [refetch]);
  const zoneLabel = useMemo(() => zoneOptions.find((o) => o.value === tz)?.label ?? zone ?? 'UTC', [zoneOptions, tz, zone]);

  // The API answers 404 for a contract the viewer may not see, exactly as for none at all.
  if (isApiError(query.error, 404) && !shown) return <NotFoundPanel title="Contract not found" />;

  const role = viewer?.role ?? 'client';
  let body;
  if (query.isError && !shown) {
    body = <QueryErrorState title="This timesheet could not be loaded" query={query} />;
  } else if (!shown || !viewer) {
    body = <TimesheetSkeleton />;
  } else {
    const empty = shown.totals.total === 0;
    const future = currentWeek !== null && week > currentWeek;
    body = (
      <>
        <ReviewPanel sheet={shown} viewer={viewer} contractorName={contract?.contractor.name ?? null} clock={clock} onStatusChange={onStatusChange} />
        <TimesheetSummary sheet={shown} role={role} />
        <div className="ts-layout">
          <div className="ts-main">
            {empty ? (
              <EmptyWeekPanel
                className="ts-card ts-empty"
                title="No time in this week"
                text={
                  future
                    ? 'This week has not started yet.'
                    : role === 'contractor'
                      ? 'You have not tracked or added any time in this week.'
                      : 'The contractor has not tracked or added any time in this week: there is nothing to pay.'
                }
                previousWeekHref={weekHref(addWeeks(week, -1))}
              />
            ) : (
              <>
                <section className="ts-card ts-chart" aria-labelledby="ts-chart-title">
                  <h2 id="ts-chart-title" className="ts-card__title">
                    Hours per day
                  </h2>
                  <Suspense fallback={<div className="ts-chart__plot ts-chart__plot--loading" aria-hidden="true" />}>
                    <TimesheetChart days={shown.days} />
                  </Suspense>
                </section>
                <section className="ts-card ts-card--flush" aria-labelledby="ts-table-title">
                  <div className="ts-card__head">
                    <h2 id="ts-table-title" className="ts-card__title">
                      Hours by day and state
                    </h2>
                    <span className="ts-card__aside">Days in {zoneLabel}</span>
                  </div>
                  <TimesheetTable days={shown.days} totals={shown.totals} zoneLabel={zoneLabel} dayHref={dayHref} />
                </section>
              </>
            )}
          </div>
          <aside className="ts-side" aria-label="Terms, deadlines and disputes">
            <WeekTerms sheet={shown} />
            <WeekDeadlines sheet={shown} />
            <WeekDisputes sheet={shown} />
            {role === 'client' && contract && <ContractTermsForm contract={contract} nextMonday={addWeeks(weekOfInstant(Date.parse(shown.now)), 1)} />}
          </aside>
        </div>
      </>
    );
  }

  const title = role === 'contractor' ? 'Earnings' : 'Timesheet';
  return (
    <div className="page__content timesheet">
      <title>{`${contract ? `${contract.title} · ` : ''}${title}, week of ${formatCalendarDate(week, 'd MMM yyyy')} · workdiary`}</title>
      <ContractHead contract={contract} page="Timesheet" />
      <ContractNav contractId={contractId} week={week} tz={tz} />
      <ReviewBanner contractId={contractId} hideForWeek={week} />
      <TimesheetToolbar
        week={week}
        currentWeek={currentWeek}
        weekHref={weekHref}
        onPrefetchWeek={onPrefetchWeek}
        tz={tz}
        zoneOptions={zoneOptions}
        onTz={onTz}
        csvHref={timesheetCsvUrl(contractId, week)}
        evidenceHref={evidencePackUrl(contractId, week)}
        updating={query.isFetching && !query.isRefetching}
      />
      <div className="sr-only" aria-live="polite">
        {shown ? `Timesheet for the week of ${weekRangeLabel(week)} loaded.` : ''}
      </div>
      {body}
    </div>
  );
}
