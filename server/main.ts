// Starts workdiary: reads the configuration, opens the database, seeds the demo on the
// embedded database, and serves the API and the built dashboard.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { agreeOnClock } from './services/clock-service.ts';
import { backfillChainOnce } from './services/chain-service.ts';
import { loadSealKey } from './lib/seal-key.ts';
import { DataFolderInUseError, openDatabase } from './db/client.ts';
import { diskBlobStore } from './storage/blob-store.ts';
import { bucketAdvice, s3BlobStore } from './storage/s3-blob-store.ts';
import { startSweeps, sweepDeadlines } from './services/sweeps.ts';
import { startDelivery } from './notify/delivery.ts';
import { setPublicUrl } from './notify/emit.ts';
import { mailDeliverer } from './notify/mail-delivery.ts';
import { smtpMailer } from './notify/smtp.ts';
import { deliverDueWebhooks } from './notify/webhook-delivery.ts';
import { allowPrivateWebhookTargets } from './lib/private-address.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main() {
  const started = Date.now();
  const config = loadConfig();
  let database;
  try {
    database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl, timeouts: config.db } : { dataDir: config.dataDir });
  } catch (err) {
    if (err instanceof DataFolderInUseError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  // Without WORKDIARY_NOW, the demo runs on its own clock when today would leave it nothing to do.
  // Every server on this database runs the same clock: its origin is kept there.
  const clock = await agreeOnClock(database, { startAt: config.startAt, demo: config.demo });
  const blobs = config.s3 ? s3BlobStore(config.s3) : diskBlobStore(path.join(config.dataDir, 'blobs'));
  if (config.s3) {
    // A wrong key or a missing bucket stops the start, not the first upload.
    try {
      await blobs.check();
    } catch (err) {
      const cause = (err as Error).cause as { name?: string; message?: string } | undefined;
      console.error(`The screenshot bucket cannot be written: ${cause?.name ?? ''} ${cause?.message ?? (err as Error).message}\n${bucketAdvice(err)}`);
      process.exit(1);
    }
  }
  // Mails the demo's seed queues link to where the server will be; set again once it listens.
  await setPublicUrl(database, config.publicUrl ?? `http://localhost:${config.port}`);

  // Slots accepted before receipts existed go on their contracts' chains, once.
  const chained = await backfillChainOnce(database);
  if (chained > 0) console.log(`receipts: ${chained} earlier slots put on their contracts' chains`);

  let accounts: { email: string; note: string }[] = [];
  let password = '';
  if (config.demo) {
    const { seedDemo, DEMO_ACCOUNTS, DEMO_PASSWORD } = await import('./demo/seed.ts');
    const { progressReporter } = await import('./demo/progress.ts');
    const result = await seedDemo(database, blobs, clock, (m) => console.log(m), { progress: progressReporter() });
    console.log(`demo: ${result.firstRun ? 'seeded' : 'brought up to date'}, ${result.slotsAdded} slots added`);
    accounts = DEMO_ACCOUNTS;
    password = DEMO_PASSWORD;
  }

  // The key that signs sealed weeks: several servers must share one (WORKDIARY_SEAL_KEY).
  const seal = loadSealKey({ pem: config.sealKeyPem, dataDir: config.dataDir });
  const app = await buildApp({ database, blobs, clock, config, staticDir: path.join(root, 'dist'), sealKey: seal.key });
  let address: string;
  try {
    address = await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(`Port ${config.port} on ${config.host} is taken. Stop what uses it, or start with another port: PORT=3001 npm start`);
      await database.close();
      process.exit(1);
    }
    throw err;
  }

  const log = (msg: string, err?: unknown) => (err ? console.error(msg, err) : console.log(msg));
  // On PostgreSQL graphile-worker's cron runs the deadline sweeps (one server per tick).
  const sweeps = startSweeps(database, blobs, clock, config.sweepMs, log, database.kind !== 'postgres', config.retentionDays);

  const url = address.replace('127.0.0.1', 'localhost');
  // Mail: links start at the public URL; without an SMTP server mails are kept for Admin → Outbox.
  await setPublicUrl(database, config.publicUrl ?? url);
  const mailer = config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : null;
  allowPrivateWebhookTargets(config.webhookAllowPrivate);
  const delivery = await startDelivery(database, {
    clock,
    deliverers: [mailDeliverer(mailer), deliverDueWebhooks],
    connectionString: config.databaseUrl,
    sweep: (now) => sweepDeadlines(database, now, log),
    log,
  });
  console.log(`\nworkdiary is running at ${url}  (${database.kind}${database.kind === 'pglite' ? `, data in ${config.dataDir}` : ''}; ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`API docs: ${url}/api/docs`);
  console.log(`Seals: signed with the key in ${seal.origin}${config.databaseUrl && !config.sealKeyPem ? ' (several servers must share one: set WORKDIARY_SEAL_KEY)' : ''}`);
  console.log(`Mail: ${mailer ? `sent through ${new URL(config.smtpUrl!).host}` : 'kept for Admin → Outbox (set WORKDIARY_SMTP_URL to send)'}`);
  if (config.startAt) console.log(`Clock: ${clock.now().toISOString()}, started at ${config.startAt.toISOString()} (WORKDIARY_NOW)`);
  if (clock.demoStartedAt) console.log(`Demo clock: ${clock.now().toISOString()}, started at ${clock.demoStartedAt.toISOString()}, so last week waits for review (set WORKDIARY_NOW to choose)`);
  if (accounts.length) {
    console.log(`\nDemo logins (password "${password}"):`);
    for (const a of accounts) console.log(`  ${a.email.padEnd(22)} ${a.note}`);
  }

  const stop = async (signal: string) => {
    console.log(`\n${signal}: stopping`);
    await delivery.stop();
    mailer?.close();
    await sweeps.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
