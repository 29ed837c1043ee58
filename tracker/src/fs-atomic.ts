// Durable writes: a file appears whole under its name or not at all, even if the process or
// the machine dies mid-write (write a temporary file, fsync it, rename, fsync the folder).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export const TMP_SUFFIX = '.tmp';

export async function writeFileAtomic(target: string, data: Buffer | string): Promise<void> {
  const tmp = `${target}.${randomBytes(6).toString('hex')}${TMP_SUFFIX}`;
  const fh = await fs.open(tmp, 'w', 0o600);
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await fs.rename(tmp, target);
  await syncDir(path.dirname(target));
}

export async function syncDir(dir: string): Promise<void> {
  // Makes the rename itself durable. Windows cannot open a folder for fsync; there the
  // rename is as durable as NTFS makes it.
  if (process.platform === 'win32') return;
  const fh = await fs.open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
