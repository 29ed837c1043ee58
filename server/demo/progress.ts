// Progress of the long steps of a first start (building the dashboard, drawing the demo), so
// that a newcomer sees work moving instead of a silent terminal. In a terminal: one bar,
// redrawn in place. In a log (CI, a pipe): a plain line with the percent at most every two
// seconds, and one when the step ends.

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/** Reports `done` of `total` units of the step `label`; a new label ends the step before it. */
export type Progress = (label: string, done: number, total: number) => void;

const TTY_EVERY_MS = 100;
const LOG_EVERY_MS = 2000;

export function progressReporter(out: ProgressStream = process.stdout, now: () => number = Date.now): Progress {
  let step = '';
  let ended = false;
  let shownAt = -Infinity;
  let shownPercent = -1;
  return (label, done, total) => {
    if (total === 0) return;
    if (label !== step) {
      if (out.isTTY && step && !ended) out.write('\n');
      step = label;
      ended = false;
      shownAt = -Infinity;
      shownPercent = -1;
    }
    if (ended) return;
    const t = now();
    ended = done >= total;
    const percent = total > 0 ? Math.floor((100 * Math.min(done, total)) / total) : 100;
    const counts = `${done}/${total} (${percent}%)`;
    if (out.isTTY) {
      if (!ended && t - shownAt < TTY_EVERY_MS) return;
      const width = Math.max(10, Math.min(30, (out.columns ?? 80) - label.length - counts.length - 6));
      const filled = Math.round((width * percent) / 100);
      out.write(`\r\x1b[K${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${counts}${ended ? '\n' : ''}`);
    } else {
      if (!ended && (t - shownAt < LOG_EVERY_MS || percent === shownPercent)) return;
      out.write(`${label}: ${counts}\n`);
    }
    shownAt = t;
    shownPercent = percent;
  };
}
