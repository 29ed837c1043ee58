import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';

describe('configuration', () => {
  it('seeds the demo on the embedded database only, unless asked', () => {
    expect(loadConfig({}).demo).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1/db' }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1/db', WORKDIARY_DEMO: '1' }).demo).toBe(true);
    expect(loadConfig({ WORKDIARY_DEMO: '0' }).demo).toBe(false);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
  });

  it('starts the clock at WORKDIARY_NOW', () => {
    expect(loadConfig({ WORKDIARY_NOW: '2026-11-25T15:00:00Z' }).startAt?.toISOString()).toBe('2026-11-25T15:00:00.000Z');
  });

  it('fails loudly, naming each bad setting', () => {
    expect(() => loadConfig({ PORT: 'eighty', WORKDIARY_NOW: 'tomorrow' })).toThrow(/PORT[\s\S]*WORKDIARY_NOW/);
  });

  it('takes a seal key only as an Ed25519 PKCS#8 PEM', () => {
    const ed = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(loadConfig({ WORKDIARY_SEAL_KEY: ed }).sealKeyPem).toBe(ed);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => loadConfig({ WORKDIARY_SEAL_KEY: rsa })).toThrow(/WORKDIARY_SEAL_KEY[\s\S]*Ed25519 private key in PKCS#8 PEM/);
    expect(() => loadConfig({ WORKDIARY_SEAL_KEY: 'not a key' })).toThrow(/WORKDIARY_SEAL_KEY/);
  });

  it('trusts X-Forwarded-For only from the proxies it is told of', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ WORKDIARY_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ WORKDIARY_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(() => loadConfig({ WORKDIARY_TRUST_PROXY: 'everyone' })).toThrow(/WORKDIARY_TRUST_PROXY/);
  });

  it('makes cookies Secure when the public address is https', () => {
    expect(loadConfig({ WORKDIARY_PUBLIC_URL: 'https://diary.example.com/' })).toMatchObject({ publicUrl: 'https://diary.example.com', secureCookies: true });
    expect(loadConfig({ WORKDIARY_PUBLIC_URL: 'http://localhost:3000' }).secureCookies).toBe(false);
    expect(() => loadConfig({ WORKDIARY_PUBLIC_URL: 'ftp://x' })).toThrow(/WORKDIARY_PUBLIC_URL/);
  });

  it('keeps screenshots on the disk unless a bucket is named, and then reads the S3 settings', () => {
    expect(loadConfig({}).s3).toBeUndefined();
    expect(
      loadConfig({ WORKDIARY_S3_BUCKET: 'screens', WORKDIARY_S3_ENDPOINT: 'http://127.0.0.1:9000', WORKDIARY_S3_FORCE_PATH_STYLE: '1', WORKDIARY_S3_ACCESS_KEY_ID: 'k', WORKDIARY_S3_SECRET_ACCESS_KEY: 's' }).s3,
    ).toEqual({ bucket: 'screens', endpoint: 'http://127.0.0.1:9000', region: 'us-east-1', accessKeyId: 'k', secretAccessKey: 's', forcePathStyle: true });
    expect(() => loadConfig({ WORKDIARY_S3_BUCKET: 'Bad_Bucket' })).toThrow(/WORKDIARY_S3_BUCKET/);
    expect(() => loadConfig({ WORKDIARY_S3_BUCKET: 'screens', WORKDIARY_S3_ENDPOINT: 'minio:9000' })).toThrow(/WORKDIARY_S3_ENDPOINT/);
  });
});
