// The OCR job: every ocrTickSeconds it queues stored scans and images no job knows yet, then recognises the queued
// files one after another — a PDF page by page (pdftoppm at 300 dpi, then tesseract chi_sim), an image at once — with
// each page kept as it is done. A PDF with its own text layer needs nothing (search reads it with pdftotext). Runs
// never overlap; a stop lets the page under way finish and leaves the rest to the next start, which goes on from the
// next page. A file that fails is marked failed with its reason, logged, and the queue goes on; a missing tool is
// the machine's fault, not the file's: the run ends, logged, and the file waits until tesseract or poppler is installed.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { OcrState } from '../../common/ocr/ocrApi.ts';
import { finishOcr, recordOcrPage, startOcr, type OcrEnd } from '../commands/ocr/ocrProgress.ts';
import { queueBacklog } from '../commands/ocr/ocrQueue.ts';
import { OcrError, pdfHasText, pdfPageCount, recogniseImage, renderPage } from '../ocr/ocrEngine.ts';
import { nextOcrJob, type OcrJobRow } from '../queries/ocr/ocrResults.ts';
import type { Services } from '../services.ts';
import { PeriodicJob } from './periodicJob.ts';

export interface OcrPageEvent {
  sha256: string;
  page: number;
  pagesTotal: number;
}

export interface OcrFinishedEvent {
  sha256: string;
  state: Exclude<OcrState, 'queued' | 'running'>;
}

export interface OcrRun {
  /** Files finished (done, text layer or failed) by this run. */
  finished: number;
}

const FILE_NAMES: Record<string, string> = { pdf: 'file.pdf', png: 'file.png', jpeg: 'file.jpg' };

export class OcrRecognition extends PeriodicJob<OcrRun> {
  /** 'page' after each page kept, 'finished' after each file: tests wait on them rather than sleep. */
  readonly events = new EventEmitter<{ page: [OcrPageEvent]; finished: [OcrFinishedEvent] }>();

  constructor(svc: Services) {
    super(svc, () => svc.config.ocrTickSeconds, 'OCR');
  }

  private get limits() {
    return { timeoutMs: this.svc.config.ocrTimeoutSeconds * 1000 };
  }

  private context() {
    return {
      actor: null,
      ip: 'job',
      userAgent: 'tongban-ocr',
      at: this.svc.clock.now(),
      auditKey: this.svc.keys.audit,
    };
  }

  protected async runOnce(): Promise<OcrRun> {
    await queueBacklog(this.svc, this.svc.clock.now());
    let finished = 0;
    while (!this.stopping) {
      const job = await nextOcrJob(this.svc.db);
      if (!job) break;
      const end = await this.recognise(job);
      if (end === null) break; // stopped between pages, or a tool is missing: the next run goes on from here
      await finishOcr(this.svc, this.context(), job.sha256, end);
      finished++;
      this.events.emit('finished', { sha256: job.sha256, state: end.state });
    }
    return { finished };
  }

  /** Works on one file; null when a stop came between two pages or a tool is missing (the file stays queued). */
  private async recognise(job: OcrJobRow): Promise<OcrEnd | null> {
    const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'tongban-ocr-'));
    try {
      const file = path.join(dir, FILE_NAMES[job.kind] ?? 'file');
      await fs.promises.writeFile(file, await this.svc.files.read(job.sha256));
      if (job.kind !== 'pdf') {
        await startOcr(this.svc, job.sha256, 1, this.svc.clock.now());
        await this.keepPage(job.sha256, 1, 1, await recogniseImage(file, this.limits));
        return { state: 'done' };
      }
      const pagesTotal = job.pagesTotal ?? (await pdfPageCount(file, this.limits));
      if (job.pagesDone === 0 && (await pdfHasText(file, this.limits))) return { state: 'text_layer' };
      await startOcr(this.svc, job.sha256, pagesTotal, this.svc.clock.now());
      for (let page = job.pagesDone + 1; page <= pagesTotal; page++) {
        if (this.stopping) return null;
        const image = await renderPage(file, page, dir, this.limits);
        const text = await recogniseImage(image, this.limits);
        await fs.promises.rm(image, { force: true });
        await this.keepPage(job.sha256, page, pagesTotal, text);
      }
      return { state: 'done' };
    } catch (err) {
      if (err instanceof OcrError && err.toolMissing) {
        this.svc.log.error(
          { err, sha256: job.sha256 },
          'OCR: a tool is missing; the queue waits until it is installed',
        );
        return null;
      }
      const reason = err instanceof OcrError ? err.reason : 'engine';
      this.svc.log.warn({ err, sha256: job.sha256, reason }, 'OCR: a file could not be recognised; marked failed');
      return { state: 'failed', reason };
    } finally {
      await fs.promises.rm(dir, { recursive: true, force: true });
    }
  }

  private async keepPage(sha256: string, page: number, pagesTotal: number, text: string): Promise<void> {
    await recordOcrPage(this.svc, sha256, page, text);
    this.events.emit('page', { sha256, page, pagesTotal });
  }
}
