// The body of a PDF worker thread (pdfWorkerPool.ts, started through pdfWorkerEntry.mjs): renders each job it is sent
// with the in-process renderers (gongwenPdf.ts, pdfExport.ts) and posts the bytes back, their memory moved rather
// than copied.
import { parentPort } from 'node:worker_threads';
import { renderGongwenPdf } from './gongwenPdf.ts';
import { renderPdf } from './pdfExport.ts';
import type { PdfJob, PdfJobResult } from './pdfRenderers.ts';
import { errorForPool, type WorkerReply } from './pdfWorkerPool.ts';

async function render(job: PdfJob): Promise<PdfJobResult> {
  switch (job.kind) {
    case 'gongwen': {
      const { pdf, pages } = await renderGongwenPdf(job.input);
      return { pdf, pages };
    }
    case 'document': {
      const names = new Map(Object.entries(job.authorNames));
      const pdf = await renderPdf({ ...job.input, authorName: (id) => (id === null ? '' : (names.get(id) ?? '')) });
      return { pdf, pages: null };
    }
  }
}

/** The bytes in an ArrayBuffer of their own, which can be transferred (a small Buffer is a slice of a shared pool). */
function owned(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return whole && bytes.buffer instanceof ArrayBuffer ? new Uint8Array(bytes.buffer) : new Uint8Array(bytes);
}

const port = parentPort;
if (!port) throw new Error('pdfWorker.ts runs in a worker thread (pdfWorkerPool.ts)');
port.on('message', (job: PdfJob) => {
  render(job).then(
    (result) => {
      const pdf = owned(result.pdf);
      const reply: WorkerReply = { ok: true, result: { ...result, pdf } };
      port.postMessage(reply, [pdf.buffer]);
    },
    (err: unknown) => {
      const reply: WorkerReply = { ok: false, error: errorForPool(err) };
      port.postMessage(reply);
    },
  );
});
