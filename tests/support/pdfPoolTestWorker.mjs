// Test runs only: a worker for pdfWorkerPool.test.ts that speaks the PDF workers' protocol (pdfWorker.ts) without
// rendering, so the pool's own behaviour can be driven: answer, fail a job, throw outside any job, or stop mid-job.
import { parentPort, threadId } from 'node:worker_threads';

parentPort.on('message', (job) => {
  if (job.exit !== undefined) process.exit(job.exit);
  else if (job.throwUncaught)
    setImmediate(() => {
      throw new TypeError(job.throwUncaught);
    });
  else if (job.fail)
    parentPort.postMessage({ ok: false, error: { name: 'RangeError', message: job.fail, code: 'E_TEST' } });
  else parentPort.postMessage({ ok: true, result: { echo: job.echo, thread: threadId } });
});
