// PDFs rendered in worker threads (pdfRenderers.ts): the same bytes as the in-process renderers, the main event loop
// free while a large document renders, a failed render rejected as before with the next still served, more documents
// at once than there are workers, and a process that renders through the pool (tsx registered in-process, as
// scripts/start.mjs does) still exits by itself.
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { findCjkFont, type FontChoice } from './cjkFont.ts';
import { findGongwenFonts } from './gongwenFonts.ts';
import { renderGongwenPdf as renderGongwenInProcess, type GongwenPdfInput } from './gongwenPdf.ts';
import { renderPdf as renderInProcess, type PdfInput } from './pdfExport.ts';
import { PDF_WORKER_ENTRY, renderGongwenPdf, renderPdf } from './pdfRenderers.ts';
import { PdfWorkerPool } from './pdfWorkerPool.ts';
import { para, sampleNotice } from '../../tests/support/gongwenSample.ts';

const SENTENCE = '为切实做好冬季安全生产工作，确保全市安全形势持续稳定，经市政府同意，现就有关事项通知如下。';

let font: FontChoice;
let gongwen: GongwenPdfInput;
let pool: PdfWorkerPool;

beforeAll(() => {
  const cjk = findCjkFont();
  const fonts = findGongwenFonts();
  if (!cjk || !fonts) throw new Error('No Chinese font on this machine (fonts-wqy-microhei, texlive-lang-chinese)');
  font = cjk;
  gongwen = sampleNotice(
    fonts,
    [para(SENTENCE), para('一、压实工作责任。严格落实属地管理责任和部门监管责任。')],
    ['市委各部门'],
  );
  pool = new PdfWorkerPool(PDF_WORKER_ENTRY, { size: 2 });
});
afterAll(() => pool.close());

/** A document with tracked changes by two people (the legend names them), a comment and a table. */
function documentInput(paragraphs: number): PdfInput {
  const names: Record<string, string> = { u1: '张伟', u2: '李娜' };
  return {
    title: '关于老旧小区改造的会议纪要',
    classificationLabel: '内部',
    blocks: [
      { kind: 'heading', level: 1, runs: [{ text: '一、总体要求', threadIds: [] }] },
      {
        kind: 'paragraph',
        runs: [
          { text: '推进老旧小区改造，', threadIds: ['t1'] },
          { text: '年底前完成', threadIds: [], change: { kind: 'insertion', authorId: 'u1', at: null, id: 's1' } },
          { text: '尽快', threadIds: [], change: { kind: 'deletion', authorId: 'u2', at: null, id: 's2' } },
        ],
      },
      {
        kind: 'table',
        rows: [
          [
            { header: true, blocks: [para('牵头单位')] },
            { header: false, blocks: [para('区住建局')] },
          ],
        ],
      },
      ...Array.from({ length: paragraphs }, (_, k) => para(`${k + 1}. ${SENTENCE.repeat(3)}`)),
    ],
    threads: [{ id: 't1', comments: [{ authorName: '王强', body: '请写明时限', createdAt: new Date(0) }] }],
    includeComments: true,
    authorName: (id) => (id ? (names[id] ?? id) : '未知'),
    font,
    footer: '内部 · 会议纪要',
  };
}

/**
 * pdfkit stamps a document without a fixed creation time with the current one (an object of its own), and derives the
 * file ID from it.
 */
function withoutCreationTime(pdf: Buffer): string {
  return pdf
    .toString('latin1')
    .replace(/\(D:\d{14}Z\)/g, '(D:00000000000000Z)')
    .replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/g, '/ID [<0> <0>]');
}

/** How long `work` took, and the longest the event loop went without turning meanwhile (the widest gap between timers). */
async function longestStall(work: () => Promise<unknown>): Promise<{ workMs: number; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  let done = false;
  let stopped: () => void = () => undefined;
  const tick = () => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
    if (done) stopped();
    else setTimeout(tick, 1);
  };
  setTimeout(tick, 1);
  const started = performance.now();
  await work();
  const workMs = performance.now() - started;
  // The next turn of the loop measures the gap the work's last stretch left.
  await new Promise<void>((resolve) => {
    stopped = resolve;
    done = true;
  });
  return { workMs: Math.round(workMs), stallMs: Math.round(stallMs) };
}

