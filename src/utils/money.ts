// Money is integer minor units with its currency beside it; it is formatted only here, at the edge.

const formats = new Map<string, Intl.NumberFormat>();

function format(currency: string): Intl.NumberFormat {
  let f = formats.get(currency);
  if (!f) {
    f = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    formats.set(currency, f);
  }
  return f;
}

/** `1234` USD → `$12.34`; `1234` JPY → `¥1,234`: the currency's own minor digits. */
export function formatMoney(minor: number, currency: string): string {
  const f = format(currency);
  const digits = f.resolvedOptions().maximumFractionDigits ?? 2;
  return f.format(minor / 10 ** digits);
}

/** What `slots` ten-minute slots cost, in minor units: slots × hourly rate ÷ 6, rounded once, half up. */
export const slotsAmount = (slots: number, hourlyRate: number) => Math.floor((slots * hourlyRate + 3) / 6);
