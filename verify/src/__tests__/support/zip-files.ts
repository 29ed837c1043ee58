// Zips in tests: a pack's files as a map from name to bytes, written with yazl and read back
// with yauzl, so a test can change one byte of one file and zip the pack again.
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import yazl from 'yazl';

export async function writeZip(files: ReadonlyMap<string, Buffer>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, bytes] of files) zip.addBuffer(bytes, name, { compress: !name.startsWith('screenshots/') });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function readZip(zipBytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await yauzl.fromBufferPromise(zipBytes, { lazyEntries: true });
  const files = new Map<string, Buffer>();
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of (await zip.openReadStreamPromise(entry)) as Readable) chunks.push(chunk as Buffer);
    files.set(entry.fileName, Buffer.concat(chunks));
  }
  return files;
}

/** The zip again with one byte of the named file flipped. */
export async function flipByte(zipBytes: Buffer, name: string, at = 100): Promise<Buffer> {
  const files = await readZip(zipBytes);
  const bytes = Buffer.from(files.get(name) ?? Buffer.alloc(0));
  if (bytes.length <= at) throw new Error(`${name} is not in the zip, or shorter than ${at + 1} bytes`);
  bytes[at] ^= 0xff;
  files.set(name, bytes);
  return writeZip(files);
}
