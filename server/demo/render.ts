// Turns planned screenshots into stored blobs: each scene is rasterized once, then every slot
// gets its crop, overlays and clock, is encoded as JPEG like a tracker upload, and gets the
// same WebP thumbnail an upload would.
import type { BlobStore } from '../storage/blob-store.ts';
import type { StoredImage } from '../storage/screenshots.ts';
import type { ShotSpec } from './plan.ts';
import { sceneGeometry } from './plan.ts';
import { SCREEN_H, SCREEN_W } from './scenes/desktop.ts';
import { composeShot, composeThumb, encodeShot, newScreenBuffer, newThumbBuffer, type RasterScene, rasterizeScene, SHOT_MIME } from './scenes/scene.ts';

export interface ShotJob {
  /** Blob namespace: the contract id. */
  namespace: string;
  shot: ShotSpec;
}

export const jobKey = (j: ShotJob) => `${j.namespace}|${j.shot.key}`;

export interface RenderStats {
  images: number;
  scenes: number;
  sceneMs: number;
}

/** Renders and stores each distinct image once. Returns the stored image per job key. */
export async function renderShots(
  blobs: BlobStore,
  jobs: readonly ShotJob[],
  concurrency: number,
  onImage: (done: number, total: number) => void = () => {},
): Promise<{ images: Map<string, StoredImage>; stats: RenderStats }> {
  const unique = new Map<string, ShotJob>();
  for (const j of jobs) unique.set(jobKey(j), j);
  // Grouped by scene, so each scene's pixels are alive only while its slots are drawn
  const queue = [...unique.values()].sort((a, b) => (a.shot.sceneId < b.shot.sceneId ? -1 : a.shot.sceneId > b.shot.sceneId ? 1 : 0));
  const remaining = new Map<string, number>();
  for (const j of queue) remaining.set(j.shot.sceneId, (remaining.get(j.shot.sceneId) ?? 0) + 1);
  const scenes = new Map<string, Promise<RasterScene>>();
  const stats: RenderStats = { images: 0, scenes: 0, sceneMs: 0 };
  const sceneOf = (id: string) => {
    let p = scenes.get(id);
    if (!p) {
      const t0 = performance.now();
      p = rasterizeScene(sceneGeometry(id)).then((r) => {
        stats.scenes++;
        stats.sceneMs += performance.now() - t0;
        return r;
      });
      scenes.set(id, p);
    }
    return p;
  };
  const images = new Map<string, StoredImage>();
  let next = 0;
  onImage(0, queue.length);
  const worker = async () => {
    const screen = newScreenBuffer();
    const small = newThumbBuffer();
    while (next < queue.length) {
      const job = queue[next++]!;
      const s = job.shot;
      const raster = await sceneOf(s.sceneId);
      await composeShot(raster, s, screen);
      await composeThumb(raster, s, small);
      const left = remaining.get(s.sceneId)! - 1;
      remaining.set(s.sceneId, left);
      if (left === 0) scenes.delete(s.sceneId);
      const { image, thumb } = await encodeShot(screen, small);
      const [sha256, thumbSha256] = await Promise.all([blobs.put(job.namespace, image), blobs.put(job.namespace, thumb)]);
      images.set(jobKey(job), {
        sha256,
        mime: SHOT_MIME,
        bytes: image.length,
        width: SCREEN_W,
        height: SCREEN_H,
        thumbSha256,
        thumbBytes: thumb.length,
      });
      stats.images++;
      onImage(stats.images, queue.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return { images, stats };
}
