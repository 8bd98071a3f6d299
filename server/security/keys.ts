// Keys kept outside the database: the master key (encryption at rest) and the audit key (HMAC-SM3 chain).
// They come from the environment (base64, 32 bytes) or from files under <dataDir>/keys created on first start (mode 0600).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface Keys {
  master: Buffer;
  audit: Buffer;
}

function loadKey(dataDir: string, name: string, envName: string): Buffer {
  const fromEnv = process.env[envName];
  if (fromEnv) {
    const key = Buffer.from(fromEnv, 'base64');
    if (key.length !== 32) throw new Error(`${envName} must be 32 bytes, base64-encoded`);
    return key;
  }
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
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return loadKey(dataDir, name, envName);
    throw err;
  }
}

export function loadKeys(dataDir: string): Keys {
  return {
    master: loadKey(dataDir, 'master', 'TONGBAN_MASTER_KEY'),
    audit: loadKey(dataDir, 'audit', 'TONGBAN_AUDIT_KEY'),
  };
}
