// Puts stored files in the OCR queue: a material or a 收文 scan in its upload's transaction (the request answers at
// once, the job does the work), and at each run of the job whatever was stored before OCR existed. One job per file
// content: the same scan uploaded twice is recognised once; a file known already keeps its job as it is.
import type { Tx } from '../../db/client.ts';
import { isOcrKind, ocrBacklog } from '../../queries/ocr/ocrResults.ts';
import type { Services } from '../../services.ts';

/** Queues the file if it is of a kind the job reads and no job knows it yet (inside the caller's transaction). */
export async function queueOcr(tx: Tx, file: { sha256: string; kind: string }, at: Date): Promise<void> {
  if (!isOcrKind(file.kind)) return;
  await tx.ocrJob.upsert({
    where: { sha256: file.sha256 },
    create: { sha256: file.sha256, kind: file.kind, state: 'queued', queuedAt: at },
    update: {},
  });
}

/** Queues stored materials and scans no job knows yet; returns how many. */
export async function queueBacklog(svc: Services, at: Date, limit = 100): Promise<number> {
  const files = await ocrBacklog(svc.db, limit);
  if (files.length === 0) return 0;
  await svc.db.$transaction(async (tx) => {
    for (const f of files) await queueOcr(tx, f, at);
  });
  return files.length;
}
