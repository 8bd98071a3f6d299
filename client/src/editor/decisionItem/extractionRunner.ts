// Asks the extractor (in a worker) for the tasks in the minutes' text. Only the latest question matters while someone
// types: an answer to an older one resolves to null and is dropped by the caller.
import type { ExtractedTask, KnownUnit } from '../../../../common/minutes/types.ts';

export interface ExtractRequest {
  id: number;
  text: string;
  meetingDate: string;
  units: KnownUnit[];
}

export type ExtractResponse = { id: number; tasks: ExtractedTask[] } | { id: number; error: string };

export type ExtractRun = (text: string, meetingDate: string, units: KnownUnit[]) => Promise<ExtractedTask[] | null>;

/** One worker per open minutes document; `dispose` ends it. */
export function workerRunner(): { run: ExtractRun; dispose: () => void } {
  const worker = new Worker(new URL('./extractWorker.ts', import.meta.url), { type: 'module' });
  let latest = 0;
  const waiting = new Map<number, { resolve: (tasks: ExtractedTask[] | null) => void; reject: (err: Error) => void }>();
  worker.addEventListener('message', (event: MessageEvent<ExtractResponse>) => {
    const answer = event.data;
    const pending = waiting.get(answer.id);
    waiting.delete(answer.id);
    if (!pending) return;
    if ('error' in answer) pending.reject(new Error(answer.error));
    else pending.resolve(answer.id === latest ? answer.tasks : null);
  });
  worker.addEventListener('error', (event) => {
    for (const pending of waiting.values()) pending.reject(new Error(event.message || 'extractor worker failed'));
    waiting.clear();
  });
  return {
    run: (text, meetingDate, units) =>
      new Promise((resolve, reject) => {
        const id = ++latest;
        // Superseded questions are answered at once; the worker still finishes them (it runs one at a time, quickly).
        for (const [older, pending] of waiting) {
          if (older >= id) continue;
          waiting.delete(older);
          pending.resolve(null);
        }
        waiting.set(id, { resolve, reject });
        const request: ExtractRequest = { id, text, meetingDate, units };
        worker.postMessage(request);
      }),
    dispose: () => {
      worker.terminate();
      for (const pending of waiting.values()) pending.resolve(null);
      waiting.clear();
    },
  };
}
