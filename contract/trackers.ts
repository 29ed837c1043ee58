// Trackers: a contractor's device tokens (made and revoked on the dashboard), and what the
// desktop tracker sends and gets back with one (tracker/API.md describes the same contract).
import { z } from 'zod';
import { Id, Instant, Text } from './common.ts';

export const MAX_DEVICE_NAME = 100;

export const CreateTracker = z.object({
  deviceName: Text.trim()
    .min(1, { error: 'is required: name the computer the tracker runs on, like "Work laptop"' })
    .max(MAX_DEVICE_NAME, { error: `must be at most ${MAX_DEVICE_NAME} characters` }),
});
export type CreateTracker = z.infer<typeof CreateTracker>;

export const Tracker = z.object({
  id: Id,
  deviceName: z.string(),
  createdAt: z.string(),
  /** When the tracker last called the API with it, to the minute; null: never. */
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /**
   * The device key that signs this tracker's slots, as its fingerprint (the first 16 hex digits
   * of sha256 of the key's SPKI DER, in fours); null: no key, its slots are unsigned.
   */
  deviceKey: z.string().nullable(),
});
export type Tracker = z.infer<typeof Tracker>;

/** Only the answer to its creation carries the token itself: it is stored hashed. */
export const CreatedTracker = Tracker.extend({
  token: z.string().describe('`wdt_` + 32 random bytes in base64url. Shown once: only its sha256 is stored.'),
});
export type CreatedTracker = z.infer<typeof CreatedTracker>;

export const TrackerList = z.object({ trackers: z.array(Tracker) });
export type TrackerList = z.infer<typeof TrackerList>;

export const TrackerParams = z.object({ trackerId: Id });

export const TrackerSession = z.object({
  user: z.object({ id: Id, name: z.string(), email: z.string() }),
  device: z.object({ id: Id, name: z.string() }),
  /** The token owner's active contracts: the only ones it may upload to. */
  contracts: z.array(
    z.object({
      id: Id,
      title: z.string(),
      companyName: z.string(),
      timeZone: z.string(),
      status: z.literal('active'),
      manualTimeAllowed: z.boolean(),
    }),
  ),
  /** The server's clock: a slot may start at most 2 minutes after it. */
  now: z.string(),
});
export type TrackerSession = z.infer<typeof TrackerSession>;

export const MAX_MEMO = 500;
export const MAX_COUNT = 10_000;

const Counts = z
  .array(
    z
      .number({ error: 'must hold integers' })
      .int({ error: 'must hold whole numbers' })
      .min(0, { error: 'must hold counts of at least 0' })
      .max(MAX_COUNT, { error: `must hold counts of at most ${MAX_COUNT.toLocaleString('en-US')} per minute` }),
    { error: 'must be an array of 10 per-minute counts' },
  )
  .length(10, { error: 'must have exactly 10 per-minute counts (minute 0 to 9 of the slot)' });

const MetaText = Text.max(MAX_MEMO, { error: `must be at most ${MAX_MEMO} characters` });

/** Standard base64 with padding, as docs/evidence.md writes keys and signatures. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** An Ed25519 signature: 64 bytes, 88 base64 characters. */
const Signature = z
  .string({ error: 'must be a string' })
  .regex(/^[A-Za-z0-9+/]{86}==$/, { error: 'must be a base64 Ed25519 signature (64 bytes, 88 characters)' });

/** The `meta` part of an upload, a JSON string. */
export const SlotUploadMeta = z.strictObject(
  {
    capturedAt: Instant.nullish(),
    keyboard: Counts,
    mouse: Counts,
    memo: MetaText.default(''),
    windowTitle: MetaText.default(''),
    /** The device key's signature over the slot's signed fields (docs/evidence.md); required once the token has a key. */
    signature: Signature.optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `has unknown keys: ${issue.keys.join(', ')}` : 'must be a JSON object') },
);
export type SlotUploadMeta = z.infer<typeof SlotUploadMeta>;

/** The multipart body, for the OpenAPI document (the route reads the parts itself). */
export const SLOT_UPLOAD_BODY_SCHEMA = {
  type: 'object',
  required: ['meta'],
  properties: {
    meta: {
      type: 'string',
      description:
        'JSON: { capturedAt (ISO instant inside the slot; required with a screenshot), keyboard: int[10], mouse: int[10] (each 0–10,000 per minute), memo (≤ 500), windowTitle (≤ 500); text with no NUL (U+0000) and no unpaired surrogate; signature (base64 Ed25519 signature of the slot\'s signed fields by the device key; required once the token has one) }. Send it before the file.',
      example: '{"capturedAt":"2026-11-25T14:13:27.000Z","keyboard":[12,40,0,3,0,0,9,31,22,5],"mouse":[3,8,0,1,0,0,4,10,7,2],"memo":"Landing page","windowTitle":"hero.fig — Figma"}',
    },
    screenshot: { type: 'string', format: 'binary', description: 'PNG, JPEG or WebP by content; at most 8 MB and 40 megapixels' },
  },
} as const;

export const SlotUploaded = z.object({
  contractId: Id,
  start: z.string(),
  /** created: stored now (201); unchanged: the identical upload was stored already (200). */
  status: z.enum(['created', 'unchanged']),
  /** The same image is stored for another slot of the contract: both are flagged for review. */
  duplicate: z.boolean(),
  activeMinutes: z.number().int(),
});
export type SlotUploaded = z.infer<typeof SlotUploaded>;

/** The tracker's device key: PUT /api/tracker/key, once per token. */
export const DeviceKeyBody = z.strictObject(
  {
    publicKey: z
      .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
      .max(1000, { error: 'must be at most 1,000 characters' })
      .regex(BASE64, { error: 'must be base64 (standard, with padding)' })
      .describe('The public half of an Ed25519 key pair made on the device: its SPKI DER, in base64.'),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `has unknown keys: ${issue.keys.join(', ')}` : 'must be a JSON object') },
);
export type DeviceKeyBody = z.infer<typeof DeviceKeyBody>;

export const DeviceKey = z.object({
  publicKey: z.string(),
  /** created: stored now (201); unchanged: the token had this key already (200). */
  status: z.enum(['created', 'unchanged']),
});
export type DeviceKey = z.infer<typeof DeviceKey>;
