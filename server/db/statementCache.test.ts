import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, readRows } from './client.ts';
import { cacheStatements, type StatementView } from './statementCache.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('cacheStatements', () => {
  it('reuses one prepared statement per SQL text, each call with its own arguments', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)');
    const cache = cacheStatements(db, 2);
    const prepare = db.prepare as unknown as (sql: string) => StatementView;
    prepare('INSERT INTO t (id, name) VALUES (?, ?)').bind([1, '甲']).run();
    prepare('INSERT INTO t (id, name) VALUES (?, ?)').bind([2, '乙']).run();
    const select = (id: number) => prepare('SELECT id, name FROM t WHERE id = ?').bind([id]);
    expect(select(1).reader).toBe(true);
    expect(select(1).raw().all()).toEqual([[1, '甲']]);
    expect(select(2).raw().all()).toEqual([[2, '乙']]);
    expect(
      select(2)
        .columns()
        .map((c) => c.name),
    ).toEqual(['id', 'name']);
    expect(cache.size()).toBe(2);
    // A third text evicts the least recently used (the INSERT), not the SELECT just used.
    expect(prepare('SELECT count(*) FROM t').bind([]).raw().all()).toEqual([[2]]);
    expect(cache.size()).toBe(2);
    expect(prepare('SELECT id, name FROM t WHERE id = ?').bind([1]).raw().all()).toEqual([[1, '甲']]);
    db.close();
  });

  it('serves Prisma through the adapter: reads, writes and transactions', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-stmt-'));
    dirs.push(dir);
    const db = await openDatabase(dir);
    await db.$executeRawUnsafe('CREATE TABLE kv (k TEXT PRIMARY KEY, v INTEGER NOT NULL)');
    for (let i = 0; i < 50; i++) await db.$executeRaw`INSERT INTO kv (k, v) VALUES (${`key${i}`}, ${i})`;
    await expect(
      db.$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE kv SET v = v + 100 WHERE k = ${'key1'}`;
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`UPDATE kv SET v = v + 1000 WHERE k = ${'key2'}`;
    });
    const rows = await db.$queryRaw<
      Array<{ k: string; v: bigint | number }>
    >`SELECT k, v FROM kv WHERE k IN (${'key1'}, ${'key2'}, ${'key3'}) ORDER BY k`;
    expect(rows.map((r) => [r.k, Number(r.v)])).toEqual([
      ['key1', 1],
      ['key2', 1002],
      ['key3', 3],
    ]);
    // readRows reads on the same connection and cache, rows as arrays; it refuses anything but a read.
    const read = 'SELECT k, v FROM kv WHERE k IN (?, ?) ORDER BY k';
    expect(readRows(db, read, ['key2', 'key3'])).toEqual([
      ['key2', 1002],
      ['key3', 3],
    ]);
    await db.$executeRaw`UPDATE kv SET v = 7 WHERE k = ${'key3'}`;
    expect(readRows(db, read, ['key3', 'none'])).toEqual([['key3', 7]]);
    expect(() => readRows(db, 'DELETE FROM kv', [])).toThrow('only reads');
    expect(await db.$queryRaw`SELECT count(*) AS n FROM kv`).toEqual([{ n: 50n }]);
    await db.$disconnect();
  });
});
