// `npm run admin -- <command>`: sets up an installation's own people and contracts.
// Uses DATABASE_URL when set, else the embedded database in WORKDIARY_DATA_DIR (stop the
// server first: the embedded database admits one process at a time).
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { eq, or } from 'drizzle-orm';
import { z } from 'zod';
import { loadConfig } from '#server/config.ts';
import { openDatabase, type Database } from '#server/db/client.ts';
import { companies, contracts, users } from '#server/db/schema.ts';
import { hashPassword } from '#server/lib/password.ts';
import { CompanyBody, NewContract } from '#contract/admin.ts';
import { createCompany } from '#server/services/admin-service.ts';
import { changeTerms, contractById, createContract } from '#server/services/contract-admin-service.ts';
import { changePassword, disableUser, enableUser, type AccountChange } from '#server/services/user-service.ts';
import { STORAGE_USAGE, storageCopyCommand } from './admin-storage.ts';
import { CHAIN_USAGE, verifyChainCommand } from './admin-chain.ts';

const USAGE = `Usage: npm run admin -- <command> [options]

  company create --name NAME
  user create    --email EMAIL --name NAME --role client|contractor|admin [--company NAME_OR_ID] [--password-stdin]
  user password  --email EMAIL [--password-stdin]       set a new password; ends their sessions, revokes their trackers
  user disable   --email EMAIL                          no more sign-ins; ends their sessions, revokes their trackers
  user enable    --email EMAIL                          may sign in again (trackers are connected anew)
  contract create --company NAME_OR_ID --contractor EMAIL --title TITLE --rate CENTS_PER_HOUR
                  [--currency USD] [--limit HOURS] [--manual] [--tz Europe/Berlin]
                  [--redactions N]   redacted slots a week that stay billable (default 3; 0: none)
                  [--blur-all]       the client sees every screenshot blurred; the originals are
                                     kept encrypted, shown to an admin only on an escalated dispute
  contract rate  --contract ID --rate CENTS_PER_HOUR    change the rate from the next Monday 00:00 UTC
  list                                                  companies, users and contracts
${STORAGE_USAGE}
${CHAIN_USAGE}

A password is never an argument (the process list would show it). Without --password-stdin
a random one is made and printed once. With it, the password is read from a pipe:
  printf '%s\n' "$NEW_PASSWORD" | npm run admin -- user password --email EMAIL --password-stdin
or, in a terminal, typed at a prompt that does not show it.
`;

const opts = {
  name: { type: 'string' },
  email: { type: 'string' },
  role: { type: 'string' },
  company: { type: 'string' },
  'password-stdin': { type: 'boolean', default: false },
  contractor: { type: 'string' },
  title: { type: 'string' },
  rate: { type: 'string' },
  currency: { type: 'string', default: 'USD' },
  limit: { type: 'string' },
  manual: { type: 'boolean', default: false },
  tz: { type: 'string', default: 'UTC' },
  redactions: { type: 'string' },
  'blur-all': { type: 'boolean', default: false },
  contract: { type: 'string' },
  to: { type: 'string' },
  verify: { type: 'boolean', default: false },
  concurrency: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

class UsageError extends Error {}

/** The flag a field of the shared contract body comes from, for messages. */
const FLAG: Record<string, string> = { contractorEmail: 'contractor', hourlyRate: 'rate', weeklyLimitHours: 'limit', manualTimeAllowed: 'manual', timeZone: 'tz', companyId: 'company', redactionsPerWeek: 'redactions', blurAll: 'blur-all' };

function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw new UsageError(r.error.issues.map((i) => `--${FLAG[String(i.path[0])] ?? i.path.join('.')}: ${i.message}`).join('\n'));
  return r.data;
}

async function findCompany(database: Database, ref: string) {
  const isUuid = z.uuid().safeParse(ref).success;
  const rows = await database.db
    .select()
    .from(companies)
    .where(isUuid ? or(eq(companies.id, ref), eq(companies.name, ref)) : eq(companies.name, ref));
  if (rows.length !== 1) throw new UsageError(rows.length ? `Several companies are named "${ref}": use the id.` : `No company "${ref}".`);
  return rows[0]!;
}

const newPassword = () => randomBytes(12).toString('base64url');

const PASSWORD_RULE = z.string().min(10, 'must be at least 10 characters').max(200, 'must be at most 200 characters');

/** The password to set: read from stdin with --password-stdin, else a random one (`generated`: print it once). */
async function passwordOf(values: Record<string, unknown>): Promise<{ password: string; generated: boolean }> {
  if (!values['password-stdin']) return { password: newPassword(), generated: true };
  let password: string;
  if (process.stdin.isTTY) {
    password = await promptHidden('New password: ');
    if ((await promptHidden('The same again: ')) !== password) throw new UsageError('The two passwords differ; nothing was changed.');
  } else {
    password = (await readStdin()).split(/\r?\n/)[0] ?? '';
  }
  const r = PASSWORD_RULE.safeParse(password);
  if (!r.success) throw new UsageError(`The password ${r.error.issues[0]!.message}.`);
  return { password, generated: false };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads one line from the terminal without showing it. */
function promptHidden(question: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(question);
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = () => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          finish();
          return resolve(typed);
        }
        if (ch === '\u0003' || ch === '\u0004') {
          finish();
          return reject(new UsageError('Cancelled; nothing was changed.'));
        }
        typed = ch === '\u007f' || ch === '\b' ? typed.slice(0, -1) : typed + ch;
      }
    };
    input.on('data', onData);
  });
}

