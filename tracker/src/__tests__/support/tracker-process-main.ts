// The child side of tracker-process.ts.
import { uiohookInput } from '../../activity.ts';
import { createApi } from '../../api.ts';
import { captureScreen } from '../../capture.ts';
import { fakeClock, type FakeClock } from '../../clock.ts';
import { openDeviceKey } from '../../device-key.ts';
import { openQueue } from '../../queue.ts';
import { seededRng } from '../../rng.ts';
import { createTracker, type Tracker } from '../../tracker.ts';
import { createUploader, type Uploader } from '../../uploader.ts';
import { windowTitleReader } from '../../window-title.ts';
import type { TrackerProcessOptions } from './tracker-process.ts';

let clock: FakeClock;
let tracker: Tracker;
let uploader: Uploader;

const commands: Record<string, (arg: never) => Promise<unknown>> = {
  async start(o: TrackerProcessOptions) {
    clock = fakeClock(o.start);
    const queue = await openQueue(o.dataDir);
    const device = await openDeviceKey(o.dataDir, o.token);
    uploader = createUploader({ clock, rng: seededRng(o.seed + 1), api: createApi({ server: o.server, token: o.token }), queue, device });
    tracker = createTracker({
      clock,
      rng: seededRng(o.seed),
      queue,
      uploader,
      input: uiohookInput(),
      capture: captureScreen,
      windowTitle: windowTitleReader(),
      dataDir: o.dataDir,
      contractId: o.contractId,
      memo: o.memo,
    });
    await tracker.start();
  },
  advanceTo: (iso: string) => clock.advanceTo(iso),
  status: async () => tracker.status(),
  settled: () => uploader.settled(),
  async stop() {
    await tracker.stop();
    uploader.stop();
    setImmediate(() => process.exit(0));
  },
};

process.on('message', (m: { id: number; cmd: string; arg: never }) => {
  commands[m.cmd]!(m.arg).then(
    (result) => process.send!({ id: m.id, result }),
    (err: Error) => process.send!({ id: m.id, error: err.stack ?? err.message }),
  );
});
