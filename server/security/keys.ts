// Keys kept outside the database: the master key (encryption at rest) and the audit key (HMAC-SM3 chain).
// They come from the configuration (TONGBAN_MASTER_KEY, TONGBAN_AUDIT_KEY) or from files in the key directory
// (TONGBAN_KEY_DIR, default <dataDir>/keys) created on first start (mode 0600). Encryption at rest goes through the keyring (keyring.ts), whose version 0 is the master
// key and whose later versions, made by key rotation, are kept wrapped under it.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { sm4Available } from './cipher.ts';
import { Keyring } from './keyring.ts';

export interface Keys {
  /** The root key: tokens and signatures derive from it; version 0 of the keyring. */
  master: Buffer;
  audit: Buffer;
  /** What seals and opens secrets, files and documents at rest (TONGBAN_CIPHER, key versions, rotation). */
  atRest: Keyring;
}

function loadKey(dir: string, name: string, given: Buffer | null): Buffer {
  if (given) return given;
  const file = path.join(dir, `${name}.key`);
  if (fs.existsSync(file)) {
    const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key`);
    return key;
  }
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  // 'wx' fails if another process created the file in the meantime; then read theirs.
  try {
    fs.writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return loadKey(dir, name, given);
    throw err;
  }
}

export function loadKeys(
  config: Pick<Config, 'dataDir' | 'masterKey' | 'auditKey'> & Partial<Pick<Config, 'cipher' | 'keyDir'>>,
): Keys {
  const dir = config.keyDir ?? path.join(config.dataDir, 'keys');
  const cipher = config.cipher ?? 'aes-256-gcm';
  if (cipher === 'sm4' && !sm4Available())
    throw new Error("TONGBAN_CIPHER=sm4 needs SM4-CTR and SM3 in Node's OpenSSL, which this build lacks");
  const master = loadKey(dir, 'master', config.masterKey);
  return {
    master,
    audit: loadKey(dir, 'audit', config.auditKey),
    atRest: new Keyring(dir, master, cipher),
  };
}
