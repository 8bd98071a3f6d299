// A fingerprint of everything a request could change: every table of the database but the sessions (touched by every
// request) and the audit log (checked apart: a refusal may add access.denied events, nothing else), and the names of
// the stored files. Two equal fingerprints around a refused request mean it changed nothing.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

const SKIPPED = new Set(['Session', 'AuditEvent', '_prisma_migrations', 'sqlite_sequence']);

export class StateProbe {
  private readonly db: Database.Database;
  private readonly tables: string[];

  constructor(private readonly dataDir: string) {
    this.db = new Database(path.join(dataDir, 'tongban.db'), { readonly: true, fileMustExist: true });
    this.tables = (
      this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{
        name: string;
      }>
    )
      .map((r) => r.name)
      .filter((n) => !SKIPPED.has(n));
  }

  /** The fingerprint of the state, and how many audit events there are so far. */
  snapshot(): { hash: string; auditRowid: number } {
    const hash = createHash('sha256');
    for (const table of this.tables) {
      hash.update(`\u0000${table}\u0000`);
      for (const row of this.db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw().iterate())
        hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v)));
    }
    hash.update(listFiles(path.join(this.dataDir, 'files')).join('\n'));
    const { last } = this.db.prepare('SELECT COALESCE(MAX(rowid), 0) AS last FROM "AuditEvent"').get() as {
      last: number;
    };
    return { hash: hash.digest('hex'), auditRowid: last };
  }

  /**
   * What changed since `before`: a list of reasons, empty when nothing did. A refusal may write access.denied events;
   * with `refusalsAudited`, any event recording a failure (a wrong password, a wrong passcode); with `countersMayChange`,
   * the rows such failures count on (a sign-in's failure count, which locks the account).
   */
  changesSince(
    before: { hash: string; auditRowid: number },
    options: { refusalsAudited?: boolean; countersMayChange?: boolean } = {},
  ): string[] {
    const after = this.snapshot();
    const reasons: string[] = [];
    if (after.hash !== before.hash && !options.countersMayChange) reasons.push('database or stored files changed');
    const events = this.db
      .prepare('SELECT action FROM "AuditEvent" WHERE rowid > ? AND action <> ? AND (outcome <> ? OR ? = 0)')
      .all(before.auditRowid, 'access.denied', 'failure', options.refusalsAudited ? 1 : 0) as Array<{
      action: string;
    }>;
    if (events.length > 0) reasons.push(`audit events ${events.map((e) => e.action).join(', ')}`);
    return reasons;
  }

  close(): void {
    this.db.close();
  }
}

/** The files under `dir` (directories, such as the store's empty tmp/, are not state). */
function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}
