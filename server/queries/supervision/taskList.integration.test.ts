// The task lists against a plain oracle: on a few hundred generated tasks (mixed statuses, deadlines, classifications,
// co-units and co-owners), every scope and many filter combinations give exactly the page and the total that
// filtering and sorting all tasks in JavaScript gives — whichever SQL shape (status arms merged in index order, or a
// union sorted afterwards) answers the query. The statistics are checked against the same tasks, counted one by one.
// On PostgreSQL (TONGBAN_TEST_DATABASE=postgres) the tasks are generated in SQLite as ever and copied into a fresh
// schema before the test app starts on it (tests/support/seededTestApp.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { seedSupervision } from '../../../tests/bench/supervisionSeed.ts';
import { createSeededTestApp } from '../../../tests/support/seededTestApp.ts';
import type { TestApp } from '../../../tests/support/testApp.ts';
import { subjectFromUser, type Subject } from '../../auth/subject.ts';
import { oversightOf } from './oversight.ts';
import { addDays, shanghaiDateOf } from '../../../common/calendar/isoDate.ts';
import { daysLate, endOfChinaDay } from '../../domain/supervision/deadlines.ts';
import { OPEN_STATUSES, type TaskStatus } from '../../domain/supervision/vocabulary.ts';
import { taskVisibility } from '../../policies/supervision.ts';
import { listTasks, type TaskQuery } from './taskList.ts';
import { defaultPeriod, rebuildUnitMonthCounters, unitStatistics } from './statistics.ts';

interface Task {
  id: string;
  title: string;
  requirement: string;
  serial: number;
  basisType: string;
  priority: string;
  status: TaskStatus;
  classification: number;
  leadUnitId: string;
  ownerId: string | null;
  supervisorId: string;
  createdById: string;
  instructedById: string | null;
  deadlineAt: number;
  month: string;
  lateDays: number;
  coUnits: string[];
  coOwners: string[];
}

let t: TestApp;
let tasks: Task[];
let now: Date;
const people: Record<string, Subject> = {};

/** The demo organisation's database file, with the generated tasks written into it. */
function seedTasks(file: string): void {
  seedSupervision(file, { tasks: 500, units: 10, now, seed: 7 });
  // Mixed classifications (the copies on the co-unit rows follow), and a leader's own instruction now and then.
  const raw = new Database(file);
  raw.exec(`UPDATE SupervisionTask SET classification = (serial * 7) % 3;
    UPDATE SupervisionTaskUnit SET classification = (SELECT classification FROM SupervisionTask WHERE id = taskId);
    UPDATE SupervisionTask SET instructedById = (SELECT id FROM User WHERE username = 'lihua') WHERE serial % 11 = 0;`);
  raw.close();
}

beforeAll(async () => {
  t = await createSeededTestApp({ config: { supervisionTickSeconds: 0 } }, (file, at) => {
    now = at;
    seedTasks(file);
  });
  const db = t.app.svc.db;
  const [rows, coUnits, coOwners] = await Promise.all([
    db.supervisionTask.findMany(),
    db.supervisionTaskUnit.findMany({ select: { taskId: true, unitId: true } }),
    db.supervisionCoOwner.findMany({ select: { taskId: true, userId: true } }),
  ]);
  tasks = rows.map((r) => ({
    ...r,
    status: r.status as TaskStatus,
    deadlineAt: r.deadlineAt.getTime(),
    coUnits: coUnits.filter((c) => c.taskId === r.id).map((c) => c.unitId),
    coOwners: coOwners.filter((c) => c.taskId === r.id).map((c) => c.userId),
  }));
  for (const username of ['zhouqiang', 'wuli', 'chenming', 'lihua', 'bench3s0', 'bench5clerk']) {
    people[username] = subjectFromUser(
      await db.user.findUniqueOrThrow({ where: { username }, include: { roles: true } }),
    );
  }
  // The owner with the most tasks, so that "mine" has pages.
  const owners = new Map<string, number>();
  for (const task of tasks) if (task.ownerId) owners.set(task.ownerId, (owners.get(task.ownerId) ?? 0) + 1);
  const busiest = [...owners].sort((a, b) => b[1] - a[1])[0]![0];
  people.owner = subjectFromUser(await db.user.findUniqueOrThrow({ where: { id: busiest }, include: { roles: true } }));
});
afterAll(async () => t?.close());

