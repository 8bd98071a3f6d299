// Digests of content that are stored and later checked (document versions' content hashes): SHA-256 as plain hex, as
// they always were, or SM3 (GB/T 32905) tagged "sm3:<hex>" when TONGBAN_HASH=sm3. A stored digest names how to
// recompute it, so values written before a switch stay verifiable.
import { createHash } from 'node:crypto';

export const HASH_NAMES = ['sha256', 'sm3'] as const;
export type HashName = (typeof HASH_NAMES)[number];

export function contentDigest(content: string | Uint8Array, algorithm: HashName = 'sha256'): string {
  const hex = createHash(algorithm).update(content).digest('hex');
  return algorithm === 'sha256' ? hex : `${algorithm}:${hex}`;
}

/** The algorithm a stored digest was made with (untagged hex: SHA-256). */
export function digestAlgorithm(stored: string): HashName {
  return stored.startsWith('sm3:') ? 'sm3' : 'sha256';
}

/** Whether content still has the stored digest, recomputed with the algorithm the digest names. */
export function digestMatches(stored: string, content: string | Uint8Array): boolean {
  return contentDigest(content, digestAlgorithm(stored)) === stored;
}
