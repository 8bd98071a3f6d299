// The audit chain stays one chain when several instances append to one PostgreSQL database at once: each append holds
// the chain's advisory lock from reading the chain's end to its commit (auditLog.ts). Shown with two Prisma clients
// (two "instances"), without the lock every transaction takes (postgresTransactions.ts), so that only the chain's own
// lock orders them.
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { freshTestSchema, POSTGRES_SKIPPED, TEST_POSTGRES_URL, type TestSchema } from '../../tests/support/postgres.ts';
import { openPostgres, type Db } from '../db/client.ts';
import { recordAudit, type RequestContext } from './auditLog.ts';
import { verifyAuditChain } from './verifyChain.ts';

const opened: Db[] = [];
let schema: TestSchema | null = null;
afterEach(async () => {
  for (const db of opened.splice(0)) await db.$disconnect();
  await schema?.drop();
  schema = null;
});

describe.skipIf(!TEST_POSTGRES_URL)(
  `the audit chain on PostgreSQL${TEST_POSTGRES_URL ? '' : ` (${POSTGRES_SKIPPED})`}`,
  () => {
    it('stays one verifiable chain while two instances append forty events at once', async () => {
      schema = await freshTestSchema();
      const instances = [
        await openPostgres(schema.url, { serialise: false }),
        await openPostgres(schema.url, { serialise: false }),
      ];
      opened.push(...instances);
      const key = randomBytes(32);
      const at = new Date('2026-03-09T01:00:00.000Z');
      const append = (i: number) => {
        const ctx: RequestContext = { actor: null, ip: '10.0.0.1', userAgent: `instance ${i % 2}`, at, auditKey: key };
        // Waits as long as the product's transactions do (db/transaction.ts): forty queue for one lock.
        return instances[i % 2]!.$transaction(
          (tx) => recordAudit(tx, ctx, { action: 'test.event', resourceType: 'test', resourceId: String(i) }),
          { maxWait: 15_000, timeout: 15_000 },
        );
      };
      await Promise.all(Array.from({ length: 40 }, (_, i) => append(i)));

      expect(await verifyAuditChain(instances[0]!, key)).toMatchObject({ ok: true, events: 40 });
      const rows = await instances[1]!.auditEvent.findMany({ select: { resourceId: true, userAgent: true } });
      expect(new Set(rows.map((r) => r.resourceId)).size).toBe(40);
      expect(new Set(rows.map((r) => r.userAgent))).toEqual(new Set(['instance 0', 'instance 1']));
    });

    it('refuses to change or remove an event, as the SQLite triggers do', async () => {
      schema = await freshTestSchema();
      const db = await openPostgres(schema.url);
      opened.push(db);
      const ctx: RequestContext = {
        actor: null,
        ip: '',
        userAgent: 'test',
        at: new Date('2026-03-09T01:00:00.000Z'),
        auditKey: randomBytes(32),
      };
      await db.$transaction((tx) => recordAudit(tx, ctx, { action: 'test.event', resourceType: 'test' }));
      await expect(db.auditEvent.updateMany({ data: { action: 'forged' } })).rejects.toThrow(
        'audit events are append-only',
      );
      await expect(db.auditEvent.deleteMany({})).rejects.toThrow('audit events are append-only');
      await expect(schema.pool.query('TRUNCATE "AuditEvent"')).rejects.toThrow('audit events are append-only');
      expect(await db.auditEvent.count()).toBe(1);
    });
  },
);
