// The one place that talks HTTP to the workdiary server (see tracker/API.md): the session
// behind the token, the device key, and the upload of one slot.
import type { SlotMeta } from './queue.ts';

export interface TrackerContract {
  id: string;
  title: string;
  companyName: string;
  timeZone: string;
  status: string;
  manualTimeAllowed: boolean;
}

export interface TrackerSession {
  now: string;
  user: { id: string; name: string; email: string };
  device: { id: string; name: string };
  contracts: TrackerContract[];
}

/** The server answered with an error status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(`${status}: ${detail}`);
  }
}

/** The server could not be reached (refused, reset, timed out, DNS). */
export class NetworkError extends Error {}

export interface UploadAnswer {
  status: number;
  /** The problem's detail, or the body's status ('created' / 'unchanged'). */
  detail: string;
  retryAfter: string | null;
}

export interface Api {
  readonly server: string;
  session(): Promise<TrackerSession>;
  /** Registers the device's public key (base64 SPKI DER) for the token. */
  putKey(publicKey: string): Promise<UploadAnswer>;
  putSlot(contractId: string, start: string, meta: SlotMeta, image: { bytes: Buffer; mime: string } | null): Promise<UploadAnswer>;
}

export interface ApiOptions {
  server: string;
  token: string;
  fetch?: typeof fetch;
  /** Per request, in real milliseconds: a hung connection must not stall the queue. */
  timeoutMs?: number;
}

/** Accepts `https://host`, `host:3000`, with or without a trailing slash or `/api`. */
export function normalizeServer(input: string): string {
  let s = input.trim();
  if (!/^https?:\/\//i.test(s)) s = `http://${s}`;
  const url = new URL(s);
  url.pathname = url.pathname.replace(/\/+$/, '').replace(/\/api$/, '');
  url.search = '';
  url.hash = '';
  return url.toString().replace(/\/$/, '');
}

async function problemDetail(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { detail?: string; title?: string; status?: string };
    return body.detail ?? body.title ?? body.status ?? (text || res.statusText);
  } catch {
    return text.slice(0, 300) || res.statusText;
  }
}

const answerOf = async (res: Response): Promise<UploadAnswer> => ({ status: res.status, detail: await problemDetail(res), retryAfter: res.headers.get('retry-after') });

function isSession(x: unknown): x is TrackerSession {
  const s = x as TrackerSession;
  return typeof s === 'object' && s !== null && typeof s.now === 'string' && Array.isArray(s.contracts) &&
    s.contracts.every((c) => typeof c.id === 'string' && typeof c.title === 'string');
}

export function createApi(opts: ApiOptions): Api {
  const server = normalizeServer(opts.server);
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const auth = { authorization: `Bearer ${opts.token}` };

  const request = async (url: string, init: RequestInit): Promise<Response> => {
    try {
      return await doFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      const why = cause?.code ?? cause?.message ?? (err as Error).message;
      throw new NetworkError(`${server} is unreachable (${why})`);
    }
  };

  return {
    server,
    async session() {
      const res = await request(`${server}/api/tracker/session`, { headers: { ...auth, accept: 'application/json' } });
      if (!res.ok) throw new ApiError(res.status, await problemDetail(res));
      const body: unknown = await res.json().catch(() => null);
      if (!isSession(body)) throw new ApiError(res.status, `${server} did not answer like a workdiary server (no tracker session in the body)`);
      return body;
    },
    async putKey(publicKey) {
      const res = await request(`${server}/api/tracker/key`, {
        method: 'PUT',
        headers: { ...auth, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ publicKey }),
      });
      return answerOf(res);
    },
    async putSlot(contractId, start, meta, image) {
      const form = new FormData();
      // The server reads `meta` before the file.
      form.append('meta', JSON.stringify(meta));
      if (image) form.append('screenshot', new Blob([new Uint8Array(image.bytes)], { type: image.mime }), image.mime === 'image/jpeg' ? 'screenshot.jpg' : 'screenshot.webp');
      const url = `${server}/api/contracts/${encodeURIComponent(contractId)}/slots/${encodeURIComponent(start)}`;
      const res = await request(url, { method: 'PUT', headers: auth, body: form });
      return answerOf(res);
    },
  };
}
