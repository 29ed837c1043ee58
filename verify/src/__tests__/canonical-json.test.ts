// The verifier's canonical JSON and Merkle root against RFC 8785's examples and RFC 6962's
// recursive definition.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../canonical-json.ts';
import { merkleRoot } from '../merkle.ts';
import { treeHash } from './support/build-pack.ts';

describe('canonicalJson', () => {
  it('writes numbers, strings and literals as RFC 8785 3.2.2 does', () => {
    const input = '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}';
    expect(canonicalJson(JSON.parse(input))).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts names by their UTF-16 code units, as RFC 8785 3.2.3 does', () => {
    const input = { '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '\ufb33': 'Hebrew Letter Dalet With Dagesh', '1': 'One', '\ud83d\ude00': 'Emoji: Grinning Face', '\u0080': 'Control', '\u00f6': 'Latin Small Letter O With Diaeresis' };
    const order = ['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33'] as const;
    expect(canonicalJson(input)).toBe(`{${order.map((name) => `${JSON.stringify(name)}:${JSON.stringify(input[name])}`).join(',')}}`);
  });
});

describe('merkleRoot', () => {
  it('is RFC 6962\'s tree hash for every count of leaves from 0 to 17', () => {
    const leaves = Array.from({ length: 17 }, (_, i) => createHash('sha256').update(`leaf ${i}`).digest());
    for (let n = 0; n <= leaves.length; n++) expect(merkleRoot(leaves.slice(0, n)), `${n} leaves`).toBe(treeHash(leaves.slice(0, n)).toString('hex'));
  });
});
