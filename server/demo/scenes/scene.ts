// A scene is one screen a contractor may be looking at: the desktop, an app window and its
// scrollable content. Building one is cheap (SVG strings); rasterizing it is the expensive
// part and is done once per seeding run, then reused for every slot that shows it.
import sharp from 'sharp';
import { desktop, type LocalTime, lockScreen, type Os, type Overlay, SCREEN_H, SCREEN_W } from './desktop.ts';
import { THUMB_WIDTH } from '#server/storage/screenshots.ts';
import { type Box, doc } from './svg.ts';
import type { AppDef, LineBand } from './types.ts';

export interface SceneDef {
  id: string;
  os: Os;
  /** Undefined for the lock screen. */
  app?: AppDef;
  /** The computer's user, shown on the lock screen. */
  user: string;
}

export interface BuiltScene {
  id: string;
  title: string;
  frameSvg: string;
  viewport?: Box;
  content?: { w: number; h: number; svg: string };
  lines?: LineBand;
  cursor: 'arrow' | 'ibeam';
  clock(t: LocalTime): Overlay[];
  lock: boolean;
}

export function buildScene(def: SceneDef): BuiltScene {
  if (!def.app) {
    const lock = lockScreen(def.os, def.user);
    return { id: def.id, title: '', frameSvg: lock.svg, cursor: 'arrow', clock: lock.clock, lock: true };
  }
  const app = def.app;
  const d = desktop(def.os, app.appName, app.menus);
  const view = app.build(def.os, d.area);
  const frameSvg = doc(SCREEN_W, SCREEN_H, view.chrome + d.chrome, view.defs ?? '');
  return {
    id: def.id,
    title: app.title,
    frameSvg,
    viewport: view.viewport,
    content: view.content ? contentOf(view.content) : undefined,
    lines: view.lines,
    cursor: view.cursor ?? 'arrow',
    clock: d.clock,
    lock: false,
  };
}

function contentOf(c: NonNullable<ReturnType<AppDef['build']>['content']>) {
  const w = Math.ceil(c.w);
  const h = Math.ceil(c.h);
  return { w, h, svg: doc(w, h, c.body, c.defs ?? '') };
}

export interface RasterScene {
  built: BuiltScene;
  /** RGB, SCREEN_W × SCREEN_H. */
  frame: Buffer;
  /** RGB, content.w × content.h. */
  content?: Buffer;
  /** The same at thumbnail scale: thumbnails are composed small instead of shrunk from the full image. */
  thumb: { frame: Buffer; content?: Buffer; contentW: number; contentH: number };
}

/** Thumbnail size: THUMB_WIDTH wide, the screen's aspect. */
export const THUMB_W = THUMB_WIDTH;
export const THUMB_H = Math.round((SCREEN_H * THUMB_WIDTH) / SCREEN_W);
const TK = THUMB_WIDTH / SCREEN_W;

const shrinkRgb = async (rgb: Buffer, w: number, h: number, tw: number, th: number) =>
  sharp(rgb, { raw: { width: w, height: h, channels: 3 }, limitInputPixels: false })
    .resize(tw, th, { fit: 'fill' })
    .raw()
    .toBuffer();

