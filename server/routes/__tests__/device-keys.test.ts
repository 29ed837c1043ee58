// Device-signed slots (docs/evidence.md, "Device signatures"), through the real app on a real
// database: a tracker registers its key once per token, signs each slot, and the server keeps
// the signature in the slot's receipt; a slot it did not sign, or a forged one, is refused.
import { createHash, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, type JsonValue } from '#contract/canonical-json.ts';
import type { Problem } from '#contract/common.ts';
import type { SignedSlotFields, SlotReceipt } from '#contract/receipts.ts';
import type { CreatedTracker, DeviceKey, TrackerList } from '#contract/trackers.ts';
import { backends, connectTracker, type TestEnv } from '#server/test/harness.ts';
import type { World } from '#server/test/fixtures.ts';
import { T, metaFor, type MetaIn, type Who, ingestSuite } from './ingest-suite.ts';

interface Device {
  token: string;
  publicKey: string;
  privateKey: KeyObject;
}

const spki = (key: KeyObject) => key.export({ format: 'der', type: 'spki' }).toString('base64');

/** What a tracker signs for this upload: the slot receipt's fields but the server's own. */
function signedFields(contract: string, start: string, meta: MetaIn, image: Buffer | null): SignedSlotFields {
  return {
    type: 'slot',
    contract,
    start,
    capturedAt: image ? (meta.capturedAt as string) : null,
    screenshotSha256: image ? createHash('sha256').update(image).digest('hex') : null,
    keyboard: meta.keyboard as number[],
    mouse: meta.mouse as number[],
    memo: meta.memo as string,
    windowTitle: meta.windowTitle as string,
    kind: 'tracked',
  };
}

const signFields = (fields: SignedSlotFields, key: KeyObject) =>
  sign(null, Buffer.from(canonicalJson(fields as unknown as JsonValue)), key).toString('base64');

