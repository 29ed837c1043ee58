// Configuration, read once at start-up from the environment and validated: a bad setting
// stops the server with a message that names it.
import { createPrivateKey } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import type { S3Options } from './storage/s3-blob-store.ts';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  WORKDIARY_DATA_DIR: z.string().default('data'),
  WORKDIARY_NOW: z.iso.datetime({ offset: true }).optional(),
  /** Seed the demo companies and users. Default: on for the embedded database, off on PostgreSQL. */
  WORKDIARY_DEMO: z.enum(['0', '1', 'true', 'false']).optional(),
  /** Failed sign-ins allowed per account in the window before 429. */
  WORKDIARY_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(10),
  /** Failed sign-ins allowed per client address, across accounts; default 5 × the per-account limit. */
  WORKDIARY_LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).optional(),
  WORKDIARY_LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  /** Mark the session cookie Secure (set it when served over HTTPS). */
  WORKDIARY_SECURE_COOKIES: z.enum(['0', '1', 'true', 'false']).default('0'),
  /** The address people reach the installation at; https turns on HSTS and Secure cookies. */
  WORKDIARY_PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL, like https://diary.example.com' }).optional(),
  /**
   * Which proxies' X-Forwarded-For to believe: unset (none), a hop count (`1`), or a
   * comma-separated list of addresses and CIDRs (`10.0.0.0/8,127.0.0.1`).
   */
  WORKDIARY_TRUST_PROXY: z
    .string()
    .regex(/^(\d{1,2}|[0-9A-Fa-f.:/]+(\s*,\s*[0-9A-Fa-f.:/]+)*)$/, {
      error: 'must be a hop count (like 1) or a comma-separated list of addresses and CIDRs (like 10.0.0.0/8,127.0.0.1)',
    })
    .optional(),
  /** How long a request may take before it is answered 503. */
  WORKDIARY_REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(15),
  /** PostgreSQL: how long to wait for a connection, and how long one statement may run. */
  WORKDIARY_DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2000),
  WORKDIARY_DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** How often the deadline sweeps (auto-approval, auto-escalation) run. */
  WORKDIARY_SWEEP_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** Let webhooks reach loopback, private and link-local addresses (a receiver on this machine or network). */
  WORKDIARY_WEBHOOK_ALLOW_PRIVATE: z.enum(['0', '1', 'true', 'false']).default('0'),
  /** Where mail goes (smtp://user:pass@host:587, smtps://…:465). Unset: mails are kept for Admin → Outbox. */
  WORKDIARY_SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL, like smtp://user:pass@mail.example.com:587' })
    .optional(),
  /** The From of every mail: an address, or a name and an address. */
  WORKDIARY_MAIL_FROM: z
    .string()
    .regex(/^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, { error: 'must be an address, like workdiary <no-reply@diary.example.com>' })
    .default('workdiary <no-reply@localhost>'),
  /** Keep screenshots in this S3-compatible bucket instead of the data folder's disk. */
  WORKDIARY_S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { error: 'must be a bucket name: 3-63 lower-case letters, digits, dots and dashes' }).optional(),
  /** The S3 server, like http://127.0.0.1:9000; unset for AWS S3 itself. */
  WORKDIARY_S3_ENDPOINT: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL, like https://s3.eu-central-1.amazonaws.com' }).optional(),
  WORKDIARY_S3_REGION: z.string().default('us-east-1'),
  WORKDIARY_S3_ACCESS_KEY_ID: z.string().optional(),
  WORKDIARY_S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** Path-style URLs (host/bucket/key), which most servers other than AWS need. */
  WORKDIARY_S3_FORCE_PATH_STYLE: z.enum(['0', '1', 'true', 'false']).default('0'),
  /** Screenshots older than this many days lose their bytes (hashes and receipts stay); unset: kept. */
  WORKDIARY_RETENTION_DAYS: z.coerce.number().int().min(1, { error: 'must be a whole number of days, 1 or more' }).optional(),
  /** The Ed25519 key that signs sealed weeks, as a PKCS#8 PEM; unset: made once in the data folder. */
  WORKDIARY_SEAL_KEY: z
    .string()
    .refine((pem) => {
      try {
        return createPrivateKey(pem).asymmetricKeyType === 'ed25519';
      } catch {
        return false;
      }
    }, { error: 'must be an Ed25519 private key in PKCS#8 PEM (openssl genpkey -algorithm ed25519)' })
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  startAt?: Date;
  demo: boolean;
  login: { maxFailures: number; windowMs: number; maxAddressFailures?: number };
  secureCookies: boolean;
  /** https://… or http://…, without a trailing slash; undefined when not set. */
  publicUrl?: string;
  /** WORKDIARY_RETENTION_DAYS, when set. */
  retentionDays?: number;
  /** WORKDIARY_SEAL_KEY: the seal key's PEM, when given. */
  sealKeyPem?: string;
  /** Fastify's trustProxy: false, a hop count, or addresses and CIDRs. */
  trustProxy: false | number | string[];
  requestTimeoutMs: number;
  db: { connectTimeoutMs: number; statementTimeoutMs: number };
  logLevel: string;
  sweepMs: number;
  /** WORKDIARY_SMTP_URL; undefined: mails are kept in the database for the outbox. */
  smtpUrl?: string;
  mailFrom: string;
  /** WORKDIARY_WEBHOOK_ALLOW_PRIVATE: webhooks may reach internal addresses. */
  webhookAllowPrivate: boolean;
  /** Set when screenshots go to S3-compatible storage; undefined: the data folder's disk. */
  s3?: S3Options;
}

