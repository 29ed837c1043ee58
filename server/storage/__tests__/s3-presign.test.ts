// Presigned GETs for full-size screenshots. s3rver does not check signatures, so the signing is
// checked here against a reference computed from the published algorithm, which itself
// reproduces AWS's published example.
import { describe, expect, it } from 'vitest';
import { s3BlobStore, SIGNED_URL_SECONDS, SIGNING_WINDOW_MS } from '../s3-blob-store.ts';
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
    const url = new URL(await store.signedUrl('contract_1', SHA, at));
    expect(url.origin + url.pathname).toBe(`https://s3.example.test/screens/contract_1/ab/${SHA}`);
    const query = Object.fromEntries(url.searchParams);
    const { 'X-Amz-Signature': signature, ...rest } = query;
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
    expect(last).toBe(first);
    expect(next).not.toBe(first);
  });

});
