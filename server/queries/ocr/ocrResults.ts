// Reads of the OCR work: the next file the job takes, the stored files no job knows yet (uploads from before OCR, or
// queued rows lost with an old database), where a file's recognition stands, its recognised text (unsealed), and the
// objects that show a file (for the audit events that make the search indexer read them again).
import type { OcrFailure, OcrProgress, OcrState } from '../../../common/ocr/ocrApi.ts';
import { dialectOf, type Db, type Tx } from '../../db/client.ts';
import { joinPages } from '../../domain/ocr/ocrText.ts';
import { open, type SealingKeys } from '../../security/cipher.ts';

/** The kinds the job recognises: PDFs (when they have no text layer) and images. */
export const OCR_KINDS = ['pdf', 'png', 'jpeg'] as const;
export type OcrKind = (typeof OCR_KINDS)[number];

export function isOcrKind(kind: string): kind is OcrKind {
  return (OCR_KINDS as readonly string[]).includes(kind);
}

export const ocrAad = (sha256: string) => `ocr:${sha256}`;

export interface OcrJobRow {
  sha256: string;
  kind: string;
  state: string;
  pagesDone: number;
  pagesTotal: number | null;
  pagesSealed: string | null;
}

/** A job interrupted by a stop or a crash first (it goes on from its next page), then the oldest queued one. */
export async function nextOcrJob(db: Db): Promise<OcrJobRow | null> {
  const select = { sha256: true, kind: true, state: true, pagesDone: true, pagesTotal: true, pagesSealed: true };
  return (
    (await db.ocrJob.findFirst({ where: { state: 'running' }, select, orderBy: { queuedAt: 'asc' } })) ??
    (await db.ocrJob.findFirst({
      where: { state: 'queued' },
      select,
      orderBy: [{ queuedAt: 'asc' }, { sha256: 'asc' }],
    }))
  );
}

/** Stored materials and scans of a kind the job reads that have no job yet, oldest first. */
export async function ocrBacklog(db: Db, limit: number): Promise<Array<{ sha256: string; kind: OcrKind }>> {
  // PostgreSQL wants every column outside GROUP BY aggregated: one file (one hash) has one kind, so MIN is that kind.
  const rows =
    dialectOf(db) === 'postgres'
      ? await db.$queryRaw<Array<{ sha256: string; kind: string }>>`
    SELECT sha256, MIN(kind) AS kind FROM (
      SELECT m.sha256 AS sha256, MIN(m.kind) AS kind, MIN(m."createdAt") AS at FROM "MeetingMaterial" m
        WHERE m."removedAt" IS NULL AND m.kind IN ('pdf', 'png', 'jpeg') GROUP BY m.sha256
      UNION ALL
      SELECT i."scanSha256", 'pdf', MIN(i."registeredAt") FROM "IncomingDocument" i WHERE i."scanSha256" IS NOT NULL
        GROUP BY i."scanSha256"
    ) f
    WHERE NOT EXISTS (SELECT 1 FROM "OcrJob" o WHERE o.sha256 = f.sha256)
    GROUP BY sha256 ORDER BY MIN(at), sha256 LIMIT ${limit}`
      : await db.$queryRaw<Array<{ sha256: string; kind: string }>>`
    SELECT sha256, kind FROM (
      SELECT m.sha256 AS sha256, m.kind AS kind, MIN(m.createdAt) AS at FROM MeetingMaterial m
        WHERE m.removedAt IS NULL AND m.kind IN ('pdf', 'png', 'jpeg') GROUP BY m.sha256
      UNION ALL
      SELECT i.scanSha256, 'pdf', MIN(i.registeredAt) FROM IncomingDocument i WHERE i.scanSha256 IS NOT NULL GROUP BY i.scanSha256
    ) f
    WHERE NOT EXISTS (SELECT 1 FROM OcrJob o WHERE o.sha256 = f.sha256)
    GROUP BY sha256 ORDER BY MIN(at), sha256 LIMIT ${limit}`;
  return rows.filter((r): r is { sha256: string; kind: OcrKind } => isOcrKind(r.kind));
}

function progressOf(row: { state: string; pagesDone: number; pagesTotal: number | null; error: string | null }) {
  return {
    state: row.state as OcrState,
    pagesDone: row.pagesDone,
    pagesTotal: row.pagesTotal,
    error: row.state === 'failed' ? ((row.error ?? 'engine') as OcrFailure) : null,
  };
}

/** Where the recognition of each of these files stands; a file without a job is absent. */
export async function ocrProgressOf(db: Db, sha256s: readonly string[]): Promise<Map<string, OcrProgress>> {
  if (sha256s.length === 0) return new Map();
  const rows = await db.ocrJob.findMany({
    where: { sha256: { in: [...new Set(sha256s)] } },
    select: { sha256: true, state: true, pagesDone: true, pagesTotal: true, error: true },
  });
  return new Map(rows.map((r) => [r.sha256, progressOf(r)]));
}

/** The pages recognised so far, unsealed. */
export function openPages(keys: SealingKeys, row: { sha256: string; pagesSealed: string | null }): string[] {
  if (!row.pagesSealed) return [];
  return JSON.parse(open(keys, row.pagesSealed, ocrAad(row.sha256)).toString('utf8')) as string[];
}

/** The recognised text of a file and where it stands: text only once done; null when no job knows the file. */
export async function recognisedText(
  db: Db,
  keys: SealingKeys,
  sha256: string,
): Promise<(OcrProgress & { text: string | null }) | null> {
  const row = await db.ocrJob.findUnique({ where: { sha256 } });
  if (!row) return null;
  return { ...progressOf(row), text: row.state === 'done' ? joinPages(openPages(keys, row)) : null };
}

/** The objects that show this file: materials (by their meeting) and 收文 (by their 公文). */
export async function objectsShowing(
  tx: Tx | Db,
  sha256: string,
): Promise<{ materials: Array<{ id: string; meetingId: string }>; incoming: string[] }> {
  const [materials, incoming] = await Promise.all([
    tx.meetingMaterial.findMany({ where: { sha256, removedAt: null }, select: { id: true, meetingId: true } }),
    tx.incomingDocument.findMany({ where: { scanSha256: sha256 }, select: { officialDocumentId: true } }),
  ]);
  return { materials, incoming: incoming.map((i) => i.officialDocumentId) };
}
