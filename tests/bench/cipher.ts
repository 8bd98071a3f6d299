// Encryption-at-rest benchmark: seal and open throughput of each TONGBAN_CIPHER (AES-256-GCM, SM4-CTR + HMAC-SM3)
// for the sizes Tongban seals: a Yjs keystroke update, a TOTP secret or chat line, a document snapshot, an uploaded
// file. Prints a table, then the summary as one JSON line.
//   npm run bench:cipher [-- --seconds=0.5]
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { CIPHER_NAMES, openBytes, sealBytes, singleKey, type CipherName } from '../../server/security/cipher.ts';

const secondsArg = process.argv.find((a) => a.startsWith('--seconds='));
const SECONDS = secondsArg ? Number(secondsArg.slice('--seconds='.length)) : 0.5;
const SIZES: Array<[label: string, bytes: number]> = [
  ['64 B (keystroke update)', 64],
  ['1 KiB (chat, secret)', 1024],
  ['64 KiB (snapshot)', 64 * 1024],
  ['4 MiB (uploaded file)', 4 * 1024 * 1024],
];

interface Result {
  cipher: CipherName;
  bytes: number;
  sealOpsPerSec: number;
  openOpsPerSec: number;
  sealMiBPerSec: number;
  openMiBPerSec: number;
}

/** Runs `op` repeatedly for about SECONDS and returns operations per second. */
function rate(op: () => void): number {
  for (let i = 0; i < 3; i++) op();
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    op();
    n++;
    elapsed = performance.now() - start;
  } while (elapsed < SECONDS * 1000);
  return (n * 1000) / elapsed;
}

const results: Result[] = [];
for (const [, bytes] of SIZES) {
  const plain = randomBytes(bytes);
  for (const cipher of CIPHER_NAMES) {
    const keys = singleKey(randomBytes(32), cipher, 1);
    const sealed = sealBytes(keys, plain, 'bench');
    if (!Buffer.from(openBytes(keys, sealed, 'bench')).equals(plain)) throw new Error(`${cipher} round trip failed`);
    const sealOps = rate(() => sealBytes(keys, plain, 'bench'));
    const openOps = rate(() => openBytes(keys, sealed, 'bench'));
    const mib = bytes / 1024 / 1024;
    results.push({
      cipher,
      bytes,
      sealOpsPerSec: Math.round(sealOps),
      openOpsPerSec: Math.round(openOps),
      sealMiBPerSec: Math.round(sealOps * mib * 10) / 10,
      openMiBPerSec: Math.round(openOps * mib * 10) / 10,
    });
  }
}

const pad = (s: string | number, n: number) => String(s).padStart(n);
console.log(
  `${'size'.padEnd(26)}${'cipher'.padEnd(14)}${pad('seal ops/s', 12)}${pad('open ops/s', 12)}${pad('seal MiB/s', 12)}${pad('open MiB/s', 12)}`,
);
for (const r of results) {
  const label = SIZES.find(([, b]) => b === r.bytes)![0];
  console.log(
    `${label.padEnd(26)}${r.cipher.padEnd(14)}${pad(r.sealOpsPerSec, 12)}${pad(r.openOpsPerSec, 12)}${pad(r.sealMiBPerSec, 12)}${pad(r.openMiBPerSec, 12)}`,
  );
}
const big = (c: CipherName) => results.find((r) => r.cipher === c && r.bytes === SIZES.at(-1)![1])!;
console.log(
  JSON.stringify({
    bench: 'cipher',
    secondsPerCase: SECONDS,
    results,
    sm4VsAesSealThroughput: Math.round((big('sm4').sealMiBPerSec / big('aes-256-gcm').sealMiBPerSec) * 100) / 100,
  }),
);
