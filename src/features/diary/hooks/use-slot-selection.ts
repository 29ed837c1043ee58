// The slots the client picks to dispute in the diary: their starts (ISO), for one week.
import { useCallback, useMemo, useState } from 'react';
import type { Week } from '#contract/week.ts';
import type { DiaryLayout } from '../utils/diary-rows.ts';
import { selectable } from '../utils/slot-states.ts';

const NOTHING: ReadonlySet<string> = new Set();

export function useSlotSelection(week: string, shown: Week | undefined, shownLayout: DiaryLayout | null) {
  // Slots selected to dispute (their starts, ISO), for one week: another week starts empty.
  // Only billable slots count, so slots that turned held or refunded meanwhile drop out.
  // `anchor`: the slot toggled last, where a shift-click's range starts.
  const [picked, setPicked] = useState<{ week: string; starts: ReadonlySet<string>; anchor: number | null }>({ week, starts: NOTHING, anchor: null });
  if (picked.week !== week) setPicked({ week, starts: NOTHING, anchor: null });
  const canSelect = Boolean(shown?.canDispute);
  const selectedStarts = useMemo(() => {
    if (!canSelect || !shown || !shownLayout || picked.week !== week || picked.starts.size === 0) return NOTHING;
    const kept = new Set<string>();
    for (const start of picked.starts) {
      const slot = shownLayout.slotByStart.get(Date.parse(start));
      if (slot !== undefined && selectable(shown, slot)) kept.add(start);
    }
    return kept.size === picked.starts.size ? picked.starts : kept;
  }, [canSelect, shown, shownLayout, picked, week]);

  const onToggleSelect = useCallback(
    (slot: number, range: boolean) => {
      if (!shown || !shownLayout) return;
      const iso = (i: number) => new Date(shownLayout.slotStart[i]!).toISOString();
      setPicked((prev) => {
        const same = prev.week === week;
        const from = same ? prev.anchor : null;
        const next = new Set(same ? prev.starts : NOTHING);
        if (range && from !== null && from !== slot) {
          const [a, b] = from < slot ? [from, slot] : [slot, from];
          for (let i = a; i <= b; i++) if (selectable(shown, i)) next.add(iso(i));
        } else if (next.has(iso(slot))) next.delete(iso(slot));
        else next.add(iso(slot));
        return { week, starts: next, anchor: slot };
      });
    },
    [shown, shownLayout, week],
  );
  const clearSelection = useCallback(() => setPicked({ week, starts: NOTHING, anchor: null }), [week]);
  const selection = useMemo(() => (canSelect ? { starts: selectedStarts, onToggle: onToggleSelect } : null), [canSelect, selectedStarts, onToggleSelect]);
  return { selection, selectedStarts, clearSelection };
}
