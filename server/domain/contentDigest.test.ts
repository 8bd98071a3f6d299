import { describe, expect, it } from 'vitest';
import { contentDigest, digestAlgorithm, digestMatches } from './contentDigest.ts';

describe('content digests that name their algorithm', () => {
  it.each([
    ['sha256', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['sm3', 'sm3:66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0'],
  ] as const)('%s of "abc" (published vectors); untagged hex is SHA-256 as stored before', (algorithm, expected) => {
    expect(contentDigest('abc', algorithm)).toBe(expected);
    expect(digestAlgorithm(expected)).toBe(algorithm);
    expect(digestMatches(expected, 'abc')).toBe(true);
    expect(digestMatches(expected, 'abd')).toBe(false);
  });
});
