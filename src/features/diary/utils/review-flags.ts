// The slots flagged in the review before they are disputed: kept per contract week for the tab's
// session (a reload keeps them), and the dispute reason they suggest.
import type { DisputeReason } from '#contract/disputes.ts';
import type { MemoHint, ReviewItem, SuspicionKind } from './suspicious.ts';

const flagsKey = (contractId: string, week: string) => `workdiary.review.flags.${contractId}.${week}`;

export function readFlags(contractId: string, week: string): Set<string> {
  try {
    const raw = window.sessionStorage.getItem(flagsKey(contractId, week));
    const list: unknown = raw ? JSON.parse(raw) : [];
    return new Set(Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string') : []);
  } catch {
    return new Set();
  }
}

export function writeFlags(contractId: string, week: string, flags: ReadonlySet<string>) {
  try {
    if (flags.size === 0) window.sessionStorage.removeItem(flagsKey(contractId, week));
    else window.sessionStorage.setItem(flagsKey(contractId, week), JSON.stringify([...flags]));
  } catch {
    // Remembering flags across a reload is a convenience.
  }
}

/** The reason to start a dispute with: what every flagged slot has in common, if anything. */
export function commonReason(items: ReviewItem[]): DisputeReason | null {
  const map: Partial<Record<SuspicionKind | MemoHint['kind'], DisputeReason>> = {
    duplicate: 'suspicious_screenshot',
    low_activity: 'low_activity',
    unrelated_window: 'not_work_related',
    no_memo: 'memo_missing_or_wrong',
    same_memo: 'memo_missing_or_wrong',
  };
  let shared: DisputeReason | null | undefined;
  for (const item of items) {
    const reasons = new Set([...item.reasons, ...item.hints].map((r) => map[r.kind]).filter((r): r is DisputeReason => r !== undefined));
    if (shared === undefined) shared = reasons.size === 1 ? [...reasons][0]! : null;
    else if (shared === null || !reasons.has(shared)) return null;
  }
  return shared ?? null;
}
