// Each demo contractor's tracker: the device their tracked slots came from, so the Trackers page
// shows it with its last upload. Nobody knows the token (only a hash of random bytes is kept),
// so it cannot be used; the contractor can still revoke it or connect a tracker of their own.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, max } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { slots, trackerTokens } from '../db/schema.ts';
import type { DemoKey } from './plan.ts';
import type { DemoContract } from './seed.ts';

/** The computer each contractor works on (their OS matches their screenshots). */
export const DEMO_DEVICES: Record<DemoKey, string> = {
  dev: 'ThinkPad X1 Carbon (Ubuntu)',
  designer: 'MacBook Pro 14"',
  writer: 'Surface Laptop 5 (Windows 11)',
};

type Tx = Parameters<Parameters<Database['db']['transaction']>[0]>[0];

/** Adds the device of every demo contractor who has tracked slots, or moves its last use to their last upload. */
export async function seedDemoTrackers(tx: Tx, demo: readonly DemoContract[], createdAt: Date): Promise<void> {
  for (const c of demo) {
    const [last] = await tx
      .select({ at: max(slots.createdAt) })
      .from(slots)
      .where(and(eq(slots.contractorId, c.contractorId), eq(slots.kind, 'tracked')));
    const lastUsedAt = last?.at ? new Date(last.at) : null;
    if (!lastUsedAt) continue;
    const deviceName = DEMO_DEVICES[c.key];
    const mine = and(eq(trackerTokens.userId, c.contractorId), eq(trackerTokens.deviceName, deviceName));
    const [found] = await tx.select({ id: trackerTokens.id }).from(trackerTokens).where(mine).limit(1);
    if (found) {
      await tx.update(trackerTokens).set({ lastUsedAt }).where(eq(trackerTokens.id, found.id));
    } else {
      const tokenHash = createHash('sha256').update(randomBytes(32)).digest('hex');
      await tx.insert(trackerTokens).values({ userId: c.contractorId, deviceName, tokenHash, createdAt, lastUsedAt });
    }
  }
}
