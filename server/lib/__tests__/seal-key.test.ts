// The installation's seal key: made once in the data folder, readable by its owner only, and the
// same on every later start; or given by WORKDIARY_SEAL_KEY.
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSealKey } from '../seal-key.ts';

describe('the seal key', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wd-seal-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is made on the first start, owner-only, and kept for every later one', () => {
    const first = loadSealKey({ dataDir: dir });
    const file = path.join(dir, 'seal-key.pem');
    expect(first.origin).toBe(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadSealKey({ dataDir: dir }).key.publicKey).toBe(first.key.publicKey);
  });

  it('is the given one when WORKDIARY_SEAL_KEY is set, whatever the folder holds', () => {
    const pair = generateKeyPairSync('ed25519');
    const given = loadSealKey({ dataDir: dir, pem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() });
    expect(given.origin).toBe('WORKDIARY_SEAL_KEY');
    expect(given.key.publicKey).toBe(pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'));
  });
});
