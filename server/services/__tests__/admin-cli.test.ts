// The admin command line (scripts/admin.ts) run as an admin runs it, on a database of its own:
// a password never comes as an argument, but from a pipe (or a random one printed once), and
// `user disable` goes through the same service as any other admin change.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createPostgresDatabase } from '#server/test/harness.ts';
import { openDatabase } from '#server/db/client.ts';
import { verifyPassword } from '#server/lib/password.ts';
import { runAdmin } from '#server/test/admin-cli.ts';

describe.each(backends)('npm run admin on %s', (backend) => {
  let env: NodeJS.ProcessEnv;
  let cleanUp: () => Promise<void>;

  beforeAll(async () => {
    const { DATABASE_URL: _unused, ...rest } = process.env;
    if (backend === 'pglite') {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wd-admin-'));
      env = { ...rest, WORKDIARY_DATA_DIR: dir };
      cleanUp = async () => fs.rmSync(dir, { recursive: true, force: true });
    } else {
      const database = await createPostgresDatabase();
      env = { ...rest, DATABASE_URL: database.url.toString() };
      cleanUp = database.drop;
    }
  });
  afterAll(async () => {
    await cleanUp?.();
  });

  const admin = (args: string[], stdin = '') => runAdmin(args, env, { stdin });

  it('takes passwords from a pipe or makes one, refuses --password, and disables a user', async () => {
    const piped = await admin(['user', 'create', '--email', 'Pia@test.test', '--name', 'Pia Pipe', '--role', 'contractor', '--password-stdin'], 'pw-from-a-pipe\n');
    expect(piped.code).toBe(0);
    expect(piped.stdout).toMatch(/User pia@test\.test \(contractor\) created/);
    expect(piped.stdout).not.toMatch(/Password:/);

    const refused = await admin(['user', 'create', '--email', 'arg@test.test', '--name', 'Arg', '--role', 'contractor', '--password', 'on-the-command-line']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/--password is not taken: a password on the command line shows in the process list/);
    expect(refused.stderr).toMatch(/--password-stdin/);

    const made = await admin(['user', 'create', '--email', 'rand@test.test', '--name', 'Rand', '--role', 'contractor']);
    expect(made.code).toBe(0);
    const printed = /Password: (\S+)/.exec(made.stdout)?.[1];
    expect(printed).toMatch(/^[A-Za-z0-9_-]{16}$/);

    const tooShort = await admin(['user', 'password', '--email', 'rand@test.test', '--password-stdin'], 'short\n');
    expect(tooShort.code).toBe(1);
    expect(tooShort.stderr).toMatch(/The password must be at least 10 characters/);
    const changed = await admin(['user', 'password', '--email', 'rand@test.test', '--password-stdin'], 'another-piped-pw\n');
    expect(changed.code).toBe(0);
    expect(changed.stdout).toMatch(/Password of rand@test\.test changed; 0 sessions ended, 0 tracker tokens revoked\./);

    const disabled = await admin(['user', 'disable', '--email', 'pia@test.test']);
    expect(disabled.code).toBe(0);
    expect(disabled.stdout).toMatch(/pia@test\.test is disabled now/);

    const database = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.WORKDIARY_DATA_DIR });
    try {
      const rows = await database.query<{ email: string; passwordHash: string; disabledAt: Date | null }>(
        `select email, password_hash as "passwordHash", disabled_at as "disabledAt" from users order by email`,
      );
      expect(rows.map((r) => [r.email, r.disabledAt !== null])).toEqual([
        ['pia@test.test', true],
        ['rand@test.test', false],
      ]);
      expect(await verifyPassword('pw-from-a-pipe', rows[0]!.passwordHash)).toBe(true);
      expect(await verifyPassword('another-piped-pw', rows[1]!.passwordHash)).toBe(true);
      expect(await verifyPassword(printed!, rows[1]!.passwordHash)).toBe(false);
    } finally {
      await database.close();
    }
    // Each run starts a process and opens the database: slow on a busy machine, never stuck.
  }, 300_000);

  it('creates a contract and changes its rate through the same service as the admin console: checked, audited', async () => {
    expect((await admin(['company', 'create', '--name', 'Initech'])).code).toBe(0);
    const taken = await admin(['company', 'create', '--name', ' INITECH '], '');
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/A company named “Initech” already exists: choose another name\./);
    expect((await admin(['user', 'create', '--email', 'pete@test.test', '--name', 'Peter', '--role', 'contractor'])).code).toBe(0);
    const base = ['contract', 'create', '--company', 'Initech', '--contractor', 'pete@test.test', '--title', 'TPS reports', '--rate', '4200'];
    const badZone = await admin([...base, '--tz', 'Mars/Olympus']);
    expect(badZone.code).toBe(1);
    expect(badZone.stderr).toMatch(/--tz: must be an IANA time zone/);
    const nobody = await admin([...base.slice(0, 5), 'nobody@test.test', ...base.slice(6)]);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toMatch(/There is no contractor nobody@test\.test/);
    const made = await admin([...base, '--limit', '40', '--tz', 'America/Chicago', '--redactions', '0', '--blur-all']);
    expect(made.code).toBe(0);
    const id = /created: (\S+)/.exec(made.stdout)?.[1];
    const rate = await admin(['contract', 'rate', '--contract', id!, '--rate', '4500']);
    expect(rate.code).toBe(0);
    expect(rate.stdout).toMatch(/Rate of "TPS reports" set to 4500 USD\/h \(minor units\) from \d{4}-\d{2}-\d{2}T00:00:00\.000Z\./);

    const database = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.WORKDIARY_DATA_DIR });
    try {
      const audit = await database.query<{ action: string; actor: string | null; after: { hourlyRate: number } }>(
        `select action, actor_id as actor, after from audit_log where contract_id = $1 order by id`,
        [id],
      );
      expect(audit.map((a) => [a.action, a.actor, a.after.hourlyRate])).toEqual([
        ['contract.created', null, 4200],
        ['contract.terms_changed', null, 4500],
      ]);
      const [privacy] = await database.query(`select redacted_billable as "redactedBillable", redactions_per_week as "redactionsPerWeek", blur_all as "blurAll" from contracts where id = $1`, [id]);
      expect(privacy).toEqual({ redactedBillable: false, redactionsPerWeek: 0, blurAll: true });
    } finally {
      await database.close();
    }
  }, 300_000);
});
