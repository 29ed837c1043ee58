// Images made to hurt the server that decodes them, each small enough to upload: what a
// stolen tracker token could send. The tests and `npm run bench` send them together.
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { desktopScreenshot } from './fixtures.ts';

export interface HostileImage {
  name: string;
  bytes: Buffer;
  type: string;
}

function pngChunk(kind: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(kind, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG of a few dozen bytes whose header declares `width`×`height` RGB pixels (under 40 MP in all). */
export function declaredPng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter, not interlaced
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.alloc(1))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A real screenshot PNG cut off halfway: its header is whole, its pixel data is not. */
export async function truncatedPng(): Promise<Buffer> {
  const whole = await desktopScreenshot(7);
  return whole.subarray(0, Math.floor(whole.length / 2));
}

/** A real JPEG of one colour (so it is small to send) and of any size. */
export const plainJpeg = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#336699' } }).jpeg({ quality: 50 }).toBuffer();

/** Entropy-coded bits, MSB first, with the 0xFF byte stuffing JPEG asks for. */
class BitWriter {
  private bytes: number[] = [];
  private acc = 0;
  private n = 0;
  put(value: number, length: number) {
    for (let i = length - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((value >> i) & 1);
      if (++this.n === 8) this.flushByte();
    }
  }
  private flushByte() {
    this.bytes.push(this.acc);
    if (this.acc === 0xff) this.bytes.push(0);
    this.acc = 0;
    this.n = 0;
  }
  done(): Buffer {
    if (this.n > 0) this.put(0xff, 8 - this.n); // padded with 1-bits
    return Buffer.from(this.bytes);
  }
}

const segment = (marker: number, body: number[]) => Buffer.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body]);

/**
 * A valid grey progressive JPEG of `side`×`side` with 883 scans: the DC, then each of the 63 AC
 * coefficients on its own, at 14 levels of precision. Every scan is a few bytes (the image is
 * flat grey, so each is a run of "no more coefficients") yet makes the decoder visit every
 * block again: a file of tens of kilobytes that costs hundreds of millions of block visits.
 */
export function scanBombJpeg(side: number): Buffer {
  const blocks = Math.ceil(side / 8) ** 2;
  // Huffman tables: DC has one symbol (difference category 0) coded "0"; AC has the 15
  // end-of-band run symbols EOB0…EOB14 (r << 4), each a 4-bit code 0000…1110.
  const dht = segment(0xc4, [0x00, 1, ...Array<number>(15).fill(0), 0x00, 0x10, 0, 0, 0, 15, ...Array<number>(12).fill(0), ...Array.from({ length: 15 }, (_, r) => r << 4)]);
  const sos = (ss: number, se: number, ah: number, al: number) => segment(0xda, [1, 1, 0x00, ss, se, (ah << 4) | al]);
  const dcScan = () => {
    const w = new BitWriter();
    for (let b = 0; b < blocks; b++) w.put(0, 1);
    return w.done();
  };
  const acScan = () => {
    const w = new BitWriter();
    for (let left = blocks; left > 0; ) {
      const run = Math.min(left, 32767);
      const r = Math.floor(Math.log2(run));
      w.put(r, 4);
      w.put(run - (1 << r), r);
      left -= run;
    }
    return w.done();
  };
  const ac = acScan();
  const scans: Buffer[] = [sos(0, 0, 0, 0), dcScan()];
  for (let k = 1; k <= 63; k++) {
    scans.push(sos(k, k, 0, 13), ac);
    for (let al = 12; al >= 0; al--) scans.push(sos(k, k, al + 1, al), ac);
  }
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xdb, [0x00, ...Array<number>(64).fill(1)]),
    segment(0xc2, [8, side >> 8, side & 0xff, side >> 8, side & 0xff, 1, 1, 0x11, 0]),
    dht,
    ...scans,
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** An animated WebP: `frames` frames of `side`×`side`, each within every limit on its own. */
export async function animatedWebp(frames: number, side: number): Promise<Buffer> {
  const pages = Array.from({ length: frames }, (_, i) =>
    sharp({ create: { width: side, height: side, channels: 3, background: { r: (i * 40) % 256, g: 90, b: 160 } } }).png().toBuffer(),
  );
  return sharp(await Promise.all(pages), { join: { animated: true } }).webp({ quality: 50, effort: 0 }).toBuffer();
}

/** The burst of 16: each kind of hostile image, repeated. */
export async function hostileBurst(): Promise<HostileImage[]> {
  const bomb = scanBombJpeg(6000);
  const [truncated, huge, tall, animated] = await Promise.all([
    truncatedPng(),
    plainJpeg(7000, 6000),
    plainJpeg(120, 20_000),
    animatedWebp(60, 1000),
  ]);
  const kinds: HostileImage[] = [
    { name: 'PNG declaring 4,000,000×10 px', bytes: declaredPng(4_000_000, 10), type: 'image/png' },
    { name: 'truncated PNG', bytes: truncated, type: 'image/png' },
    { name: 'JPEG of 7000×6000 px (42 MP)', bytes: huge, type: 'image/jpeg' },
    { name: 'JPEG 20,000 px tall', bytes: tall, type: 'image/jpeg' },
    { name: 'progressive JPEG of 883 scans', bytes: bomb, type: 'image/jpeg' },
    { name: 'animated WebP of 60 frames', bytes: animated, type: 'image/webp' },
  ];
  return Array.from({ length: 16 }, (_, i) => kinds[i % kinds.length]!);
}
