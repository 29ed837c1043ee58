// Builds the Fastify app: plugins, error handling, routes, and the built dashboard.
import { useSealKey, type SealKey } from './lib/seal-key.ts';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { BlobStoreUnavailableError, type BlobStore } from './storage/blob-store.ts';
import { authPlugin } from './auth.ts';
import { API_DOCS_CSP, securityPlugin } from './lib/security-headers.ts';
import { API_PRELOAD_SCRIPT } from './lib/page-scripts.ts';
import { HttpProblem, sendProblem, unavailable } from './lib/problem.ts';
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from './db/outage.ts';
import { apiRoutes } from './routes/api.ts';
import { downloadRoutes } from './routes/downloads.ts';
import { oneClickUnsubscribeRoutes } from './routes/unsubscribe.ts';
import { loginLimiter, type LoginLimiter } from './lib/login-limiter.ts';

/** The settings the app itself reads (the rest of Config is main.ts's). */
export type AppConfig = Pick<Config, 'login' | 'secureCookies' | 'publicUrl' | 'trustProxy' | 'requestTimeoutMs'>;

export interface Deps {
  database: Database;
  blobs: BlobStore;
  clock: Clock;
  config: AppConfig;
  loginLimiter: LoginLimiter;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: Deps;
  }
}

export interface AppOptions {
  database: Database;
  blobs: BlobStore;
  clock: Clock;
  config: AppConfig & Pick<Config, 'logLevel'>;
  /** Folder of the built dashboard to serve; omitted in API tests. */
  staticDir?: string;
  /** The key that signs sealed weeks; without it (tests) one is made in memory. */
  sealKey?: SealKey;
}

export type App = FastifyInstance;

/** Trusts the nearest `hops` senders of X-Forwarded-For (the socket's peer is hop 0). */
const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

