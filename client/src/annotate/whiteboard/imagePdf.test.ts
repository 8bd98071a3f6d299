import { describe, expect, it } from 'vitest';
import { imagePdf } from './imagePdf.ts';

const latin1 = (bytes: Uint8Array) => Array.from(bytes, (b) => String.fromCharCode(b)).join('');

describe('imagePdf', () => {
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);
  const pdf = imagePdf(jpeg, { width: 1600, height: 900 }, { width: 841.89, height: 473.56 });
  const text = latin1(pdf);

  it('has every object where the cross-reference table says', () => {
    const xref = /xref\n0 (\d+)\n0000000000 65535 f \n((?:\d{10} 00000 n \n)+)/.exec(text);
    expect(xref).not.toBeNull();
    const offsets = xref![2]!
      .trim()
      .split('\n')
      .map((line) => Number(line.slice(0, 10)));
    expect(offsets).toHaveLength(5);
    offsets.forEach((offset, i) => expect(text.slice(offset, offset + 8)).toBe(`${i + 1} 0 obj\n`));
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
  });

  it('embeds the image bytes unchanged with their length, on a page of the given size', () => {
    expect(text).toContain('/Width 1600 /Height 900');
    expect(text).toContain(`/Filter /DCTDecode /Length ${jpeg.length}`);
    expect(text).toContain(latin1(jpeg));
    expect(text).toContain('/MediaBox [0 0 841.89 473.56]');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
  });
});
