// An in-process tracker on a fake clock for the queue tests: real queue, uploader and HTTP
// to the real server; the input and the screen are scripted (these tests are about getting
// slots to the server, not about reading them from a desktop).
import { createApi } from '../../api.ts';
import { fakeClock } from '../../clock.ts';
import { openQueue } from '../../queue.ts';
import { seededRng } from '../../rng.ts';
import { createTracker } from '../../tracker.ts';
import { createUploader, type UploadEvent } from '../../uploader.ts';
import { paintedScreen, scriptedInput } from './doubles.ts';

export async function scriptedTracker(o: { server: string; token: string; contractId: string; dataDir: string; start: string; screen?: { width: number; height: number; noise?: boolean }; onEvent?: (e: UploadEvent) => void }) {
  const clock = fakeClock(o.start);
  const queue = await openQueue(o.dataDir);
  const uploader = createUploader({ clock, rng: seededRng(5), api: createApi({ server: o.server, token: o.token, timeoutMs: 20_000 }), queue, onEvent: o.onEvent });
  const input = scriptedInput();
  const tracker = createTracker({
    clock,
    rng: seededRng(17),
    queue,
    uploader,
    input,
    capture: paintedScreen(o.screen?.width, o.screen?.height, o.screen?.noise),
    windowTitle: async () => 'Offline notes — editor',
    dataDir: o.dataDir,
    contractId: o.contractId,
    memo: 'Queued work',
  });
  await tracker.start();
  return { clock, queue, uploader, input, tracker };
}
