import { describe, expect, it } from 'vitest';
import { slotsAmount, weekAmounts } from '../money.ts';

/** Reference: slots × rate ÷ 6, half up, by quotient and remainder in BigInt. */
function reference(slots: number, rate: number): bigint {
  const n = BigInt(slots) * BigInt(rate);
  const q = n / 6n;
  return (n % 6n) * 2n >= 6n ? q + 1n : q;
}

describe('slotsAmount: slots × rate ÷ 6, rounded once, half up', () => {
  it.each([
    // [slots, rate per hour, amount, exact value]
    [0, 0, 0, '0'],
    [0, 1999, 0, '0'],
    [1008, 0, 0, '0'],
    [1, 1, 0, '0.1666…'],
    [1, 2, 0, '0.333…'],
    [1, 3, 1, '0.5 exactly: half up'],
    [1, 4, 1, '0.666…'],
    [1, 5, 1, '0.8333…'],
    [1, 9, 2, '1.5 exactly: half up'],
    [1, 15, 3, '2.5 exactly: half up, not to even'],
    [1, 1999, 333, '333.1666…'],
    [2, 1999, 666, '666.333…'],
    [3, 1999, 1000, '999.5 exactly: half up'],
    [5, 1999, 1666, '1665.8333…'],
    [6, 1999, 1999, 'one hour'],
    [3, 1001, 501, '500.5 exactly: half up'],
    [3, 1003, 502, '501.5 exactly: half up'],
    [1, 1001, 167, '166.8333…'],
    [7, 2500, 2917, '2916.666…'],
    [1008, 6000, 1_008_000, 'a full week at 60.00/h'],
    [1008, 2_000_000_000, 336_000_000_000, 'a full week at 20,000,000.00/h'],
    [1007, 2_000_000_001, 335_666_666_835, '335666666834.5 exactly: half up'],
    [1001, 2_000_000_001, 333_666_666_834, '333666666833.5 exactly: half up'],
    [1001, 1_999_999_997, 333_666_666_166, '333666666166.1666…'],
    [1001, 2_000_000_002, 333_666_667_000, '333666667000.333…'],
    [1005, 1_999_999_999, 334_999_999_833, '334999999832.5 exactly: half up'],
  ])('%i slots at %i/h → %i (%s)', (slots, rate, amount) => {
    expect(slotsAmount(slots, rate)).toBe(amount);
    expect(BigInt(amount)).toBe(reference(slots, rate));
  });

  it('is exact where the product exceeds 2^53 and floats would round it', () => {
    const slots = 2 ** 52 + 1; // × 3 = 13510798882111491, not a double
    expect(BigInt(slots * 3)).not.toBe(13_510_798_882_111_491n); // a float cannot hold the product
    expect(slotsAmount(slots, 3)).toBe(2_251_799_813_685_249); // 2251799813685248.5 → half up
    expect(slotsAmount(9_000_000, 2_000_000_000)).toBe(3_000_000_000_000_000);
    expect(slotsAmount(9_000_001, 1_000_000_001)).toBe(Number(reference(9_000_001, 1_000_000_001)));
  });

  it('matches the reference for every small count and a spread of rates', () => {
    const rates = [0, 1, 2, 3, 5, 7, 11, 99, 100, 101, 1000, 1001, 1999, 2500, 4999, 123_457];
    for (const rate of rates) {
      for (let slots = 0; slots <= 1008; slots += slots < 60 ? 1 : 37) {
        expect(slotsAmount(slots, rate)).toBe(Number(reference(slots, rate)));
      }
    }
  });

  it.each([
    ['negative slots', -1, 100],
    ['negative rate', 1, -100],
    ['fractional slots', 1.5, 100],
    ['fractional rate', 1, 99.5],
    ['NaN', Number.NaN, 100],
    ['Infinity', 1, Number.POSITIVE_INFINITY],
    ['an unsafe integer', 2 ** 53, 1],
  ])('refuses %s', (_label, slots, rate) => {
    expect(() => slotsAmount(slots, rate)).toThrow(RangeError);
  });

  it('refuses an amount beyond the largest safe integer', () => {
    expect(() => slotsAmount(Number.MAX_SAFE_INTEGER, 7)).toThrow(RangeError);
    expect(slotsAmount(Number.MAX_SAFE_INTEGER, 6)).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('weekAmounts: each amount from its own count, rounded once', () => {
  it.each([
    [{ billable: 0, held: 0, refunded: 0 }, 1999, { billable: 0, held: 0, refunded: 0 }],
    // 0.5 each, not 1.5 for the three together
    [{ billable: 1, held: 1, refunded: 1 }, 3, { billable: 1, held: 1, refunded: 1 }],
    [{ billable: 1, held: 2, refunded: 3 }, 1999, { billable: 333, held: 666, refunded: 1000 }],
    [{ billable: 1008, held: 0, refunded: 0 }, 2_000_000_000, { billable: 336_000_000_000, held: 0, refunded: 0 }],
    [{ billable: 240, held: 3, refunded: 1 }, 1001, { billable: 40_040, held: 501, refunded: 167 }],
  ])('%o at %i/h → %o', (counts, rate, amounts) => {
    expect(weekAmounts(counts, rate)).toEqual(amounts);
  });

  it('refuses a bad count like slotsAmount does', () => {
    expect(() => weekAmounts({ billable: 1, held: -1, refunded: 0 }, 100)).toThrow(RangeError);
  });
});
