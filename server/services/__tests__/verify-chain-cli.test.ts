// `npm run admin -- verify-chain`, as an operator runs it after someone edited a row by hand:
// exit 0 while every chain holds, 1 naming the slot once one does not, 2 for an unknown contract.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '#server/db/client.ts';
import { diskBlobStore } from '#server/storage/blob-store.ts';
import { runAdmin } from '#server/test/admin-cli.ts';
import { addSlots, createWorld, slotRun, type World } from '#server/test/fixtures.ts';
import { backends, createPostgresDatabase } from '#server/test/harness.ts';
import { chainUnchainedSlots } from '../chain-service.ts';

describe.each(backends)('npm run admin -- verify-chain on %s', (backend) => {
  let env: NodeJS.ProcessEnv;
  let open: () => Promise<Database>;
  let cleanUp: () => Promise<void>;
  let world: World;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wd-chain-cli-'));
  const starts = slotRun('2026-11-24T09:00:00.000Z', 4, { manual: true });

  /** The embedded database admits one process at a time: the test's connection is closed before the command runs. */
  const withDatabase = async <T>(work: (db: Database) => Promise<T>) => {
    const database = await open();
    try {
      return await work(database);
    } finally {
      await database.close();
    }
  };

  beforeAll(async () => {
    const { DATABASE_URL: _unused, ...rest } = process.env;
    if (backend === 'pglite') {
      env = { ...rest, WORKDIARY_DATA_DIR: dir };
      open = () => openDatabase({ dataDir: dir });
      cleanUp = async () => {};
    } else {
      const pg = await createPostgresDatabase();
      env = { ...rest, DATABASE_URL: pg.url.toString() };
      open = () => openDatabase({ url: pg.url.toString() });
      cleanUp = pg.drop;
    }
    world = await withDatabase(async (db) => {
      const w = await createWorld(db);
      await addSlots(db, diskBlobStore(path.join(dir, 'blobs')), w.contracts.designer, starts);
      await chainUnchainedSlots(db);
      return w;
    });
  }, 60_000);
  afterAll(async () => {
    await cleanUp?.();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('says every chain holds, then names the slot whose memo was edited by hand', async () => {
    const good = await runAdmin(['verify-chain'], env);
    expect(good.stderr).toBe('');
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(new RegExp(`ok +contract ${world.contracts.designer}: 4 receipts, 4 slots`));
    expect(good.stdout).toMatch(/All 3 chains hold\./);

    await withDatabase((db) => db.query(`update slots set memo = 'Billed twice' where contract_id = $1 and start = $2`, [world.contracts.designer, starts[2]!.start]));
    const bad = await runAdmin(['verify-chain', '--contract', world.contracts.designer], env);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(`BROKEN  contract ${world.contracts.designer}: slot ${starts[2]!.start}: its memo in the database is not the one on its chain`);
    expect(bad.stdout).toMatch(/1 of 1 chains do not hold\./);
  }, 60_000);

  it('refuses a contract that does not exist, with exit 2', async () => {
    const none = await runAdmin(['verify-chain', '--contract', '00000000-0000-4000-8000-000000000000'], env);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/No contract 00000000-0000-4000-8000-000000000000\. `npm run admin -- list` shows the contracts\./);
  }, 30_000);
});
