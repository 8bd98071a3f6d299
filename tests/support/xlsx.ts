// Reads back, in tests, the workbooks the server writes (server/export/xlsxWriter.ts): the parts of the zip, and a
// sheet's cells as rows of text.
import { inflateRawSync } from 'node:zlib';

/** Every part of the archive by name, found with a minimal central-directory walk. */
export function xlsxParts(buf: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = buf.readUInt32LE(end + 16);
  const count = buf.readUInt16LE(end + 10);
  for (let i = 0; i < count; i++) {
    const size = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    const localNameLength = buf.readUInt16LE(localOffset + 26);
    const data = buf.subarray(localOffset + 30 + localNameLength, localOffset + 30 + localNameLength + size);
    out.set(name, inflateRawSync(data).toString('utf8'));
    p += 46 + nameLength;
  }
  return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!);

/** Column index of a cell reference: A1 → 0, C3 → 2, AA7 → 26. */
function columnOf(ref: string): number {
  return [...ref.replace(/\d+$/, '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

/** The cells of sheet n (1-based) as text, row by row; an empty cell reads ''. */
export function xlsxRows(buf: Buffer, sheet = 1): string[][] {
  const xml = xlsxParts(buf).get(`xl/worksheets/sheet${sheet}.xml`);
  if (xml === undefined) throw new Error(`The workbook has no sheet ${sheet}`);
  return [...xml.matchAll(/<row\b[^>]*>(.*?)<\/row>/gs)].map((row) => {
    const cells: string[] = [];
    for (const cell of row[1]!.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>(.*?)<\/c>)/gs)) {
      cells[columnOf(cell[1]!)] = unescapeXml((cell[2] ?? '').replace(/<[^>]+>/g, ''));
    }
    return Array.from(cells, (c) => c ?? '');
  });
}
