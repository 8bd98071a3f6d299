// A recording's plaintext for playback. The file store opens a sealed file whole (one authentication tag covers it),
// and a browser playing a video asks for it in many byte ranges: the recordings opened last are kept in memory, up
// to CACHE_BYTES together, so that seeking does not decrypt and hash the whole file again for every range.
import type { FileStore } from '../../storage/fileStore.ts';

const CACHE_BYTES = 512 * 1024 * 1024;
const cache = new Map<string, Promise<Buffer>>();
const sizes = new Map<string, number>();

export function recordingContent(files: FileStore, sha256: string, size: number): Promise<Buffer> {
  const hit = cache.get(sha256);
  if (hit) {
    // Most recently used last.
    cache.delete(sha256);
    cache.set(sha256, hit);
    return hit;
  }
  const opening = files.read(sha256);
  // Larger than the whole cache: served, not kept.
  if (size > CACHE_BYTES) return opening;
  cache.set(sha256, opening);
  sizes.set(sha256, size);
  opening.catch(() => {
    // A file that failed to open is not kept: the next request tries again (and reports its own failure).
    cache.delete(sha256);
    sizes.delete(sha256);
  });
  let total = [...sizes.values()].reduce((a, b) => a + b, 0);
  for (const key of cache.keys()) {
    if (total <= CACHE_BYTES) break;
    total -= sizes.get(key) ?? 0;
    cache.delete(key);
    sizes.delete(key);
  }
  return opening;
}
