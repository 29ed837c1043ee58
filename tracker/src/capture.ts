// The screenshot: every monitor captured (node-screenshots), laid side by side by their
// desktop positions into one image (sharp), at most 1920 px wide, encoded as WebP.
import sharp from 'sharp';

const MAX_WIDTH = 1920;

export interface MonitorImage {
  /** The monitor's position on the desktop and its size, in desktop units. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** The captured pixels: RGBA, imageWidth × imageHeight (more than width × height on HiDPI). */
  rgba: Buffer;
  imageWidth: number;
  imageHeight: number;
}

export interface Screenshot {
  bytes: Buffer;
  mime: 'image/webp' | 'image/jpeg';
  width: number;
  height: number;
}

export interface Placement {
  left: number;
  top: number;
}

/**
 * Where each monitor's image goes on one canvas, in image pixels: the desktop's bounding
 * box, shifted so the leftmost and topmost monitor start at 0 (positions can be negative),
 * and scaled by the densest monitor so none is shrunk before the final resize.
 */
export function layoutMonitors(monitors: readonly Omit<MonitorImage, 'rgba'>[]): { width: number; height: number; placements: Placement[] } {
  if (!monitors.length) throw new Error('no monitors to lay out');
  const scale = Math.max(...monitors.map((m) => m.imageWidth / Math.max(1, m.width)));
  const minX = Math.min(...monitors.map((m) => m.x));
  const minY = Math.min(...monitors.map((m) => m.y));
  const placements = monitors.map((m) => ({ left: Math.round((m.x - minX) * scale), top: Math.round((m.y - minY) * scale) }));
  const width = Math.max(...monitors.map((m, i) => placements[i]!.left + m.imageWidth));
  const height = Math.max(...monitors.map((m, i) => placements[i]!.top + m.imageHeight));
  return { width, height, placements };
}

/** One image of all monitors, downscaled to at most `maxWidth` and encoded. */
export async function composeScreenshot(monitors: readonly MonitorImage[], opts: { maxWidth?: number; format?: 'webp' | 'jpeg' } = {}): Promise<Screenshot> {
  const { width, height, placements } = layoutMonitors(monitors);
  const raw = (m: MonitorImage) => ({ raw: { width: m.imageWidth, height: m.imageHeight, channels: 4 as const } });
  // sharp composites after its resize step, so the canvas is made first and resized after.
  let pixels: Buffer;
  if (monitors.length === 1) {
    pixels = monitors[0]!.rgba;
  } else {
    pixels = await sharp({ create: { width, height, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 1 } }, limitInputPixels: false })
      .composite(monitors.map((m, i) => ({ input: m.rgba, ...raw(m), left: placements[i]!.left, top: placements[i]!.top })))
      .raw()
      .toBuffer();
  }
  const img = sharp(pixels, { raw: { width, height, channels: 4 }, limitInputPixels: false })
    .removeAlpha()
    .resize({ width: Math.min(width, opts.maxWidth ?? MAX_WIDTH), withoutEnlargement: true });
  const format = opts.format ?? 'webp';
  const { data, info } = await (format === 'webp' ? img.webp({ quality: 70, effort: 3 }) : img.jpeg({ quality: 75, mozjpeg: true })).toBuffer({ resolveWithObject: true });
  return { bytes: data, mime: format === 'webp' ? 'image/webp' : 'image/jpeg', width: info.width, height: info.height };
}

/** Captures every monitor now (node-screenshots: X11, macOS, Windows). */
async function captureMonitors(): Promise<MonitorImage[]> {
  const { Monitor } = await import('node-screenshots');
  const monitors = Monitor.all();
  if (!monitors.length) throw new Error('no monitor found to capture');
  return Promise.all(
    monitors.map(async (m) => {
      const image = await m.captureImage();
      return { x: m.x(), y: m.y(), width: m.width(), height: m.height(), imageWidth: image.width, imageHeight: image.height, rgba: await image.toRaw() };
    }),
  );
}

export type CaptureScreen = () => Promise<Screenshot>;

export const captureScreen: CaptureScreen = async () => composeScreenshot(await captureMonitors());
