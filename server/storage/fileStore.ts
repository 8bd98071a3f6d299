// Content-addressed file storage under <dataDir>/files/<first two hex digits>/<sha256 of the content>.
// Every file is sealed at rest with AES-256-GCM under a key derived from the master key, whatever the meeting's
// classification: one rule is easier to get right than two, and identical uploads still share one file because the
// address is the hash of the plaintext. An upload streams to a temp file (hashing, counting and encrypting as it
// goes), is checked, and only then renamed into place, so a refused or broken upload leaves nothing behind.
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '../errors.ts';

const MAGIC = Buffer.from('TBF1');
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + IV_BYTES;

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
  private readonly key: Buffer;

  constructor(
    private readonly root: string,
    master: Buffer,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'tongban files v1', 32));
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
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', this.key, iv);
      const hash = createHash('sha256');
      const head: Buffer[] = [];
      let headLength = 0;
      let size = 0;
      await handle.write(Buffer.concat([MAGIC, iv]));
      for await (const chunk of source as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > options.maxBytes) throw new FileTooLarge(options.maxBytes);
        if (headLength < options.headBytes) {
          head.push(chunk.subarray(0, options.headBytes - headLength));
          headLength += Math.min(chunk.length, options.headBytes - headLength);
        }
        hash.update(chunk);
        await handle.write(cipher.update(chunk));
      }
      options.inspect(Buffer.concat(head));
      await handle.write(Buffer.concat([cipher.final(), cipher.getAuthTag()]));
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
    const sealed = await fs.promises.readFile(this.pathOf(sha256));
    if (sealed.length < HEADER_BYTES + TAG_BYTES || !sealed.subarray(0, MAGIC.length).equals(MAGIC))
      throw new Error(`stored file ${sha256} is not sealed`);
    const decipher = createDecipheriv('aes-256-gcm', this.key, sealed.subarray(MAGIC.length, HEADER_BYTES));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    const plain = Buffer.concat([
      decipher.update(sealed.subarray(HEADER_BYTES, sealed.length - TAG_BYTES)),
      decipher.final(),
    ]);
    if (createHash('sha256').update(plain).digest('hex') !== sha256)
      throw new Error(`stored file ${sha256} does not match its address`);
    return plain;
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
