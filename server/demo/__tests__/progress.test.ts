// What a newcomer sees while the first start builds and seeds: a bar redrawn in place in a
// terminal, and in a log a few lines with the percent, never a flood and never silence.
import { describe, expect, it } from 'vitest';
import { progressReporter } from '../progress.ts';

function stream(isTTY: boolean) {
  let text = '';
  return { isTTY, columns: 100, write: (s: string) => (text += s), text: () => text };
}

/** Reports `total` units spread evenly over `seconds`, on a fake clock. */
function run(out: ReturnType<typeof stream>, label: string, total: number, seconds: number) {
  const clock = { t: 0 };
  const progress = progressReporter(out, () => clock.t);
  progress(label, 0, total);
  for (let done = 1; done <= total; done++) {
    clock.t = (done * seconds * 1000) / total;
    progress(label, done, total);
  }
  return { progress, clock };
}

describe('progress in a log', () => {
  it('prints a line with counts and percent about every two seconds, and one at the end', () => {
    const out = stream(false);
    run(out, 'Drawing the demo screenshots', 1681, 20);
    const lines = out.text().trimEnd().split('\n');
    expect(lines[0]).toBe('Drawing the demo screenshots: 0/1681 (0%)');
    expect(lines.at(-1)).toBe('Drawing the demo screenshots: 1681/1681 (100%)');
    expect(lines.length).toBeGreaterThanOrEqual(8);
    expect(lines.length).toBeLessThanOrEqual(12);
    for (const l of lines) expect(l).toMatch(/^Drawing the demo screenshots: \d+\/1681 \(\d+%\)$/);
  });

  it('says nothing for a step with nothing to do', () => {
    const out = stream(false);
    run(out, 'Drawing the demo screenshots', 0, 1);
    expect(out.text()).toBe('');
  });
});

describe('progress in a terminal', () => {
  it('redraws one bar in place, then moves to a new line for the next step', () => {
    const out = stream(true);
    const { progress, clock } = run(out, 'Building the dashboard', 166, 5);
    progress('Drawing the demo screenshots', 0, 10);
    clock.t += 1000;
    progress('Drawing the demo screenshots', 5, 10);
    const text = out.text();
    const draws = text.split('\r\x1b[K').filter(Boolean);
    // At most ten redraws a second, the last one full and ended by a newline
    expect(draws.length).toBeLessThanOrEqual(5 * 10 + 3);
    expect(draws.length).toBeGreaterThan(10);
    expect(draws[0]).toMatch(/^Building the dashboard \[\.+\] 0\/166 \(0%\)$/);
    expect(draws.find((d) => d.startsWith('Building') && d.includes('166/166'))).toMatch(/^Building the dashboard \[#+\] 166\/166 \(100%\)\n$/);
    expect(draws.at(-1)).toMatch(/^Drawing the demo screenshots \[#+\.+\] 5\/10 \(50%\)$/);
    expect(text.split('\n')).toHaveLength(2);
  });
});
