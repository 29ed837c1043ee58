// Turning an uploaded image into what we keep: the image as uploaded, plus a WebP
// thumbnail about 320 px wide. Both go into the blob store under the contract.
//
// Anyone with a tracker token can upload, so an image is judged from its header before a
// pixel is decoded (its sides, its pixels, its frames, a JPEG's scans), and the decode itself
// is bounded: a pixel limit, a failure on damaged data, and a few decodes at a time.
import os from 'node:os';
import sharp, { type Metadata, type Sharp, type SharpOptions } from 'sharp';
import { sha256Hex, type BlobStore } from './blob-store.ts';

export const THUMB_WIDTH = 320;
/** The evidence PDF's contact sheet takes JPEG (PDF has no WebP): a small one is made with the thumbnail. */
export const SHEET_WIDTH = 200;
const MAX_SIDE = 16_384;
export const MAX_PIXELS = 40_000_000;
/** Encoders write about 10 scans; each scan is another pass of the decoder over the whole image. */
const MAX_JPEG_SCANS = 100;

// Every upload is a different image: libvips's cache of recent operations would only hold memory.
sharp.cache(false);

export interface StoredImage {
  sha256: string;
  mime: string;
  bytes: number;
  width: number;
  height: number;
  thumbSha256: string;
  thumbBytes: number;
  /** Blob key of the contact sheet's JPEG; rows made before it existed, and the demo's, have none. */
  sheetSha256?: string | null;
}

const MIME: Record<string, string> = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' };

/** Not an image we accept: not PNG, JPEG or WebP by its content, or unreadable. */
export class UnsupportedImageError extends Error {}
/** An image refused from its header, before a single pixel is decoded; `rule` is what it must be. */
export class ImageRefusedError extends Error {
  constructor(
    message: string,
    public rule: string,
  ) {
    super(message);
  }
}
/** An image whose header was fine but whose pixels could not be decoded (cut off, damaged). */
export class UndecodableImageError extends Error {}

export interface ImageInfo {
  mime: string;
  width: number;
  height: number;
}

/** The number of scans in a JPEG, counted from its markers: the entropy-coded data between them is skipped, not decoded. */
function jpegScans(bytes: Buffer): number {
  let scans = 0;
  let i = 2; // after SOI
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) return scans; // not a marker where one must be: the decoder will say so
    const marker = bytes[i + 1]!;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xd9) break; // EOI
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2; // RSTn and TEM carry no length
      continue;
    }
    i += 2 + bytes.readUInt16BE(i + 2);
    if (marker !== 0xda) continue;
    scans++;
    // The scan's data runs to the next marker: an 0xFF that is neither stuffing (FF 00) nor a restart.
    for (i = bytes.indexOf(0xff, i); i !== -1 && i + 1 < bytes.length; i = bytes.indexOf(0xff, i + 1)) {
      const next = bytes[i + 1]!;
      if (next !== 0x00 && !(next >= 0xd0 && next <= 0xd7)) break;
    }
    if (i === -1 || i + 1 >= bytes.length) break;
  }
  return scans;
}

/**
 * Reads the image's real format and size from its content, not its name, and refuses what
 * would cost too much to decode. Only the header is read (no pixel is decoded), so a small
 * file that declares a huge image costs nothing here.
 */
export async function inspectImage(bytes: Buffer): Promise<ImageInfo> {
  let meta: Metadata;
  try {
    // No pixel limit on reading the header: the size is checked below, to say why it is refused.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (err) {
    throw new UnsupportedImageError(`The file is not a readable image: ${(err as Error).message}`);
  }
  const mime = meta.format ? MIME[meta.format] : undefined;
  if (!mime) throw new UnsupportedImageError(`Images must be PNG, JPEG or WebP; this one is ${meta.format ?? 'unknown'}.`);
  const { width, height } = meta;
  if (!width || !height) throw new UnsupportedImageError('The image has no size.');
  const size = `${width}×${height} pixels`;
  if (width > MAX_SIDE || height > MAX_SIDE) {
    throw new ImageRefusedError(`The image is ${size}; a side may be at most 16,384 pixels.`, 'must be at most 16,384 pixels on a side');
  }
  if (width * height > MAX_PIXELS) {
    throw new ImageRefusedError(`The image is ${size}; at most 40 megapixels are accepted.`, 'must be at most 40 megapixels');
  }
  // A screenshot is one picture. An animation could show the reviewer another frame than the
  // thumbnail does, and each frame would cost another decode.
  if ((meta.pages ?? 1) > 1) {
    throw new ImageRefusedError(`The image is animated (${meta.pages} frames); a screenshot must be a single still image.`, 'must be a single still image');
  }
  if (mime === 'image/jpeg') {
    const scans = jpegScans(bytes);
    if (scans > MAX_JPEG_SCANS) {
      throw new ImageRefusedError(
        `The JPEG has ${scans} scans; at most ${MAX_JPEG_SCANS} are accepted. Encode it again as a plain or progressive JPEG, or as WebP.`,
        `must have at most ${MAX_JPEG_SCANS} JPEG scans`,
      );
    }
  }
  return { mime, width, height };
}

