// The keyboard-driven review of a contract week: the queue (suspicious slots first), the
// current slot up close, flags, "Dispute N flagged slots" and "Approve the rest".
// J/K step, F flags, O or Enter opens the slot in the diary, ? lists the keys. The current slot
// and the filter are in the URL (so Back from the diary returns to the same slot); the flags
// are kept for the tab's session, per contract week.
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useNavigation, useSearchParams } from 'react-router';
import type { Contract } from '../../../../contract/contracts.ts';
import type { Dispute, DisputeReason } from '../../../../contract/disputes.ts';
import type { Timesheet } from '../../../../contract/timesheet.ts';
import { ContractHead } from '../../../components/layouts/contract-head.tsx';
import { ContractNav } from '../../../components/layouts/contract-nav.tsx';
import { ApproveWeekDialog } from '../../../components/ui/approve-week-dialog.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { ZoneOptions } from '../../../components/ui/zone-options.tsx';
import { paths } from '../../../config/paths.ts';
import { formatMoney } from '../../../utils/money.ts';
import { addWeeks, weekOfInstant } from '../../../utils/week.ts';
import { slotScreenshotUrl } from '../api/get-slot.ts';
import { useWeek } from '../api/get-week.ts';
import { parseSlotParam } from '../utils/diary-search.ts';
import { buildReviewQueue, isSuspicious, type ReviewItem, type SuspicionKind } from '../utils/suspicious.ts';
import { DisputeDialog } from './dispute-dialog.tsx';
import { heldText, ReviewActions, slotCount } from './review-actions.tsx';
import { ReviewDetail } from './review-detail.tsx';
import { itemSpoken, itemWhen, ReviewList } from './review-list.tsx';
import { ReviewShortcuts } from './review-shortcuts.tsx';
import { ReviewSkeleton } from './review-skeleton.tsx';
import { weekRangeLabel } from '../../../utils/date-format.ts';
import type { TzChoice, ZoneOption } from '../../../utils/time-zone-choice.ts';
import './diary.css';
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

type Filter = 'suspicious' | 'all';
type DialogKind = 'dispute' | 'dispute-then-approve' | 'approve' | 'shortcuts' | null;

const flagsKey = (contractId: string, week: string) => `workdiary.review.flags.${contractId}.${week}`;

