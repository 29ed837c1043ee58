// `npm run admin -- <command>`: sets up an installation's own people and contracts.
// Uses DATABASE_URL when set, else the embedded database in WORKDIARY_DATA_DIR (stop the
// server first: the embedded database admits one process at a time).
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { eq, or } from 'drizzle-orm';
import { z } from 'zod';
import { loadConfig } from '../server/config.ts';
import { openDatabase, type Database } from '../server/db/client.ts';
import { companies, contracts, users } from '../server/db/schema.ts';
import { hashPassword } from '../server/lib/password.ts';
import { TimeZone } from '../contract/common.ts';
import { appendAudit } from '../server/data/audit.ts';
import { findTermsChanges, upsertTermsChange } from '../server/data/weeks.ts';
import { changeEffectiveFrom, termsForWeek } from '../server/domain/terms.ts';

const USAGE = `Usage: npm run admin -- <command> [options]

  company create --name NAME
  user create    --email EMAIL --name NAME --role client|contractor|admin [--company NAME_OR_ID] [--password PW]
  user password  --email EMAIL [--password PW]          reset a password (a random one is printed if none is given)
  contract create --company NAME_OR_ID --contractor EMAIL --title TITLE --rate CENTS_PER_HOUR
                  [--currency USD] [--limit HOURS] [--manual] [--tz Europe/Berlin]
  contract rate  --contract ID --rate CENTS_PER_HOUR    change the rate from the next Monday 00:00 UTC
  list                                                  companies, users and contracts
`;

const opts = {
  name: { type: 'string' },
  email: { type: 'string' },
  role: { type: 'string' },
  company: { type: 'string' },
  password: { type: 'string' },
  contractor: { type: 'string' },
  title: { type: 'string' },
  rate: { type: 'string' },
  currency: { type: 'string', default: 'USD' },
  limit: { type: 'string' },
  manual: { type: 'boolean', default: false },
  tz: { type: 'string', default: 'UTC' },
  contract: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

class UsageError extends Error {}

function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw new UsageError(r.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
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

async function run(database: Database, cmd: string, values: Record<string, unknown>) {
  const { db } = database;
  switch (cmd) {
    case 'company create': {
      const a = parse(z.object({ name: z.string().min(1) }), values);
      const [c] = await db.insert(companies).values({ name: a.name }).returning();
      console.log(`Company "${c!.name}" created: ${c!.id}`);
      return;
    }
    case 'user create': {
      const a = parse(
        z.object({
          email: z.email(),
          name: z.string().min(1),
          role: z.enum(['client', 'contractor', 'admin']),
          company: z.string().optional(),
          password: z.string().min(10, 'must be at least 10 characters').optional(),
        }),
        values,
      );
      if ((a.role === 'client') !== Boolean(a.company)) throw new UsageError('--company is required for a client, and only for a client.');
      const companyId = a.company ? (await findCompany(database, a.company)).id : null;
      const password = a.password ?? newPassword();
      const [u] = await db
        .insert(users)
        .values({ email: a.email.toLowerCase(), name: a.name, role: a.role, companyId, passwordHash: await hashPassword(password) })
        .returning();
      console.log(`User ${u!.email} (${u!.role}) created: ${u!.id}`);
      if (!a.password) console.log(`Password: ${password}`);
      return;
    }
    case 'user password': {
      const a = parse(z.object({ email: z.email(), password: z.string().min(10, 'must be at least 10 characters').optional() }), values);
      const password = a.password ?? newPassword();
      const r = await db.update(users).set({ passwordHash: await hashPassword(password) }).where(eq(users.email, a.email.toLowerCase())).returning();
      if (!r.length) throw new UsageError(`No user ${a.email}.`);
      await database.query('delete from sessions where user_id = $1', [r[0]!.id]);
      console.log(`Password of ${a.email} reset; their sessions were ended.`);
      if (!a.password) console.log(`Password: ${password}`);
      return;
    }
    case 'contract create': {
      const a = parse(
        z.object({
          company: z.string().min(1),
          contractor: z.email(),
          title: z.string().min(1),
          rate: z.coerce.number().int().min(0),
          currency: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter ISO currency code, like USD'),
          limit: z.coerce.number().int().min(0).max(168).optional(),
          manual: z.boolean(),
          tz: TimeZone,
        }),
        values,
      );
      const company = await findCompany(database, a.company);
      const [contractor] = await db.select().from(users).where(eq(users.email, a.contractor.toLowerCase()));
      if (!contractor || contractor.role !== 'contractor') throw new UsageError(`No contractor ${a.contractor}: create them with "user create --role contractor".`);
      const [k] = await db
        .insert(contracts)
        .values({
          companyId: company.id,
          contractorId: contractor.id,
          title: a.title,
          hourlyRate: a.rate,
          currency: a.currency,
          weeklyLimitHours: a.limit ?? null,
          manualTimeAllowed: a.manual,
          timeZone: a.tz,
        })
        .returning();
      console.log(`Contract "${k!.title}" created: ${k!.id}`);
      return;
    }
    case 'contract rate': {
      const a = parse(z.object({ contract: z.uuid(), rate: z.coerce.number().int().min(0) }), values);
      const [k] = await db.select().from(contracts).where(eq(contracts.id, a.contract));
      if (!k) throw new UsageError(`No contract ${a.contract}.`);
      const now = new Date();
      const effectiveFrom = changeEffectiveFrom(now);
      await database.transaction(async (tx) => {
        const changes = await findTermsChanges(tx, k.id);
        const { effectiveFrom: _f, ...before } = termsForWeek(
          { hourlyRate: k.hourlyRate, weeklyLimitHours: k.weeklyLimitHours, manualTimeAllowed: k.manualTimeAllowed },
          changes,
          effectiveFrom,
        );
        const after = { ...before, hourlyRate: a.rate };
        await upsertTermsChange(tx, k.id, { effectiveFrom, terms: after }, null, now);
        await appendAudit(tx, {
          at: now,
          actorId: null,
          action: 'contract.rate_changed',
          contractId: k.id,
          weekStart: effectiveFrom,
          subject: `from ${effectiveFrom.toISOString()} (admin CLI)`,
          before,
          after,
        });
      });
      console.log(`Rate of "${k.title}" set to ${a.rate} ${k.currency}/h (minor units) from ${effectiveFrom.toISOString()}.`);
      return;
    }
    case 'list': {
      for (const c of await db.select().from(companies)) console.log(`company  ${c.id}  ${c.name}`);
      for (const u of await db.select().from(users)) console.log(`user     ${u.id}  ${u.email} (${u.role})`);
      for (const k of await db.select().from(contracts)) console.log(`contract ${k.id}  ${k.title} ${k.hourlyRate} ${k.currency}/h`);
      return;
    }
    default:
      throw new UsageError(`Unknown command "${cmd}".`);
  }
}

async function main() {
  const { values, positionals } = parseArgs({ options: opts, allowPositionals: true });
  if (values.help || positionals.length === 0) {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
  try {
    await run(database, positionals.join(' '), values);
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(err instanceof UsageError ? `${err.message}\n\n${USAGE}` : err instanceof Error ? err.message : err);
  process.exit(1);
});
