// The load client process (see startLoadClient in load.ts): runs one load spec at a time
// and sends the result back. Exits when asked, or when its parent goes away.
import { concurrent, getOp, keepAliveAgent, sequential, type LoadSpec, type LoopResult } from './load.ts';

process.on('message', async (spec: LoadSpec | { kind: 'exit' }) => {
  if (spec.kind === 'exit') {
    process.disconnect();
    process.exit(0);
  }
  try {
    let result: LoopResult;
    if (spec.kind === 'sequential') {
      const agent = keepAliveAgent(1);
      result = await sequential(getOp(spec.url, spec.headers, agent), spec.n, spec.warmup);
      agent.destroy();
    } else {
      const agent = keepAliveAgent(spec.clients);
      const op = getOp(spec.url, spec.headers, agent);
      if (spec.warmup > 0) await concurrent(op, spec.clients, 60_000, spec.warmup);
      result = await concurrent(op, spec.clients, spec.durationMs, spec.maxOps);
      agent.destroy();
    }
    process.send!({ result });
  } catch (err) {
    process.send!({ error: (err as Error).message });
  }
});
process.on('disconnect', () => process.exit(0));
