// Where a webhook may point. A company's URL must not turn the server against its own
// network: a host that resolves to a loopback, private, link-local, unspecified, CGNAT or
// multicast address is refused, unless WORKDIARY_WEBHOOK_ALLOW_PRIVATE=1 (a test receiver on
// this machine, an installation inside a private network). Every address the name resolves to
// counts, and the delivery connects only to the addresses it checked, so a name that changes
// its answer between the check and the connection (DNS rebinding) gains nothing.
import dns from 'node:dns';
import { BlockList, isIP } from 'node:net';

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network", the unspecified address
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata services
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and the broadcast address
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

let allowPrivate = false;

/** WORKDIARY_WEBHOOK_ALLOW_PRIVATE: set once at start-up (main.ts), and by tests that use a local receiver. */
export function allowPrivateWebhookTargets(on: boolean): void {
  allowPrivate = on;
}

/** An IPv4 address carried in IPv6 (`::ffff:10.0.0.1`, `::ffff:a00:1`), or null. */
function mappedIpv4(address: string): string | null {
  const m = /^::ffff:(?:0:)?(.+)$/i.exec(address);
  if (!m) return null;
  const rest = m[1]!;
  if (isIP(rest) === 4) return rest;
  const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(rest);
  if (!hex) return null;
  const n = (parseInt(hex[1]!, 16) << 16) | parseInt(hex[2]!, 16);
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** Whether a literal address is one a webhook must not reach (loopback, private, link-local …). */
export function isPrivateAddress(literal: string): boolean {
  // A zone (`fe80::1%eth0`) names the interface, not the address.
  const address = literal.replace(/%.*$/, '');
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family !== 6) return true; // not an address at all: never connect to it
  const v4 = mappedIpv4(address);
  if (v4) return blocked.check(v4, 'ipv4');
  return blocked.check(address, 'ipv6');
}

export interface ResolvedTarget {
  addresses: { address: string; family: 4 | 6 }[];
}

/** Why a URL's host may not be reached; the message completes "The URL …". */
export class RefusedTarget extends Error {}

/** The URL's host without the brackets of an IPv6 literal. */
export const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/**
 * Resolves the URL's host (all its addresses) and checks each one. Throws RefusedTarget when
 * it does not resolve, or when any address is private and private targets are not allowed.
 */
export async function resolveTarget(url: URL): Promise<ResolvedTarget> {
  const host = hostOf(url);
  let addresses: { address: string; family: number }[];
  if (isIP(host)) {
    addresses = [{ address: host, family: isIP(host) }];
  } else {
    try {
      addresses = await dns.promises.lookup(host, { all: true, verbatim: true });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new RefusedTarget(`host ${host} does not resolve${code ? ` (${code})` : ''}`);
    }
    if (addresses.length === 0) throw new RefusedTarget(`host ${host} does not resolve`);
  }
  const bad = addresses.find((a) => isPrivateAddress(a.address));
  if (bad && !allowPrivate) {
    throw new RefusedTarget(
      `host ${host} resolves to ${bad.address}, a loopback, private, link-local or otherwise internal address; webhooks may only reach public addresses (an administrator can allow internal ones with WORKDIARY_WEBHOOK_ALLOW_PRIVATE=1)`,
    );
  }
  return { addresses: addresses.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 })) };
}

/**
 * A `lookup` for http.request that answers only the addresses already checked, so the
 * connection goes where the check looked and nowhere else.
 */
export function pinnedLookup(target: ResolvedTarget) {
  return (_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    const [first] = target.addresses;
    if (options?.all) callback(null, target.addresses);
    else callback(null, first!.address, first!.family);
  };
}
