// Money, in integer minor units (cents). An amount over a set of slots is
// slots × rate ÷ 6 (six slots an hour), rounded once to a whole minor unit, half up.
// Exact integer arithmetic throughout: the product is taken in BigInt, so no intermediate
// ever loses precision, and the result must fit a safe integer.

function checkCount(name: string, value: number): bigint {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number ≥ 0 (a safe integer), got ${value}`);
  }
  return BigInt(value);
}

/**
 * slots × rate ÷ 6, rounded once to a whole minor unit, half up. Integer math only.
 * rate = minor units per hour, ≥ 0; slots ≥ 0. Throws RangeError on a negative, fractional or
 * unsafe input, or when the amount itself exceeds Number.MAX_SAFE_INTEGER.
 */
export function slotsAmount(slots: number, hourlyRate: number): number {
  const product = checkCount('slots', slots) * checkCount('hourlyRate', hourlyRate);
  // Half up for a non-negative numerator: floor((n + 3) / 6) = floor(n / 6 + 1/2).
  const amount = (product + 3n) / 6n;
  if (amount > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`the amount for ${slots} slots at ${hourlyRate}/h exceeds the largest safe integer`);
  }
  return Number(amount);
}

export interface WeekAmounts {
  billable: number;
  held: number;
  refunded: number;
}

/** Each amount from its own slot count, each rounded once. */
export function weekAmounts(counts: { billable: number; held: number; refunded: number }, hourlyRate: number): WeekAmounts {
  return {
    billable: slotsAmount(counts.billable, hourlyRate),
    held: slotsAmount(counts.held, hourlyRate),
    refunded: slotsAmount(counts.refunded, hourlyRate),
  };
}