async function rasterRgb(svg: string, w: number, h: number): Promise<Buffer> {
  const { data, info } = await sharp(Buffer.from(svg), { limitInputPixels: false })
    .flatten({ background: '#ffffff' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.width !== w || info.height !== h || info.channels !== 3) {
    throw new Error(`scene raster is ${info.width}×${info.height}×${info.channels}, expected ${w}×${h}×3`);
  }
  return data;
}

export async function rasterizeScene(built: BuiltScene): Promise<RasterScene> {
  const [frame, content] = await Promise.all([
    rasterRgb(built.frameSvg, SCREEN_W, SCREEN_H),
    built.content ? rasterRgb(built.content.svg, built.content.w, built.content.h) : undefined,
  ]);
  const contentW = built.content ? Math.round(built.content.w * TK) : 0;
  const contentH = built.content ? Math.round(built.content.h * TK) : 0;
  const [tFrame, tContent] = await Promise.all([
    shrinkRgb(frame, SCREEN_W, SCREEN_H, THUMB_W, THUMB_H),
    content && built.content ? shrinkRgb(content, built.content.w, built.content.h, contentW, contentH) : undefined,
  ]);
  return { built, frame, content, thumb: { frame: tFrame, content: tContent, contentW, contentH } };
}

// ---------------------------------------------------------------------------------------------
// Per-slot variation

export interface ShotParams {
  scrollX: number;
  scrollY: number;
  /** Index of the highlighted line, or -1. */
  line: number;
  cursorX: number;
  cursorY: number;
  local: LocalTime;
}

const ARROW_SVG = doc(
  24,
  32,
  '<path d="M2 2 L2 24 L7.5 18.8 L11.2 27.2 L14.6 25.7 L10.9 17.5 L18 17.5 Z" fill="#000" stroke="#fff" stroke-width="1.6" stroke-linejoin="round"/>',
);
const IBEAM_SVG = doc(
  14,
  26,
  '<path d="M3 2 H6 Q7 2 7 3.5 Q7 2 8 2 H11 M7 3.5 V22.5 M3 24 H6 Q7 24 7 22.5 Q7 24 8 24 H11" fill="none" stroke="#fff" stroke-width="3.2"/>' +
    '<path d="M3 2 H6 Q7 2 7 3.5 Q7 2 8 2 H11 M7 3.5 V22.5 M3 24 H6 Q7 24 7 22.5 Q7 24 8 24 H11" fill="none" stroke="#000" stroke-width="1.4"/>',
);

interface Sprite {
  w: number;
  h: number;
  rgba: Buffer;
}
let sprites: Promise<Record<'arrow' | 'ibeam', Sprite>> | undefined;
function cursorSprites(): Promise<Record<'arrow' | 'ibeam', Sprite>> {
  sprites ??= Promise.all([svgSprite(ARROW_SVG), svgSprite(IBEAM_SVG)]).then(([arrow, ibeam]) => ({ arrow, ibeam }));
  return sprites;
}

/** Alpha-blends an RGBA sprite onto an RGB image `W` wide and `H` high at (left, top), clipped. */
function blend(out: Buffer, W: number, H: number, sp: Sprite, left: number, top: number): void {
  for (let y = 0; y < sp.h; y++) {
    const oy = top + y;
    if (oy < 0 || oy >= H) continue;
    for (let x = 0; x < sp.w; x++) {
      const ox = left + x;
      if (ox < 0 || ox >= W) continue;
      const si = (y * sp.w + x) * 4;
      const alpha = sp.rgba[si + 3]!;
      if (alpha === 0) continue;
      const di = (oy * W + ox) * 3;
      if (alpha === 255) {
        out[di] = sp.rgba[si]!;
        out[di + 1] = sp.rgba[si + 1]!;
        out[di + 2] = sp.rgba[si + 2]!;
      } else {
        const a = alpha / 255;
        for (let c = 0; c < 3; c++) out[di + c] = Math.round(out[di + c]! * (1 - a) + sp.rgba[si + c]! * a);
      }
    }
  }
}

/** Tints a band of rows [top, bottom) × [x0, x1) towards rgb by alpha. */
function tint(out: Buffer, W: number, x0: number, x1: number, top: number, bottom: number, rgb: readonly [number, number, number], a: number) {
  const [r, g, b] = rgb;
  for (let y = top; y < bottom; y++) {
    let i = (y * W + x0) * 3;
    for (let x = x0; x < x1; x++, i += 3) {
      out[i] = Math.round(out[i]! + (r - out[i]!) * a);
      out[i + 1] = Math.round(out[i + 1]! + (g - out[i + 1]!) * a);
      out[i + 2] = Math.round(out[i + 2]! + (b - out[i + 2]!) * a);
    }
  }
}

async function svgSprite(svg: string): Promise<Sprite> {
  const { data, info } = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { w: info.width, h: info.height, rgba: data };
}

// Clock parts repeat (the same date all day, the same minute on other days): render each once.
const clockSprites = new Map<string, Promise<Sprite>>();
function clockSprite(svg: string, small = false): Promise<Sprite> {
  const key = small ? `s|${svg}` : svg;
  let sp = clockSprites.get(key);
  if (!sp) {
    if (clockSprites.size >= 4000) clockSprites.delete(clockSprites.keys().next().value!);
    sp = small
      ? clockSprite(svg).then((big) =>
          sharp(big.rgba, { raw: { width: big.w, height: big.h, channels: 4 } })
            .resize(Math.max(1, Math.round(big.w * TK)), Math.max(1, Math.round(big.h * TK)), { fit: 'fill' })
            .raw()
            .toBuffer({ resolveWithObject: true })
            .then(({ data, info }) => ({ w: info.width, h: info.height, rgba: data })),
        )
      : svgSprite(svg);
    clockSprites.set(key, sp);
  }
  return sp;
}

let smallCursor: Promise<Sprite> | undefined;
function thumbCursor(): Promise<Sprite> {
  smallCursor ??= sharp(Buffer.from(ARROW_SVG))
    .resize(Math.max(3, Math.round(24 * TK * 1.2)), Math.max(4, Math.round(32 * TK * 1.2)), { fit: 'fill' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
    .then(({ data, info }) => ({ w: info.width, h: info.height, rgba: data }));
  return smallCursor;
}

export const newScreenBuffer = () => Buffer.allocUnsafe(SCREEN_W * SCREEN_H * 3);
export const newThumbBuffer = () => Buffer.allocUnsafe(THUMB_W * THUMB_H * 3);

/**
 * Draws the screen for one slot into `out` (RGB, SCREEN_W × SCREEN_H): the frame, the content
 * at the slot's scroll offset, the highlighted line, the clock and the mouse cursor.
 */
export async function composeShot(scene: RasterScene, p: ShotParams, out: Buffer = newScreenBuffer()): Promise<Buffer> {
  const W = SCREEN_W;
  const { built } = scene;
  const vp = built.viewport;
  scene.frame.copy(out);
  if (vp && built.content && scene.content) {
    const cw = built.content.w;
    const sx = Math.max(0, Math.min(p.scrollX, cw - vp.w));
    const sy = Math.max(0, Math.min(p.scrollY, built.content.h - vp.h));
    for (let y = 0; y < vp.h; y++) {
      const src = ((sy + y) * cw + sx) * 3;
      scene.content.copy(out, ((vp.y + y) * W + vp.x) * 3, src, src + vp.w * 3);
    }
    const band = built.lines;
    if (band && p.line >= 0 && p.line < band.count) {
      const top = Math.round((band.tops ? band.tops[p.line]! : band.top + p.line * band.height) - sy);
      const x0 = Math.max(0, band.x - sx);
      const x1 = Math.min(vp.w, band.x + band.w - sx);
      const y0 = Math.max(0, top);
      const y1 = Math.min(vp.h, top + band.height);
      if (y1 > y0 && x1 > x0) tint(out, W, vp.x + x0, vp.x + x1, vp.y + y0, vp.y + y1, band.rgb, band.alpha);
    }
  }
  for (const part of built.clock(p.local)) blend(out, W, SCREEN_H, await clockSprite(part.svg), part.left, part.top);
  if (!built.lock) blend(out, W, SCREEN_H, (await cursorSprites())[built.cursor], Math.round(p.cursorX), Math.round(p.cursorY));
  return out;
}

/**
 * The same screen at thumbnail size, composed from the scene's small rasters (what shrinking
 * the full image gives, give or take a pixel).
 */
export async function composeThumb(scene: RasterScene, p: ShotParams, out: Buffer = newThumbBuffer()): Promise<Buffer> {
  const W = THUMB_W;
  const { built, thumb } = scene;
  const vp = built.viewport;
  thumb.frame.copy(out);
  if (vp && built.content && thumb.content) {
    const cw = thumb.contentW;
    const vx = Math.round(vp.x * TK);
    const vy = Math.round(vp.y * TK);
    const vw = Math.min(Math.round((vp.x + vp.w) * TK) - vx, cw);
    const vh = Math.min(Math.round((vp.y + vp.h) * TK) - vy, thumb.contentH);
    const sx = Math.max(0, Math.min(Math.round(p.scrollX * TK), cw - vw));
    const sy = Math.max(0, Math.min(Math.round(p.scrollY * TK), thumb.contentH - vh));
    for (let y = 0; y < vh; y++) {
      const src = ((sy + y) * cw + sx) * 3;
      thumb.content.copy(out, ((vy + y) * W + vx) * 3, src, src + vw * 3);
    }
    const band = built.lines;
    if (band && p.line >= 0 && p.line < band.count) {
      const top = Math.round(((band.tops ? band.tops[p.line]! : band.top + p.line * band.height) - p.scrollY) * TK);
      const h = Math.max(1, Math.round(band.height * TK));
      const x0 = Math.max(0, Math.round((band.x - p.scrollX) * TK));
      const x1 = Math.min(vw, Math.round((band.x + band.w - p.scrollX) * TK));
      const y0 = Math.max(0, top);
      const y1 = Math.min(vh, top + h);
      if (y1 > y0 && x1 > x0) tint(out, W, vx + x0, vx + x1, vy + y0, vy + y1, band.rgb, band.alpha);
    }
  }
  for (const part of built.clock(p.local)) blend(out, W, THUMB_H, await clockSprite(part.svg, true), Math.round(part.left * TK), Math.round(part.top * TK));
  if (!built.lock) blend(out, W, THUMB_H, await thumbCursor(), Math.round(p.cursorX * TK), Math.round(p.cursorY * TK));
  return out;
}

/**
 * Full-size screenshots are baseline JPEG at quality 75, as the tracker's JPEG option uploads
 * them: a fifth of WebP's encoding time for about 1.5 times its bytes, and the first start draws
 * two thousand of them. Huffman optimisation is off: it nearly doubles the time for 8 % fewer bytes.
 */
export const SHOT_MIME = 'image/jpeg';

/**
 * Encodes the screen as the tracker would upload it, and its thumbnail (WebP, THUMB_WIDTH wide,
 * quality 70, effort 2, as storage/screenshots.ts makes them). Fixed settings, so the bytes are
 * reproducible for a given sharp/libvips build and set of fonts.
 */
export async function encodeShot(screen: Buffer, small: Buffer): Promise<{ image: Buffer; thumb: Buffer }> {
  const [image, thumb] = await Promise.all([
    sharp(screen, { raw: { width: SCREEN_W, height: SCREEN_H, channels: 3 } }).jpeg({ quality: 75, optimiseCoding: false }).toBuffer(),
    sharp(small, { raw: { width: THUMB_W, height: THUMB_H, channels: 3 } }).webp({ quality: 70, effort: 2 }).toBuffer(),
  ]);
  return { image, thumb };
}
