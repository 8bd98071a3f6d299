// The 待办 centre against an oracle: in a varied world (公文 on their current step with and without 办理时限, 传阅
// steps, deleted and 机密 ones, delegations, 分发 rows to sign for, refused, recalled and 函 to a named receiver; meetings announced, running, over, cancelled, in draft, with replies,
// sign-ins and minutes asking for confirmation in this round or the last; 400 supervision tasks in every status with
// co-units and co-owners), every person's list — all pages — and counts equal the items counted one by one from the
// raw rows, each admitted by the policies (the same functions the pages ask). On PostgreSQL (TONGBAN_TEST_DATABASE) the
// world is seeded in SQLite as always, by the same seeders, and copied into the test app's schema before it starts
// (tests/support/seededTestApp.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { addDays, shanghaiDateOf } from '../../../common/calendar/isoDate.ts';
import { TODO_KINDS, type TodoKind } from '../../../common/todo/vocabulary.ts';
import { seedSupervision } from '../../../tests/bench/supervisionSeed.ts';
import { seedTodo } from '../../../tests/bench/todoSeed.ts';
import { createSeededTestApp } from '../../../tests/support/seededTestApp.ts';
import { signedIn, signedInWithMfa, type TestApp } from '../../../tests/support/testApp.ts';
import { subjectFromUser, type Subject } from '../../auth/subject.ts';
import { stepDueOn } from '../../domain/officialDocs/stepDeadlines.ts';
import type { Route } from '../../domain/officialDocs/vocabulary.ts';
import { decide } from '../../domain/supervision/lifecycle.ts';
import { endOfChinaDay } from '../../domain/supervision/deadlines.ts';
import type { TaskStatus } from '../../domain/supervision/vocabulary.ts';
import type { DistributionStatus } from '../../../common/officialDocs/distribution.ts';
import type { DistributionResource } from '../../policies/distributions.ts';
import { can } from '../../policies/index.ts';
import { meetingResource } from '../../policies/meetingFacts.ts';
import { canViewOfficialDoc } from '../../policies/officialDocs.ts';
import { taskRoles, type TaskFacts } from '../../policies/supervision.ts';
import { oversightOf } from '../supervision/oversight.ts';
import { countTodo, listTodo } from './todoCentre.ts';

interface Expected {
  kind: TodoKind;
  id: string;
  title: string;
  dueAt: number | null;
  since: number;
  link: string;
}

const NOW = new Date('2026-12-03T03:00:00Z');
let t: TestApp;
let subjects: Subject[];
beforeAll(async () => {
  t = await createSeededTestApp(
    { clockAt: NOW, config: { supervisionTickSeconds: 0, officialDocTickSeconds: 0 } },
    (file) => seedWorld(file),
  );
  const db = t.app.svc.db;
  // The busiest owners and supervisors first, then everyone else: each has something of every kind to find.
  subjects = (await db.user.findMany({ include: { roles: true }, orderBy: { username: 'asc' } })).map(subjectFromUser);
});
afterAll(async () => t?.close());

/** The demo organisation's database file, with the bench seeders' varied world written into it. */
function seedWorld(file: string): void {
  seedSupervision(file, { tasks: 400, units: 8, now: NOW, seed: 16 });
  // Mixed classifications (the co-unit copies follow), some clerks uncleared for 内部, a leader's own instructions.
  const raw = new Database(file);
  raw.exec(`UPDATE SupervisionTask SET classification = (serial * 7) % 4;
    UPDATE SupervisionTaskUnit SET classification = (SELECT classification FROM SupervisionTask WHERE id = taskId);
    UPDATE User SET clearance = 0 WHERE username IN ('bench2clerk', 'bench3s1');
    UPDATE User SET clearance = 3 WHERE username IN ('bench4lead', 'bench5clerk');`);
  raw.close();
  seedTodo(file, { documents: 400, meetings: 160, now: NOW, seed: 16 });
}

/** The 公文 and tasks of the world, read once (the oracle reads everyone's rows from them). */
async function loadWorld() {
  const db = t.app.svc.db;
  return {
    docs: await db.officialDocument.findMany({ include: { document: true, opinions: true, waiting: true } }),
    deadlines: await db.officialDocumentStepDeadline.findMany(),
    distributions: await db.officialDocumentDistribution.findMany({
      include: { officialDocument: { include: { document: true } } },
    }),
    tasks: await db.supervisionTask.findMany({
      include: {
        coUnits: true,
        coOwners: true,
        supervisor: { select: { unitId: true } },
        coordinations: { select: { unitIds: true } },
        extensions: { where: { status: 'pending' } },
      },
    }),
  };
}
let world: ReturnType<typeof loadWorld> | undefined;

