// The connection's limits and the outage classifier, on real PostgreSQL errors: a statement
// past statement_timeout, a refused connection, a partition, a connection lost inside a
// transaction. A request's own mistakes (a duplicate, bad SQL) are not outages.
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../client.ts';
import { isDatabaseUnavailable } from '../outage.ts';
import { faultProxy, type FaultProxy } from '#server/test/fault-proxy.ts';

const pgUrl = process.env.TEST_DATABASE_URL;
const TIMEOUTS = { connectTimeoutMs: 500, statementTimeoutMs: 1000 };

const failure = (work: Promise<unknown>) =>
  work.then(
    () => {
      throw new Error('expected a failure');
    },
    (err: unknown) => err,
  );

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// PGlite has no connection, no statement_timeout and no network: nothing here can happen to it.
describe.skipIf(!pgUrl)('PostgreSQL connection limits and outage errors', () => {
  const name = `wd_test_${randomBytes(6).toString('hex')}`;
  // skipIf still runs this body without a database: the URL is only built from a real one.
  const url = new URL(pgUrl ?? 'postgres://unused');
  url.pathname = `/${name}`;
  let proxy: FaultProxy;
  let limited: Database;
  let unlimited: Database;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    proxy = await faultProxy({ host: url.hostname, port: Number(url.port || 5432) });
    const viaProxy = new URL(url);
    viaProxy.host = proxy.via;
    limited = await openDatabase({ url: viaProxy.toString(), timeouts: TIMEOUTS });
    unlimited = await openDatabase({ url: url.toString() });
  });
  afterAll(async () => {
    await proxy?.heal();
    await limited?.close();
    await unlimited?.close();
    await proxy?.close();
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('cancels a statement past statement_timeout, which counts as an outage; without limits (the scripts) it runs on', async () => {
    const err = await failure(limited.query('select pg_sleep(3)'));
    expect(err).toMatchObject({ code: '57014' });
    expect(isDatabaseUnavailable(err)).toBe(true);
    await expect(unlimited.query('select pg_sleep(1.5)')).resolves.toHaveLength(1);
  });

  it('counts a refused connection as an outage', async () => {
    const closed = new URL(url);
    closed.host = `127.0.0.1:${await freePort()}`;
    const err = await failure(openDatabase({ url: closed.toString(), timeouts: TIMEOUTS }));
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it('gives up on a partitioned connection after the query timeout, and counts it as an outage', async () => {
    await limited.query('select 1');
    proxy.freeze();
    try {
      const t0 = performance.now();
      const err = await failure(limited.query('select $1::int', [1]));
      expect(isDatabaseUnavailable(err)).toBe(true);
      expect(performance.now() - t0).toBeLessThan(TIMEOUTS.statementTimeoutMs + 2000);
    } finally {
      await proxy.heal();
    }
    await expect(limited.query('select 1 as one')).resolves.toEqual([{ one: 1 }]);
  });

  it('survives a connection lost inside a transaction: the transaction fails as an outage, the next one works', async () => {
    const err = await failure(
      limited.transaction(async (tx) => {
        await tx.query('select 1');
        // The server goes while the transaction does something else (writes a blob, say).
        await proxy.kill();
        await new Promise((resolve) => setTimeout(resolve, 50));
        await tx.query('select 2');
      }),
    );
    expect(isDatabaseUnavailable(err)).toBe(true);
    await proxy.heal();
    await expect(limited.transaction((tx) => tx.query('select 3 as three'))).resolves.toEqual([{ three: 3 }]);
  });

  it('does not count a request’s own mistakes as an outage', async () => {
    await unlimited.query('create table if not exists outage_probe (id int primary key)');
    await unlimited.query('insert into outage_probe values (1) on conflict do nothing');
    expect(isDatabaseUnavailable(await failure(unlimited.query('insert into outage_probe values (1)')))).toBe(false);
    expect(isDatabaseUnavailable(await failure(unlimited.query('select nonsense from nowhere')))).toBe(false);
    expect(isDatabaseUnavailable(new Error('something else'))).toBe(false);
  });
});
