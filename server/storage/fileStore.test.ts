import { createCipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { SealingKey, SealingKeys } from '../security/cipher.ts';
import { FileStore, FileTooLarge } from './fileStore.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-files-'));
const store = new FileStore(root, randomBytes(32));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const chunks = (data: Buffer, size = 1000) =>
  Readable.from(
    Array.from({ length: Math.ceil(data.length / size) }, (_, i) => data.subarray(i * size, (i + 1) * size)),
  );
const accept = { maxBytes: 1_000_000, headBytes: 8, inspect: () => undefined };
const leftovers = () => fs.readdirSync(path.join(root, 'tmp'));

describe('FileStore', () => {
  it('stores content at its sha256, sealed, and reads it back', async () => {
    const data = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(5000)]);
    const sha = createHash('sha256').update(data).digest('hex');
    const stored = await store.put(chunks(data), accept);
    expect(stored).toEqual({ sha256: sha, size: data.length, created: true });
    const onDisk = fs.readFileSync(store.pathOf(sha));
    expect(onDisk.includes(data.subarray(0, 64))).toBe(false);
    expect(await store.read(sha)).toEqual(data);
    expect(leftovers()).toEqual([]);
  });

  it('keeps one copy of identical content', async () => {
    const data = Buffer.from('%PDF-1.4 same content');
    const a = await store.put(chunks(data, 3), accept);
    const b = await store.put(chunks(data, 7), accept);
    expect(a.sha256).toBe(b.sha256);
    expect([a.created, b.created]).toEqual([true, false]);
    expect(await store.read(a.sha256)).toEqual(data);
  });

  it('hands the first bytes to inspect and leaves nothing behind when it refuses', async () => {
    const seen: Buffer[] = [];
    const refuse = {
      ...accept,
      headBytes: 5,
      inspect: (head: Buffer) => {
        seen.push(head);
        throw new Error('mislabeled');
      },
    };
    await expect(store.put(chunks(Buffer.from('not a pdf at all'), 2), refuse)).rejects.toThrow('mislabeled');
    expect(seen[0]!.toString()).toBe('not a');
    expect(leftovers()).toEqual([]);
    expect(await store.has(createHash('sha256').update('not a pdf at all').digest('hex'))).toBe(false);
  });

  it('stops an oversized upload as soon as it passes the limit', async () => {
    await expect(store.put(chunks(randomBytes(3000)), { ...accept, maxBytes: 2500 })).rejects.toBeInstanceOf(
      FileTooLarge,
    );
    expect(leftovers()).toEqual([]);
  });

  it('names the limit when it refuses a file', () => {
    expect(new FileTooLarge(50 * 1024 * 1024)).toMatchObject({
      statusCode: 413,
      code: 'file_too_large',
      details: { maxBytes: 50 * 1024 * 1024, maxMb: 50 },
    });
    expect(new FileTooLarge(20 * 1024 * 1024).message).toBe('The file is too large: the limit is 20 MB');
  });

  it('leaves nothing behind when the upload breaks off', async () => {
    async function* broken() {
      yield Buffer.from('%PDF-1.7 part one');
      throw new Error('connection reset');
    }
    await expect(store.put(Readable.from(broken()), accept)).rejects.toThrow('connection reset');
    expect(leftovers()).toEqual([]);
  });

  it('detects a tampered file', async () => {
    const { sha256 } = await store.put(chunks(Buffer.from('%PDF-1.7 tamper me')), accept);
    const file = store.pathOf(sha256);
    const bytes = fs.readFileSync(file);
    bytes[20] = bytes[20]! ^ 0xff;
    fs.writeFileSync(file, bytes);
    await expect(store.read(sha256)).rejects.toThrow();
  });
});

describe('FileStore across ciphers and key versions', () => {
  const master = randomBytes(32);
  let sealing: SealingKey = { id: 0, cipher: 'aes-256-gcm', material: master };
  const held = new Map<number, Buffer>([[0, master]]);
  const keys: SealingKeys = { current: () => sealing, find: (id) => held.get(id) };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-files-'));
  const files = new FileStore(dir, keys);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** A file as the store wrote it before key versions: "TBF1" | iv | AES-256-GCM ciphertext | tag. */
  function writeTbf1(data: Buffer): string {
    const sha = createHash('sha256').update(data).digest('hex');
    const key = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'tongban files v1', 32));
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([c.update(data), c.final()]);
    fs.mkdirSync(path.dirname(files.pathOf(sha)), { recursive: true });
    fs.writeFileSync(files.pathOf(sha), Buffer.concat([Buffer.from('TBF1'), iv, body, c.getAuthTag()]));
    return sha;
  }

  it('reads a TBF1 file, and re-seals it and newer ones to SM4 under a new key version', async () => {
    const old = Buffer.from('%PDF-1.4 written long ago');
    const oldSha = writeTbf1(old);
    expect(await files.read(oldSha)).toEqual(old);
    expect(await files.sealedWith(oldSha)).toEqual({ cipher: 'aes-256-gcm', keyId: 0, legacy: true });
    const recent = Buffer.from('%PDF-1.7 written yesterday');
    const { sha256: recentSha } = await files.put(chunks(recent), accept);
    expect(await files.sealedWith(recentSha)).toEqual({ cipher: 'aes-256-gcm', keyId: 0, legacy: false });

    held.set(1, randomBytes(32));
    sealing = { id: 1, cipher: 'sm4', material: held.get(1)! };
    const fresh = Buffer.from('%PDF-1.7 written today');
    const { sha256: freshSha } = await files.put(chunks(fresh, 5), accept);
    expect(await files.sealedWith(freshSha)).toEqual({ cipher: 'sm4', keyId: 1, legacy: false });

    const all = await files.list(null, 100);
    expect(all).toEqual([oldSha, recentSha, freshSha].sort());
    expect(await files.list(all[0]!, 1)).toEqual([all[1]]);
    const resealed = await Promise.all(all.map((sha) => files.reseal(sha)));
    expect(resealed.filter(Boolean)).toHaveLength(2);
    held.delete(0);
    for (const [sha, data] of [
      [oldSha, old],
      [recentSha, recent],
      [freshSha, fresh],
    ] as const) {
      expect(await files.sealedWith(sha)).toEqual({ cipher: 'sm4', keyId: 1, legacy: false });
      expect(await files.read(sha)).toEqual(data);
    }
    expect(fs.readdirSync(path.join(dir, 'tmp'))).toEqual([]);
  });
});
