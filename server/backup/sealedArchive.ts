// One file of a backup, sealed with the at-rest cipher (security/cipher.ts: AES-256-GCM, or SM4 with HMAC-SM3 under
// TONGBAN_CIPHER=sm4) under the master key, in chunks of 4 MiB, so a database of any size is sealed and opened without
// holding it in memory. The master key, not a rotating key version: a backup must open for as long as it is kept. Each chunk's associated data names the file, the chunk's
// place and whether it is the last: chunks cannot be swapped between files, reordered, or cut off at the end.
// Layout: "TBBK2" | (uint32 BE length | sealed chunk)…
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { openBytes, sealBytes, singleKey, type CipherName, type SealingKeys } from '../security/cipher.ts';

const MAGIC = Buffer.from('TBBK2');
/** The first backup format: one AES-256-GCM stream, "TBBK1" | iv | ciphertext | tag. Still restored. */
const LEGACY_MAGIC = Buffer.from('TBBK1');
export const CHUNK_BYTES = 4 * 1024 * 1024;

/** What backups are sealed with: the master key (kept apart from the backups) and the configured cipher. */
export type BackupKey = SealingKeys;

export function backupKey(master: Buffer, cipher: CipherName = 'aes-256-gcm'): BackupKey {
  return singleKey(master, cipher);
}

export interface SealedFile {
  /** SHA-256 of the sealed file as written (checked before anything is opened). */
  sha256: string;
  bytes: number;
  /** SHA-256 of the content before sealing (checked after opening). */
  plainSha256: string;
}

const chunkAad = (name: string, index: number, last: boolean) =>
  `tongban-backup/2|${name}|${index}|${last ? 'last' : 'more'}`;

/** Seals `source` into `target` under `name` (its path inside the backup, bound into every chunk). */
export async function sealFile(key: BackupKey, name: string, source: string, target: string): Promise<SealedFile> {
  const input = await fs.promises.open(source, 'r');
  const output = await fs.promises.open(target, 'wx', 0o600);
  const sealedHash = createHash('sha256');
  const plainHash = createHash('sha256');
  let bytes = 0;
  const write = async (data: Uint8Array) => {
    sealedHash.update(data);
    bytes += data.length;
    await output.write(data);
  };
  try {
    const { size } = await input.stat();
    await write(MAGIC);
    const buffer = Buffer.alloc(CHUNK_BYTES);
    let position = 0;
    for (let index = 0; ; index++) {
      const { bytesRead } = await input.read(buffer, 0, Math.min(CHUNK_BYTES, size - position), position);
      position += bytesRead;
      const last = position >= size || bytesRead === 0;
      const plain = buffer.subarray(0, bytesRead);
      plainHash.update(plain);
      const sealed = sealBytes(key, plain, chunkAad(name, index, last));
      const length = Buffer.alloc(4);
      length.writeUInt32BE(sealed.length);
      await write(length);
      await write(sealed);
      if (last) break;
    }
    await output.sync();
  } finally {
    await input.close();
    await output.close();
  }
  return { sha256: sealedHash.digest('hex'), bytes, plainSha256: plainHash.digest('hex') };
}

/** SHA-256 of a file as it lies (a sealed backup file), streamed. */
export async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Opens a sealed backup file into `target`; returns the SHA-256 of what it wrote. Throws on any tampering. */
export async function openFile(key: BackupKey, name: string, source: string, target: string): Promise<string> {
  const input = await fs.promises.open(source, 'r');
  const output = await fs.promises.open(target, 'wx', 0o600);
  const plainHash = createHash('sha256');
  try {
    const { size } = await input.stat();
    const head = Buffer.alloc(MAGIC.length);
    await input.read(head, 0, head.length, 0);
    if (head.equals(LEGACY_MAGIC)) {
      const plain = openLegacy(key, await fs.promises.readFile(source));
      plainHash.update(plain);
      await output.write(plain);
      return plainHash.digest('hex');
    }
    if (!head.equals(MAGIC)) throw new Error(`${source} is not a Tongban backup file`);
    let position = MAGIC.length;
    for (let index = 0; position < size; index++) {
      const length = Buffer.alloc(4);
      if ((await input.read(length, 0, 4, position)).bytesRead !== 4) throw new Error(`${source} is cut short`);
      const sealed = Buffer.alloc(length.readUInt32BE());
      if ((await input.read(sealed, 0, sealed.length, position + 4)).bytesRead !== sealed.length)
        throw new Error(`${source} is cut short`);
      position += 4 + sealed.length;
      const plain = openBytes(key, sealed, chunkAad(name, index, position >= size));
      plainHash.update(plain);
      await output.write(plain);
    }
    await output.sync();
  } finally {
    await input.close();
    await output.close();
  }
  return plainHash.digest('hex');
}

function openLegacy(key: BackupKey, all: Buffer): Buffer {
  // iv (12) after the magic, tag (16) at the end: what openBytes takes as iv | tag | ciphertext.
  const iv = all.subarray(LEGACY_MAGIC.length, LEGACY_MAGIC.length + 12);
  const tag = all.subarray(all.length - 16);
  const body = all.subarray(LEGACY_MAGIC.length + 12, all.length - 16);
  return Buffer.from(openBytes(key, Buffer.concat([iv, tag, body])));
}
