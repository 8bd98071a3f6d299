// How queryRows (client.ts) reads PostgreSQL values so that its rows look like the SQLite rows its callers were written
// for: DateTime as the ISO text SQLite stores (sqlTime's spelling), 64-bit integers (counts) and numerics as numbers,
// booleans as 0/1. Everything else as node-postgres reads it.
import pg from 'pg';
import { sqlTime } from './sqlTime.ts';

const BOOL = 16;
const INT8 = 20;
const NUMERIC = 1700;
const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;

/** Prisma's DateTime is `timestamp(3)` holding UTC: its text has no zone, so it is read as UTC. */
function utcText(value: string): string {
  return sqlTime(new Date(`${value.replace(' ', 'T')}Z`));
}

const parsers: Record<number, (value: string) => unknown> = {
  [BOOL]: (v) => (v === 't' ? 1 : 0),
  [INT8]: Number,
  [NUMERIC]: Number,
  [TIMESTAMP]: utcText,
  [TIMESTAMPTZ]: (v) => sqlTime(new Date(v.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'))),
};

export const postgresRowTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) =>
    (format === undefined || format === 'text') && parsers[oid]
      ? parsers[oid]
      : pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
};
