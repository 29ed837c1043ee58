// Ten ticks, one per minute of the slot; a filled tick is a minute with keyboard or mouse input.
import type { SlotState } from '../../../../contract/week.ts';
import { activityText } from '../utils/slot-labels.ts';

const TICKS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

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
    >
      {TICKS.map((t) => (
        <i key={t} className={t < active ? 'on' : undefined} />
      ))}
    </div>
  );
}
