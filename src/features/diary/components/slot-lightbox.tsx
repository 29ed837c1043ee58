// The slot up close: the full screenshot, memo, window title, times in the chosen zone,
// activity and a per-minute keyboard/mouse chart. ←/→ step through the week's slots in time
// order, Z zooms the screenshot to 100 % (lightbox-figure.tsx), Esc or a click beside it
// closes (it is the shared Dialog, at nearly the whole screen).
// The chart (recharts) is loaded only when a lightbox first opens.
// The contractor, while the week's edits are open, edits the memo and deletes the slot here
// (not a held one); a slot in a dispute links to it for everyone.
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Week } from '#contract/week.ts';
import { Dialog } from '#src/components/ui/dialog.tsx';
import { formatInZone } from '#src/utils/date-format.ts';
import { getSlotQueryOptions, preloadScreenshot, slotScreenshotUrl, slotThumbnailUrl, useSlot } from '../api/get-slot.ts';
import type { DiaryLayout } from '../utils/diary-rows.ts';
import { activityText, deletedWhen, slotRange } from '../utils/slot-labels.ts';
import { kindAt, stateAt } from '../utils/slot-states.ts';
import { ActivityMeter } from './activity-meter.tsx';
import { LightboxFigure, type LightboxFigureHandle } from './lightbox-figure.tsx';
import { DeleteSlot, MemoFact, SlotDisputeNote } from './slot-edits.tsx';
import { RedactedNote, RedactScreenshot } from './slot-redaction.tsx';
import { SlotQuestions } from './slot-questions.tsx';
import { DuplicateMarker, StateBadge } from './state-badge.tsx';
import './slot-lightbox.css';

const ActivityChart = lazy(() => import('./activity-chart.tsx'));

interface SlotLightboxProps {
  contractId: string;
  week: Week;
  layout: DiaryLayout;
  slot: number;
  /** What the time-zone switch is set to, e.g. "UTC" or "Europe/Berlin". */
  zoneName: string;
  onStep: (slot: number) => void;
  onClose: () => void;
}

