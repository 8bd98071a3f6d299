// The script a PDF worker thread starts from (pdfWorkerPool.ts). A worker inherits neither the tsx loader the server
// registers in-process (scripts/start.mjs) nor vitest's transform, so it registers tsx itself and then loads its
// TypeScript body, pdfWorker.ts.
import { register } from 'tsx/esm/api';

register();
await import('./pdfWorker.ts');
