// Recognises a PNG by its bytes (signature, then the IHDR chunk that must come first) and reads its size, so that an
// upload claiming to be an image is one, and a tiny file that would decode to a gigantic bitmap is refused.

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A whiteboard or page export at 4K and a little beyond; anything larger is not a screen or a page. */
export const MAX_IMAGE_SIDE = 8192;
export const MAX_IMAGE_PIXELS = 8192 * 8192;

export type PngVerdict =
  { ok: true; width: number; height: number } | { ok: false; code: 'not_png' | 'image_too_large'; message: string };

export function inspectPng(head: Buffer): PngVerdict {
  if (head.length < 33 || !head.subarray(0, 8).equals(SIGNATURE))
    return { ok: false, code: 'not_png', message: 'The file is not a PNG image' };
  if (head.readUInt32BE(8) !== 13 || head.subarray(12, 16).toString('latin1') !== 'IHDR')
    return { ok: false, code: 'not_png', message: 'The PNG image is malformed' };
  const width = head.readUInt32BE(16);
  const height = head.readUInt32BE(20);
  if (width === 0 || height === 0) return { ok: false, code: 'not_png', message: 'The PNG image is empty' };
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
    return {
      ok: false,
      code: 'image_too_large',
      message: `The image is ${width}×${height}; at most ${MAX_IMAGE_SIDE} pixels a side`,
    };
  }
  return { ok: true, width, height };
}
