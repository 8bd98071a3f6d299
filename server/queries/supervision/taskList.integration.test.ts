// The task lists against a plain oracle: on a few hundred generated tasks (mixed statuses, deadlines, classifications,
// co-units and co-owners), every scope and many filter combinations give exactly the page and the total that
// filtering and sorting all tasks in JavaScript gives — whichever SQL shape (status arms merged in index order, or a
// union sorted afterwards) answers the query.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { seedSupervision } from '../../../tests/bench/supervisionSeed.ts';
import { createTestApp, type TestApp } from '../../../tests/support/testApp.ts';
import { subjectFromUser, type Subject } from '../../auth/subject.ts';
import { oversightOf } from '../../commands/supervision/taskContext.ts';
import { databasePath } from '../../db/client.ts';
import { addDays, shanghaiDateOf } from '../../domain/calendar/isoDate.ts';
import { endOfChinaDay } from '../../domain/supervision/deadlines.ts';
import { OPEN_STATUSES, type TaskStatus } from '../../domain/supervision/vocabulary.ts';
import { taskVisibility } from '../../policies/supervision.ts';
import { listTasks, type TaskQuery } from './taskList.ts';

interface Task {
  id: string; title: string; requirement: string; serial: number; basisType: string; priority: string; status: TaskStatus; classification: number;
  leadUnitId: string; ownerId: string | null; supervisorId: string; createdById: string; instructedById: string | null; deadlineAt: number;
  coUnits: string[]; coOwners: string[];
}

let t: TestApp;
let tasks: Task[];
let now: Date;
const people: Record<string, Subject> = {};

beforeAll(async () => {
  t = await createTestApp({ config: { supervisionTickSeconds: 0 } });
  now = t.clock.now();
  seedSupervision(databasePath(t.dataDir), { tasks: 500, units: 10, now, seed: 7 });
  // Mixed classifications (the copies on the co-unit rows follow), and a leader's own instruction now and then.
  const raw = new Database(databasePath(t.dataDir));
  raw.exec(`UPDATE SupervisionTask SET classification = (serial * 7) % 3;
    UPDATE SupervisionTaskUnit SET classification = (SELECT classification FROM SupervisionTask WHERE id = taskId);
    UPDATE SupervisionTask SET instructedById = (SELECT id FROM User WHERE username = 'lihua') WHERE serial % 11 = 0;`);
  raw.close();
  const db = t.app.svc.db;
  const [rows, coUnits, coOwners] = await Promise.all([
    db.supervisionTask.findMany(),
    db.supervisionTaskUnit.findMany({ select: { taskId: true, unitId: true } }),
    db.supervisionCoOwner.findMany({ select: { taskId: true, userId: true } }),
  ]);
  tasks = rows.map((r) => ({
    ...r, status: r.status as TaskStatus, deadlineAt: r.deadlineAt.getTime(),
    coUnits: coUnits.filter((c) => c.taskId === r.id).map((c) => c.unitId), coOwners: coOwners.filter((c) => c.taskId === r.id).map((c) => c.userId),
  }));
  for (const username of ['zhouqiang', 'wuli', 'chenming', 'lihua', 'bench3s0', 'bench5clerk']) {
    people[username] = subjectFromUser(await db.user.findUniqueOrThrow({ where: { username }, include: { roles: true } }));
  }
  // The owner with the most tasks, so that "mine" has pages.
  const owners = new Map<string, number>();
  for (const task of tasks) if (task.ownerId) owners.set(task.ownerId, (owners.get(task.ownerId) ?? 0) + 1);
  const busiest = [...owners].sort((a, b) => b[1] - a[1])[0]![0];
  people.owner = subjectFromUser(await db.user.findUniqueOrThrow({ where: { id: busiest }, include: { roles: true } }));
});
afterAll(async () => t.close());

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
  const matches = tasks.filter((x) => x.classification <= subject.clearance && inScope(x)
    && (!query.status?.length || query.status.includes(x.status))
    && (query.overdue === undefined || overdue(x) === query.overdue)
    && (!query.dueFrom || x.deadlineAt >= endOfChinaDay(query.dueFrom).getTime())
    && (!query.dueTo || x.deadlineAt <= endOfChinaDay(query.dueTo).getTime())
    && (!query.unitId || x.leadUnitId === query.unitId || x.coUnits.includes(query.unitId))
    && (!query.basisType || x.basisType === query.basisType)
    && (!query.priority || x.priority === query.priority)
    && (!query.q || x.title.includes(query.q) || x.requirement.includes(query.q) || String(x.serial) === query.q));
  matches.sort((a, b) => a.deadlineAt - b.deadlineAt || a.classification - b.classification || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
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

  it.each(['zhouqiang', 'wuli', 'chenming', 'lihua', 'bench3s0', 'bench5clerk', 'owner'])('gives %s exactly the oracle’s pages', async (who) => {
    const subject = people[who]!;
    const oversight = await oversightOf(t.app.svc.db, subject);
    let compared = 0;
    for (const scope of ['desk', 'unit', 'mine'] as const) {
      for (const variant of variants()) {
        for (const [page, pageSize] of [[1, 20], [2, 7], [40, 10]] as const) {
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
  });
});