describe.each(backends)('device-signed slots on %s', (backend) => {
  const suite = ingestSuite(backend);
  const { put, slotCount } = suite;
  let env: TestEnv;
  let world: World;
  let dev: Who;
  let client: Who;
  let designerToken: string;
  let shot: Buffer;
  beforeAll(() => ({ env, world, dev, client, designerToken, shot } = suite.state));

  const putKey = (token: string | null, payload: unknown) =>
    env.app.inject({ method: 'PUT', url: '/api/tracker/key', headers: token ? { authorization: `Bearer ${token}` } : {}, payload: payload as object });

  /** A new token for the developer, with a key pair made for it (registered unless told). */
  async function newDevice(register = true): Promise<Device> {
    const token = await connectTracker(env.app, dev, 'Signing laptop');
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const device = { token, publicKey: spki(publicKey), privateKey };
    if (register) expect((await putKey(token, { publicKey: device.publicKey })).statusCode).toBe(201);
    return device;
  }

  /** Uploads the developer's slot at `start`, signed by `device` (or as told). */
  async function signedUpload(device: Device, start: string, signature?: (meta: MetaIn) => string | undefined, contract = world.contracts.dev) {
    const meta = metaFor(start);
    const sig = signature ? signature(meta) : signFields(signedFields(contract, start, meta, shot), device.privateKey);
    return put(contract, start, sig === undefined ? meta : { ...meta, signature: sig }, { bytes: shot }, device.token);
  }

  const slotReceipt = async (start: string) => {
    const rows = await env.database.query<{ body: string }>(`select body from receipts where contract_id = $1 and type = 'slot' and slot_start = $2`, [world.contracts.dev, start]);
    return rows.map((r) => JSON.parse(r.body) as SlotReceipt);
  };
  const storedSignature = async (start: string) =>
    (await env.database.query<{ s: string | null }>(`select device_signature as s from slots where contract_id = $1 and start = $2`, [world.contracts.dev, start]))[0]?.s;

  describe('PUT /api/tracker/key', () => {
    it('stores the first key (201), answers 200 for the same again and 409 for another', async () => {
      const device = await newDevice(false);
      const first = await putKey(device.token, { publicKey: device.publicKey });
      expect(first.statusCode).toBe(201);
      expect(first.json<DeviceKey>()).toEqual({ publicKey: device.publicKey, status: 'created' });
      // The contractor's Trackers page names the key by its fingerprint.
      const hex = createHash('sha256').update(Buffer.from(device.publicKey, 'base64')).digest('hex');
      const listed = (await env.app.inject({ method: 'GET', url: '/api/trackers', headers: { cookie: dev.cookie } })).json<TrackerList>().trackers;
      expect(listed.find((t) => t.deviceKey !== null && t.deviceKey.replaceAll(' ', '') === hex.slice(0, 16))?.deviceKey).toMatch(/^([0-9a-f]{4} ){3}[0-9a-f]{4}$/);
      const again = await putKey(device.token, { publicKey: device.publicKey });
      expect(again.statusCode).toBe(200);
      expect(again.json<DeviceKey>().status).toBe('unchanged');

      const other = spki(generateKeyPairSync('ed25519').publicKey);
      const refused = await putKey(device.token, { publicKey: other });
      expect(refused.statusCode).toBe(409);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json<Problem>().detail).toBe('This tracker token already has a device key; make a new token for a new device.');
      // A new token takes a new key.
      expect((await putKey(await connectTracker(env.app, dev, 'New laptop'), { publicKey: other })).statusCode).toBe(201);
      const audit = await env.database.query(`select 1 from audit_log where action = 'tracker.key_registered'`);
      expect(audit.length).toBeGreaterThanOrEqual(2);
    });

    it('refuses what is not an Ed25519 public key with 400 naming the field', async () => {
      const { token } = await newDevice(false);
      const rsa = spki(generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey);
      for (const payload of [{}, { publicKey: 42 }, { publicKey: 'not base64!' }, { publicKey: Buffer.from('hello').toString('base64') }, { publicKey: rsa }]) {
        const res = await putKey(token, payload);
        expect(res.statusCode, JSON.stringify(payload)).toBe(400);
        expect(res.json<Problem>().errors?.map((e) => e.field), JSON.stringify(payload)).toEqual(['body.publicKey']);
      }
      // Nothing was stored: the token still takes its first key.
      expect((await putKey(token, { publicKey: spki(generateKeyPairSync('ed25519').publicKey) })).statusCode).toBe(201);
    });

    it('answers 401 without a token, with a revoked one, and to a signed-in client', async () => {
      const publicKey = spki(generateKeyPairSync('ed25519').publicKey);
      const made = (await env.app.inject({ method: 'POST', url: '/api/trackers', headers: { cookie: dev.cookie }, payload: { deviceName: 'Lost phone' } })).json<CreatedTracker>();
      await env.app.inject({ method: 'DELETE', url: `/api/trackers/${made.id}`, headers: { cookie: dev.cookie } });
      expect((await putKey(null, { publicKey })).statusCode).toBe(401);
      expect((await putKey(made.token, { publicKey })).statusCode).toBe(401);
      const asClient = await env.app.inject({ method: 'PUT', url: '/api/tracker/key', headers: { cookie: client.cookie }, payload: { publicKey } });
      expect(asClient.statusCode).toBe(401);
      const stored = await env.database.query<{ k: string | null }>(`select public_key as k from tracker_tokens where id = $1`, [made.id]);
      expect(stored[0]!.k).toBeNull();
    });
  });

  describe('uploads', () => {
    it('stores a signed slot (201) with its device in the receipt, and a replay stays 200', async () => {
      const device = await newDevice();
      const start = T('08:00');
      const res = await signedUpload(device, start);
      expect(res.statusCode).toBe(201);
      const [receipt, ...more] = await slotReceipt(start);
      expect(more).toHaveLength(0);
      expect(receipt!.device?.publicKey).toBe(device.publicKey);
      expect(await storedSignature(start)).toBe(receipt!.device?.signature);
      // Anyone holding the receipt can check it: the device signed exactly these fields.
      const { receivedAt: _at, device: signedBy, ...fields } = receipt!;
      const key = { key: Buffer.from(signedBy!.publicKey, 'base64'), format: 'der', type: 'spki' } as const;
      expect(verify(null, Buffer.from(canonicalJson(fields as unknown as JsonValue)), key, Buffer.from(signedBy!.signature, 'base64'))).toBe(true);

      const replay = await signedUpload(device, start);
      expect(replay.statusCode).toBe(200);
      expect(await slotReceipt(start)).toHaveLength(1);
    });

    it('refuses a bad signature or none from a keyed token with 422, and stores nothing', async () => {
      const device = await newDevice();
      const forger = generateKeyPairSync('ed25519').privateKey;
      const start = T('08:10');
      const before = await slotCount();
      const cases: [string, (meta: MetaIn) => string | undefined, string][] = [
        ['another key', (meta) => signFields(signedFields(world.contracts.dev, start, meta, shot), forger), 'does not verify'],
        ['other fields', (meta) => signFields(signedFields(world.contracts.dev, start, { ...meta, memo: 'Something else' }, shot), device.privateKey), 'does not verify'],
        ['no signature', () => undefined, 'sign it with the device key'],
      ];
      for (const [what, signature, says] of cases) {
        const res = await signedUpload(device, start, signature);
        expect(res.statusCode, what).toBe(422);
        expect(res.json<Problem>().detail, what).toContain(says);
        expect(res.json<Problem>().errors?.map((e) => e.field), what).toEqual(['meta.signature']);
      }
      expect(await slotCount()).toBe(before);
      expect(await slotReceipt(start)).toHaveLength(0);
      // Not a signature at all: 400, like any malformed field.
      expect((await signedUpload(device, start, () => 'not-a-signature')).statusCode).toBe(400);
      // And the real one still goes in.
      expect((await signedUpload(device, start)).statusCode).toBe(201);
    });

    it('stores an unsigned slot from a token without a key (201) as unsigned, and refuses a signature it cannot check', async () => {
      const device = await newDevice(false);
      const start = T('08:20');
      const signed = await signedUpload(device, start);
      expect(signed.statusCode).toBe(422);
      expect(signed.json<Problem>().detail).toContain('PUT /api/tracker/key');
      const res = await signedUpload(device, start, () => undefined);
      expect(res.statusCode).toBe(201);
      expect((await slotReceipt(start))[0]!.device).toBeNull();
      expect(await storedSignature(start)).toBeNull();
    });

    it("lets no other contractor's token register for or upload to the contract", async () => {
      // The designer's token, with a key of its own, signs a slot of the developer's contract: 404, like a missing contract.
      const { publicKey, privateKey } = generateKeyPairSync('ed25519');
      expect((await putKey(designerToken, { publicKey: spki(publicKey) })).statusCode).toBe(201);
      const start = T('08:30');
      const res = await signedUpload({ token: designerToken, publicKey: spki(publicKey), privateKey }, start);
      expect(res.statusCode).toBe(404);
      expect(await slotReceipt(start)).toHaveLength(0);
    });
  });
});
