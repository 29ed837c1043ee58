// Writes queue entries with 2 MB images as fast as it can, printing each one queued, until
// the test kills it: the crash-durability test reopens whatever it left.
import { randomBytes } from 'node:crypto';
import { openQueue } from '../../queue.ts';

const q = await openQueue(process.argv[2]!);
for (let i = 0; ; i++) {
  const start = new Date(Date.UTC(2026, 10, 25) + i * 600_000).toISOString();
  await q.add(
    { contractId: 'k1', start, meta: { keyboard: new Array(10).fill(i % 7), mouse: new Array(10).fill(1), memo: `slot ${i}`, windowTitle: '' }, holdUntil: 0, queuedAt: 0 },
    { bytes: randomBytes(2 * 1024 * 1024), mime: 'image/webp' },
  );
  process.stdout.write(`${start}\n`);
}
