// Screenshot blobs in S3-compatible object storage (AWS S3, Garage, SeaweedFS, Ceph RGW,
// Cloudflare R2), through the AWS SDK. Keys are `<namespace>/<sha256[0..2]>/<sha256>`, as on
// the disk. A PUT is atomic and durable once answered, so there are no half-written objects
// to sweep; orphans (an object whose row never committed) are found by age and by the rows.
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { randomBytes } from 'node:crypto';
import { BlobStoreUnavailableError, sha256Hex, type BlobStore } from './blob-store.ts';

export interface S3Options {
  bucket: string;
  /** e.g. http://127.0.0.1:9000; unset for AWS itself. */
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Path-style URLs (http://host/bucket/key): most servers other than AWS want them. */
  forcePathStyle: boolean;
  /** How long one operation may take, its retries included; S3_TIMEOUT_MS unless told. */
  timeoutMs?: number;
}

/**
 * A request waits at most this long for the bucket: an upload or an image then answers 503
 * promptly when the server is down or hangs, instead of holding the tracker or the browser.
 */
export const S3_TIMEOUT_MS = 5000;

/** How long a full-size screenshot's presigned URL lives at most. */
export const SIGNED_URL_SECONDS = 300;
/**
 * URLs are signed as of the start of a window half their life long: within a window every
 * request for one screenshot gets the same URL (the browser's cache works), and a URL handed
 * out lives between 150 and 300 seconds.
 */
export const SIGNING_WINDOW_MS = (SIGNED_URL_SECONDS / 2) * 1000;

// The SDK warns on Node 20 that its releases from January 2027 need Node 22. package.json pins
// it to a 3.1178.x release, which supports Node 20, so the warning says nothing to an operator.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const SAFE = /^[A-Za-z0-9_-]{1,80}$/;
const HEX = /^[0-9a-f]{64}$/;

export function s3Client(o: S3Options): S3Client {
  return new S3Client({
    region: o.region,
    endpoint: o.endpoint,
    forcePathStyle: o.forcePathStyle,
    credentials: o.accessKeyId && o.secretAccessKey ? { accessKeyId: o.accessKeyId, secretAccessKey: o.secretAccessKey } : undefined,
    // Servers other than AWS refuse the SDK's default request checksums.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
    // A server that refuses is retried at once; one that accepts the connection and never
    // answers costs one attempt, not three (the store's own deadline covers the whole).
    requestHandler: { connectionTimeout: 2000, requestTimeout: Math.max(3000, (o.timeoutMs ?? S3_TIMEOUT_MS) / 2), throwOnRequestTimeout: true },
  });
}

export interface S3BlobStore extends BlobStore {
  signedUrl: NonNullable<BlobStore['signedUrl']>;
  readonly signedUrlOrigin: string;
  /** The object's size and, when the server gives one, the MD5 of its bytes (a single PUT's ETag); null when absent. */
  head(namespace: string, sha256: string): Promise<{ size: number; md5: string | null } | null>;
  client: S3Client;
}

const isMissing = (err: unknown) =>
  err instanceof NoSuchKey || (err instanceof S3ServiceException && (err.name === 'NotFound' || err.$metadata.httpStatusCode === 404));

/**
 * The origin presigned URLs point at, as the SDK builds them: the bucket as a host name
 * (virtual-hosted style) unless path style is asked for, the bucket's name has dots (TLS
 * certificates do not cover them) or the endpoint is an IP address; AWS itself when no
 * endpoint is given.
 */
export function bucketOrigin(o: S3Options): string {
  const endpoint = new URL(o.endpoint ?? `https://s3.${o.region}.amazonaws.com${o.region.startsWith('cn-') ? '.cn' : ''}`);
  const isIp = /^\d{1,3}(\.\d{1,3}){3}$|^\[.*\]$/.test(endpoint.hostname);
  if (o.forcePathStyle || o.bucket.includes('.') || isIp) return endpoint.origin;
  return `${endpoint.protocol}//${o.bucket}.${endpoint.host}`;
}

/** The failure in a word: a socket's code, the server's error code, or that nothing answered in time. */
function reasonOf(err: unknown, timeoutMs: number): string | undefined {
  const { code, name } = err as { code?: unknown; name?: unknown };
  if (name === 'AbortError' || name === 'TimeoutError') return `no answer within ${timeoutMs / 1000} s`;
  if (typeof code === 'string') return code;
  return err instanceof S3ServiceException ? err.name : undefined;
}

/** `pageSize`: keys per listing page (the servers' own limit is 1,000; tests make it small). */
export function s3BlobStore(o: S3Options, client: S3Client = s3Client(o), pageSize = 1000): S3BlobStore {
  const Bucket = o.bucket;
  const prefix = (ns: string) => {
    if (!SAFE.test(ns)) throw new Error(`bad blob namespace ${ns}`);
    return `${ns}/`;
  };
  const key = (ns: string, sha: string) => {
    if (!HEX.test(sha)) throw new Error(`bad blob key ${sha}`);
    return `${prefix(ns)}${sha.slice(0, 2)}/${sha}`;
  };
  const timeoutMs = o.timeoutMs ?? S3_TIMEOUT_MS;
  /** Sends with the store's deadline; any failure means the bucket cannot be used now. */
  const send = async <T>(action: 'written' | 'read', work: (abortSignal: AbortSignal) => Promise<T>): Promise<T> => {
    try {
      return await work(AbortSignal.timeout(timeoutMs));
    } catch (err) {
      throw new BlobStoreUnavailableError(err, action, reasonOf(err, timeoutMs));
    }
  };
  /** A read of one object, or null when the bucket has no such object. */
  const readOrNull = async <T>(work: (abortSignal: AbortSignal) => Promise<T>): Promise<T | null> => {
    try {
      return await send('read', work);
    } catch (err) {
      if (isMissing((err as Error).cause)) return null;
      throw err;
    }
  };
  return {
    kind: 's3',
    client,
    async put(ns, bytes, known) {
      const sha = known ?? sha256Hex(bytes);
      const Key = key(ns, sha);
      // Always written, never skipped when present: the write renews the object's
      // LastModified, so an upload in flight never looks like an old orphan.
      await send('written', (abortSignal) =>
        client.send(new PutObjectCommand({ Bucket, Key, Body: bytes, ContentType: 'application/octet-stream' }), { abortSignal }),
      );
      return sha;
    },
    async get(ns, sha) {
      const Key = key(ns, sha);
      return readOrNull(async (abortSignal) => {
        const out = await client.send(new GetObjectCommand({ Bucket, Key }), { abortSignal });
        return out.Body ? Buffer.from(await out.Body.transformToByteArray()) : Buffer.alloc(0);
      });
    },
    async head(ns, sha) {
      const Key = key(ns, sha);
      const out = await readOrNull((abortSignal) => client.send(new HeadObjectCommand({ Bucket, Key }), { abortSignal }));
      if (!out) return null;
      // A multipart or encrypted object's ETag is not its MD5; those carry a dash or another length.
      const md5 = /^"?([0-9a-f]{32})"?$/.exec(out.ETag ?? '')?.[1] ?? null;
      return { size: out.ContentLength ?? 0, md5 };
    },
    async delete(ns, sha) {
      const Key = key(ns, sha);
      await send('written', (abortSignal) => client.send(new DeleteObjectCommand({ Bucket, Key }), { abortSignal }));
    },
    async listOlderThan(ns, before) {
      // ListObjects (v1) with a marker: every S3-compatible server pages it alike (s3rver's v2
      // paging fails once a listing is truncated).
      const out: string[] = [];
      let Marker: string | undefined;
      for (;;) {
        const page = await send('read', (abortSignal) =>
          client.send(new ListObjectsCommand({ Bucket, Prefix: prefix(ns), Marker, MaxKeys: pageSize }), { abortSignal }),
        );
        const contents = page.Contents ?? [];
        for (const obj of contents) {
          const sha = obj.Key?.split('/').pop() ?? '';
          if (HEX.test(sha) && obj.LastModified && obj.LastModified.getTime() < before.getTime()) out.push(sha);
        }
        if (!page.IsTruncated || contents.length === 0) return out;
        Marker = page.NextMarker ?? contents[contents.length - 1]!.Key;
      }
    },
    async deleteUnfinished() {
      return 0; // single PUTs: an object is there whole or not at all
    },
    async check() {
      const probe = `.probe/${randomBytes(6).toString('hex')}`;
      await send('written', async (abortSignal) => {
        await client.send(new PutObjectCommand({ Bucket, Key: probe, Body: 'workdiary' }), { abortSignal });
        await client.send(new DeleteObjectCommand({ Bucket, Key: probe }), { abortSignal });
      });
    },
    signedUrlOrigin: bucketOrigin(o),
    async signedUrl(ns, sha, now, contentType) {
      const signingDate = new Date(Math.floor(now.getTime() / SIGNING_WINDOW_MS) * SIGNING_WINDOW_MS);
      // The object is stored as octets: the URL asks the server to answer with the image's type
      // (shown, not downloaded, when opened in a tab), cached by the browser while it is valid.
      const command = new GetObjectCommand({
        Bucket,
        Key: key(ns, sha),
        ...(contentType ? { ResponseContentType: contentType } : {}),
        ResponseCacheControl: `private, max-age=${SIGNED_URL_SECONDS}`,
      });
      const url = await getSignedUrl(client, command, { expiresIn: SIGNED_URL_SECONDS, signingDate });
      return { url, sameUntil: new Date(signingDate.getTime() + SIGNING_WINDOW_MS) };
    },
  };
}

/** Which setting to look at when the bucket cannot be written at start-up, from the S3 error. */
export function bucketAdvice(err: unknown): string {
  const cause = ((err as Error).cause ?? err) as { name?: string; code?: string; cause?: { code?: string } };
  const code = cause.code ?? cause.cause?.code ?? '';
  switch (cause.name) {
    case 'NoSuchBucket':
      return 'WORKDIARY_S3_BUCKET names a bucket that does not exist on that server: create it, or correct the name.';
    case 'InvalidAccessKeyId':
      return 'WORKDIARY_S3_ACCESS_KEY_ID is not a key that server knows.';
    case 'SignatureDoesNotMatch':
      return 'WORKDIARY_S3_SECRET_ACCESS_KEY does not belong to WORKDIARY_S3_ACCESS_KEY_ID.';
    case 'AccessDenied':
      return 'The key in WORKDIARY_S3_ACCESS_KEY_ID may not write to WORKDIARY_S3_BUCKET.';
    case 'PermanentRedirect':
    case 'AuthorizationHeaderMalformed':
      return 'The bucket is in another region than WORKDIARY_S3_REGION.';
  }
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET/.test(code) || /Timeout|timed out/i.test(cause.name ?? '')) {
    return 'Nothing answers at WORKDIARY_S3_ENDPOINT (or at AWS, when it is unset).';
  }
  return 'Check WORKDIARY_S3_BUCKET, WORKDIARY_S3_ENDPOINT, WORKDIARY_S3_REGION, WORKDIARY_S3_ACCESS_KEY_ID and WORKDIARY_S3_SECRET_ACCESS_KEY.';
}
