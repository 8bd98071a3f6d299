// What a meeting material may be, decided by its content (magic bytes), not by its name or the browser's claim:
// a file whose name, declared type and content disagree is refused as mislabeled.
import path from 'node:path';

export const MATERIAL_KINDS = ['pdf', 'docx', 'xlsx', 'png', 'jpeg'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

export const MIME_TYPES: Record<MaterialKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpeg: 'image/jpeg',
};

const EXTENSIONS: Record<string, MaterialKind> = {
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.xlsx': 'xlsx',
  '.png': 'png',
  '.jpg': 'jpeg',
  '.jpeg': 'jpeg',
};

/** Browsers send these when they do not know better; they say nothing either way. */
const GENERIC_MIME = new Set([
  '',
  'application/octet-stream',
  'binary/octet-stream',
  'application/zip',
  'application/x-zip-compressed',
]);

/** How many leading bytes the sniffer looks at (enough to see the first entries of an Office file's zip). */
export const SNIFF_BYTES = 64 * 1024;

export function kindFromName(fileName: string): MaterialKind | null {
  return EXTENSIONS[path.extname(fileName).toLowerCase()] ?? null;
}

/** The kind the bytes show, or null for anything else. */
export function sniffKind(head: Buffer): MaterialKind | null {
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    // An Office Open XML file is a zip whose first entries name its parts: word/… for documents, xl/… for workbooks.
    const names = head.toString('latin1');
    if (names.includes('word/')) return 'docx';
    if (names.includes('xl/')) return 'xlsx';
  }
  return null;
}

export type UploadVerdict =
  { ok: true; kind: MaterialKind } | { ok: false; code: 'unsupported_file_type' | 'mislabeled_file'; message: string };

export function checkUpload(fileName: string, declaredMime: string, head: Buffer): UploadVerdict {
  const claimed = kindFromName(fileName);
  if (!claimed)
    return {
      ok: false,
      code: 'unsupported_file_type',
      message: 'Materials must be PDF, DOCX, XLSX, PNG or JPEG files',
    };
  const mime = declaredMime.split(';')[0]!.trim().toLowerCase();
  if (!GENERIC_MIME.has(mime) && mime !== MIME_TYPES[claimed]) {
    return { ok: false, code: 'mislabeled_file', message: `The file is named .${claimed} but was sent as ${mime}` };
  }
  const actual = sniffKind(head);
  if (actual !== claimed) {
    return {
      ok: false,
      code: 'mislabeled_file',
      message: `The file is named like a ${claimed.toUpperCase()} file but its content is ${actual ? `a ${actual.toUpperCase()} file` : 'not'}`,
    };
  }
  return { ok: true, kind: claimed };
}
