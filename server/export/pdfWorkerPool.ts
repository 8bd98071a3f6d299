// A small pool of worker threads that render PDFs, so pdfkit's layout and font embedding run beside the main event
// loop instead of on it. One job per worker at a time, the rest queued; a worker that fails rejects only its own job
// and is replaced for the next; idle workers neither hold the process open nor stay around for long.
import { Worker } from 'node:worker_threads';

/** What a worker posts back for each job it was sent (pdfWorker.ts). */
export type WorkerReply = { ok: true; result: unknown } | { ok: false; error: WorkerError };

/** An error thrown in a worker, as it crosses postMessage: its kind, message, stack and Node's error fields. */
export interface WorkerError {
  name: string;
  message: string;
  stack?: string;
  code?: string;
  errno?: number;
  syscall?: string;
  path?: string;
}

/** How long an idle worker is kept for the next job before it is stopped (its fonts and modules freed). */
export const IDLE_WORKER_MS = 60_000;

interface Job {
  message: unknown;
  resolve: (result: unknown) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  idleTimer: NodeJS.Timeout | null;
}

export class PdfWorkerPool {
  readonly #entry: URL;
  readonly #size: number;
  readonly #idleMs: number;
  readonly #slots = new Set<Slot>();
  readonly #queue: Job[] = [];
  #closed = false;

  /** `entry`: the worker's script; `size`: the most workers at once. */
  constructor(entry: URL, options: { size: number; idleMs?: number }) {
    this.#entry = entry;
    this.#size = Math.max(1, options.size);
    this.#idleMs = options.idleMs ?? IDLE_WORKER_MS;
  }

  /** Sends `message` to a free worker (starting one if the pool is not full, else after the jobs queued before it). */
  run(message: unknown): Promise<unknown> {
    if (this.#closed) return Promise.reject(new Error('The PDF worker pool is closed'));
    return new Promise((resolve, reject) => {
      this.#queue.push({ message, resolve, reject });
      this.#dispatch();
    });
  }

  /** Workers running now (busy or idle). */
  get size(): number {
    return this.#slots.size;
  }

  /** Stops every worker; queued and running jobs are rejected. Safe to call twice. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.reject(new Error('The PDF worker pool is closed'));
    const slots = [...this.#slots];
    for (const slot of slots) this.#drop(slot, new Error('The PDF worker pool is closed'));
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      let slot = [...this.#slots].find((s) => s.job === null);
      if (!slot) {
        if (this.#slots.size >= this.#size) return;
        slot = this.#spawn();
      }
      const job = this.#queue.shift()!;
      if (slot.idleTimer) clearTimeout(slot.idleTimer);
      slot.idleTimer = null;
      slot.job = job;
      // A job in progress keeps the process alive (a CLI awaiting its PDF must not exit under it); an idle worker not.
      slot.worker.ref();
      try {
        slot.worker.postMessage(job.message);
      } catch (err) {
        // The message cannot be cloned (a caller passed a function or the like): only this job fails.
        slot.job = null;
        job.reject(err instanceof Error ? err : new Error(String(err)));
        this.#idle(slot);
      }
    }
  }

  #spawn(): Slot {
    const worker = new Worker(this.#entry);
    const slot: Slot = { worker, job: null, idleTimer: null };
    worker.on('message', (reply: WorkerReply) => {
      const job = slot.job;
      if (!job) return;
      slot.job = null;
      if (reply.ok) job.resolve(reply.result);
      else job.reject(errorFromWorker(reply.error));
      this.#idle(slot);
      this.#dispatch();
    });
    // An uncaught exception (or a failure to load the worker's modules) stops the worker: 'error', then 'exit'.
    worker.on('error', (err) => this.#drop(slot, err));
    worker.on('exit', (code) =>
      this.#drop(slot, new Error(`The PDF worker stopped (exit code ${code}) before it finished rendering`)),
    );
    this.#slots.add(slot);
    return slot;
  }

  #idle(slot: Slot): void {
    slot.worker.unref();
    slot.idleTimer = setTimeout(() => {
      this.#slots.delete(slot);
      void slot.worker.terminate();
    }, this.#idleMs);
    slot.idleTimer.unref();
  }

  /** A worker that stopped: its job (if any) fails with `err`; queued jobs go to the others or a new one. */
  #drop(slot: Slot, err: Error): void {
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = null;
    this.#slots.delete(slot);
    const job = slot.job;
    slot.job = null;
    job?.reject(err);
    if (!this.#closed) this.#dispatch();
  }
}

const ERROR_KINDS: Record<string, new (message: string) => Error> = {
  Error,
  TypeError,
  RangeError,
  SyntaxError,
  ReferenceError,
  EvalError,
  URIError,
};

/** In the worker: an error thrown by a job, as it can cross postMessage with its Node fields (code, path) kept. */
export function errorForPool(err: unknown): WorkerError {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err) };
  const fields = err as Error & Partial<Pick<WorkerError, 'code' | 'errno' | 'syscall' | 'path'>>;
  return {
    name: err.name,
    message: err.message,
    stack: err.stack,
    ...(typeof fields.code === 'string' ? { code: fields.code } : {}),
    ...(typeof fields.errno === 'number' ? { errno: fields.errno } : {}),
    ...(typeof fields.syscall === 'string' ? { syscall: fields.syscall } : {}),
    ...(typeof fields.path === 'string' ? { path: fields.path } : {}),
  };
}

/** On the main thread: the error again, of the same kind (TypeError stays TypeError, ENOENT keeps its code). */
export function errorFromWorker(sent: WorkerError): Error {
  const Kind = ERROR_KINDS[sent.name] ?? Error;
  const err = new Kind(sent.message);
  if (err.name !== sent.name) err.name = sent.name;
  if (sent.stack) err.stack = sent.stack;
  const { code, errno, syscall, path } = sent;
  Object.assign(err, {
    ...(code !== undefined ? { code } : {}),
    ...(errno !== undefined ? { errno } : {}),
    ...(syscall !== undefined ? { syscall } : {}),
    ...(path !== undefined ? { path } : {}),
  });
  return err;
}
