// The keyboard-driven review of a contract week: the queue (suspicious slots first), the
// current slot up close, flags, "Dispute N flagged slots" and "Approve the rest".
// J/K step, F flags, O or Enter opens the slot in the diary, ? lists the keys. The current slot
// and the filter are in the URL (so Back from the diary returns to the same slot); the flags
// are kept for the tab's session, per contract week.
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { Contract } from '#contract/contracts.ts';
import type { Dispute } from '#contract/disputes.ts';
import type { Timesheet } from '#contract/timesheet.ts';
import { ContractHead } from '#src/components/layouts/contract-head.tsx';
import { ContractNav } from '#src/components/layouts/contract-nav.tsx';
import { ApproveWeekDialog } from '#src/components/ui/approve-week-dialog.tsx';
import { ErrorState } from '#src/components/ui/error-state.tsx';
import { paths } from '#src/config/paths.ts';
import { weekRangeLabel } from '#src/utils/date-format.ts';
import { formatMoney } from '#src/utils/money.ts';
import type { TzChoice, ZoneOption } from '#src/utils/time-zone-choice.ts';
import { addWeeks, weekOfInstant } from '#src/utils/week.ts';
import { preloadScreenshot } from '../api/get-slot.ts';
import { useWeek } from '../api/get-week.ts';
import { useReviewKeys } from '../hooks/use-review-keys.ts';
import { useReviewUrl } from '../hooks/use-review-url.ts';
import { parseSlotParam } from '../utils/diary-search.ts';
import { commonReason, readFlags, writeFlags } from '../utils/review-flags.ts';
import { approveControl, disputeBlockedReason } from '../utils/review-permissions.ts';
import { heldText, slotCount } from '../utils/slot-labels.ts';
import { buildReviewQueue, isSuspicious, type ReviewItem } from '../utils/suspicious.ts';
import { DisputeDialog } from './dispute-dialog.tsx';
import { ReviewActions } from './review-actions.tsx';
import { ReviewDetail } from './review-detail.tsx';
import { itemSpoken, itemWhen, ReviewList } from './review-list.tsx';
import { ReviewShortcuts } from './review-shortcuts.tsx';
import { NoSlotsPanel, NothingSuspiciousPanel, ReviewBanners } from './review-panels.tsx';
import { ReviewSkeleton } from './review-skeleton.tsx';
import { ReviewToolbar, type ReviewFilter } from './review-toolbar.tsx';
import './review.css';

export interface ReviewApproval {
  /** The week's timesheet, once loaded: the server's amounts, and what the viewer may do now. */
  sheet: Timesheet | null;
  pending: boolean;
  error: string | null;
  onApprove: () => Promise<unknown>;
}

interface ReviewViewProps {
  contractId: string;
  contract: Contract | undefined;
  week: string;
  tz: TzChoice;
  zone: string | undefined;
  zoneOptions: ZoneOption[];
  onTz: (value: string) => void;
  /** The week's terms (rate per hour in minor units, currency), once known. */
  terms: { hourlyRate: number; currency: string } | null;
  /** Only a client disputes and approves; others see the queue. */
  isClient: boolean;
  approval: ReviewApproval;
}

type DialogKind = 'dispute' | 'dispute-then-approve' | 'approve' | 'shortcuts' | null;

