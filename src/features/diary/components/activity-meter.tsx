// Ten ticks, one per minute of the slot; a filled tick is a minute with keyboard or mouse input.
// One element drawn by CSS (diary.css `.meter`), not ten: a screenful shows dozens of meters,
// and the first render of the week grid is on the path to its first thumbnails.
import type { CSSProperties } from 'react';
import type { SlotState } from '#contract/week.ts';
import { activityText } from '../utils/slot-labels.ts';
import './activity-meter.css';

export function ActivityMeter({ active, state, size = 'sm' }: { active: number; state: SlotState; size?: 'sm' | 'lg' }) {
  const text = activityText(active);
  return (
    <div
      className={`meter meter--${state} meter--${size}`}
      role="meter"
      aria-label={`Activity: ${text}`}
      aria-valuemin={0}
      aria-valuemax={10}
      aria-valuenow={active}
      aria-valuetext={text}
      style={{ '--active': active } as CSSProperties}
    />
  );
}
