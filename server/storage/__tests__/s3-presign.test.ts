// Presigned GETs for full-size screenshots. s3rver does not check signatures, so the signing is
// checked here against a reference computed from the published algorithm, which itself
// reproduces AWS's published example.
import { describe, expect, it } from 'vitest';
import { bucketOrigin, s3BlobStore, SIGNED_URL_SECONDS, SIGNING_WINDOW_MS, type S3Options } from '../s3-blob-store.ts';
import { referenceSignature } from './sigv4-reference.ts';

const AWS_EXAMPLE = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};
const SHA = 'ab'.repeat(32);

describe('the SigV4 reference', () => {
  it("reproduces AWS's published presigned-URL example", () => {
    // "Authenticating Requests: Using Query Parameters (AWS Signature Version 4)", the GET of
    // examplebucket/test.txt on 24 May 2013 for 86,400 s; that example signs no payload hash
    // parameter, so it is left out of the query here as it is there.
    const query = {
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': `${AWS_EXAMPLE.accessKeyId}/20130524/us-east-1/s3/aws4_request`,
      'X-Amz-Date': '20130524T000000Z',
      'X-Amz-Expires': '86400',
      'X-Amz-SignedHeaders': 'host',
    };
    expect(
      referenceSignature({ host: 'examplebucket.s3.amazonaws.com', path: '/test.txt', query, secretAccessKey: AWS_EXAMPLE.secretAccessKey, day: '20130524', region: 'us-east-1' }),
    ).toBe('aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404');
  });
});

describe('S3 store presigned URLs', () => {
  const store = s3BlobStore({ bucket: 'screens', endpoint: 'https://s3.example.test', region: 'eu-central-1', ...AWS_EXAMPLE, forcePathStyle: true });
  const at = new Date('2026-11-30T09:12:34.567Z');

  it('signs a GET that matches the reference signature, valid for at most 5 minutes', async () => {
    const signed = await store.signedUrl('contract_1', SHA, at, 'image/png');
    const url = new URL(signed.url);
    expect(url.origin + url.pathname).toBe(`https://s3.example.test/screens/contract_1/ab/${SHA}`);
    expect(url.origin).toBe(store.signedUrlOrigin);
    const query = Object.fromEntries(url.searchParams);
    const { 'X-Amz-Signature': signature, ...rest } = query;
    // The image's type and how long the browser keeps it are part of what is signed.
    expect(rest).toMatchObject({ 'response-content-type': 'image/png', 'response-cache-control': `private, max-age=${SIGNED_URL_SECONDS}` });
    expect(Number(rest['X-Amz-Expires'])).toBe(SIGNED_URL_SECONDS);
    expect(SIGNED_URL_SECONDS).toBeLessThanOrEqual(300);
    // Signed as of the start of its window: 09:12:30 (windows of 150 s from the epoch).
    expect(rest['X-Amz-Date']).toBe('20261130T091230Z');
    expect(signature).toBe(
      referenceSignature({ host: url.host, path: url.pathname, query: rest, secretAccessKey: AWS_EXAMPLE.secretAccessKey, day: '20261130', region: 'eu-central-1' }),
    );
  });

  it('gives the same URL within a window, so the browser cache works, and a new one after it', async () => {
    const windowStart = Math.floor(at.getTime() / SIGNING_WINDOW_MS) * SIGNING_WINDOW_MS;
    const first = await store.signedUrl('contract_1', SHA, new Date(windowStart));
    const last = await store.signedUrl('contract_1', SHA, new Date(windowStart + SIGNING_WINDOW_MS - 1));
    const next = await store.signedUrl('contract_1', SHA, new Date(windowStart + SIGNING_WINDOW_MS));
    expect(last.url).toBe(first.url);
    expect(next.url).not.toBe(first.url);
    // Until when it stays the same: the end of its window.
    expect(first.sameUntil.getTime()).toBe(windowStart + SIGNING_WINDOW_MS);
    expect(next.sameUntil.getTime()).toBe(windowStart + 2 * SIGNING_WINDOW_MS);
  });
});

describe('the origin of presigned URLs, for the Content-Security-Policy', () => {
  const cases: [string, Omit<S3Options, 'accessKeyId' | 'secretAccessKey'>, string][] = [
    ['AWS, virtual-hosted', { bucket: 'shots', region: 'eu-central-1', forcePathStyle: false }, 'https://shots.s3.eu-central-1.amazonaws.com'],
    ['AWS in us-east-1', { bucket: 'shots', region: 'us-east-1', forcePathStyle: false }, 'https://shots.s3.us-east-1.amazonaws.com'],
    ['AWS, path style', { bucket: 'shots', region: 'eu-central-1', forcePathStyle: true }, 'https://s3.eu-central-1.amazonaws.com'],
    ['AWS, a bucket with dots', { bucket: 'my.shots', region: 'eu-central-1', forcePathStyle: false }, 'https://s3.eu-central-1.amazonaws.com'],
    ['AWS China', { bucket: 'shots', region: 'cn-north-1', forcePathStyle: false }, 'https://shots.s3.cn-north-1.amazonaws.com.cn'],
    ['a server, path style', { bucket: 'shots', region: 'us-east-1', endpoint: 'http://minio.local:9000', forcePathStyle: true }, 'http://minio.local:9000'],
    ['a server, virtual-hosted', { bucket: 'shots', region: 'auto', endpoint: 'https://acct.r2.cloudflarestorage.com', forcePathStyle: false }, 'https://shots.acct.r2.cloudflarestorage.com'],
    ['a server by IP address', { bucket: 'shots', region: 'us-east-1', endpoint: 'http://127.0.0.1:9000', forcePathStyle: false }, 'http://127.0.0.1:9000'],
    ['a server, a bucket with dots', { bucket: 'my.shots', region: 'us-east-1', endpoint: 'https://s3.example.test', forcePathStyle: false }, 'https://s3.example.test'],
  ];
  it.each(cases)('%s', async (_name, options, origin) => {
    expect(bucketOrigin({ ...options, ...AWS_EXAMPLE })).toBe(origin);
    // And the SDK agrees: the URL it signs points there.
    const store = s3BlobStore({ ...options, ...AWS_EXAMPLE });
    expect(new URL((await store.signedUrl('contract_1', SHA, new Date())).url).origin).toBe(origin);
  });
});