/** Takes at most `limit` jobs at a time; the others wait their turn, in order. */
function queue(limit: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(job: () => Promise<T>): Promise<T> => {
    if (running < limit) running++;
    else await new Promise<void>((go) => waiting.push(go));
    try {
      return await job();
    } finally {
      // The freed place goes straight to the next in line, so a newcomer cannot overtake it.
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

/**
 * One decode per core at a time: a burst of uploads waits here rather than decoding all at
 * once, which is what held gigabytes. (sharp's own threads per decode stay its default.)
 */
const decoding = queue(Math.max(1, os.availableParallelism()));

const DECODE: SharpOptions = {
  limitInputPixels: MAX_PIXELS,
  // Damaged or cut-off pixel data is an error, not a half-grey thumbnail.
  failOn: 'warning',
  // Only the first frame, whatever the header said: frames never multiply the pixel budget.
  pages: 1,
  // Top to bottom in one pass, so the whole image is never held to make a thumbnail.
  sequentialRead: true,
};

/** The contact sheet's JPEG of an image (a thumbnail's pixels, or a WebP thumbnail made before it existed). */
export const sheetJpeg = (image: Sharp): Promise<Buffer> =>
  image.resize({ width: SHEET_WIDTH, withoutEnlargement: true }).flatten({ background: '#ffffff' }).jpeg({ quality: 70 }).toBuffer();

/**
 * The WebP thumbnail and the contact sheet's JPEG, from one decode of the image: its pixels are
 * scaled to the thumbnail's width once, and both are encoded from those.
 */
export function makeThumbnails(bytes: Buffer): Promise<{ thumb: Buffer; sheet: Buffer }> {
  return decoding(async () => {
    try {
      const { data, info } = await sharp(bytes, DECODE).resize({ width: THUMB_WIDTH, withoutEnlargement: true }).raw().toBuffer({ resolveWithObject: true });
      const pixels = () => sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
      const [thumb, sheet] = await Promise.all([pixels().webp({ quality: 70, effort: 2 }).toBuffer(), sheetJpeg(pixels())]);
      return { thumb, sheet };
    } catch (err) {
      throw new UndecodableImageError(`The image's pixels could not be decoded (${(err as Error).message.trim().split('\n')[0]}); it may be cut off or damaged.`);
    }
  });
}

export const makeThumbnail = async (bytes: Buffer): Promise<Buffer> => (await makeThumbnails(bytes)).thumb;

/**
 * Stores the image as uploaded and its thumbnail; `known` when the caller has inspected the
 * image already, and hashed it (the image is then not hashed again).
 */
export async function storeScreenshot(
  blobs: BlobStore,
  namespace: string,
  bytes: Buffer,
  known?: ImageInfo & { sha256?: string },
  /** Told the keys before anything is written: the upload records its intent there. */
  beforeWrite?: (keys: string[]) => Promise<void>,
  /** More blobs of the same upload, written beside the image's (a blur-all contract's encrypted original). */
  alongside: { bytes: Buffer; sha256: string }[] = [],
): Promise<StoredImage> {
  const { sha256: hashed, ...info }: ImageInfo & { sha256?: string } = known ?? (await inspectImage(bytes));
  const { thumb, sheet } = await makeThumbnails(bytes);
  const imageSha = hashed ?? sha256Hex(bytes);
  const thumbSha = sha256Hex(thumb);
  const sheetSha = sha256Hex(sheet);
  await beforeWrite?.([imageSha, thumbSha, sheetSha, ...alongside.map((b) => b.sha256)]);
  const [sha256, thumbSha256, sheetSha256] = await Promise.all([
    blobs.put(namespace, bytes, imageSha),
    blobs.put(namespace, thumb, thumbSha),
    blobs.put(namespace, sheet, sheetSha),
    ...alongside.map((b) => blobs.put(namespace, b.bytes, b.sha256)),
  ]);
  return { sha256, ...info, bytes: bytes.length, thumbSha256, thumbBytes: thumb.length, sheetSha256 };
}

/**
 * A copy of the screenshot blurred past reading (a redaction, or a contract that shows clients
 * only blurred images): the layout of the screen stays, no word on it does.
 */
export function blurredCopy(bytes: Buffer): Promise<Buffer> {
  return decoding(async () => {
    try {
      return await sharp(bytes, DECODE).resize({ width: 640, withoutEnlargement: true }).blur(12).webp({ quality: 60, effort: 2 }).toBuffer();
    } catch (err) {
      throw new UndecodableImageError(`The image's pixels could not be decoded (${(err as Error).message.trim().split('\n')[0]}).`);
    }
  });
}
