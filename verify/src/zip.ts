// Reads an evidence pack's zip in one pass without unpacking it: the manifest into memory, and
// each screenshot through a hash, so a week of full-size screenshots never sits in memory.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

/** The file is not an evidence pack: not a zip, truncated, or without a readable manifest. */
export class NotAPackError extends Error {}

export interface PackFiles {
  manifest: Buffer;
  /** Each file under screenshots/ with the sha256 (hex) of its bytes; null when they cannot be read. */
  screenshots: Map<string, string | null>;
}

const MANIFEST = 'manifest.json';
const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function hashOf(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function entriesOf(zip: yauzl.ZipFile): Promise<PackFiles> {
  let manifest: Buffer | null = null;
  const screenshots = new Map<string, string | null>();
  for await (const entry of zip.eachEntry()) {
    if (entry.fileName === MANIFEST) {
      if (manifest) throw new NotAPackError('it holds two manifests');
      if (entry.uncompressedSize > MAX_MANIFEST_BYTES) throw new NotAPackError('its manifest is too large');
      manifest = await readAll(await zip.openReadStreamPromise(entry));
    } else if (entry.fileName.startsWith('screenshots/') && !entry.fileName.endsWith('/')) {
      // A screenshot whose bytes cannot be read back (a damaged entry), or one named twice,
      // matches no hash: the check names its slot instead of rejecting the whole pack.
      const seen = screenshots.has(entry.fileName);
      const sha256 = await zip
        .openReadStreamPromise(entry)
        .then(hashOf)
        .catch(() => null);
      screenshots.set(entry.fileName, seen ? null : sha256);
    }
  }
  if (!manifest) throw new NotAPackError('it has no manifest.json');
  return { manifest, screenshots };
}

/** Reads the pack's manifest and hashes its screenshots; throws NotAPackError for anything not a pack. */
export async function readPack(file: string): Promise<PackFiles> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, strictFileNames: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new NotAPackError('there is no such file');
    throw new NotAPackError('it is not a readable zip');
  }
  try {
    return await entriesOf(zip);
  } catch (error) {
    if (error instanceof NotAPackError) throw error;
    throw new NotAPackError('it is not a readable zip');
  } finally {
    zip.close();
  }
}
