// The versioned keys for encryption at rest, beside the master key in the key directory: keyring.json lists key
// versions 1, 2, … (version 0 is the master key itself, which sealed everything before rotation existed). Each
// version's 32 bytes are kept wrapped (sealed) under the master key, so the file is worthless without it. Rotating
// adds a version, which new values are sealed with at once; the previous ones are "retiring" until the re-seal job
// has moved every value off them, then "retired": their material is erased and values sealed with them no longer open.
// Every process holding a Keyring re-reads the file when it changes (looked at once a second at most), so a rotation
// made by the CLI reaches the running server without a restart.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { open, seal, singleKey, type CipherName, type SealingKey, type SealingKeys } from './cipher.ts';

export type KeyState = 'active' | 'retiring' | 'retired';

export interface KeyVersionInfo {
  id: number;
  state: KeyState;
  createdAt: string | null;
  retiredAt: string | null;
}

interface StoredVersion {
  id: number;
  /** The material sealed under the master key; null once retired. */
  wrapped: string | null;
  state: KeyState;
  createdAt: string;
  retiredAt: string | null;
}

interface StoredKeyring {
  format: 1;
  /** Version 0, the master key used directly: its state for encryption at rest. */
  master: { state: KeyState; retiredAt: string | null };
  versions: StoredVersion[];
}

const EMPTY: StoredKeyring = { format: 1, master: { state: 'active', retiredAt: null }, versions: [] };
const REFRESH_EVERY_MS = 1_000;
const LOCK_WAIT_MS = 5_000;

export class Keyring implements SealingKeys {
  private stored: StoredKeyring = EMPTY;
  private materials = new Map<number, Buffer>();
  private stamp = '';
  private lookedAt = -Infinity;

  constructor(
    private readonly dir: string,
    private readonly master: Buffer,
    /** TONGBAN_CIPHER: new values are sealed with it, whatever the older ones were sealed with. */
    readonly cipher: CipherName,
  ) {
    this.reload();
  }

  get file(): string {
    return path.join(this.dir, 'keyring.json');
  }

  current(): SealingKey {
    this.refreshSoon();
    const newest = this.stored.versions.at(-1);
    if (newest && newest.state !== 'retired')
      return { id: newest.id, cipher: this.cipher, material: this.material(newest.id)! };
    return { id: 0, cipher: this.cipher, material: this.master };
  }

  find(id: number): Buffer | undefined {
    const found = this.material(id);
    if (found || id <= (this.stored.versions.at(-1)?.id ?? 0)) return found;
    // A version newer than we know: another process rotated a moment ago.
    this.refresh();
    return this.material(id);
  }

  /** Key versions and their states (no material), oldest first; version 0 is the master key. */
  versions(): KeyVersionInfo[] {
    this.refresh();
    return [
      { id: 0, state: this.stored.master.state, createdAt: null, retiredAt: this.stored.master.retiredAt },
      ...this.stored.versions.map(({ id, state, createdAt, retiredAt }) => ({ id, state, createdAt, retiredAt })),
    ];
  }

  /** Adds a new key version and makes it current; every older live version becomes retiring. */
  rotate(at: Date): { id: number; previous: number } {
    return this.underLock(() => {
      const previous = this.current().id;
      const id = (this.stored.versions.at(-1)?.id ?? 0) + 1;
      const material = randomBytes(32);
      const next: StoredKeyring = {
        format: 1,
        master: { ...this.stored.master, state: retiring(this.stored.master.state) },
        versions: [
          ...this.stored.versions.map((v) => ({ ...v, state: retiring(v.state) })),
          {
            id,
            wrapped: seal(singleKey(this.master, this.cipher), material, wrapAad(id)),
            state: 'active',
            createdAt: at.toISOString(),
            retiredAt: null,
          },
        ],
      };
      this.write(next);
      return { id, previous };
    });
  }

  /** Erases the material of the given retiring versions (the re-seal job calls it once nothing is sealed with them). */
  retire(ids: number[], at: Date): number[] {
    return this.underLock(() => {
      const wanted = new Set(ids.filter((id) => id !== this.current().id));
      const retired: number[] = [];
      const next: StoredKeyring = structuredClone(this.stored);
      if (wanted.has(0) && next.master.state === 'retiring') {
        next.master = { state: 'retired', retiredAt: at.toISOString() };
        retired.push(0);
      }
      for (const v of next.versions)
        if (wanted.has(v.id) && v.state === 'retiring') {
          Object.assign(v, { state: 'retired', wrapped: null, retiredAt: at.toISOString() });
          retired.push(v.id);
        }
      if (retired.length > 0) this.write(next);
      return retired;
    });
  }

  /** Versions waiting for the re-seal job before they can be retired. */
  retiringIds(): number[] {
    return this.versions()
      .filter((v) => v.state === 'retiring')
      .map((v) => v.id);
  }

  /** When the current version was made (null: the master key, never rotated). */
  currentSince(): Date | null {
    const newest = this.stored.versions.at(-1);
    return newest && newest.state !== 'retired' ? new Date(newest.createdAt) : null;
  }

  /** Re-reads the file if it changed since we last read it. */
  refresh(): void {
    this.lookedAt = performance.now();
    if (fileStamp(this.file) !== this.stamp) this.reload();
  }

  private refreshSoon(): void {
    if (performance.now() - this.lookedAt >= REFRESH_EVERY_MS) this.refresh();
  }

  private material(id: number): Buffer | undefined {
    if (id === 0) return this.stored.master.state === 'retired' ? undefined : this.master;
    return this.materials.get(id);
  }

  private reload(): void {
    this.lookedAt = performance.now();
    const stamp = fileStamp(this.file);
    const stored = stamp === '' ? EMPTY : (JSON.parse(fs.readFileSync(this.file, 'utf8')) as StoredKeyring);
    const materials = new Map<number, Buffer>();
    for (const v of stored.versions) {
      if (v.wrapped === null) continue;
      // Keep the Buffer already held for a version: derived keys are cached per Buffer.
      materials.set(v.id, this.materials.get(v.id) ?? open(singleKey(this.master), v.wrapped, wrapAad(v.id)));
    }
    this.stored = stored;
    this.materials = materials;
    this.stamp = stamp;
  }

  private write(next: StoredKeyring): void {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(next, null, 2) + '\n', { mode: 0o600 });
    fs.renameSync(tmp, this.file);
    this.reload();
  }

  /** Changes to the file are made by one process at a time, on what the file holds right then. */
  private underLock<T>(change: () => T): T {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const lock = path.join(this.dir, 'keyring.lock');
    const deadline = performance.now() + LOCK_WAIT_MS;
    for (;;) {
      try {
        fs.writeFileSync(lock, String(process.pid), { flag: 'wx', mode: 0o600 });
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        if (performance.now() > deadline)
          throw new Error(`${lock} is held by another process; remove it if no Tongban process is changing keys`, {
            cause: err,
          });
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
      }
    }
    try {
      this.reload();
      return change();
    } finally {
      fs.rmSync(lock, { force: true });
    }
  }
}

function retiring(state: KeyState): KeyState {
  return state === 'active' ? 'retiring' : state;
}

function wrapAad(id: number): string {
  return `keyring:${id}`;
}

function fileStamp(file: string): string {
  try {
    const s = fs.statSync(file);
    return `${s.mtimeMs}:${s.size}:${s.ino}`;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw err;
  }
}
