// The due instants copied on 公文 handler rows (OfficialDocumentHandler.dueAt, which the 待办 centre sorts by) follow
// the working-day calendar compiled into this release: at every start they are recomputed from each row's arrival and
// 办理时限, so rows written before the column existed, or under an older holiday schedule, agree with the reminders
// and the 公文 page. Not a business change (no one acts; the copies only follow their source), so nothing is audited.
import type { IsoDate } from '../../../common/calendar/isoDate.ts';
import { dialectOf, type Db } from '../../db/client.ts';
import { sqlTime } from '../../db/sqlTime.ts';
import { stepDueOn } from '../../domain/officialDocs/stepDeadlines.ts';
import { endOfChinaDay } from '../../domain/supervision/deadlines.ts';

/** The China calendar day a handler row arrived on (stored times are UTC: text in SQLite, timestamp in PostgreSQL). */
const ARRIVED = { sqlite: `date(since, '+8 hours')`, postgres: `to_char("since" + interval '8 hours', 'YYYY-MM-DD')` };

/** Brings every handler row's dueAt in line with its arrival and workingDays; returns how many rows changed. */
export async function refreshStepDueCopies(db: Db): Promise<number> {
  const postgres = dialectOf(db) === 'postgres';
  const arrived = postgres ? ARRIVED.postgres : ARRIVED.sqlite;
  const pairs = await db.$queryRawUnsafe<Array<{ arrived: string; days: number | bigint }>>(
    `SELECT DISTINCT ${arrived} AS arrived, "workingDays" AS days FROM "OfficialDocumentHandler" WHERE "workingDays" IS NOT NULL`,
  );
  // The few distinct (arrival day, working days) pairs, resolved here and handed to SQL as one JSON object.
  const due = JSON.stringify(
    Object.fromEntries(
      pairs.map((p) => [
        `${p.arrived} ${Number(p.days)}`,
        sqlTime(endOfChinaDay(stepDueOn(p.arrived as IsoDate, Number(p.days)))),
      ]),
    ),
  );
  const timed = postgres
    ? await db.$executeRawUnsafe(
        `UPDATE "OfficialDocumentHandler" SET "dueAt" = ${PG_LOOKUP} WHERE "workingDays" IS NOT NULL AND "dueAt" IS DISTINCT FROM ${PG_LOOKUP}`,
        due,
      )
    : await db.$executeRawUnsafe(
        `UPDATE OfficialDocumentHandler SET dueAt = ${SQLITE_LOOKUP} WHERE workingDays IS NOT NULL AND dueAt IS NOT ${SQLITE_LOOKUP}`,
        due,
        due,
      );
  const untimed = await db.$executeRawUnsafe(
    'UPDATE "OfficialDocumentHandler" SET "dueAt" = NULL WHERE "workingDays" IS NULL AND "dueAt" IS NOT NULL',
  );
  return timed + untimed;
}

/** A row's due instant, looked up in the JSON object (the one parameter) by its arrival day and working days. */
const SQLITE_LOOKUP = `json_extract(?, '$."' || ${ARRIVED.sqlite} || ' ' || workingDays || '"')`;
const PG_LOOKUP = `(($1::jsonb) ->> (${ARRIVED.postgres} || ' ' || "workingDays"))::timestamp(3)`;