describe('PDFs rendered in worker threads', () => {
  it('are the same bytes as rendered in-process: a 公文 with its pages, and a document with changes and notes', async () => {
    const [inWorker, inProcess] = [await renderGongwenPdf(gongwen, pool), await renderGongwenInProcess(gongwen)];
    expect(Buffer.isBuffer(inWorker.pdf)).toBe(true);
    expect(inWorker.pdf.equals(inProcess.pdf)).toBe(true);
    expect(inWorker.pages).toEqual(inProcess.pages);

    const input = documentInput(3);
    const document = await renderPdf(input, pool);
    // Stamped at another instant than the worker's, so that only the creation time (and the ID from it) may differ.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-04T02:00:00Z') });
    const expected = await renderInProcess(input).finally(() => vi.useRealTimers());
    expect(document.equals(expected)).toBe(false);
    expect(Buffer.isBuffer(document)).toBe(true);
    expect(document.length).toBe(expected.length);
    expect(withoutCreationTime(document)).toBe(withoutCreationTime(expected));
  });

  it('leave the main event loop turning while a large document renders', async () => {
    const large = documentInput(4000);
    await renderPdf(documentInput(1), pool); // the worker started and its modules loaded
    let inProcess: Buffer = Buffer.alloc(0);
    let inWorker: Buffer = Buffer.alloc(0);
    const local = await longestStall(async () => (inProcess = await renderInProcess(large)));
    const pooled = await longestStall(async () => (inWorker = await renderPdf(large, pool)));

    expect(withoutCreationTime(inWorker)).toBe(withoutCreationTime(inProcess));
    const measured = JSON.stringify({ local, pooled });
    // In-process the loop stands still for most of the render (so the measure sees a stall when there is one)…
    expect(local.stallMs, measured).toBeGreaterThan(local.workMs / 2);
    // …through the pool it never stands still for a fifth of that, on a busy machine too.
    expect(pooled.stallMs, measured).toBeLessThan(local.workMs / 5);
  });

  it('reject a render that fails with the same error as in-process, and the next render still works', async () => {
    const broken = { ...documentInput(1), font: { file: '/nonexistent/tongban-font.ttf', postscriptName: undefined } };
    const expected = await (async () => renderInProcess(broken))().catch((e: unknown) => e);
    const err = await renderPdf(broken, pool).catch((e: unknown) => e);
    expect(expected).toBeInstanceOf(Error);
    expect(err).toBeInstanceOf((expected as Error).constructor);
    expect(err).toMatchObject({
      name: (expected as Error).name,
      message: (expected as Error).message,
      code: (expected as { code?: string }).code,
    });
    expect((await renderGongwenPdf(gongwen, pool)).pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('render more documents at once than there are workers, each its own', async () => {
    const titles = Array.from({ length: 5 }, (_, k) => `第${k + 1}号通知`);
    const rendering = titles.map((title) => renderGongwenPdf({ ...gongwen, title }, pool));
    expect(pool.size).toBe(2);
    const pdfs = await Promise.all(rendering);
    for (const [k, { pdf }] of pdfs.entries())
      expect(pdf.equals((await renderGongwenInProcess({ ...gongwen, title: titles[k]! })).pdf)).toBe(true);
  });

  it('do not keep a process alive once rendered, with tsx registered in-process as `npm start` does', () => {
    const script = fileURLToPath(new URL('../../tests/support/renderPdfAndExit.mjs', import.meta.url));
    // Were idle workers to hold the process, it would wait out the pool's idle time (a minute) and be stopped here.
    const out = execFileSync(process.execPath, [script], { encoding: 'utf8', timeout: 20_000 });
    expect(out.trim()).toBe('true %PDF-');
  });
});
