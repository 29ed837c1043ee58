import type { SlotState } from '#contract/week.ts';
import { SLOT_STATE_LABEL } from '#src/utils/dispute-words.ts';
import './state-badge.css';

/** A state in colour and in words, never colour alone. */
export function StateBadge({ state, className = '' }: { state: SlotState; className?: string }) {
  return (
    <span className={`badge badge--${state} ${className}`}>
      <i className="badge__dot" aria-hidden="true" />
      {SLOT_STATE_LABEL[state]}
    </span>
  );
}

export function DuplicateMarker({ className = '' }: { className?: string }) {
  return (
    <span className={`dup-marker ${className}`} title="The same screenshot appears in another slot of this contract">
      <svg viewBox="0 0 16 16" width="11" height="11" aria-hidden="true">
        <rect x="5" y="5" width="9" height="9" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <path d="M11 3.5V3a1 1 0 0 0-1-1H3a1 1 0 0 0-1 1v7a1 1 0 0 0 1 1h.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
      </svg>
      Duplicate
    </span>
  );
}
