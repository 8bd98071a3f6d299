// The PDF renderers the server's commands call: renderGongwenPdf (gongwenPdf.ts) and renderPdf (pdfExport.ts) with the
// same signatures and the same bytes, run in worker threads (pdfWorkerPool.ts). On the main thread, laying out and
// embedding fonts for a large document held up every request, socket.io message and collab update for hundreds of ms.
import os from 'node:os';
import type { GongwenPdfInput } from './gongwenPdf.ts';
import type { LaidOutPage } from './gongwenLayout.ts';
import type { Block } from './documentModel.ts';
import type { PdfInput } from './pdfExport.ts';
import { PdfWorkerPool } from './pdfWorkerPool.ts';

/** What crosses to a worker (structured clone): plain data only, so renderPdf's authorName goes as a table of names. */
export type PdfJob =
  | { kind: 'gongwen'; input: GongwenPdfInput }
  | { kind: 'document'; input: Omit<PdfInput, 'authorName'>; authorNames: Record<string, string> };

/** What comes back: the bytes (a Buffer arrives as a Uint8Array) and, for a 公文, its laid-out pages. */
export interface PdfJobResult {
  pdf: Uint8Array;
  pages: LaidOutPage[] | null;
}

/** Workers at most: two, and one core left to the main loop (and so one on a two-core machine). */
export const PDF_WORKERS = Math.max(1, Math.min(2, os.availableParallelism() - 1));

export const PDF_WORKER_ENTRY = new URL('./pdfWorkerEntry.mjs', import.meta.url);

let shared: PdfWorkerPool | null = null;

/** The process's pool, started with the first PDF; its idle workers do not keep the process (or a test run) alive. */
function pdfWorkers(): PdfWorkerPool {
  shared ??= new PdfWorkerPool(PDF_WORKER_ENTRY, { size: PDF_WORKERS });
  return shared;
}

/** Lays out and draws a 公文 as a fixed PDF (gongwenPdf.ts), in a worker thread. */
export async function renderGongwenPdf(
  input: GongwenPdfInput,
  pool: PdfWorkerPool = pdfWorkers(),
): Promise<{ pdf: Buffer; pages: LaidOutPage[] }> {
  const job: PdfJob = { kind: 'gongwen', input };
  const result = (await pool.run(job)) as PdfJobResult;
  return { pdf: asBuffer(result.pdf), pages: result.pages ?? [] };
}

/** Renders a document or minutes as PDF (pdfExport.ts), in a worker thread. */
export async function renderPdf(input: PdfInput, pool: PdfWorkerPool = pdfWorkers()): Promise<Buffer> {
  const { authorName, ...rest } = input;
  // The renderer names the authors of tracked changes (its legend); ask for each one here, where the function lives.
  const authorNames: Record<string, string> = {};
  for (const id of changeAuthors(input.blocks)) authorNames[id] = authorName(id);
  const job: PdfJob = { kind: 'document', input: rest, authorNames };
  const result = (await pool.run(job)) as PdfJobResult;
  return asBuffer(result.pdf);
}

function changeAuthors(blocks: Block[], into = new Set<string>()): Set<string> {
  for (const block of blocks) {
    if ('runs' in block) for (const run of block.runs) if (run.change?.authorId) into.add(run.change.authorId);
    if (block.kind === 'table') for (const row of block.rows) for (const cell of row) changeAuthors(cell.blocks, into);
  }
  return into;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
