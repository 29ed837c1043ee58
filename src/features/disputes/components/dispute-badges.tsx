// Statuses in colour and in words, never colour alone.
import type { DisputeSlotStatus, DisputeStatus } from '#contract/disputes.ts';
import type { SlotState } from '#contract/week.ts';
import { SLOT_STATE_LABEL } from '#src/utils/dispute-words.ts';
import { SLOT_STATUS_LABEL, SLOT_STATUS_TONE, STATUS_LABEL } from '#src/utils/dispute-labels.ts';
import './dispute-badges.css';

export function DisputeStatusBadge({ status, large = false }: { status: DisputeStatus; large?: boolean }) {
  return (
    <span className={`dbadge dbadge--${status}${large ? ' dbadge--lg' : ''}`}>
      <i className="dbadge__dot" aria-hidden="true" />
      {STATUS_LABEL[status]}
    </span>
  );
}

export function SlotAnswerBadge({ status }: { status: DisputeSlotStatus }) {
  return (
    <span className={`dbadge dbadge--tone-${SLOT_STATUS_TONE[status]}`}>
      <i className="dbadge__dot" aria-hidden="true" />
      {SLOT_STATUS_LABEL[status]}
    </span>
  );
}

export function SlotStateBadge({ state }: { state: SlotState }) {
  return (
    <span className={`dbadge dbadge--state-${state}`}>
      <i className="dbadge__dot" aria-hidden="true" />
      {SLOT_STATE_LABEL[state]}
    </span>
  );
}
