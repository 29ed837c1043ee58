// The work diary of one contract for one billing week: header, week toolbar, the virtualized
// grid of slots and the lightbox. All of what is shown lives in the URL (see use-diary-search).
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Contract } from '#contract/contracts.ts';
import type { Dispute } from '#contract/disputes.ts';
import { QueryErrorState } from '#src/components/ui/error-state.tsx';
import { EmptyWeekPanel } from '#src/components/ui/empty-week-panel.tsx';
import { paths } from '#src/config/paths.ts';
import { formatCalendarDate, weekRangeLabel } from '#src/utils/date-format.ts';
import { browserTimeZone } from '#src/utils/time-zone.ts';
import { DEFAULT_TZ_CHOICE, rememberTzChoice, resolveTimeZone, zoneOptions, type TzChoice } from '#src/utils/time-zone-choice.ts';
import { addWeeks, weekOfDate, weekOfInstant } from '#src/utils/week.ts';
import { serverCurrentWeek } from '#src/utils/server-week.ts';
import { getWeekQueryOptions, useWeek } from '../api/get-week.ts';
import { useDiarySearch } from '../hooks/use-diary-search.ts';
import { useSlotSelection } from '../hooks/use-slot-selection.ts';
import { buildDiaryLayout } from '../utils/diary-rows.ts';
import { heldText, slotCount } from '../utils/slot-labels.ts';
import { DiaryGrid, type DiaryGridHandle } from './diary-grid.tsx';
import { ContractHead } from '#src/components/layouts/contract-head.tsx';
import { ContractNav } from '#src/components/layouts/contract-nav.tsx';
import { ReviewBanner } from '#src/components/review-banner.tsx';
import { DiarySkeleton } from './diary-skeleton.tsx';
import { DisputeDialog } from './dispute-dialog.tsx';
import { ManualTimeDialog } from './manual-time-dialog.tsx';
import { DisputeCreatedNotice, SelectionBar } from './selection-bar.tsx';
import { SlotLightbox } from './slot-lightbox.tsx';
import { WeekToolbar } from './week-toolbar.tsx';
import './diary.css';

