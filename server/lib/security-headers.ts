// What a browser is told to refuse, and which cross-site requests the server refuses itself.
//
// The session cookie is SameSite=Lax, which still lets another site's page send a top-level
// or `no-cors` POST without a body (approve a week, withdraw a dispute, log out). So every
// request that changes something must come from this site's own pages: its Origin (or, from
// a browser that sends none, its Sec-Fetch-Site) must be this site. A request with neither
// header comes from no browser page (a script, curl) and carries no ambient cookie of a
// victim. The tracker's uploads authenticate with a bearer token, which no other site's page
// can make a browser send (that would need a CORS preflight, which the server never allows).
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { HttpProblem } from './problem.ts';

export interface SecurityOptions {
  /** WORKDIARY_PUBLIC_URL: when set, the only origin changes are accepted from; https turns on HSTS. */
  publicUrl?: string;
  /** The text of every executable inline script the pages carry: each is allowed by its hash. */
  inlineScripts: readonly string[];
  /** Origins images may also come from: the bucket full-size screenshots redirect to. */
  imageOrigins?: readonly string[];
}

const CHANGES_STATE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const scriptHash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The policy of every response. Scripts: the dashboard's own files and the listed inline
 * scripts only. Styles: the dashboard's style sheets, plus `style` attributes (inert without
 * script, and set by the charting library), never a <style> element. Images: data: for the
 * small icons the build inlines into the style sheets, blob: previews, and the bucket that
 * full-size screenshots are fetched from when they are stored in S3.
 */
function contentSecurityPolicy(inlineScripts: readonly string[], styles: 'attributes' | 'inline' = 'attributes', imageOrigins: readonly string[] = []): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${[...new Set(inlineScripts)].map(scriptHash).join(' ')}`.trim(),
    "script-src-attr 'none'",
    styles === 'inline' ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'; style-src-attr 'unsafe-inline'",
    ["img-src 'self' data: blob:", ...imageOrigins].join(' '),
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The API's documentation (Swagger UI): no inline script either, but it adds <style> elements of its own. */
export const API_DOCS_CSP = contentSecurityPolicy([], 'inline');

/** Powerful features no page of the dashboard uses, off for it and for anything it might embed. */
const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
].join(', ');

/** The origin a request was sent to: the public URL's when configured, else its own scheme and Host (as trustProxy allows). */
function siteOrigin(req: FastifyRequest, publicOrigin: string | undefined): string | null {
  if (publicOrigin) return publicOrigin;
  return originOf(`${req.protocol}://${req.host}`);
}

function originOf(value: string): string | null {
  try {
    const origin = new URL(value).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

const header = (req: FastifyRequest, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** Why a state-changing request is refused as cross-site, or null when it may go on. */
function crossSiteRefusal(req: FastifyRequest, publicOrigin: string | undefined): string | null {
  if (!CHANGES_STATE.has(req.method)) return null;
  if (/^Bearer\s/i.test(header(req, 'authorization') ?? '')) return null;
  const origin = header(req, 'origin');
  const site = siteOrigin(req, publicOrigin);
  if (origin !== undefined) {
    if (site !== null && originOf(origin) === site) return null;
    return `it was sent from ${origin.slice(0, 200) || 'an unnamed origin'}, not from ${site ?? 'this site'}`;
  }
  const fetchSite = header(req, 'sec-fetch-site');
  if (fetchSite === undefined || fetchSite === 'same-origin' || fetchSite === 'none') return null;
  return `the browser marked it ${fetchSite.slice(0, 40)} (Sec-Fetch-Site)`;
}

export const securityPlugin = fp<SecurityOptions>(async (app: FastifyInstance, opts) => {
  const publicOrigin = opts.publicUrl ? (originOf(opts.publicUrl) ?? undefined) : undefined;
  const csp = contentSecurityPolicy(opts.inlineScripts, 'attributes', opts.imageOrigins);
  const hsts = publicOrigin?.startsWith('https:') ? 'max-age=31536000; includeSubDomains' : undefined;

  app.addHook('onRequest', async (req) => {
    const why = crossSiteRefusal(req, publicOrigin);
    if (!why) return;
    throw new HttpProblem(
      403,
      `This change was refused because ${why}: changes are accepted only from the dashboard's own pages. ` +
        'Open the dashboard at its own address and try again. (Running it behind a proxy? Set WORKDIARY_PUBLIC_URL to the address people use.)',
    );
  });

  app.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply) => {
    // The API's documentation sets API_DOCS_CSP over this one (its plugin's own hook runs after).
    reply.header('Content-Security-Policy', csp);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'same-origin');
    reply.header('Permissions-Policy', PERMISSIONS_POLICY);
    if (hsts) reply.header('Strict-Transport-Security', hsts);
    if (req.url.startsWith('/api/')) {
      // An API answer is someone's data: no cache keeps it, not even the browser's. An image's
      // route sets its own (private, immutable), which holds for the image but not for a
      // problem the same route answers instead.
      const type = String(reply.getHeader('Content-Type') ?? '');
      if (/[/+]json\b/.test(type) || !reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
    }
  });
});
