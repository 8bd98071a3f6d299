// The head checkpoint follows the chain after every committed transaction (also many at once), and stops following a
// chain that lost its newest events: the checkpoint is the evidence audit:verify needs.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/testApp.ts';
import { databasePath } from '../db/client.ts';
import { postgresTarget } from '../db/postgresTarget.ts';
import { inTransaction } from '../db/transaction.ts';
import { recordAudit, type RequestContext } from './auditLog.ts';
import { AuditHeadAnchor } from './headAnchor.ts';
import { readCheckpoint, type HeadCheckpoint } from './headCheckpoint.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp({ clockAt: new Date('2026-03-09T09:00:00+08:00') });
});
afterEach(async () => t.close());

function context(): RequestContext {
  return { actor: null, ip: '', userAgent: 'test', at: t.clock.now(), auditKey: t.app.svc.keys.audit };
}

const append = () =>
  inTransaction(t.app.svc, (tx) => recordAudit(tx, context(), { action: 'test.event', resourceType: 'test' }));

/**
 * Deletes the events after `seq` behind the application's back, as an intruder would: its own connection to the
 * database in use (better-sqlite3 on the file, node-postgres on the test app's schema), the no-delete trigger dropped.
 */
async function deleteEventsAfter(seq: number): Promise<void> {
  if (t.databaseUrl) {
    const { connectionString, schema } = postgresTarget(t.databaseUrl);
    const client = new pg.Client({ connectionString, options: `-c search_path="${schema}"` });
    await client.connect();
    try {
      await client.query(
        `DROP TRIGGER "AuditEvent_no_delete" ON "AuditEvent"; DELETE FROM "AuditEvent" WHERE seq > ${seq};`,
      );
    } finally {
      await client.end();
    }
    return;
  }
  const db = new Database(databasePath(t.dataDir));
  try {
    db.exec(`DROP TRIGGER AuditEvent_no_delete; DELETE FROM AuditEvent WHERE seq > ${seq};`);
  } finally {
    db.close();
  }
}

function checkpoint(): HeadCheckpoint {
  const read = readCheckpoint(t.app.svc.config.auditHeadFile, t.app.svc.keys.audit);
  if (read.state !== 'valid') throw new Error(`checkpoint ${read.state}`);
  return read.checkpoint;
}

describe('the audit head anchor', () => {
  it('anchors the newest event after each transaction, also when twenty commit at once', async () => {
    await Promise.all(Array.from({ length: 20 }, append));
    const newest = await t.app.svc.db.auditEvent.findFirstOrThrow({ orderBy: { seq: 'desc' } });
    expect(checkpoint()).toMatchObject({ seq: newest.seq, hash: newest.hash });
    expect(t.app.svc.auditHead.state).toMatchObject({ status: 'anchored', seq: newest.seq });
  });

  it('keeps the checkpoint as evidence once the newest events are gone, however many are appended after', async () => {
    await append();
    const before = checkpoint();
    await deleteEventsAfter(before.seq - 2);
    for (let i = 0; i < 4; i++) await append();
    expect(checkpoint()).toEqual(before);
    expect(t.app.svc.auditHead.state).toEqual({
      status: 'truncated',
      checkpointSeq: before.seq,
      databaseSeq: before.seq + 2,
    });
  });

  it('does not overwrite a checkpoint signed with another key', async () => {
    await append();
    const file = t.app.svc.config.auditHeadFile;
    const forged = { ...checkpoint(), seq: 1 };
    fs.writeFileSync(file, JSON.stringify(forged));
    // A fresh look at the file (as at a restart) finds it invalid and leaves it.
    const fresh = new AuditHeadAnchor(t.app.svc.db, t.app.svc.keys.audit, file, t.clock, t.app.svc.log);
    await fresh.anchor();
    expect(fresh.state).toMatchObject({ status: 'invalid' });
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(forged);
  });
});
