import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { composeScreenshot, layoutMonitors, type MonitorImage } from '../capture.ts';
import { clip, windowTitleReader } from '../window-title.ts';

function monitor(x: number, y: number, width: number, height: number, rgb: [number, number, number], scale = 1): MonitorImage {
  const w = width * scale;
  const h = height * scale;
  const rgba = Buffer.alloc(w * h * 4);
  for (let i = 0; i < w * h; i++) rgba.set([...rgb, 255], i * 4);
  return { x, y, width, height, imageWidth: w, imageHeight: h, rgba };
}

async function pixel(img: Buffer, x: number, y: number) {
  const { data, info } = await sharp(img).raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return [data[i]!, data[i + 1]!, data[i + 2]!];
}

const near = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]!) < 40);

describe('the screenshot of every monitor', () => {
  it('lays monitors out by their desktop position, left of zero too, scaled by the densest', () => {
    expect(layoutMonitors([monitor(0, 0, 1920, 1080, [0, 0, 0]), monitor(1920, 0, 1280, 1024, [0, 0, 0])])).toEqual({
      width: 3200,
      height: 1080,
      placements: [{ left: 0, top: 0 }, { left: 1920, top: 0 }],
    });
    expect(layoutMonitors([monitor(0, 0, 800, 600, [0, 0, 0]), monitor(-1024, 200, 1024, 768, [0, 0, 0])]).placements).toEqual([
      { left: 1024, top: 0 },
      { left: 0, top: 200 },
    ]);
    expect(layoutMonitors([monitor(0, 0, 100, 50, [0, 0, 0], 2), monitor(100, 0, 100, 50, [0, 0, 0], 2)])).toMatchObject({ width: 400, height: 100 });
  });

  it('composes two monitors side by side into one WebP at most 1920 px wide', async () => {
    const shot = await composeScreenshot([monitor(0, 0, 1600, 900, [220, 30, 30]), monitor(1600, 0, 1600, 900, [30, 30, 220])]);
    expect(shot.mime).toBe('image/webp');
    const meta = await sharp(shot.bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 1920, 540]);
    expect(near(await pixel(shot.bytes, 400, 270), [220, 30, 30])).toBe(true);
    expect(near(await pixel(shot.bytes, 1500, 270), [30, 30, 220])).toBe(true);
  });

  it('keeps a small screen at its size, and can encode JPEG', async () => {
    const shot = await composeScreenshot([monitor(0, 0, 640, 360, [10, 200, 10])], { format: 'jpeg' });
    const meta = await sharp(shot.bytes).metadata();
    expect([meta.format, meta.width, meta.height, shot.mime]).toEqual(['jpeg', 640, 360, 'image/jpeg']);
  });
});

describe('the window title', () => {
  it('is cut to the server limit without splitting a character', () => {
    expect(clip('a'.repeat(600), 500)).toHaveLength(500);
    expect(clip(`${'a'.repeat(499)}😀`, 500)).toBe('a'.repeat(499));
    expect(clip('short', 500)).toBe('short');
    // What the server refuses is made acceptable, so an odd window title never loses a slot.
    expect(clip('a\u0000b \ud800c 😀', 500)).toBe('ab \uFFFDc 😀');
  });

  it('is empty, without failing, when there is no display', async () => {
    expect(await windowTitleReader('linux', { PATH: process.env.PATH })()).toBe('');
  });
});