export function DiaryView({ contractId, contract }: { contractId: string; contract: Contract | undefined }) {
  const queryClient = useQueryClient();
  const { search, setWeek, setTz, setDay, openSlot, stepSlot, closeSlot } = useDiarySearch();
  // The loader always puts a week in the URL; this is only a fallback.
  const [thisWeek] = useState(() => weekOfInstant(Date.now()));
  const week = search.week ?? thisWeek;
  const tz: TzChoice = search.tz ?? DEFAULT_TZ_CHOICE;
  const localZone = useMemo(() => browserTimeZone(), []);
  const contractorZone = contract?.timeZone ?? null;
  const zone = resolveTimeZone(tz, contractorZone, () => localZone);
  const options = useMemo(() => zoneOptions(week, localZone, contractorZone), [week, localZone, contractorZone]);

  const weekQuery = useWeek(contractId, week, zone);
  const data = weekQuery.data;
  const layout = useMemo(() => (data ? buildDiaryLayout(data) : null), [data]);
  // While a new zone loads, the old week stays on screen; a new week shows the skeleton.
  const shown = data && data.weekStart === week ? data : undefined;
  const shownLayout = shown ? layout : null;

  const currentWeek = serverCurrentWeek(queryClient, ['contracts', contractId, 'weeks'], data?.now);

  // The toolbar sticks on wide screens; the grid's sticky day headers sit right under it.
  const toolbarRef = useRef<HTMLElement>(null);
  const [stickyTop, setStickyTop] = useState(0);
  useLayoutEffect(() => {
    const el = toolbarRef.current;
    if (!el) return;
    const measure = () => setStickyTop(getComputedStyle(el).position === 'sticky' ? Math.round(el.getBoundingClientRect().height) : 0);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, []);

  const gridRef = useRef<DiaryGridHandle>(null);
  const [addingTime, setAddingTime] = useState(false);
  const [gridDay, setActiveDay] = useState(0);

  // The day being read, as the grid reports it (no grid, as in an empty week: the first day).
  const activeDay = shownLayout && shownLayout.slotStart.length > 0 ? gridDay : 0;

  const openIndex = search.slot && shownLayout ? shownLayout.slotByStart.get(Date.parse(search.slot)) : undefined;

  // First arrival of a week (or of a zone): go to the open slot, or the day in the URL.
  const positioned = useRef<string | null>(null);
  const syncDay = useRef(false);
  useEffect(() => {
    if (!shownLayout) return;
    const key = `${week}|${shownLayout.timeZone}`;
    if (positioned.current === key) return;
    positioned.current = key;
    syncDay.current = false;
    const frame = requestAnimationFrame(() => {
      const grid = gridRef.current;
      if (grid && openIndex !== undefined) grid.revealSlot(openIndex, { center: true });
      else if (grid && search.day) {
        const d = shownLayout.days.findIndex((day) => day.date === search.day);
        if (d >= 0) grid.scrollToDay(d);
      }
      syncDay.current = true;
    });
    return () => cancelAnimationFrame(frame);
    // Only a new week or zone repositions; later URL changes come from the user's own moves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shownLayout, week]);

  // The day being read goes into the URL (quietly, once scrolling settles), so a copied
  // link opens on it.
  useEffect(() => {
    if (!shownLayout || shownLayout.slotStart.length === 0 || openIndex !== undefined) return;
    const timer = window.setTimeout(() => {
      const date = shownLayout.days[activeDay]?.date;
      if (!syncDay.current || !date || date === search.day) return;
      if (search.day === null && activeDay === 0) return;
      setDay(date);
    }, 700);
    return () => window.clearTimeout(timer);
  }, [activeDay, shownLayout, openIndex, search.day, setDay]);

  // Closing the lightbox (button, Esc or Back) puts focus on the card of the slot last shown.
  const shownKey = shownLayout ? `${week}|${shownLayout.timeZone}` : null;
  const lastOpen = useRef<{ slot: number; key: string | null } | null>(null);
  useEffect(() => {
    if (openIndex !== undefined) {
      lastOpen.current = { slot: openIndex, key: shownKey };
      return;
    }
    const last = lastOpen.current;
    lastOpen.current = null;
    if (last && last.key === shownKey) gridRef.current?.revealSlot(last.slot, { focus: true });
  }, [openIndex, shownKey]);

  const onOpenSlot = useCallback(
    (slot: number) => {
      if (shownLayout) openSlot(new Date(shownLayout.slotStart[slot]!).toISOString());
    },
    [openSlot, shownLayout],
  );
  const onStepSlot = useCallback(
    (slot: number) => {
      if (shownLayout) stepSlot(new Date(shownLayout.slotStart[slot]!).toISOString());
    },
    [stepSlot, shownLayout],
  );

  // The dialog keeps the slots it opened with: they turn held (and leave the selection) as it submits.
  const [disputing, setDisputing] = useState<{ slots: { start: string }[]; summary: string } | null>(null);
  const [created, setCreated] = useState<Dispute | null>(null);
  const { selection, selectedStarts, clearSelection } = useSlotSelection(week, shown, shownLayout);
  const disputeSlots = useMemo(() => [...selectedStarts].sort().map((start) => ({ start })), [selectedStarts]);
  const terms = contract ? { hourlyRate: contract.hourlyRate, currency: contract.currency } : null;
  const selectedCount = disputeSlots.length;

  const onDisputeCreated = (dispute: Dispute) => {
    setDisputing(null);
    clearSelection();
    setCreated(dispute);
  };

  const onTz = (choice: TzChoice) => {
    rememberTzChoice(choice);
    setTz(choice);
  };

  const onDay = (dayIndex: number) => {
    gridRef.current?.scrollToDay(dayIndex);
    const date = shownLayout?.days[dayIndex]?.date;
    if (date) setDay(date);
  };

  const onDate = (date: string) => {
    const target = weekOfDate(date);
    if (target !== week) {
      setWeek(target, date);
      return;
    }
    const d = shownLayout?.days.findIndex((day) => day.date === date) ?? -1;
    if (d >= 0) onDay(d);
  };

  const onWeek = (target: string) => {
    setWeek(target);
    window.scrollTo({ top: 0, behavior: 'instant' });
  };

  const onPrefetchWeek = (target: string) => {
    if (zone) void queryClient.prefetchQuery(getWeekQueryOptions(contractId, target, zone));
  };

  const prevHref = paths.diary.getHref(contractId, { week: addWeeks(week, -1), tz });
  // A `day` from a hand-edited or stale link that is not in this week is ignored.
  const dayInWeek = search.day && (shownLayout ? shownLayout.days.some((d) => d.date === search.day) : Math.abs(Date.parse(search.day) - Date.parse(week) - 3 * 86_400_000) <= 4 * 86_400_000);
  const dateValue = (dayInWeek ? search.day : undefined) ?? shownLayout?.days[activeDay]?.date ?? week;

  let body;
  if (weekQuery.isError && !shown) {
    body = <QueryErrorState title="This week could not be loaded" query={weekQuery} />;
  } else if (!shown || !shownLayout) {
    body = <DiarySkeleton />;
  } else if (shown.slots.offset.length === 0) {
    body = (
      <EmptyWeekPanel
        title="No time tracked this week"
        text={currentWeek !== null && week > currentWeek ? 'This week has not started yet.' : 'The contractor has not tracked or added any time in this week.'}
        previousWeekHref={prevHref}
        keepScroll
      />
    );
  } else {
    body = (
      <DiaryGrid
        ref={gridRef}
        week={shown}
        layout={shownLayout}
        contractId={contractId}
        stickyTop={stickyTop}
        onOpenSlot={onOpenSlot}
        onActiveDayChange={setActiveDay}
        selection={selection}
      />
    );
  }

  return (
    <div className={selectedCount > 0 || created ? 'page__content diary diary--with-bar' : 'page__content diary'}>
      <title>{`${contract ? `${contract.title} · ` : ''}Week of ${formatCalendarDate(week, 'd MMM yyyy')} · workdiary`}</title>
      <ContractHead contract={contract} page="Work diary" className="page-head--diary" />
      <ContractNav contractId={contractId} week={week} tz={tz} />
      <ReviewBanner contractId={contractId} />
      <WeekToolbar
        ref={toolbarRef}
        week={week}
        currentWeek={currentWeek}
        days={shownLayout?.days ?? null}
        failed={weekQuery.isError && !shown}
        totals={shown?.totals ?? null}
        updating={weekQuery.isFetching}
        tz={tz}
        zoneOptions={options}
        activeDay={activeDay}
        dateValue={dateValue}
        onWeek={onWeek}
        onDate={onDate}
        onTz={onTz}
        onDay={onDay}
        onPrefetchWeek={onPrefetchWeek}
        onAddManualTime={shown?.canEdit ? () => setAddingTime(true) : undefined}
        manualTimeAllowed={contract?.manualTimeAllowed ?? true}
      />
      <div className="sr-only" aria-live="polite">
        {shown ? `Week of ${weekRangeLabel(week)} loaded, ${shown.slots.offset.length} slots.` : ''}
      </div>
      {body}
      {shown && shownLayout && openIndex !== undefined && (
        <SlotLightbox
          contractId={contractId}
          week={shown}
          layout={shownLayout}
          slot={openIndex}
          zoneName={shownLayout.timeZone}
          onStep={onStepSlot}
          onClose={closeSlot}
        />
      )}
      {selectedCount > 0 ? (
        <SelectionBar
          count={selectedCount}
          terms={terms}
          onDispute={() => setDisputing({ slots: disputeSlots, summary: `${slotCount(selectedCount)} · ${heldText(selectedCount, terms)}` })}
          onClear={clearSelection}
        />
      ) : (
        created && created.contract.id === contractId && <DisputeCreatedNotice dispute={created} onDismiss={() => setCreated(null)} />
      )}
      <DisputeDialog
        open={disputing !== null}
        slots={disputing?.slots ?? []}
        contractId={contractId}
        summary={disputing?.summary ?? ''}
        onClose={() => setDisputing(null)}
        onCreated={onDisputeCreated}
      />
      {shown && addingTime && (
        <ManualTimeDialog contractId={contractId} week={shown} defaultDate={shownLayout?.days[activeDay]?.date} onClose={() => setAddingTime(false)} />
      )}
    </div>
  );
}
