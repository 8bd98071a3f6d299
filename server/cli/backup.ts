// Online backup of the database (SQLite VACUUM INTO, consistent while the server runs) and uploaded files, sealed with
// AES-256-GCM under the master key, with a SHA-256 manifest. Restore decrypts into a stopped server's data directory.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Services } from '../services.ts';
import { databasePath } from '../db/client.ts';

const MAGIC = Buffer.from('TBBK1');

async function sealFile(key: Buffer, source: string, target: string): Promise<string> {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const out = fs.createWriteStream(target, { mode: 0o600 });
  out.write(Buffer.concat([MAGIC, iv]));
  await pipeline(fs.createReadStream(source), cipher, out, { end: false });
  await new Promise<void>((resolve, reject) =>
    out.end(cipher.getAuthTag(), (err?: Error | null) => (err ? reject(err) : resolve())),
  );
  return createHash('sha256').update(fs.readFileSync(target)).digest('hex');
}

async function openFile(key: Buffer, source: string, target: string): Promise<void> {
  const all = fs.readFileSync(source);
  if (!all.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error(`${source} is not a Tongban backup`);
  const iv = all.subarray(MAGIC.length, MAGIC.length + 12);
  const tag = all.subarray(all.length - 16);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  const plain = Buffer.concat([decipher.update(all.subarray(MAGIC.length + 12, all.length - 16)), decipher.final()]);
  fs.writeFileSync(target, plain, { mode: 0o600 });
}

function listFiles(dir: string, base = dir): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(full, base) : [path.relative(base, full)];
  });
}

export async function backup(svc: Services, outDir?: string): Promise<{ dir: string; files: number }> {
  const stamp = svc.clock.now().toISOString().replace(/[:.]/g, '-');
  const dir = path.resolve(outDir ?? path.join(svc.config.dataDir, 'backups'), `tongban-${stamp}`);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const snapshot = path.join(dir, 'tongban.db.tmp');
  await svc.db.$executeRawUnsafe(`VACUUM INTO '${snapshot.replaceAll("'", "''")}'`);
  const manifest: Record<string, string> = {};
  manifest['tongban.db.enc'] = await sealFile(svc.keys.master, snapshot, path.join(dir, 'tongban.db.enc'));
  fs.rmSync(snapshot);
  const filesDir = path.join(svc.config.dataDir, 'files');
  for (const rel of listFiles(filesDir)) {
    const target = path.join(dir, 'files', `${rel}.enc`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    manifest[`files/${rel}.enc`] = await sealFile(svc.keys.master, path.join(filesDir, rel), target);
  }
  fs.writeFileSync(
    path.join(dir, 'manifest.json'),
    JSON.stringify({ createdAt: svc.clock.now().toISOString(), sha256: manifest }, null, 2),
  );
  return { dir, files: Object.keys(manifest).length };
}

/** Restores into dataDir; refuses to overwrite an existing database (stop the server and move it aside first). */
export async function restore(masterKey: Buffer, backupDir: string, dataDir: string): Promise<void> {
  const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, 'manifest.json'), 'utf8')) as {
    sha256: Record<string, string>;
  };
  for (const [rel, sum] of Object.entries(manifest.sha256)) {
    const actual = createHash('sha256')
      .update(fs.readFileSync(path.join(backupDir, rel)))
      .digest('hex');
    if (actual !== sum) throw new Error(`Backup file ${rel} does not match its checksum: the backup is damaged`);
  }
  const dbFile = databasePath(dataDir);
  if (fs.existsSync(dbFile)) throw new Error(`${dbFile} exists; stop the server and move it aside before restoring`);
  fs.mkdirSync(dataDir, { recursive: true });
  await openFile(masterKey, path.join(backupDir, 'tongban.db.enc'), dbFile);
  for (const rel of Object.keys(manifest.sha256).filter((r) => r.startsWith('files/'))) {
    const target = path.join(dataDir, rel.replace(/\.enc$/, ''));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    await openFile(masterKey, path.join(backupDir, rel), target);
  }
}