const yes = (v: string | undefined) => v === '1' || v === 'true';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable counts as unset (`DATABASE_URL= npm start`).
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(set);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.WORKDIARY_DATA_DIR),
    startAt: e.WORKDIARY_NOW ? new Date(e.WORKDIARY_NOW) : undefined,
    demo: e.WORKDIARY_DEMO === undefined ? !e.DATABASE_URL : yes(e.WORKDIARY_DEMO),
    login: {
      maxFailures: e.WORKDIARY_LOGIN_MAX_FAILURES,
      windowMs: e.WORKDIARY_LOGIN_WINDOW_SECONDS * 1000,
      maxAddressFailures: e.WORKDIARY_LOGIN_MAX_FAILURES_PER_ADDRESS,
    },
    secureCookies: yes(e.WORKDIARY_SECURE_COOKIES) || Boolean(e.WORKDIARY_PUBLIC_URL?.startsWith('https:')),
    publicUrl: e.WORKDIARY_PUBLIC_URL?.replace(/\/+$/, ''),
    trustProxy: trustProxyOf(e.WORKDIARY_TRUST_PROXY),
    requestTimeoutMs: e.WORKDIARY_REQUEST_TIMEOUT_SECONDS * 1000,
    db: { connectTimeoutMs: e.WORKDIARY_DB_CONNECT_TIMEOUT_MS, statementTimeoutMs: e.WORKDIARY_DB_STATEMENT_TIMEOUT_MS },
    logLevel: e.LOG_LEVEL,
    sweepMs: e.WORKDIARY_SWEEP_SECONDS * 1000,
    smtpUrl: e.WORKDIARY_SMTP_URL,
    mailFrom: e.WORKDIARY_MAIL_FROM,
    webhookAllowPrivate: yes(e.WORKDIARY_WEBHOOK_ALLOW_PRIVATE),
    sealKeyPem: e.WORKDIARY_SEAL_KEY,
    retentionDays: e.WORKDIARY_RETENTION_DAYS,
    s3: e.WORKDIARY_S3_BUCKET
      ? {
          bucket: e.WORKDIARY_S3_BUCKET,
          endpoint: e.WORKDIARY_S3_ENDPOINT,
          region: e.WORKDIARY_S3_REGION,
          accessKeyId: e.WORKDIARY_S3_ACCESS_KEY_ID,
          secretAccessKey: e.WORKDIARY_S3_SECRET_ACCESS_KEY,
          forcePathStyle: yes(e.WORKDIARY_S3_FORCE_PATH_STYLE),
        }
      : undefined,
  };
}

function trustProxyOf(v: string | undefined): Config['trustProxy'] {
  if (!v) return false;
  if (/^\d+$/.test(v)) return Number(v) === 0 ? false : Number(v);
  return v.split(',').map((s) => s.trim()).filter(Boolean);
}