/** Everything that waits for the subject, counted one by one. */
async function oracle(subject: Subject): Promise<Expected[]> {
  const db = t.app.svc.db;
  const me = subject.id;
  const out: Expected[] = [];
  const today = shanghaiDateOf(NOW);

  const principals = (
    await db.delegation.findMany({
      where: { deputyId: me, revokedAt: null, startsAt: { lte: NOW }, endsAt: { gt: NOW } },
    })
  ).map((d) => d.principalId);
  const { docs, deadlines, distributions, tasks } = await (world ??= loadWorld());
  for (const doc of docs) {
    const mine = doc.waiting.filter((w) => w.userId === me || principals.includes(w.userId));
    if (mine.length === 0 || doc.document.deletedAt) continue;
    const route = JSON.parse(doc.route) as Route;
    const facts = {
      id: doc.id,
      unitId: doc.unitId,
      officeUnitId: doc.officeUnitId,
      drafterId: doc.drafterId,
      classification: doc.document.classification,
      route,
      formerHandlerIds: doc.opinions.map((o) => o.userId),
    };
    if (!canViewOfficialDoc(subject, facts, [...new Set(principals)])) continue;
    const dues = mine
      .map((w) => deadlines.find((d) => d.officialDocumentId === doc.id && d.stepId === w.stepId))
      .map((d, i) =>
        d ? endOfChinaDay(stepDueOn(shanghaiDateOf(mine[i]!.since), d.workingDays)).getTime() : Infinity,
      );
    const due = Math.min(...dues);
    out.push({
      kind: route.steps[route.current]?.opinion === 'circulate' ? 'doc_read' : 'doc_handle',
      id: doc.id,
      title: doc.document.title,
      dueAt: due === Infinity ? null : due,
      since: Math.min(...mine.map((w) => w.since.getTime())),
      link: `/official-documents/${doc.id}`,
    });
  }

  for (const row of distributions) {
    const od = row.officialDocument;
    const resource: DistributionResource = {
      kind: 'distribution',
      unitId: row.unitId,
      receiverId: row.receiverId,
      status: row.status as DistributionStatus,
      classification: od.document.classification,
      officeUnitId: od.officeUnitId,
    };
    if (row.status !== 'pending' || od.document.deletedAt || !can(subject, 'distribution.signFor', resource)) continue;
    out.push({
      kind: 'doc_sign_for',
      id: row.id,
      title: od.document.title,
      dueAt: null,
      since: row.sentAt.getTime(),
      link: `/official-documents/${od.id}`,
    });
  }

  const seats = await db.meetingParticipant.findMany({
    where: { userId: me },
    include: { meeting: { include: { participants: { where: { userId: me } } } } },
  });
  const minutes = await db.meetingMinutes.findMany({ include: { confirmations: { where: { userId: me } } } });
  for (const seat of seats) {
    const m = seat.meeting;
    const resource = meetingResource({ ...m, agendaItems: [] });
    const open = m.endAt.getTime() > NOW.getTime();
    const base = {
      id: m.id,
      title: m.title,
      dueAt: m.startAt.getTime(),
      since: seat.createdAt.getTime(),
      link: `/meetings/${m.id}`,
    };
    if (can(subject, 'meeting.reply', resource) && open && seat.rsvp === 'pending' && m.status === 'scheduled')
      out.push({ kind: 'meeting_rsvp', ...base });
    const todayStart = endOfChinaDay(addDays(today, -1)).getTime();
    const todayEnd = endOfChinaDay(today).getTime();
    const start = m.startAt.getTime();
    const isToday = start < todayEnd && (start >= todayStart || m.status === 'in_progress');
    if (
      can(subject, 'meeting.signIn', resource) &&
      open &&
      isToday &&
      !seat.signedInAt &&
      !['leave', 'absent'].includes(seat.rsvp) &&
      ['scheduled', 'in_progress'].includes(m.status)
    )
      out.push({ kind: 'meeting_sign_in', ...base });
    const mm = minutes.find((x) => x.meetingId === m.id);
    const asked = mm?.confirmations[0];
    if (
      mm &&
      asked &&
      can(subject, 'minutes.confirm', resource) &&
      mm.status === 'confirming' &&
      asked.round === mm.round &&
      asked.state === 'pending'
    )
      out.push({
        kind: 'minutes_confirm',
        id: m.id,
        title: m.title,
        dueAt: null,
        since: asked.requestedAt.getTime(),
        link: `/documents/${mm.documentId}`,
      });
  }

  const oversight = await oversightOf(db, subject);
  for (const task of tasks) {
    const status = task.status as TaskStatus;
    const facts: TaskFacts = {
      id: task.id,
      status,
      classification: task.classification,
      leadUnitId: task.leadUnitId,
      coUnitIds: task.coUnits.map((u) => u.unitId),
      coordinationUnitIds: task.coordinations.flatMap((c) => JSON.parse(c.unitIds) as string[]),
      ownerId: task.ownerId,
      coOwnerIds: task.coOwners.map((c) => c.userId),
      supervisorId: task.supervisorId,
      supervisorUnitId: task.supervisor.unitId,
      createdById: task.createdById,
      instructedById: task.instructedById,
    };
    const roles = taskRoles(subject, facts, oversight);
    const may = (action: Parameters<typeof decide>[1]) => decide(status, action, roles).ok;
    const link = `/supervision/tasks/${task.id}`;
    const deadline = task.deadlineAt.getTime();
    const myCoUnit = task.coUnits.find((u) => u.unitId === subject.unitId);
    if (may('sign') || (may('co_sign') && myCoUnit && !myCoUnit.signedAt))
      out.push({
        kind: 'task_sign',
        id: task.id,
        title: task.title,
        dueAt: deadline,
        since: task.createdAt.getTime(),
        link,
      });
    if (may('report_progress') && (roles.includes('owner') || roles.includes('co_owner')))
      out.push({
        kind: 'task_report',
        id: task.id,
        title: task.title,
        dueAt: deadline,
        since: (task.signedAt ?? task.createdAt).getTime(),
        link,
      });
    if (may('accept') && task.supervisorId === me)
      out.push({
        kind: 'task_accept',
        id: task.id,
        title: task.title,
        dueAt: null,
        since: (task.submittedAt ?? task.updatedAt).getTime(),
        link,
      });
    if (may('approve_extension') && task.supervisorId === me)
      out.push({
        kind: 'task_approve',
        id: task.id,
        title: task.title,
        dueAt: null,
        since: task.extensions.length
          ? Math.max(...task.extensions.map((x) => x.createdAt.getTime()))
          : task.updatedAt.getTime(),
        link,
      });
  }

  const now = NOW.getTime();
  const overdue = (x: Expected) => (x.dueAt !== null && x.dueAt < now ? 0 : 1);
  return out.sort(
    (a, b) =>
      overdue(a) - overdue(b) ||
      (a.dueAt === null ? 1 : 0) - (b.dueAt === null ? 1 : 0) ||
      (a.dueAt ?? 0) - (b.dueAt ?? 0) ||
      a.since - b.since ||
      (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

async function everyPage(subject: Subject, kinds: TodoKind[], pageSize: number) {
  const db = t.app.svc.db;
  const got: Expected[] = [];
  for (let page = 1; ; page++) {
    const { items, counts } = await listTodo(db, subject, { kinds }, { page, pageSize }, NOW);
    got.push(
      ...items.map((i) => ({
        kind: i.kind,
        id: i.id,
        title: i.title,
        dueAt: i.dueAt?.getTime() ?? null,
        since: i.since.getTime(),
        link: i.link,
      })),
    );
    if (items.length < pageSize) return { got, counts };
  }
}

describe('the 待办 centre', () => {
  it('lists and counts, for every person, exactly what waits for them', { timeout: 120_000 }, async () => {
    const seen = new Map<TodoKind, number>();
    for (const subject of subjects) {
      const expected = await oracle(subject);
      const { got, counts } = await everyPage(subject, [], 7);
      expect(got, subject.username).toEqual(expected);
      const byKind = Object.fromEntries(TODO_KINDS.map((k) => [k, expected.filter((x) => x.kind === k).length]));
      expect(counts, subject.username).toEqual({ ...byKind, total: expected.length });
      expect(await countTodo(t.app.svc.db, subject, {}, NOW)).toEqual(counts);
      for (const x of expected) seen.set(x.kind, (seen.get(x.kind) ?? 0) + 1);
    }
    // The world is varied enough to mean something: every kind waits for someone.
    for (const kind of TODO_KINDS) expect(seen.get(kind) ?? 0, kind).toBeGreaterThan(0);
  });

  it(
    'filters by kind: a filtered list is the full list with only those kinds, counted alike',
    { timeout: 60_000 },
    async () => {
      const filters: TodoKind[][] = [
        ['doc_handle'],
        ['doc_sign_for'],
        ['task_sign', 'task_report'],
        ['meeting_rsvp', 'minutes_confirm'],
      ];
      for (const subject of subjects.filter((_, i) => i % 3 === 0)) {
        const all = await oracle(subject);
        for (const kinds of filters) {
          const { got, counts } = await everyPage(subject, kinds, 5);
          expect(got, subject.username).toEqual(all.filter((x) => kinds.includes(x.kind)));
          expect(counts.total).toBe(got.length);
        }
      }
    },
  );

  it(
    'answers over HTTP with the same items and counts, and nothing for an administrator',
    { timeout: 60_000 },
    async () => {
      const busiest = subjects.find((s) => s.username === 'zhouqiang')!;
      const client = await signedIn(t, busiest.username);
      const list = await client.get('/api/todo?pageSize=100');
      expect(list.statusCode).toBe(200);
      const counts = await client.get('/api/todo/counts');
      expect(counts.statusCode).toBe(200);
      expect(counts.json()).toEqual(list.json().counts);
      expect(list.json().items.length).toBe(Math.min(100, counts.json().total));
      const admin = await signedInWithMfa(t, 'sysadmin');
      expect((await admin.get('/api/todo')).statusCode).toBe(403);
    },
  );
});
