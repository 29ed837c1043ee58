// Which addresses a webhook may not reach, and that a name is judged by all it resolves to.
import { afterEach, describe, expect, it } from 'vitest';
import { allowPrivateWebhookTargets, isPrivateAddress, RefusedTarget, resolveTarget } from '../private-address.ts';

describe('private addresses', () => {
  afterEach(() => allowPrivateWebhookTargets(false));

  it.each([
    '127.0.0.1', '127.255.0.9', '10.1.2.3', '172.16.0.1', '172.31.255.254', '192.168.1.1', '169.254.169.254', '100.64.0.1', '100.127.255.255',
    '0.0.0.0', '224.0.0.1', '239.255.255.250', '255.255.255.255',
    '::', '::1', 'fc00::1', 'fd12:3456::1', 'fe80::1', 'febf::1', 'ff02::1',
    '::ffff:127.0.0.1', '::ffff:10.0.0.1', '::ffff:7f00:1', '::ffff:a9fe:a9fe', '::ffff:0:192.168.0.1', 'fe80::1%eth0',
  ])('refuses %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '100.128.0.1', '169.255.0.1', '2606:4700::1111', '::ffff:8.8.8.8', '2001:db9::1'])('allows %s', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });

  it('judges a host by every address it resolves to, and literal addresses too', async () => {
    await expect(resolveTarget(new URL('http://localhost:9/hook'))).rejects.toThrow(RefusedTarget);
    await expect(resolveTarget(new URL('http://[::1]:9/hook'))).rejects.toThrow(/::1/);
    // The WHATWG parser turns a decimal host into its dotted address: still loopback.
    await expect(resolveTarget(new URL('http://2130706433/hook'))).rejects.toThrow(/127\.0\.0\.1/);
    await expect(resolveTarget(new URL('http://no-such-host.invalid/hook'))).rejects.toThrow(/does not resolve/);
  });

  it('lets internal addresses through when the installation allows them', async () => {
    allowPrivateWebhookTargets(true);
    const target = await resolveTarget(new URL('http://127.0.0.1:9/hook'));
    expect(target.addresses).toEqual([{ address: '127.0.0.1', family: 4 }]);
  });
});
