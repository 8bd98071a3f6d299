// Keys kept outside the database: the master key (encryption at rest) and the audit key (HMAC-SM3 chain).
// They come from the configuration (TONGBAN_MASTER_KEY, TONGBAN_AUDIT_KEY) or from files under <dataDir>/keys created on
// first start (mode 0600).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';

export interface Keys {
  master: Buffer;
  audit: Buffer;
}

function loadKey(dataDir: string, name: string, given: Buffer | null): Buffer {
  if (given) return given;
  const dir = path.join(dataDir, 'keys');
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
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return loadKey(dataDir, name, given);
    throw err;
  }
}

export function loadKeys(config: Pick<Config, 'dataDir' | 'masterKey' | 'auditKey'>): Keys {
  return {
    master: loadKey(config.dataDir, 'master', config.masterKey),
    audit: loadKey(config.dataDir, 'audit', config.auditKey),
  };
}
