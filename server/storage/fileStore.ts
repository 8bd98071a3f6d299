// Content-addressed file storage under <dataDir>/files/<first two hex digits>/<sha256 of the content>.
// Every file is sealed at rest with the keyring's current cipher and key (AES-256-GCM or SM4 with HMAC-SM3, cipher.ts
// v2; files written before key versions existed are "TBF1", AES-256-GCM under a key derived from the master key),
// whatever the meeting's classification: one rule is easier to get right than two, and identical uploads still share
// one file because the address is the hash of the plaintext. The address stays SHA-256 whatever TONGBAN_HASH says:
// it names the file and finds duplicates; the seal's tag is what proves a file unaltered. An upload streams to a temp file (hashing, counting and encrypting as it
// goes), is checked, and only then renamed into place, so a refused or broken upload leaves nothing behind.
import { createDecipheriv, createHash, hkdfSync, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '../errors.ts';
import {
  isSealedWithCurrent,
  openBytes,
  sealBytes,
  sealedWith,
  singleKey,
  streamingSealer,
  type SealedWith,
  type SealingKeys,
} from '../security/cipher.ts';

/** Files sealed before key versions: "TBF1" | iv (12) | ciphertext | tag (16), AES-256-GCM. */
const LEGACY_MAGIC = Buffer.from('TBF1');
const LEGACY_HEADER_BYTES = LEGACY_MAGIC.length + 12;
const LEGACY_TAG_BYTES = 16;
/** Associated data of every v2 file seal. */
const FILE_AAD = 'file';
/** Enough of a file's start to read which cipher and key version sealed it. */
const HEADER_PEEK = 9;

/** Refuses a file over the limit, naming the limit (maxMb, as the TONGBAN_…_MB settings count) for the person uploading. */
export class FileTooLarge extends AppError {
  constructor(maxBytes: number) {
    const maxMb = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
    super(413, 'file_too_large', `The file is too large: the limit is ${maxMb} MB`, { maxBytes, maxMb });
  }
}

export interface StoredFile {
  sha256: string;
  size: number;
  /** false when the same content was already stored */
  created: boolean;
}

export interface PutOptions {
  maxBytes: number;
  /** How many leading bytes to hand to inspect(). */
  headBytes: number;
  /** Looks at the first bytes once the whole upload has arrived; throws to refuse it. */
  inspect(head: Buffer): void;
}

const isSha256 = (value: string) => /^[0-9a-f]{64}$/.test(value);

export class FileStore {
  private readonly keys: SealingKeys;
  private legacy: { master: Buffer; key: Buffer } | null = null;

  /** keys: the keyring; a bare master key seals with AES-256-GCM under it alone. */
  constructor(
    private readonly root: string,
    keys: Buffer | SealingKeys,
  ) {
    this.keys = Buffer.isBuffer(keys) ? singleKey(keys) : keys;
  }

  /** The TBF1 key, derived from the master key (version 0) while it is not retired. */
  private legacyKey(): Buffer {
    const master = this.keys.find(0);
    if (!master) throw new Error('A TBF1 file is sealed with the master key, which is retired for encryption at rest');
    if (this.legacy?.master !== master)
      this.legacy = { master, key: Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'tongban files v1', 32)) };
    return this.legacy.key;
  }

  pathOf(sha256: string): string {
    if (!isSha256(sha256)) throw new Error('not a sha256 address');
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  async put(source: Readable, options: PutOptions): Promise<StoredFile> {
    const tmpDir = path.join(this.root, 'tmp');
    await fs.promises.mkdir(tmpDir, { recursive: true, mode: 0o700 });
    const tmp = path.join(tmpDir, `${randomUUID()}.part`);
    const handle = await fs.promises.open(tmp, 'wx', 0o600);
    let done = false;
    try {
      const sealer = streamingSealer(this.keys, FILE_AAD);
      const hash = createHash('sha256');
      const head: Buffer[] = [];
      let headLength = 0;
      let size = 0;
      await handle.write(sealer.header);
      for await (const chunk of source as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > options.maxBytes) throw new FileTooLarge(options.maxBytes);
        if (headLength < options.headBytes) {
          head.push(chunk.subarray(0, options.headBytes - headLength));
          headLength += Math.min(chunk.length, options.headBytes - headLength);
        }
        hash.update(chunk);
        await handle.write(sealer.update(chunk));
      }
      options.inspect(Buffer.concat(head));
      await handle.write(sealer.final());
      await handle.sync();
      await handle.close();
      const sha256 = hash.digest('hex');
      const target = this.pathOf(sha256);
      await fs.promises.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      let created = true;
      try {
        // link() fails if the target exists, so two uploads of the same content never overwrite each other mid-read.
        await fs.promises.link(tmp, target);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        created = false;
      }
      await fs.promises.rm(tmp, { force: true });
      done = true;
      return { sha256, size, created };
    } finally {
      if (!done) {
        await handle.close().catch((err: unknown) => {
          // Already closed on the success path up to the rename; any other failure to close is worth knowing.
          if ((err as NodeJS.ErrnoException).code !== 'EBADF') throw err;
        });
        await fs.promises.rm(tmp, { force: true });
      }
    }
  }

  /** The whole plaintext, authenticated and checked against its address. */
  async read(sha256: string): Promise<Buffer> {
    const plain = this.unseal(sha256, await fs.promises.readFile(this.pathOf(sha256)));
    if (createHash('sha256').update(plain).digest('hex') !== sha256)
      throw new Error(`stored file ${sha256} does not match its address`);
    return plain;
  }

  private unseal(sha256: string, sealed: Buffer): Buffer {
    if (!sealed.subarray(0, LEGACY_MAGIC.length).equals(LEGACY_MAGIC))
      return Buffer.from(openBytes(this.keys, sealed, FILE_AAD));
    if (sealed.length < LEGACY_HEADER_BYTES + LEGACY_TAG_BYTES) throw new Error(`stored file ${sha256} is not sealed`);
    const decipher = createDecipheriv(
      'aes-256-gcm',
      this.legacyKey(),
      sealed.subarray(LEGACY_MAGIC.length, LEGACY_HEADER_BYTES),
    );
    decipher.setAuthTag(sealed.subarray(sealed.length - LEGACY_TAG_BYTES));
    return Buffer.concat([
      decipher.update(sealed.subarray(LEGACY_HEADER_BYTES, sealed.length - LEGACY_TAG_BYTES)),
      decipher.final(),
    ]);
  }

  /** Which cipher and key version sealed a stored file, from its first bytes. */
  async sealedWith(sha256: string): Promise<SealedWith> {
    const handle = await fs.promises.open(this.pathOf(sha256), 'r');
    try {
      const head = Buffer.alloc(HEADER_PEEK);
      const { bytesRead } = await handle.read(head, 0, HEADER_PEEK, 0);
      const start = head.subarray(0, bytesRead);
      // A TBF1 file is AES-256-GCM under (a key derived from) version 0, like every v1 value.
      return start.subarray(0, LEGACY_MAGIC.length).equals(LEGACY_MAGIC)
        ? { cipher: 'aes-256-gcm', keyId: 0, legacy: true }
        : sealedWith(start);
    } finally {
      await handle.close();
    }
  }

  /**
   * Seals a stored file again with the current cipher and key, if it is not already: written beside it and renamed
   * over it, so a reader sees the old whole file or the new one. Returns whether it was re-sealed.
   */
  async reseal(sha256: string): Promise<boolean> {
    const target = this.pathOf(sha256);
    const sealed = await fs.promises.readFile(target);
    if (!sealed.subarray(0, LEGACY_MAGIC.length).equals(LEGACY_MAGIC) && isSealedWithCurrent(this.keys, sealed))
      return false;
    const plain = this.unseal(sha256, sealed);
    if (createHash('sha256').update(plain).digest('hex') !== sha256)
      throw new Error(`stored file ${sha256} does not match its address`);
    const tmpDir = path.join(this.root, 'tmp');
    await fs.promises.mkdir(tmpDir, { recursive: true, mode: 0o700 });
    const tmp = path.join(tmpDir, `${randomUUID()}.reseal`);
    try {
      const handle = await fs.promises.open(tmp, 'wx', 0o600);
      try {
        await handle.write(sealBytes(this.keys, plain, FILE_AAD));
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.promises.rename(tmp, target);
    } finally {
      await fs.promises.rm(tmp, { force: true });
    }
    return true;
  }

  /** Stored addresses in order, after the given one (the re-seal job walks them in batches). */
  async list(after: string | null, limit: number): Promise<string[]> {
    const prefixes = await readdirOrEmpty(this.root);
    const found: string[] = [];
    for (const prefix of prefixes.filter((p) => /^[0-9a-f]{2}$/.test(p)).sort()) {
      if (after !== null && prefix < after.slice(0, 2)) continue;
      const names = (await readdirOrEmpty(path.join(this.root, prefix)))
        .filter((n) => isSha256(n) && (after === null || n > after))
        .sort();
      found.push(...names.slice(0, limit - found.length));
      if (found.length >= limit) break;
    }
    return found;
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await fs.promises.access(this.pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }
}

async function readdirOrEmpty(dir: string): Promise<string[]> {
  try {
    return await fs.promises.readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}
