// Contract terms (rate, weekly cap, manual time) apply to a week as they stood at its Monday
// 00:00 UTC. A change applies from the next week.
import { addWeeks, weekStartOf } from './week.ts';

export interface ContractTerms {
  /** Minor units per hour. */
  hourlyRate: number;
  /** Weekly cap in hours, or null for none. */
  weeklyLimitHours: number | null;
  manualTimeAllowed: boolean;
}

export interface TermsChange {
  /** Always a Monday 00:00 UTC. */
  effectiveFrom: Date;
  terms: ContractTerms;
}

/** The terms fields of a contract row (the terms it started with) or of an approval (those it locked). */
export const termsOf = (t: ContractTerms): ContractTerms => ({
  hourlyRate: t.hourlyRate,
  weeklyLimitHours: t.weeklyLimitHours,
  manualTimeAllowed: t.manualTimeAllowed,
});

/**
 * The terms a week uses: those it was approved with (`approved`, then effectiveFrom is null),
 * else those in force at its Monday 00:00, the latest change with effectiveFrom ≤ weekStart,
 * else `base` (then effectiveFrom is null). Changes may come in any order; of two changes with
 * the same effectiveFrom, the one later in the array wins (the one recorded last).
 */
export function termsForWeek(
  base: ContractTerms,
  changes: readonly TermsChange[],
  weekStart: Date,
  approved: ContractTerms | null = null,
): ContractTerms & { effectiveFrom: Date | null } {
  if (approved) return { ...termsOf(approved), effectiveFrom: null };
  const at = weekStart.getTime();
  let best: TermsChange | null = null;
  for (const change of changes) {
    const from = change.effectiveFrom.getTime();
    if (from <= at && (best === null || from >= best.effectiveFrom.getTime())) best = change;
  }
  const t = best ? best.terms : base;
  return {
    hourlyRate: t.hourlyRate,
    weeklyLimitHours: t.weeklyLimitHours,
    manualTimeAllowed: t.manualTimeAllowed,
    effectiveFrom: best ? new Date(best.effectiveFrom.getTime()) : null,
  };
}

/**
 * A change made at `now` applies from the next week: the Monday 00:00 UTC after the current week
 * (even when now is exactly Monday 00:00, a change applies from the following Monday).
 */
export function changeEffectiveFrom(now: Date): Date {
  return addWeeks(weekStartOf(now), 1);
}

/** The terms a week uses (termsForWeek's answer without when they took effect). */
export function weekTerms(contract: ContractTerms, changes: readonly TermsChange[], weekStart: Date, approved: ContractTerms | null = null): ContractTerms {
  const { effectiveFrom: _from, ...terms } = termsForWeek(termsOf(contract), changes, weekStart, approved);
  return terms;
}