export function SlotLightbox({ contractId, week, layout, slot, zoneName, onStep, onClose }: SlotLightboxProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const queryClient = useQueryClient();
  const count = layout.slotStart.length;
  const zone = layout.timeZone;

  const start = layout.slotStart[slot]!;
  const startIso = new Date(start).toISOString();
  const { slots, memos, titles } = week;
  const state = stateAt(slots.state[slot]!);
  const kind = kindAt(slots.kind[slot]!);
  const active = slots.active[slot] ?? 0;
  const memo = (slots.memo[slot] ?? -1) >= 0 ? (memos[slots.memo[slot]!] ?? '') : '';
  const windowTitle = (slots.title[slot] ?? -1) >= 0 ? (titles[slots.title[slot]!] ?? '') : '';
  const deletedAt = slots.deletedAt[slot] ?? null;
  // A deleted slot shows only that and when: its screenshot and activity went with it.
  const tracked = kind !== 'manual' && !deletedAt;
  const hasShot = slots.shot[slot] === 1 && !deletedAt;
  const dup = slots.dup[slot] === 1;
  const range = slotRange(start, zone);
  const dayLabel = formatInZone(start, zone, 'EEEE d MMMM yyyy');

  const detail = useSlot(contractId, startIso);
  const shot = detail.data?.screenshot ?? null;
  // The contractor's edits: while the week is open to them, on any slot that is not held.
  const editable = week.canEdit && state !== 'held' && state !== 'deleted';
  // "Deleted 09:10–09:20." stays on the slot shown after a deletion, until the next step.
  const [deleted, setDeleted] = useState<{ text: string; on: string } | null>(null);

  // Make the neighbours instant: their details and full screenshots start loading now.
  useEffect(() => {
    for (const n of [slot + 1, slot - 1]) {
      if (n < 0 || n >= count) continue;
      const iso = new Date(layout.slotStart[n]!).toISOString();
      void queryClient.prefetchQuery(getSlotQueryOptions(contractId, iso));
      if (slots.shot[n] === 1) preloadScreenshot(contractId, iso);
    }
  }, [slot, count, layout, contractId, queryClient, slots.shot]);

  const step = (delta: number) => {
    setDeleted(null);
    const next = slot + delta;
    if (next >= 0 && next < count) onStep(next);
  };

  // The zoom belongs to the slot it was set on: a step shows the next one fitted.
  const [zoomedOn, setZoomed] = useState<string | null>(null);
  const isZoomed = hasShot && tracked && zoomedOn === startIso;
  const figureRef = useRef<LightboxFigureHandle>(null);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.altKey || event.metaKey || event.ctrlKey) return;
    if ((event.target as HTMLElement).closest('input, select, textarea')) return;
    if ((event.key === 'z' || event.key === 'Z') && hasShot && tracked) {
      event.preventDefault();
      setZoomed(isZoomed ? null : startIso);
      return;
    }
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    // Zoomed in, the arrows pan the screenshot; fitted, they step through the slots.
    if (isZoomed) figureRef.current?.pan(event.key === 'ArrowLeft' ? -120 : 120);
    else step(event.key === 'ArrowLeft' ? -1 : 1);
  };

  // After a deletion the lightbox moves to the next slot; the deleted one leaves the cached
  // week only once the next one is shown (the URL changes asynchronously), else the lightbox
  // would find its slot gone and close.
  const arrival = useRef<{ start: string; done: () => void } | null>(null);
  useEffect(() => {
    if (arrival.current?.start !== startIso) return;
    arrival.current.done();
    arrival.current = null;
    // The button pressed is gone with its slot: keep the keys (←/→, Esc) working.
    dialogRef.current?.focus();
  }, [startIso]);

  const onDeleted = () => {
    if (slot + 1 >= count) {
      onClose();
      return;
    }
    const next = new Date(layout.slotStart[slot + 1]!).toISOString();
    setDeleted({ text: `Deleted ${range}.`, on: next });
    return new Promise<void>((resolve) => {
      const timer = window.setTimeout(resolve, 2_000);
      arrival.current = {
        start: next,
        done: () => {
          window.clearTimeout(timer);
          resolve();
        },
      };
      onStep(slot + 1);
    });
  };

  const minuteLabels = Array.from({ length: 10 }, (_, m) => formatInZone(start + m * 60_000, zone, 'HH:mm'));

  return (
    <Dialog
      dialogRef={dialogRef}
      initialFocus={dialogRef}
      size="full"
      className="lightbox"
      title={`${formatInZone(start, zone, 'EEE d MMM')}, ${range}`}
      description={`Slot ${slot + 1} of ${count}`}
      onClose={onClose}
      onKeyDown={onKeyDown}
      actions={
        <div className="lightbox__nav">
          <button type="button" className="btn btn--secondary btn--sm" onClick={() => step(-1)} disabled={slot === 0} aria-keyshortcuts="ArrowLeft">
            <span aria-hidden="true">←</span>
            <span className="lightbox__navtext">
              Previous<span className="sr-only"> slot</span>
            </span>
          </button>
          <button type="button" className="btn btn--secondary btn--sm" onClick={() => step(1)} disabled={slot >= count - 1} aria-keyshortcuts="ArrowRight">
            <span className="lightbox__navtext">
              Next<span className="sr-only"> slot</span>
            </span>
            <span aria-hidden="true">→</span>
          </button>
          <button type="button" className="btn btn--ghost btn--icon" onClick={onClose} aria-label="Close" aria-keyshortcuts="Escape">
            <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
              <path d="M5 5l10 10M15 5L5 15" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
            </svg>
          </button>
        </div>
      }
    >
      <div className="lightbox__body">
        <figure className={isZoomed ? 'lightbox__figure is-zoomed' : 'lightbox__figure'}>
          {deletedAt ? (
            <div className="lightbox__manual">
              <strong>
                Deleted by the contractor at <span className="lightbox__deleted-at">{deletedWhen(deletedAt, start, zone)}</span>
              </strong>
              <span>Its screenshot and activity were removed with it; this time is not billed.</span>
            </div>
          ) : kind === 'manual' ? (
            <div className="lightbox__manual">
              <strong>Manual time</strong>
              <span>Added by the contractor, without a screenshot or activity.</span>
            </div>
          ) : shot?.purgedAt ? (
            <div className="lightbox__manual">
              <strong>Screenshot deleted by retention</strong>
              <span>On {formatInZone(shot.purgedAt, zone, 'd MMM yyyy')}. Its hash and the slot’s receipt remain.</span>
            </div>
          ) : hasShot ? (
            <LightboxFigure
              key={startIso}
              ref={figureRef}
              // A redacted slot's blurred copy has addresses of its own: a browser that kept the original never shows it here.
              thumbnailUrl={`${slotThumbnailUrl(contractId, startIso)}${detail.data?.redactedAt ? '?redacted' : ''}`}
              screenshotUrl={`${slotScreenshotUrl(contractId, startIso)}${detail.data?.redactedAt ? '?redacted' : ''}`}
              screenshot={shot}
              alt={`Screenshot taken ${shot ? `at ${formatInZone(shot.capturedAt, zone, 'HH:mm:ss')}` : `between ${range}`}${windowTitle ? ` in ${windowTitle}` : ''}`}
              zoomed={isZoomed}
              onZoom={(on) => setZoomed(on ? startIso : null)}
            />
          ) : (
            <div className="lightbox__manual">
              <strong>No screenshot</strong>
              <span>This slot was tracked without a screenshot.</span>
            </div>
          )}
        </figure>

        <aside className="lightbox__side" aria-label="Slot details">
          <div className="lightbox__badges">
            <StateBadge state={state} />
            {kind === 'manual' && <span className="tag">Manual time</span>}
            {dup && <DuplicateMarker />}
          </div>
          <div className="slot-notes" aria-live="polite">
            {deleted?.on === startIso && <p className="slot-note slot-note--done">{deleted.text}</p>}
          </div>
          <SlotDisputeNote dispute={detail.data?.dispute} held={state === 'held'} canEdit={week.canEdit} />
          <RedactedNote detail={detail.data} contractor={week.canEdit} />

          <dl className="facts">
            <div>
              <dt>Time</dt>
              <dd>
                {range} <span className="muted">({zoneName})</span>
                <div className="muted small">{dayLabel}</div>
              </dd>
            </div>
            {deletedAt && (
              <div>
                <dt>Deleted</dt>
                <dd>{formatInZone(deletedAt, zone, 'EEE d MMM, HH:mm')}</dd>
              </div>
            )}
            {tracked && (
              <div>
                <dt>Captured</dt>
                <dd>{shot ? formatInZone(shot.capturedAt, zone, 'HH:mm:ss') : detail.isPending && hasShot ? '…' : '—'}</dd>
              </div>
            )}
            {tracked && (
              <div>
                <dt>Activity</dt>
                <dd>
                  <span className="facts__strong">{activityText(active)}</span>
                  <ActivityMeter active={active} state={state} size="lg" />
                </dd>
              </div>
            )}
            {!deletedAt && (
              <>
                <MemoFact key={startIso} contractId={contractId} start={startIso} memo={memo} editable={editable} />
                <div>
                  <dt>Window</dt>
                  <dd className={windowTitle ? 'facts__text facts__mono' : 'muted'}>{windowTitle || (kind === 'manual' ? 'Not tracked' : 'Unknown')}</dd>
                </div>
              </>
            )}
          </dl>

          {tracked && (
            <section className="lightbox__chart" aria-labelledby={`${titleId}-chart`}>
              <h3 id={`${titleId}-chart`} className="lightbox__subtitle">
                Input per minute
              </h3>
              {detail.isError ? (
                <p className="muted small">
                  The per-minute activity could not be loaded.{' '}
                  <button type="button" className="link-button" onClick={() => void detail.refetch()}>
                    Retry
                  </button>
                </p>
              ) : detail.data && detail.data.keyboard.length > 0 ? (
                <Suspense fallback={<div className="chart-placeholder" aria-hidden="true" />}>
                  <ActivityChart keyboard={detail.data.keyboard} mouse={detail.data.mouse} labels={minuteLabels} />
                </Suspense>
              ) : detail.data ? (
                <p className="muted small">No per-minute counts for this slot.</p>
              ) : (
                <div className="chart-placeholder" aria-hidden="true" />
              )}
            </section>
          )}
          <SlotQuestions key={startIso} contractId={contractId} start={startIso} zone={zone} />
          {editable && (
            <div className="slot-actions">
              {hasShot && !detail.data?.redactedAt && <RedactScreenshot key={`r${startIso}`} contractId={contractId} start={startIso} range={range} blurred={Boolean(detail.data?.blurred)} />}
              <DeleteSlot key={startIso} contractId={contractId} start={startIso} range={range} hasScreenshot={hasShot} onDeleted={onDeleted} />
            </div>
          )}
          <p className="lightbox__hint muted small" aria-hidden="true">
            <kbd>←</kbd> <kbd>→</kbd> previous / next · <kbd>Z</kbd> zoom · <kbd>Esc</kbd> close
          </p>
        </aside>
      </div>
    </Dialog>
  );
}
