import { describe, expect, it } from 'vitest';
import { pngBytes } from '../../tests/support/png.ts';
import { inspectPng } from './pngImage.ts';

const png = pngBytes;

describe('inspectPng', () => {
  it('reads the size of a PNG', () => {
    expect(inspectPng(png(1280, 720))).toEqual({ ok: true, width: 1280, height: 720 });
  });

  it.each<[string, Buffer, string]>([
    ['a JPEG', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(40)]), 'not_png'],
    ['text', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'), 'not_png'],
    ['a truncated PNG', png(10, 10).subarray(0, 20), 'not_png'],
    [
      'a PNG whose first chunk is not IHDR',
      Buffer.concat([png(10, 10).subarray(0, 12), Buffer.from('IDAT'), png(10, 10).subarray(16)]),
      'not_png',
    ],
    ['an empty image', png(0, 10), 'not_png'],
    ['a decompression bomb', png(100_000, 100_000), 'image_too_large'],
  ])('refuses %s', (_label, bytes, code) => {
    expect(inspectPng(bytes)).toMatchObject({ ok: false, code });
  });
});
