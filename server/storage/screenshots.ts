// Turning an uploaded image into what we keep: the image as uploaded, plus a WebP
// thumbnail about 320 px wide. Both go into the blob store under the contract.
import sharp, { type Metadata } from 'sharp';
import type { BlobStore } from './blob-store.ts';

export const THUMB_WIDTH = 320;
export const MAX_PIXELS = 40_000_000;

export interface StoredImage {
  sha256: string;
  mime: string;
  bytes: number;
  width: number;
  height: number;
  thumbSha256: string;
  thumbBytes: number;
}

const MIME: Record<string, string> = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' };

/** Not an image we accept: not PNG, JPEG or WebP by its content, or unreadable. */
export class UnsupportedImageError extends Error {}
/** More pixels than MAX_PIXELS: refused before a single pixel is decoded. */
export class ImageTooLargeError extends Error {}

export interface ImageInfo {
  mime: string;
  width: number;
  height: number;
}

/**
 * Reads the image's real format and size from its content, not its name. Only the header is
 * read (no pixel is decoded), so a small file that declares a huge image costs nothing here.
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
  if (!meta.width || !meta.height) throw new UnsupportedImageError('The image has no size.');
  if (meta.width * meta.height > MAX_PIXELS) {
    throw new ImageTooLargeError(`The image is ${meta.width}×${meta.height} pixels; at most 40 megapixels are accepted.`);
  }
  return { mime, width: meta.width, height: meta.height };
}

export function makeThumbnail(bytes: Buffer): Promise<Buffer> {
  return sharp(bytes, { limitInputPixels: MAX_PIXELS })
    .resize({ width: THUMB_WIDTH, withoutEnlargement: true })
    .webp({ quality: 70, effort: 2 })
    .toBuffer();
}

/**
 * Stores the image as uploaded and its thumbnail; `known` when the caller has inspected the
 * image already, and hashed it (the image is then not hashed again).
 */
export async function storeScreenshot(blobs: BlobStore, namespace: string, bytes: Buffer, known?: ImageInfo & { sha256?: string }): Promise<StoredImage> {
  const { sha256: hashed, ...info }: ImageInfo & { sha256?: string } = known ?? (await inspectImage(bytes));
  const thumb = await makeThumbnail(bytes);
  const [sha256, thumbSha256] = await Promise.all([blobs.put(namespace, bytes, hashed), blobs.put(namespace, thumb)]);
  return { sha256, ...info, bytes: bytes.length, thumbSha256, thumbBytes: thumb.length };
}
