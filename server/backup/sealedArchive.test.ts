// A backup file seals and opens in chunks under either cipher, and refuses being cut at a chunk boundary, renamed or
// opened with another key.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sealedWith, sm4Available, type CipherName } from '../security/cipher.ts';
import { backupKey, CHUNK_BYTES, openFile, sealFile } from './sealedArchive.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-archive-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const master = randomBytes(32);
const content = randomBytes(2 * CHUNK_BYTES + 1234);
const source = path.join(dir, 'plain');
fs.writeFileSync(source, content);
let n = 0;
const fresh = () => path.join(dir, `f${n++}`);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe.each(['aes-256-gcm', ...(sm4Available() ? ['sm4'] : [])] as CipherName[])(
  'a backup file with %s',
  (cipher) => {
    it('opens to the same content, in three chunks, naming its cipher', async () => {
      const sealed = fresh();
      const written = await sealFile(backupKey(master, cipher), 'tongban.db.enc', source, sealed);
      expect(written.plainSha256).toBe(sha(content));
      const firstChunk = fs.readFileSync(sealed).subarray(5 + 4, 5 + 4 + 64);
      expect(sealedWith(firstChunk).cipher).toBe(cipher);
      const opened = fresh();
      expect(await openFile(backupKey(master), 'tongban.db.enc', sealed, opened)).toBe(sha(content));
      expect(fs.readFileSync(opened).equals(content)).toBe(true);
    });

    it('refuses to open when cut after a chunk, under another name, or with another key', async () => {
      const sealed = fresh();
      await sealFile(backupKey(master, cipher), 'tongban.db.enc', source, sealed);
      const bytes = fs.readFileSync(sealed);
      const firstLength = bytes.readUInt32BE(5);
      const cut = fresh();
      fs.writeFileSync(cut, bytes.subarray(0, 5 + 4 + firstLength));
      await expect(openFile(backupKey(master), 'tongban.db.enc', cut, fresh())).rejects.toThrow();
      await expect(openFile(backupKey(master), 'files/ab/other.enc', sealed, fresh())).rejects.toThrow();
      await expect(openFile(backupKey(randomBytes(32)), 'tongban.db.enc', sealed, fresh())).rejects.toThrow();
    });
  },
);
