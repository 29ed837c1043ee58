// The timesheet's per-state columns, in the order of the slot states' precedence (the ones a
// client pays for first). Each column has its words and the state's colour token.
import type { StateMinutes } from '#contract/week.ts';

export type StateColumn = 'billable' | 'inactive' | 'overLimit' | 'held' | 'refunded';

export interface ColumnInfo {
  key: StateColumn;
  /** The column's heading and the chart's legend. */
  label: string;
  /** What the state means, for a tooltip or a screen reader. */
  description: string;
  /** The chart's colour: the state's tick colour from index.css. */
  color: string;
}

export const STATE_COLUMNS: readonly ColumnInfo[] = [
  { key: 'billable', label: 'Billable', description: 'Active tracked time, and manual time where allowed: paid.', color: '#17b26a' },
  { key: 'inactive', label: 'Inactive', description: 'Tracked with no keyboard or mouse input: not paid.', color: '#98a2b3' },
  { key: 'overLimit', label: 'Over the limit', description: 'Past the weekly cap: not paid.', color: '#f79009' },
  { key: 'held', label: 'Held', description: 'In an open or escalated dispute: paid or refunded when it settles.', color: '#7a5af8' },
  { key: 'refunded', label: 'Refunded', description: 'A dispute settled for the client: not paid.', color: '#f04438' },
];

/** The sum of the state columns: what a row's Total must equal. */
export const sumOfStates = (m: StateMinutes) => m.billable + m.inactive + m.overLimit + m.held + m.refunded;