export async function buildApp(opts: AppOptions): Promise<App> {
  const app = Fastify({
    logger: opts.config.logLevel === 'silent' ? false : { level: opts.config.logLevel },
    // Behind the TLS proxy, req.ip is the client's address from X-Forwarded-For, and only then.
    // Fastify ignores a bare hop count (it cannot check who sent the header), so a hop count
    // is given as the function it stands for: the installation that sets one is reachable
    // only through its proxies.
    trustProxy: typeof opts.config.trustProxy === 'number' ? trustHops(opts.config.trustProxy) : opts.config.trustProxy,
    bodyLimit: 1_048_576,
    // A request still running at the deadline (a database that answers nothing, a stuck blob
    // store) is answered 503 through the error handler, rather than holding its client.
    handlerTimeout: opts.config.requestTimeoutMs,
    routerOptions: { ignoreTrailingSlash: true },
    // Errors raised before routing (a URL that is not valid percent-encoding) are problems too.
    frameworkErrors: (err, _req, reply) => sendProblem(reply, 400, `The address is not valid: ${err.message}`),
  }).withTypeProvider<ZodTypeProvider>();

  if (opts.sealKey) useSealKey(opts.sealKey);
  app.decorate('deps', {
    database: opts.database,
    blobs: opts.blobs,
    clock: opts.clock,
    config: opts.config,
    loginLimiter: loginLimiter(opts.database, opts.config.login),
  });

  app.setValidatorCompiler(validatorCompiler);
  // Response schemas document the API; the payloads are built to them, so they are sent as they are.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  app.setErrorHandler((err, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'request';
      const errors = err.validation.map((v) => ({
        field: `${where}${v.instancePath.replace(/\//g, '.').replace(/\.$/, '')}`,
        message: v.message ?? 'is not valid',
      }));
      const detail = errors.map((e) => `${e.field} ${e.message}`).join('; ');
      return sendProblem(reply, 400, `The request is not valid: ${detail}.`, errors);
    }
    let problem = err instanceof HttpProblem ? err : null;
    // The blob store first: its socket errors would otherwise read as the database's.
    if (err instanceof BlobStoreUnavailableError) {
      req.log.warn({ err }, 'the blob store is not answering');
      problem = unavailable(`${err.message} Try again in a few seconds.`);
    } else if (isDatabaseUnavailable(err)) {
      req.log.warn({ err }, 'the database is not answering');
      problem = unavailable(DATABASE_UNAVAILABLE);
    } else if ((err as { code?: string }).code === 'FST_ERR_HANDLER_TIMEOUT') {
      req.log.warn({ url: req.url }, 'the request ran past its deadline');
      problem = unavailable(`The server took too long to answer (over ${opts.config.requestTimeoutMs / 1000} s); try again in a few seconds.`);
    }
    if (problem) {
      if (problem.headers) reply.headers(problem.headers);
      return sendProblem(reply, problem.status, problem.detail, problem.errors);
    }
    const status = (err as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      return sendProblem(reply, status, (err as Error).message || 'The request could not be handled.');
    }
    req.log.error(err as Error);
    return sendProblem(reply, 500, 'Something went wrong on our side. It has been logged; please try again.');
  });

  // First of the hooks: a cross-site change is refused before anything else is looked up.
  await app.register(securityPlugin, {
    publicUrl: opts.config.publicUrl,
    inlineScripts: [API_PRELOAD_SCRIPT],
    imageOrigins: opts.blobs.signedUrlOrigin ? [opts.blobs.signedUrlOrigin] : [],
  });
  await app.register(cookie);
  // Bodies up to 128 KB are compressed in one synchronous call: a stream per response costs more.
  await app.register(compress, { threshold: 1024, syncThreshold: 128 * 1024, encodings: ['br', 'gzip', 'deflate'] });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'workdiary API',
        description: 'The work diary for hourly contracts: contracts, weeks of 10-minute slots, screenshots.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'wd_session' },
          tracker: { type: 'http', scheme: 'bearer', bearerFormat: 'wdt_…', description: 'A tracker token, made on the dashboard’s Trackers page' },
        },
      },
      security: [{ session: [] }],
    },
    // A multipart body is not validated by a zod schema (its route reads the parts), so its
    // route documents it with a JSON schema of its own.
    transform: (doc) => {
      const out = jsonSchemaTransform(doc);
      const multipartBody = doc.schema?.multipartBody;
      if (!multipartBody) return out;
      const { multipartBody: _documented, ...schema } = out.schema as Record<string, unknown>;
      return { ...out, schema: { ...schema, body: multipartBody } };
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: API_DOCS_CSP });
  await app.register(authPlugin);

  await app.register(apiRoutes, { prefix: '/api' });
  await app.register(downloadRoutes, { dir: opts.staticDir });
  await app.register(oneClickUnsubscribeRoutes);

  const staticDir = opts.staticDir && fs.existsSync(path.join(opts.staticDir, 'index.html')) ? opts.staticDir : undefined;
  if (staticDir) {
    await app.register(fastifyStatic, {
      root: staticDir,
      wildcard: false,
      index: false,
      // The build writes .br and .gz beside each script and style sheet (vite.config.ts).
      preCompressed: true,
      // The tracker's package has a route of its own (routes/downloads.ts).
      globIgnore: ['downloads/**'],
      setHeaders: (reply, file) => {
        if (file.includes(`${path.sep}assets${path.sep}`)) reply.header('Cache-Control', 'public, max-age=31536000, immutable');
        reply.header('Vary', 'Accept-Encoding');
      },
    });
    // A path with a file extension is an asset (a 404 when missing); anything else is a
    // route of the SPA and gets index.html. Checked per request, so a rebuild is served at once.
    const root = path.resolve(staticDir);
    app.get('/*', { schema: { hide: true } }, async (req, reply) => {
      let url: string;
      try {
        url = decodeURIComponent(req.url.split('?')[0]!);
      } catch {
        return sendProblem(reply, 400, 'The address is not valid URL encoding.');
      }
      // The API's unknown paths are the API's 404, never the dashboard; and nothing in a dot
      // folder is the dashboard's.
      if (url === '/api' || url.startsWith('/api/')) return sendProblem(reply, 404, `There is no ${req.method} ${url}. The API is described at /api/docs.`);
      if (/\/\./.test(url)) return sendProblem(reply, 404, `There is no file ${url}.`);
      const file = path.resolve(root, `.${url}`);
      if (path.extname(url) && url !== '/index.html') {
        if (!file.startsWith(root + path.sep) || !fs.existsSync(file)) {
          return sendProblem(reply, 404, `There is no file ${url}. Reload the page: the dashboard may have been updated.`);
        }
        return reply.sendFile(path.relative(root, file));
      }
      // Every page of the dashboard is index.html as built, the same for every viewer: the
      // browser keeps it and revalidates it by its ETag. The page starts its own API calls
      // (API_PRELOAD_SCRIPT) while its scripts load.
      return reply.header('Cache-Control', 'no-cache').sendFile('index.html', { cacheControl: false });
    });
  }

  app.setNotFoundHandler((req, reply) =>
    sendProblem(reply, 404, `There is no ${req.method} ${req.url.split('?')[0]}. The API is described at /api/docs.`),
  );

  return app;
}
