// The mediasoup worker binaries the install step builds (media/install/buildWorker.mjs): one per libsrtp2 crypto
// variant, next to mediasoup's default `mediasoup-worker` (a copy of the TONGBAN_SRTP variant, OpenSSL unless set at
// install). The server runs the default, or whatever MEDIASOUP_WORKER_BIN names (e.g. the `-nss` binary below);
// the SFU benchmark switches between them in one process.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const SRTP_VARIANTS = ['openssl', 'nss'] as const;
export type SrtpVariant = (typeof SRTP_VARIANTS)[number];

const require = createRequire(import.meta.url);

function releaseDir(): string {
  return path.join(path.dirname(require.resolve('mediasoup/package.json')), 'worker', 'out', 'Release');
}

/** node_modules/mediasoup/worker/out/Release/mediasoup-worker-<variant>. */
export function srtpWorkerBinary(variant: SrtpVariant): string {
  return path.join(releaseDir(), `mediasoup-worker-${variant}`);
}

/** The binary mediasoup.createWorker() starts now. */
export function currentWorkerBinary(): string {
  return (require('mediasoup/node/lib/Worker.js') as { workerBin: string }).workerBin;
}

/**
 * Makes mediasoup.createWorker() start `bin` from now on. mediasoup 3.12 reads MEDIASOUP_WORKER_BIN once, when it is
 * loaded, into its Worker module's `workerBin`, which each new worker reads; this sets that.
 */
export function useWorkerBinary(bin: string): void {
  if (!fs.existsSync(bin))
    throw new Error(`mediasoup worker ${bin} does not exist; run npm install (media/install/buildWorker.mjs) first`);
  (require('mediasoup/node/lib/Worker.js') as { workerBin: string }).workerBin = bin;
}

/** The executable a running worker process was started from (Linux). */
export function runningBinary(pid: number): string {
  return fs.readlinkSync(`/proc/${pid}/exe`);
}
