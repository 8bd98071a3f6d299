// The private keys of electronic seals: one file per seal under <keyDir>/seals/ (mode 0600, created once, never
// overwritten), beside the other keys and outside the database, which holds only the public key. A backup of the
// database alone cannot seal anything; an operator who moves the key directory to its own volume moves these too.
import fs from 'node:fs';
import path from 'node:path';
import { generateSealKeyPair, publicKeyOf, type SealKeyPair } from './documentSeal.ts';

const ID = /^[0-9a-f-]{36}$/;

export class SealKeyStore {
  constructor(private readonly keyDir: string) {}

  private file(sealId: string): string {
    if (!ID.test(sealId)) throw new Error(`Not a seal id: ${sealId}`);
    return path.join(this.keyDir, 'seals', `${sealId}.key`);
  }

  /** Makes a new key pair for a seal and keeps its private key; fails if the seal already has one. */
  create(sealId: string): SealKeyPair {
    const pair = generateSealKeyPair();
    fs.mkdirSync(path.join(this.keyDir, 'seals'), { recursive: true, mode: 0o700 });
    fs.writeFileSync(this.file(sealId), `${pair.privateKey}\n`, { mode: 0o600, flag: 'wx' });
    return pair;
  }

  /** The seal's key pair, or null when its private key is not on this server. */
  load(sealId: string): SealKeyPair | null {
    const file = this.file(sealId);
    if (!fs.existsSync(file)) return null;
    const privateKey = fs.readFileSync(file, 'utf8').trim();
    return { privateKey, publicKey: publicKeyOf(privateKey) };
  }

  /** Removes a private key that was made for a seal whose registration did not commit. */
  discard(sealId: string): void {
    fs.rmSync(this.file(sealId), { force: true });
  }
}