export function ReviewView({ contractId, contract, week, tz, zone, zoneOptions, onTz, terms, isClient, approval }: ReviewViewProps) {
  const navigate = useNavigate();
  const listId = useId();
  const weekQuery = useWeek(contractId, week, zone);
  const data = weekQuery.data;
  const shown = data && data.weekStart === week ? data : undefined;
  const shownZone = shown?.timeZone ?? zone ?? 'UTC';
  const queue = useMemo(() => (shown ? buildReviewQueue(shown) : []), [shown]);
  const suspiciousCount = useMemo(() => queue.filter(isSuspicious).length, [queue]);

  const [params, setParams] = useSearchParams();
  const filter: ReviewFilter = params.get('filter') === 'all' ? 'all' : 'suspicious';
  const list = useMemo(() => (filter === 'all' ? queue : queue.filter(isSuspicious)), [queue, filter]);

  // The current slot: from the URL at first, then the user's moves (written back, quietly).
  const [currentStart, setCurrentStart] = useState<string | null>(() => parseSlotParam(params.get('slot')));
  const found = currentStart ? list.findIndex((i) => i.startIso === currentStart) : -1;
  const current = found >= 0 ? found : 0;
  const item: ReviewItem | undefined = list[current];

  const [flags, setFlags] = useState<Set<string>>(() => readFlags(contractId, week));
  useEffect(() => writeFlags(contractId, week, flags), [contractId, week, flags]);
  // Only billable slots can be flagged: a slot that turned held (or anything else) drops out.
  const flaggedItems = useMemo(() => queue.filter((i) => i.actionable && flags.has(i.startIso)).sort((a, b) => a.start - b.start), [queue, flags]);
  const liveFlags = useMemo(() => new Set(flaggedItems.map((i) => i.startIso)), [flaggedItems]);

  const [dialog, setDialog] = useState<DialogKind>(null);
  const [announcement, setAnnouncement] = useState('');
  const [created, setCreated] = useState<Dispute | null>(null);
  const listRef = useRef<HTMLDivElement>(null);

  const { setParam, cancelSlotWrite } = useReviewUrl(params, setParams, item);

  const disputeBlocked = disputeBlockedReason(isClient, shown, approval.sheet);

  const select = useCallback(
    (index: number, how: 'key' | 'pointer' = 'key') => {
      const next = list[index];
      if (!next) return;
      setCurrentStart(next.startIso);
      setAnnouncement(`${index + 1} of ${list.length}: ${itemSpoken(next, shownZone, liveFlags.has(next.startIso))}.`);
      listRef.current?.focus({ preventScroll: true });
      // On a phone the slot shows below the list: a tap takes the reader there.
      if (how === 'pointer' && window.matchMedia('(max-width: 860px)').matches) {
        document.getElementById(`${listId}-detail`)?.scrollIntoView({ block: 'start', behavior: 'smooth' });
      }
    },
    [list, shownZone, liveFlags, listId],
  );

  const step = useCallback(
    (delta: number) => {
      const to = current + delta;
      if (to < 0 || to >= list.length) {
        setAnnouncement(to < 0 ? 'This is the first slot in the queue.' : 'This is the last slot in the queue.');
        return;
      }
      select(to);
    },
    [current, list.length, select],
  );

  const toggleFlag = useCallback(() => {
    if (!item) return;
    const when = itemWhen(item, shownZone);
    if (!item.actionable) {
      setAnnouncement(`${when} is ${item.state.replace('_', ' ')}: it cannot be flagged.`);
      return;
    }
    if (disputeBlocked) {
      setAnnouncement(disputeBlocked);
      return;
    }
    const next = new Set(liveFlags);
    const on = !next.has(item.startIso);
    if (on) next.add(item.startIso);
    else next.delete(item.startIso);
    setFlags(next);
    setAnnouncement(`${on ? 'Flagged' : 'Unflagged'} ${when}. ${slotCount(next.size)} flagged.`);
  }, [item, shownZone, disputeBlocked, liveFlags]);

  const diaryHref = item ? paths.diary.getHref(contractId, { week, tz, slot: item.startIso }) : paths.diary.getHref(contractId, { week, tz });
  const openInDiary = useCallback(() => {
    if (!item) return;
    cancelSlotWrite();
    void navigate(diaryHref);
  }, [item, navigate, diaryHref, cancelSlotWrite]);

  useReviewKeys({ step, toggleFlag, openInDiary, showKeys: () => setDialog('shortcuts') });

  // Make the next slot instant: its full screenshot starts loading now.
  useEffect(() => {
    const next = list[current + 1];
    if (next?.shot) preloadScreenshot(contractId, next.startIso);
  }, [list, current, contractId]);

  const setFilter = (value: ReviewFilter) => {
    setParam('filter', value === 'all' ? 'all' : null);
    setAnnouncement(value === 'all' ? `All ${queue.length} slots, in time order after the suspicious ones.` : `${suspiciousCount} suspicious slots.`);
  };

  const onCreated = (dispute: Dispute) => {
    const then = dialog === 'dispute-then-approve' ? 'approve' : null;
    setFlags(new Set());
    setCreated(dispute);
    setAnnouncement(`Dispute opened: ${slotCount(dispute.slotCount)} held, ${formatMoney(dispute.heldAmount, dispute.currency)}.`);
    setDialog(then);
  };

  const onApproveRest = () => setDialog(flaggedItems.length > 0 ? 'dispute-then-approve' : 'approve');

  const onConfirmApproval = () => {
    setDialog(null);
    approval
      .onApprove()
      .then(() => setAnnouncement('The week is approved.'))
      .catch(() => undefined);
  };

  const status = shown?.status;

  const weekLabel = weekRangeLabel(week);

  let body;
  if (weekQuery.isError && !shown) {
    body = (
      <ErrorState title="This week could not be loaded" message={weekQuery.error.message} onRetry={() => void weekQuery.refetch()} retrying={weekQuery.isFetching} />
    );
  } else if (!shown) {
    body = <ReviewSkeleton />;
  } else if (queue.length === 0) {
    body = (
      <NoSlotsPanel weekLabel={weekLabel} previousHref={paths.review.getHref(contractId, { week: addWeeks(week, -1), tz })} />
    );
  } else if (list.length === 0) {
    body = (
      <NothingSuspiciousPanel slots={queue.length} onShowAll={() => setFilter('all')} />
    );
  } else if (item) {
    body = (
      <div className="rv-layout">
        <ReviewList
          ref={listRef}
          listId={listId}
          label={filter === 'all' ? 'All slots, suspicious first' : 'Suspicious slots'}
          items={list}
          current={current}
          flags={liveFlags}
          contractId={contractId}
          zone={shownZone}
          onSelect={select}
        />
        <ReviewDetail
          id={`${listId}-detail`}
          item={item}
          contractId={contractId}
          zone={shownZone}
          position={current + 1}
          total={list.length}
          flagged={liveFlags.has(item.startIso)}
          disputeBlocked={disputeBlocked}
          diaryHref={diaryHref}
          onToggleFlag={toggleFlag}
          onPrevious={() => step(-1)}
          onNext={() => step(1)}
        />
      </div>
    );
  }

  return (
    <div className="page__content review">
      <title>{`Review · ${contract ? `${contract.title} · ` : ''}Week of ${weekLabel} · workdiary`}</title>
      <ContractHead contract={contract} page="Review" titlePrefix="Review: " showStatus={false} />
      <ContractNav contractId={contractId} week={week} tz={tz} />

      <ReviewToolbar
        contractId={contractId}
        week={week}
        tz={tz}
        status={status}
        serverWeek={shown ? weekOfInstant(Date.parse(shown.now)) : null}
        filter={filter}
        counts={shown ? { suspicious: suspiciousCount, all: queue.length } : null}
        zoneOptions={zoneOptions}
        onTz={onTz}
        onFilter={setFilter}
        onShortcuts={() => setDialog('shortcuts')}
      />

      <ReviewBanners approved={status === 'approved' || status === 'auto_approved' ? status : null} created={created} />

      <div className="sr-only" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>

      {body}

      {shown && queue.length > 0 && (
        <ReviewActions
          flagged={flaggedItems.length}
          terms={terms}
          disputeBlocked={disputeBlocked}
          onDispute={() => setDialog('dispute')}
          onClearFlags={() => {
            setFlags(new Set());
            setAnnouncement('No slot is flagged.');
          }}
          approve={approveControl(isClient, status, approval)}
          onApproveRest={onApproveRest}
        />
      )}

      <DisputeDialog
        open={dialog === 'dispute' || dialog === 'dispute-then-approve'}
        slots={flaggedItems.map((i) => ({ start: i.startIso }))}
        contractId={contractId}
        summary={`${slotCount(flaggedItems.length)} · ${heldText(flaggedItems.length, terms)}`}
        title={dialog === 'dispute-then-approve' ? `Dispute ${slotCount(flaggedItems.length)}, then approve the rest` : undefined}
        submitLabel={dialog === 'dispute-then-approve' ? 'Dispute and continue' : undefined}
        suggestedReason={commonReason(flaggedItems)}
        onClose={() => setDialog(null)}
        onCreated={onCreated}
      />
      {dialog === 'approve' && approval.sheet && (
        <ApproveWeekDialog
          sheet={approval.sheet}
          weekLabel={weekLabel}
          contractorName={contract?.contractor.name ?? null}
          onCancel={() => setDialog(null)}
          onApprove={onConfirmApproval}
        />
      )}
      {dialog === 'shortcuts' && <ReviewShortcuts onClose={() => setDialog(null)} />}
    </div>
  );
}
