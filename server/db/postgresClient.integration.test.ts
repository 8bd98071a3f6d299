// The Prisma client on PostgreSQL (client.ts): queryRows gives the row shape SQLite's callers were written for, and
// transactions run one at a time per schema (postgresTransactions.ts), as they do on SQLite.
import { afterEach, describe, expect, it } from 'vitest';
import { freshTestSchema, POSTGRES_SKIPPED, TEST_POSTGRES_URL, type TestSchema } from '../../tests/support/postgres.ts';
import { dialectOf, openPostgres, queryRows, type Db } from './client.ts';
import { sqlTime } from './sqlTime.ts';

const opened: Db[] = [];
let schema: TestSchema | null = null;
afterEach(async () => {
  for (const db of opened.splice(0)) await db.$disconnect();
  await schema?.drop();
  schema = null;
});

async function open(): Promise<Db> {
  schema ??= await freshTestSchema();
  const db = await openPostgres(schema.url);
  opened.push(db);
  return db;
}

describe.skipIf(!TEST_POSTGRES_URL)(
  `the Prisma client on PostgreSQL${TEST_POSTGRES_URL ? '' : ` (${POSTGRES_SKIPPED})`}`,
  () => {
    it('reads rows as SQLite gives them: times as the stored ISO text, counts as numbers, booleans as 0/1', async () => {
      const db = await open();
      expect(dialectOf(db)).toBe('postgres');
      await db.$transaction((tx) => expect(Promise.resolve(dialectOf(tx))).resolves.toBe('postgres'));
      const at = new Date('2026-03-09T01:02:03.450Z');
      const unit = await db.unit.create({ data: { name: '区政府办', createdAt: at, updatedAt: at } });
      const rows = await queryRows(
        db,
        {
          sqlite: 'unused',
          postgres: `SELECT u.id, u."createdAt", COUNT(*) OVER (), u."sortOrder" = 0, NULL FROM "Unit" u WHERE u.id = $1`,
        },
        [unit.id],
      );
      expect(rows).toEqual([[unit.id, sqlTime(at), 1, 1, null]]);
    });

    it('runs transactions one at a time, as SQLite does: a read-then-write never interleaves', async () => {
      const db = await open();
      const other = await openPostgres(schema!.url);
      opened.push(other);
      const at = new Date('2026-03-09T01:00:00.000Z');
      const unit = await db.unit.create({ data: { name: '区发改委', sortOrder: 0, createdAt: at, updatedAt: at } });
      // Twenty increments read and written back in separate statements, from two clients at once: under READ
      // COMMITTED alone some would be lost.
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? db : other).$transaction(
            async (tx) => {
              const { sortOrder } = await tx.unit.findUniqueOrThrow({ where: { id: unit.id } });
              await tx.unit.update({ where: { id: unit.id }, data: { sortOrder: sortOrder + 1 } });
            },
            { maxWait: 15_000, timeout: 15_000 },
          ),
        ),
      );
      expect((await db.unit.findUniqueOrThrow({ where: { id: unit.id } })).sortOrder).toBe(20);
    });
  },
);
