// Tracked time per day of the week as seven small bars, billable in green over the rest. Loaded
// lazily: recharts is large and the strip above it must not wait for it. The numbers are in
// the row's label, so the chart itself is hidden from screen readers.
import { Bar, BarChart, YAxis } from 'recharts';
import type { OverviewDay } from '#contract/overview.ts';

export default function Sparkline({ days, maxMinutes }: { days: OverviewDay[]; maxMinutes: number }) {
  const data = days.map((d) => ({ billable: d.billable, other: d.total - d.billable }));
  return (
    <BarChart width={112} height={32} data={data} margin={{ top: 2, right: 0, bottom: 0, left: 0 }} barCategoryGap={2} accessibilityLayer={false}>
      <YAxis hide domain={[0, Math.max(maxMinutes, 60)]} />
      <Bar dataKey="billable" stackId="d" fill="#17b26a" isAnimationActive={false} />
      <Bar dataKey="other" stackId="d" fill="#d0d5dd" isAnimationActive={false} radius={[2, 2, 0, 0]} />
    </BarChart>
  );
}