function readFlags(contractId: string, week: string): Set<string> {
  try {
    const raw = window.sessionStorage.getItem(flagsKey(contractId, week));
    const list: unknown = raw ? JSON.parse(raw) : [];
    return new Set(Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string') : []);
  } catch {
    return new Set();
  }
}

function writeFlags(contractId: string, week: string, flags: ReadonlySet<string>) {
  try {
    if (flags.size === 0) window.sessionStorage.removeItem(flagsKey(contractId, week));
    else window.sessionStorage.setItem(flagsKey(contractId, week), JSON.stringify([...flags]));
  } catch {
    // Remembering flags across a reload is a convenience.
  }
}

/** Typing in a field, choosing in a select or working in a dialog: the review's keys stay off. */
function keysOff(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return true;
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  if (target.closest('input, textarea, select, [contenteditable="true"], dialog')) return true;
  return document.querySelector('dialog[open]') !== null;
}

/** The reason to start a dispute with: what every flagged slot has in common, if anything. */
function commonReason(items: ReviewItem[]): DisputeReason | null {
  const map: Partial<Record<SuspicionKind, DisputeReason>> = {
    duplicate: 'suspicious_screenshot',
    low_activity: 'low_activity',
    no_memo: 'memo_missing_or_wrong',
    same_memo: 'memo_missing_or_wrong',
  };
  let shared: DisputeReason | null | undefined;
  for (const item of items) {
    const reasons = new Set(item.reasons.map((r) => map[r.kind]).filter((r): r is DisputeReason => r !== undefined));
    if (shared === undefined) shared = reasons.size === 1 ? [...reasons][0]! : null;
    else if (shared === null || !reasons.has(shared)) return null;
  }
  return shared ?? null;
}

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
  const filter: Filter = params.get('filter') === 'all' ? 'all' : 'suspicious';
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

  const setParam = useCallback(
    (key: string, value: string | null) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: true, preventScrollReset: true },
      ),
    [setParams],
  );

  // The URL follows the current slot once the user pauses (J held down is many moves), but
  // never once the page is being left: that rewrite is a navigation too, and would replace
  // the one under way (Enter opens the diary, which may take longer than the pause).
  const leaving = useNavigation().state !== 'idle';
  const slotWrite = useRef(0);
  useEffect(() => {
    if (!item || leaving || params.get('slot') === item.startIso) return;
    slotWrite.current = window.setTimeout(() => setParam('slot', item.startIso), 400);
    return () => window.clearTimeout(slotWrite.current);
  }, [item, leaving, params, setParam]);

  const disputeBlocked = !isClient
    ? 'Only the client disputes slots.'
    : shown && !shown.canDispute
      ? (approval.sheet?.actions.dispute.reason ?? 'Disputes are closed for this week.')
      : null;

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
    window.clearTimeout(slotWrite.current);
    void navigate(diaryHref);
  }, [item, navigate, diaryHref]);

  // The page's keys. A ref keeps one listener with the latest handlers.
  const keys = useRef({ step, toggleFlag, openInDiary, showKeys: () => setDialog('shortcuts') });
  useEffect(() => {
    keys.current = { step, toggleFlag, openInDiary, showKeys: () => setDialog('shortcuts') };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (keysOff(event)) return;
      const k = keys.current;
      const key = event.key;
      if (key === '?') k.showKeys();
      else if (key === 'j' || key === 'J') k.step(1);
      else if (key === 'k' || key === 'K') k.step(-1);
      else if (key === 'f' || key === 'F') k.toggleFlag();
      else if (key === 'o' || key === 'O') k.openInDiary();
      else if (key === 'Enter') {
        // Enter on a button or link does what that control does.
        const target = event.target as HTMLElement | null;
        if (target?.closest('button, a, summary, [role="button"]')) return;
        k.openInDiary();
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Make the next slot instant: its full screenshot starts loading now.
  useEffect(() => {
    const next = list[current + 1];
    if (!next || !next.shot) return;
    const img = new Image();
    img.decoding = 'async';
    img.src = slotScreenshotUrl(contractId, next.startIso);
  }, [list, current, contractId]);

  const setFilter = (value: Filter) => {
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
  const approved = status === 'approved' || status === 'auto_approved';
  const approveAllowed = isClient && status === 'in_review' && approval.sheet !== null && approval.sheet.actions.approve.allowed && !approval.pending;
  const approveReason =
    approval.sheet?.actions.approve.reason ??
    (status === 'in_progress' || status === 'editing'
      ? 'The review opens on the Monday after the week, at 12:00 UTC, once the contractor can no longer edit it.'
      : null);

  const weekLabel = weekRangeLabel(week);
  const serverWeek = shown ? weekOfInstant(Date.parse(shown.now)) : null;
  const nextWeek = addWeeks(week, 1);

  let body;
  if (weekQuery.isError && !shown) {
    body = (
      <ErrorState title="This week could not be loaded" message={weekQuery.error.message} onRetry={() => void weekQuery.refetch()} retrying={weekQuery.isFetching} />
    );
  } else if (!shown) {
    body = <ReviewSkeleton />;
  } else if (queue.length === 0) {
    body = (
      <div className="state-panel">
        <h2 className="state-panel__title">Nothing to review: no slots this week</h2>
        <p className="state-panel__text">No time was tracked or added for the week of {weekLabel}.</p>
        <div className="state-panel__actions">
          <Link className="btn btn--secondary" to={paths.review.getHref(contractId, { week: addWeeks(week, -1), tz })}>
            Review the previous week
          </Link>
        </div>
      </div>
    );
  } else if (list.length === 0) {
    body = (
      <div className="state-panel rv-clean">
        <h2 className="state-panel__title">Nothing suspicious this week</h2>
        <p className="state-panel__text">
          No duplicate screenshots, missing or long-repeated memos, low activity or hours in one window among its {slotCount(queue.length)}.
        </p>
        <div className="state-panel__actions">
          <button type="button" className="btn btn--secondary" onClick={() => setFilter('all')}>
            Review all {slotCount(queue.length)}
          </button>
        </div>
      </div>
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

      <section className="rv-toolbar" aria-label="Week">
        <div className="rv-toolbar__week">
          <Link className="btn btn--secondary btn--icon" to={paths.review.getHref(contractId, { week: addWeeks(week, -1), tz })} aria-label="Previous week">
            <span aria-hidden="true">‹</span>
          </Link>
          <h2 className="rv-toolbar__label">
            Week of {weekLabel}
            {status && <span className={`rv-status rv-status--${status}`}>{STATUS_WORDS[status]}</span>}
          </h2>
          {serverWeek !== null && nextWeek > serverWeek ? (
            <span className="btn btn--secondary btn--icon" aria-disabled="true" title="That week has not started yet">
              <span aria-hidden="true">›</span>
            </span>
          ) : (
            <Link className="btn btn--secondary btn--icon" to={paths.review.getHref(contractId, { week: nextWeek, tz })} aria-label="Next week">
              <span aria-hidden="true">›</span>
            </Link>
          )}
        </div>
        <div className="rv-toolbar__tools">
          <div className="rv-filter" role="group" aria-label="Show">
            <button type="button" className="rv-filter__btn" aria-pressed={filter === 'suspicious'} onClick={() => setFilter('suspicious')}>
              Suspicious only{shown ? ` (${suspiciousCount})` : ''}
            </button>
            <button type="button" className="rv-filter__btn" aria-pressed={filter === 'all'} onClick={() => setFilter('all')}>
              All slots{shown ? ` (${queue.length})` : ''}
            </button>
          </div>
          <label className="rv-tz">
            <span className="sr-only">Time zone</span>
            <select className="input" value={tz} onChange={(e) => onTz(e.target.value)} aria-label="Time zone">
              <ZoneOptions options={zoneOptions} />
            </select>
          </label>
          <button type="button" className="btn btn--ghost btn--sm" onClick={() => setDialog('shortcuts')} aria-keyshortcuts="?">
            Shortcuts <kbd>?</kbd>
          </button>
        </div>
      </section>

      {approved && (
        <p className="rv-banner rv-banner--approved" role="status">
          <strong>This week is approved{status === 'auto_approved' ? ' automatically' : ''}.</strong> Held slots are paid or refunded when their disputes settle.
        </p>
      )}
      {created && (
        <p className="rv-banner rv-banner--held" role="status">
          <strong>
            Dispute opened: {slotCount(created.slotCount)} held ({formatMoney(created.heldAmount, created.currency)}).
          </strong>{' '}
          The contractor has 3 days to answer. <Link to={paths.dispute.getHref(created.id)}>View the dispute</Link>
        </p>
      )}

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
          approve={{ show: isClient && !approved, allowed: approveAllowed, reason: status === 'in_review' ? null : approveReason, pending: approval.pending, error: approval.error }}
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

const STATUS_WORDS: Record<string, string> = {
  in_progress: 'In progress',
  editing: 'Contractor editing',
  in_review: 'In review',
  approved: 'Approved',
  auto_approved: 'Approved automatically',
};