/** What the list should hold, computed the long way. */
async function oracle(subject: Subject, query: TaskQuery): Promise<{ ids: string[]; total: number }> {
  const visibility = taskVisibility(subject, await oversightOf(t.app.svc.db, subject));
  const units = new Set(visibility.unitIds);
  const me = subject.id;
  const mine = (x: Task) => x.ownerId === me || x.coOwners.includes(me) || x.supervisorId === me;
  const inUnits = (x: Task, set: Set<string>) => set.has(x.leadUnitId) || x.coUnits.some((u) => set.has(u));
  const inScope = (x: Task) => {
    if (query.scope === 'mine') return mine(x);
    if (query.scope === 'unit') return inUnits(x, new Set([subject.unitId]));
    return visibility.all || inUnits(x, units) || mine(x) || x.createdById === me || x.instructedById === me;
  };
  const overdue = (x: Task) => (OPEN_STATUSES as readonly string[]).includes(x.status) && x.deadlineAt < now.getTime();
  const matches = tasks.filter(
    (x) =>
      x.classification <= subject.clearance &&
      inScope(x) &&
      (!query.status?.length || query.status.includes(x.status)) &&
      (query.overdue === undefined || overdue(x) === query.overdue) &&
      (!query.dueFrom || x.deadlineAt >= endOfChinaDay(query.dueFrom).getTime()) &&
      (!query.dueTo || x.deadlineAt <= endOfChinaDay(query.dueTo).getTime()) &&
      (!query.unitId || x.leadUnitId === query.unitId || x.coUnits.includes(query.unitId)) &&
      (!query.basisType || x.basisType === query.basisType) &&
      (!query.priority || x.priority === query.priority) &&
      (!query.q || x.title.includes(query.q) || x.requirement.includes(query.q) || String(x.serial) === query.q),
  );
  matches.sort(
    (a, b) =>
      a.deadlineAt - b.deadlineAt || a.classification - b.classification || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const from = (query.page - 1) * query.pageSize;
  return { ids: matches.slice(from, from + query.pageSize).map((x) => x.id), total: matches.length };
}

describe('task lists', () => {
  const today = () => shanghaiDateOf(now);
  const variants = (): Array<Partial<TaskQuery>> => [
    {},
    { status: ['in_progress', 'pending_sign'] },
    { status: ['completed'] },
    { status: ['in_progress', 'in_progress'] },
    { overdue: true },
    { overdue: false },
    { overdue: true, status: ['completed'] },
    { overdue: false, status: ['in_progress', 'completed'] },
    { dueFrom: addDays(today(), -90), dueTo: addDays(today(), 10) },
    { overdue: true, dueFrom: addDays(today(), -30) },
    { priority: 'urgent', status: ['in_progress'] },
    { basisType: 'leader_instruction' },
    { q: '推进老旧小区改造' },
    { q: '12' },
    { unitId: tasks[3]!.leadUnitId, status: ['in_progress', 'pending_acceptance'] },
  ];

  it.each(['zhouqiang', 'wuli', 'chenming', 'lihua', 'bench3s0', 'bench5clerk', 'owner'])(
    'gives %s exactly the oracle’s pages',
    async (who) => {
      const subject = people[who]!;
      const oversight = await oversightOf(t.app.svc.db, subject);
      let compared = 0;
      for (const scope of ['desk', 'unit', 'mine'] as const) {
        for (const variant of variants()) {
          for (const [page, pageSize] of [
            [1, 20],
            [2, 7],
            [40, 10],
          ] as const) {
            const query: TaskQuery = { scope, page, pageSize, ...variant };
            const expected = await oracle(subject, query);
            const { rows, total } = await listTasks(t.app.svc.db, subject, oversight, query, now);
            expect({ ids: rows.map((r) => r.id), total }, `${who} ${JSON.stringify(query)}`).toEqual(expected);
            if (expected.ids.length > 0) compared++;
          }
        }
      }
      // The comparison is only worth something if the lists are not all empty.
      expect(compared).toBeGreaterThan(20);
    },
  );
});

describe('unit statistics', () => {
  /** One unit's row computed from the tasks: counters for the period's months, overdue counted live at the instant. */
  function expectedRow(unitId: string, from: string, to: string, at: Date) {
    const mine = tasks.filter((x) => x.leadUnitId === unitId && x.month >= from && x.month <= to);
    const done = mine.filter((x) => x.status === 'completed');
    const onTime = done.filter((x) => x.lateDays === 0);
    const overdue = mine.filter(
      (x) => (OPEN_STATUSES as readonly string[]).includes(x.status) && x.deadlineAt < at.getTime(),
    );
    const lateCount = done.length - onTime.length + overdue.length;
    const lateDaysSum =
      done.reduce((s, x) => s + x.lateDays, 0) + overdue.reduce((s, x) => s + daysLate(new Date(x.deadlineAt), at), 0);
    return {
      unitId,
      total: mine.length,
      completed: done.length,
      completedOnTime: onTime.length,
      open: mine.length - done.length,
      overdue: overdue.length,
      averageDaysLate: lateCount > 0 ? Math.round((lateDaysSum / lateCount) * 10) / 10 : 0,
    };
  }

  it('counts overdue tasks and days late exactly as the tasks one by one, at any instant and for any unit set', async () => {
    await rebuildUnitMonthCounters(t.app.svc.db);
    const units = [...new Set(tasks.map((x) => x.leadUnitId))].sort();
    // Instants around the end of a China day (16:00 UTC), where a deadline passes and every overdue task's days late
    // go up by one, and a few days later. (Not on the exact instant: there daysLate's ceiling and the day count differ.)
    const base = endOfChinaDay(shanghaiDateOf(now)).getTime();
    const instants = [-3_600_000 - 1, -1, 1, 3_600_000 + 7, 4 * 86_400_000 + 12_345].map(
      (offset) => new Date(base + offset),
    );
    let overdueSeen = 0;
    for (const at of instants) {
      const period = defaultPeriod(at);
      for (const scope of [null, units.slice(0, 3), [], [units[4]!, 'no-such-unit']]) {
        const { units: rows } = await unitStatistics(t.app.svc.db, scope, period, at);
        const expected = (scope ?? units)
          .filter((u) => units.includes(u))
          .map((u) => expectedRow(u, period.from, period.to, at))
          .filter((r) => scope !== null || r.total > 0 || r.overdue > 0);
        const actual = rows.map(({ unitId, total, completed, completedOnTime, open, overdue, averageDaysLate }) => ({
          unitId,
          total,
          completed,
          completedOnTime,
          open,
          overdue,
          averageDaysLate,
        }));
        const byId = (a: { unitId: string }, b: { unitId: string }) => (a.unitId < b.unitId ? -1 : 1);
        expect(actual.sort(byId), `${at.toISOString()} ${JSON.stringify(scope)}`).toEqual(expected.sort(byId));
        overdueSeen += actual.reduce((s, r) => s + r.overdue, 0);
      }
    }
    expect(overdueSeen).toBeGreaterThan(50);
  });
});
