import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { DataFolderInUseError, openDatabase } from '../client.ts';

describe('the embedded database folder', () => {
  const dirs: string[] = [];
  const tmp = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'wd-data-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('refuses a second opener with a message that says what to do', async () => {
    const dir = tmp();
    const first = await openDatabase({ dataDir: dir });
    try {
      const second = openDatabase({ dataDir: dir });
      await expect(second).rejects.toBeInstanceOf(DataFolderInUseError);
      await expect(second).rejects.toThrow(/in use by another workdiary process.*WORKDIARY_DATA_DIR/);
    } finally {
      await first.close();
    }
    // Once closed, the folder opens again and keeps its data.
    const again = await openDatabase({ dataDir: dir });
    expect(await again.query('select count(*)::int as n from users')).toEqual([{ n: 0 }]);
    await again.close();
  });

  it('refuses a second server process on the same folder, and it exits with the reason', async () => {
    const dir = tmp();
    const first = await openDatabase({ dataDir: dir });
    try {
      const server = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        env: { ...process.env, WORKDIARY_DATA_DIR: dir, DATABASE_URL: '', WORKDIARY_DEMO: '0', PORT: '0' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(server.status).toBe(1);
      expect(server.stderr).toMatch(/in use by another workdiary process \(pid \d+\)/);
    } finally {
      await first.close();
    }
  });

  it('takes over a lock left by a process that is gone', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'workdiary.lock'), '999999999');
    const db = await openDatabase({ dataDir: dir });
    await db.close();
    expect(fs.existsSync(path.join(dir, 'workdiary.lock'))).toBe(false);
  });
});
