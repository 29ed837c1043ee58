// An independent reference for AWS Signature Version 4 query signing (presigned GET), written
// from the published algorithm for the tests only: the presigned URLs the S3 store hands out
// are checked against it, and it is checked against AWS's own published example.
import { createHash, createHmac } from 'node:crypto';

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();
const hex = (data: string) => createHash('sha256').update(data).digest('hex');
/** RFC 3986 encoding, as SigV4 wants it. */
const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export interface PresignInput {
  host: string;
  /** The path, already encoded as it goes on the wire. */
  path: string;
  /** Every query parameter but X-Amz-Signature. */
  query: Record<string, string>;
  secretAccessKey: string;
  /** `20130524` */
  day: string;
  region: string;
}

export function referenceSignature(i: PresignInput): string {
  const canonicalQuery = Object.keys(i.query)
    .sort()
    .map((k) => `${enc(k)}=${enc(i.query[k] ?? '')}`)
    .join('&');
  const canonicalRequest = ['GET', i.path, canonicalQuery, `host:${i.host}`, '', 'host', 'UNSIGNED-PAYLOAD'].join('\n');
  const scope = `${i.day}/${i.region}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', i.query['X-Amz-Date'], scope, hex(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${i.secretAccessKey}`, i.day), i.region), 's3'), 'aws4_request');
  return createHmac('sha256', key).update(toSign).digest('hex');
}