const ended = (c: AccountChange) =>
  `${c.sessionsEnded} session${c.sessionsEnded === 1 ? '' : 's'} ended, ${c.trackersRevoked} tracker token${c.trackersRevoked === 1 ? '' : 's'} revoked`;

async function run(database: Database, cmd: string, values: Record<string, unknown>) {
  const { db } = database;
  switch (cmd) {
    case 'company create': {
      const a = parse(CompanyBody, values);
      const c = await createCompany(database, null, a.name, new Date());
      console.log(`Company "${c.name}" created: ${c.id}`);
      return;
    }
    case 'user create': {
      const a = parse(
        z.object({
          email: z.email(),
          name: z.string().min(1),
          role: z.enum(['client', 'contractor', 'admin']),
          company: z.string().optional(),
        }),
        values,
      );
      if ((a.role === 'client') !== Boolean(a.company)) throw new UsageError('--company is required for a client, and only for a client.');
      const companyId = a.company ? (await findCompany(database, a.company)).id : null;
      const { password, generated } = await passwordOf(values);
      const [u] = await db
        .insert(users)
        .values({ email: a.email.toLowerCase(), name: a.name, role: a.role, companyId, passwordHash: await hashPassword(password) })
        .returning();
      console.log(`User ${u!.email} (${u!.role}) created: ${u!.id}`);
      if (generated) console.log(`Password: ${password}`);
      return;
    }
    case 'user password': {
      const a = parse(z.object({ email: z.email() }), values);
      const { password, generated } = await passwordOf(values);
      const done = await changePassword(database, a.email, password, null, new Date());
      console.log(`Password of ${done.email} changed; ${ended(done)}.`);
      if (generated) console.log(`Password: ${password}`);
      return;
    }
    case 'user disable': {
      const a = parse(z.object({ email: z.email() }), values);
      const done = await disableUser(database, a.email, null, new Date());
      console.log(`${done.email} ${done.changed ? 'is disabled now' : 'was disabled already'}: ${ended(done)}.`);
      return;
    }
    case 'user enable': {
      const a = parse(z.object({ email: z.email() }), values);
      const done = await enableUser(database, a.email, null, new Date());
      console.log(
        done.changed
          ? `${done.email} may sign in again. Their tracker tokens stay revoked: they connect their trackers again on the Trackers page.`
          : `${done.email} was not disabled.`,
      );
      return;
    }
    case 'contract create': {
      const a = parse(
        z.object({
          company: z.string().min(1),
          contractor: z.email(),
          title: z.string().min(1),
          rate: z.coerce.number().int().min(0),
          currency: z.string(),
          limit: z.coerce.number().int().min(0).max(168).optional(),
          manual: z.boolean(),
          tz: z.string(),
          redactions: z.coerce.number().int().optional(),
          'blur-all': z.boolean(),
        }),
        values,
      );
      const company = await findCompany(database, a.company);
      const input = parse(NewContract, {
        companyId: company.id,
        contractorEmail: a.contractor,
        title: a.title,
        hourlyRate: a.rate,
        currency: a.currency,
        weeklyLimitHours: a.limit ?? null,
        manualTimeAllowed: a.manual,
        timeZone: a.tz,
        // --redactions 0: a redacted slot is never billable.
        ...(a.redactions === undefined ? {} : { redactedBillable: a.redactions > 0, redactionsPerWeek: a.redactions }),
        blurAll: a['blur-all'],
      });
      const k = await createContract(database, null, input, new Date());
      console.log(`Contract "${k.title}" created: ${k.id}`);
      return;
    }
    case 'contract rate': {
      const a = parse(z.object({ contract: z.uuid(), rate: z.coerce.number().int().min(0) }), values);
      const k = await contractById(database, a.contract);
      if (!k) throw new UsageError(`No contract ${a.contract}.`);
      const done = await changeTerms(database, null, k, { hourlyRate: a.rate }, new Date());
      console.log(`Rate of "${k.title}" set to ${a.rate} ${k.currency}/h (minor units) from ${done.nextTerms?.effectiveFrom}.`);
      return;
    }
    case 'list': {
      for (const c of await db.select().from(companies)) console.log(`company  ${c.id}  ${c.name}`);
      for (const u of await db.select().from(users)) console.log(`user     ${u.id}  ${u.email} (${u.role}${u.disabledAt ? ', disabled' : ''})`);
      for (const k of await db.select().from(contracts)) console.log(`contract ${k.id}  ${k.title} ${k.hourlyRate} ${k.currency}/h`);
      return;
    }
    default:
      throw new UsageError(`Unknown command "${cmd}".`);
  }
}

async function main() {
  if (process.argv.slice(2).some((arg) => /^--password(=|$)/.test(arg))) {
    throw new UsageError(
      '--password is not taken: a password on the command line shows in the process list and the shell history. ' +
        'Give --password-stdin and pipe it in, or type it at the prompt; or leave it out for a random one, printed once.',
    );
  }
  const { values, positionals } = parseArgs({ options: opts, allowPositionals: true });
  if (values.help || positionals.length === 0) {
    console.log(USAGE);
    return;
  }
  // Files to a bucket: no database, so it may run beside the server.
  if (positionals.join(' ') === 'storage copy') {
    process.exitCode = await storageCopyCommand(values);
    return;
  }
  const config = loadConfig();
  const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
  try {
    if (positionals.join(' ') === 'verify-chain') process.exitCode = await verifyChainCommand(database, values);
    else await run(database, positionals.join(' '), values);
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(err instanceof UsageError ? `${err.message}\n\n${USAGE}` : err instanceof Error ? err.message : err);
  process.exit(1);
});
