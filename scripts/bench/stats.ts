// Percentiles and a summary of latency samples (milliseconds).

/** The p-th percentile (0–100) of the samples, nearest-rank on a sorted copy. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export interface Summary {
  n: number;
  min: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarize(samples: readonly number[]): Summary {
  const n = samples.length;
  const sum = samples.reduce((a, b) => a + b, 0);
  return {
    n,
    min: n ? Math.min(...samples) : NaN,
    p50: percentile(samples, 50),
    p90: percentile(samples, 90),
    p99: percentile(samples, 99),
    max: n ? Math.max(...samples) : NaN,
    mean: n ? sum / n : NaN,
  };
}

/** Rounds for printing and for the JSON file. */
export const round = (x: number, digits = 2) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : x);

/** The share (0–1) of all CPUs' time spent busy over the next `ms`, by anyone: a noisy machine makes noisy figures. */
export async function cpuBusy(ms = 1000): Promise<number> {
  const { cpus } = await import('node:os');
  const sample = () => cpus().reduce((a, c) => ({ idle: a.idle + c.times.idle, total: a.total + c.times.user + c.times.nice + c.times.sys + c.times.irq + c.times.idle }), { idle: 0, total: 0 });
  const a = sample();
  await new Promise((r) => setTimeout(r, ms));
  const b = sample();
  const total = b.total - a.total;
  return total > 0 ? 1 - (b.idle - a.idle) / total : 0;
}
