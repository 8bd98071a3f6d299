// A one-page PDF holding one JPEG image, written by hand (a page export needs no PDF library in the browser): the
// image fills a page of the given size in points. Pure: bytes in, bytes out.

const encoder = new TextEncoder();

/**
 * @param jpeg The image, JPEG-encoded (PDF shows it as is with DCTDecode).
 * @param pixels The image's size in pixels.
 * @param page The page's size in points (1/72 inch).
 */
export function imagePdf(
  jpeg: Uint8Array,
  pixels: { width: number; height: number },
  page: { width: number; height: number },
): Uint8Array {
  const w = Math.round(page.width * 100) / 100;
  const h = Math.round(page.height * 100) / 100;
  const content = `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`;
  const objects: Array<Uint8Array[]> = [
    [encoder.encode('<< /Type /Catalog /Pages 2 0 R >>')],
    [encoder.encode('<< /Type /Pages /Kids [3 0 R] /Count 1 >>')],
    [
      encoder.encode(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`,
      ),
    ],
    [
      encoder.encode(
        `<< /Type /XObject /Subtype /Image /Width ${pixels.width} /Height ${pixels.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`,
      ),
      jpeg,
      encoder.encode('\nendstream'),
    ],
    [encoder.encode(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`)],
  ];
  const chunks: Uint8Array[] = [encoder.encode('%PDF-1.4\n%\xE2\xE3\xCF\xD3\n')];
  let offset = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((parts, i) => {
    offsets.push(offset);
    const head = encoder.encode(`${i + 1} 0 obj\n`);
    const tail = encoder.encode('\nendobj\n');
    for (const part of [head, ...parts, tail]) {
      chunks.push(part);
      offset += part.length;
    }
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  chunks.push(
    encoder.encode(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`),
  );
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
