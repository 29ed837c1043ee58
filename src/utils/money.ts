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

/** The currency's minor digits: 2 for USD, 0 for JPY (2 while the code typed is not a currency yet). */
export function minorDigits(currency: string): number {
  try {
    return format(currency).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * A typed amount ("65", "65.5", "1,250.00") as integer minor units of the currency, read as text
 * so no float ever holds money; null when it is not a plain non-negative amount.
 */
export function parseMoney(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const m = /^(\d{1,9})(?:\.(\d*))?$/.exec(text.trim().replace(/,/g, ''));
  if (!m || (m[2] ?? '').length > digits) return null;
  return Number(m[1]) * 10 ** digits + Number((m[2] ?? '').padEnd(digits, '0') || '0');
}

/** Minor units as the plain amount a person types: 6500 USD → "65.00". */
export function moneyInput(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(minor);
  return `${Math.floor(minor / 10 ** digits)}.${String(minor % 10 ** digits).padStart(digits, '0')}`;
}
