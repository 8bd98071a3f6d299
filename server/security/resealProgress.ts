// Where the at-rest re-seal job stands, in reseal.json beside the keyring (key directory): the cipher and key version
// it moves everything to, and per kind of sealed data the last row or file it looked at and how many it re-sealed.
// Kept after each batch, so a restarted server goes on where it stopped; `npm run cli -- key-status` shows it.
import fs from 'node:fs';
import path from 'node:path';
import type { CipherName } from './cipher.ts';

/** The kinds of sealed data, in the order a pass walks them. */
export const SEALED_KINDS = ['secrets', 'chat', 'versions', 'snapshots', 'updates', 'files', 'ocr'] as const;
export type SealedKind = (typeof SEALED_KINDS)[number];

export interface KindProgress {
  /** The last row id, sequence number or file address looked at; null before the first. */
  after: string | null;
  scanned: number;
  resealed: number;
  done: boolean;
}

export interface ResealTarget {
  cipher: CipherName;
  keyId: number;
}

export interface ResealProgress {
  target: ResealTarget;
  startedAt: string;
  finishedAt: string | null;
  kinds: Record<SealedKind, KindProgress>;
}

export function freshProgress(target: ResealTarget, at: Date): ResealProgress {
  const kinds = Object.fromEntries(
    SEALED_KINDS.map((k) => [k, { after: null, scanned: 0, resealed: 0, done: false }]),
  ) as Record<SealedKind, KindProgress>;
  return { target, startedAt: at.toISOString(), finishedAt: null, kinds };
}

export function sameTarget(a: ResealTarget, b: ResealTarget): boolean {
  return a.cipher === b.cipher && a.keyId === b.keyId;
}

export class ResealProgressFile {
  constructor(private readonly dir: string) {}

  get file(): string {
    return path.join(this.dir, 'reseal.json');
  }

  /**
   * The progress kept, or null when no pass ever ran: everything was then sealed the way Tongban always sealed it,
   * AES-256-GCM under the master key (version 0).
   */
  load(): ResealProgress | null {
    try {
      const progress = JSON.parse(fs.readFileSync(this.file, 'utf8')) as ResealProgress;
      // A kind added since the file was written: a pass under way still walks it; a finished one left nothing of it
      // under an old key (whatever was sealed of it since was sealed with the current key).
      for (const kind of SEALED_KINDS)
        progress.kinds[kind] ??= { after: null, scanned: 0, resealed: 0, done: progress.finishedAt !== null };
      return progress;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  save(progress: ResealProgress): void {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(progress, null, 2) + '\n', { mode: 0o600 });
    fs.renameSync(tmp, this.file);
  }
}
