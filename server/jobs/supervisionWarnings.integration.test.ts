// The deadline-warning scheduler with a controlled clock: reminders on the configured working days before the
// deadline, one overdue warning a day to owner, unit head and supervisor, nothing twice across a restart, and what
// was missed during downtime sent when the server is back — live over socket.io too.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { AdjustableClock } from '../clock.ts';
import { seedDemoOrganisation } from '../seed/demoOrganisation.ts';
import { createTask } from '../commands/supervision/taskCreator.ts';
import { signTask } from '../commands/supervision/taskSigner.ts';
import { assignTask } from '../commands/supervision/taskAssigner.ts';
import { submitTask } from '../commands/supervision/taskSubmitter.ts';
import { subjectFromUser, type Subject } from '../auth/subject.ts';
import type { RequestContext } from '../audit/auditLog.ts';
import { SupervisionWarnings } from './supervisionWarnings.ts';
import { TestClient } from '../../tests/support/testApp.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 09:00 in China on a date (01:00 UTC). */
const chinaNineAm = (date: string) => new Date(`${date}T01:00:00Z`);

let dataDir: string;
let clock: AdjustableClock;
let app: FastifyInstance;
let warnings: SupervisionWarnings;
const people: Record<string, Subject> = {};

function setClock(at: Date): void {
  clock.advance(at.getTime() - clock.now().getTime());
}

async function start(): Promise<void> {
  // The timer is off: these tests tick by hand, exactly when they mean to.
  app = await buildApp({
    config: { dataDir, publicUrl: 'http://localhost:3000', supervisionTickSeconds: 0 },
    clock,
    serveClient: false,
    logger: false,
  });
  await app.ready();
  warnings = new SupervisionWarnings(app.svc);
}

async function restart(downtimeMs = 0): Promise<void> {
  await app.close();
  clock.advance(downtimeMs);
  await start();
}

const ctx = (who: Subject): RequestContext => ({
  actor: { id: who.id, name: who.username },
  ip: '127.0.0.1',
  userAgent: 'test',
  at: clock.now(),
  auditKey: app.svc.keys.audit,
});

async function newTask(title: string, dueDate: string, leadUnit: string, owner?: string): Promise<string> {
  const unitId = (await app.svc.db.unit.findFirstOrThrow({ where: { shortName: leadUnit } })).id;
  const { id } = await createTask(app.svc, ctx(people.zhouqiang!), people.zhouqiang!, {
    title,
    basisType: 'other',
    basisText: '区政府工作要点',
    leadUnitId: unitId,
    requirement: '按期完成',
    dueDate,
    classification: 1,
  });
  if (owner) {
    const head = Object.values(people).find((p) => p.unitId === unitId && p.roles.includes('leader'))!;
    await signTask(app.svc, ctx(head), head, id);
    await assignTask(app.svc, ctx(head), head, id, { ownerId: people[owner]!.id });
  }
  return id;
}

async function sentFor(taskId: string) {
  return (
    await app.svc.db.supervisionReminder.findMany({ where: { taskId }, orderBy: [{ date: 'asc' }, { kind: 'asc' }] })
  ).map((r) => `${r.kind}@${r.date}`);
}

async function inbox(username: string, taskId: string) {
  return (
    await app.svc.db.notification.findMany({
      where: { userId: people[username]!.id, link: `/supervision/tasks/${taskId}` },
      orderBy: { createdAt: 'asc' },
    })
  ).map((n) => n.kind);
}

// Every test on its own data directory and clock; a test that starts later in March plays the days before it through
// the builders below.
beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-warnings-'));
  clock = new AdjustableClock();
  // Monday 2027-03-01, 09:00 in China. 2027-03-10 is a Wednesday: its reminders fall on Friday 03-05 (3 working
  // days before) and Tuesday 03-09 (1 working day before).
  setClock(chinaNineAm('2027-03-01'));
  await start();
  await seedDemoOrganisation(app.svc);
  for (const u of await app.svc.db.user.findMany({ include: { roles: true } })) people[u.username] = subjectFromUser(u);
});
afterEach(async () => {
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('deadline warnings', () => {
  let taskId = '';

  /** 编制2027年重点项目清单, due Wednesday 03-10, signed by 区发改委 and handed to 张伟. */
  async function givenTask(): Promise<void> {
    taskId = await newTask('编制2027年重点项目清单', '2027-03-10', '区发改委', 'zhangwei');
  }
  /** The reminder 3 working days before (Friday 03-05) sent. */
  async function givenFirstReminder(): Promise<void> {
    await givenTask();
    setClock(chinaNineAm('2027-03-05'));
    expect((await warnings.tick()).sent).toBe(1);
  }
  /** The reminder 1 working day before (Tuesday 03-09) sent too. */
  async function givenBothReminders(): Promise<void> {
    await givenFirstReminder();
    setClock(chinaNineAm('2027-03-09'));
    expect((await warnings.tick()).sent).toBe(1);
  }
  /** Overdue warnings on 03-11 and 03-12; the clock at 03-12 09:00. */
  async function givenOverdueTwice(): Promise<void> {
    await givenBothReminders();
    setClock(new Date('2027-03-10T16:30:00Z'));
    expect((await warnings.tick()).sent).toBe(1);
    setClock(new Date('2027-03-11T10:00:00Z'));
    expect((await warnings.tick()).sent).toBe(0);
    setClock(chinaNineAm('2027-03-12'));
    expect((await warnings.tick()).sent).toBe(1);
  }
  /** Down from 03-12 to 03-15, and that day's overdue warning sent on return. */
  async function givenBackAfterDowntime(): Promise<void> {
    await givenOverdueTwice();
    await restart(3 * DAY);
    expect((await warnings.tick()).sent).toBe(1);
  }

  it('sends nothing while the deadline is far', async () => {
    taskId = await newTask('编制2027年重点项目清单', '2027-03-10', '区发改委', 'zhangwei');
    expect(await warnings.tick()).toEqual({ sent: 0, notifications: 0 });
    setClock(chinaNineAm('2027-03-04'));
    expect((await warnings.tick()).sent).toBe(0);
  });

  it('reminds the owner 3 working days before, once, even across a restart', async () => {
    await givenTask();
    setClock(chinaNineAm('2027-03-05'));
    expect(await warnings.tick()).toEqual({ sent: 1, notifications: 1 });
    expect(await warnings.tick()).toEqual({ sent: 0, notifications: 0 });
    // Over the weekend and after a restart, nothing new is owed.
    await restart(2 * DAY);
    expect(await warnings.tick()).toEqual({ sent: 0, notifications: 0 });
    expect(await sentFor(taskId)).toEqual(['due_3@2027-03-05']);
    expect(await inbox('zhangwei', taskId)).toContain('supervision.due_soon');
  });

  it('reminds again 1 working day before', async () => {
    await givenFirstReminder();
    setClock(chinaNineAm('2027-03-09'));
    expect((await warnings.tick()).sent).toBe(1);
    setClock(chinaNineAm('2027-03-10'));
    expect((await warnings.tick()).sent).toBe(0);
    expect(await sentFor(taskId)).toEqual(['due_3@2027-03-05', 'due_1@2027-03-09']);
  });

  it('warns owner, unit head and supervisor once a day when overdue, live', async () => {
    await givenBothReminders();
    const url = await app.listen({ port: 0, host: '127.0.0.1' }).then(() => {
      const address = app.server.address();
      if (!address || typeof address !== 'object') throw new Error('not listening');
      return `http://127.0.0.1:${address.port}`;
    });
    const sockets: Socket[] = [];
    /** Signs in, connects, and returns the first overdue warning pushed to this person. */
    const live = async (username: string) => {
      const client = new TestClient(app);
      await client.signIn(username);
      const socket = connect(url, {
        transports: ['websocket'],
        extraHeaders: { cookie: client.cookie },
        reconnection: false,
      });
      sockets.push(socket);
      const warned = new Promise<{ kind: string; title: string; body: string }>((resolve) =>
        socket.on('notification:new', (n: { kind: string; title: string; body: string }) => {
          if (n.kind === 'supervision.overdue') resolve(n);
        }),
      );
      await new Promise((resolve) => socket.once('connect', () => resolve(undefined)));
      return { warned };
    };
    // 00:30 on 03-11 in China: the deadline (end of 03-10) has passed.
    setClock(new Date('2027-03-10T16:30:00Z'));
    const owner = await live('zhangwei');
    const supervisor = await live('zhouqiang');
    expect(await warnings.tick()).toEqual({ sent: 1, notifications: 3 });
    expect(await owner.warned).toMatchObject({
      title: '督办事项已逾期',
      body: '编制2027年重点项目清单：已逾期1天（期限2027-03-10）',
    });
    expect((await supervisor.warned).kind).toBe('supervision.overdue');
    for (const s of sockets) s.close();
    expect(await inbox('lihua', taskId)).toContain('supervision.overdue');
    // Later the same day: nothing more.
    setClock(new Date('2027-03-11T10:00:00Z'));
    expect((await warnings.tick()).sent).toBe(0);
    setClock(chinaNineAm('2027-03-12'));
    expect(await warnings.tick()).toEqual({ sent: 1, notifications: 3 });
    expect(await sentFor(taskId)).toEqual([
      'due_3@2027-03-05',
      'due_1@2027-03-09',
      'overdue@2027-03-11',
      'overdue@2027-03-12',
    ]);
  });

  it('sends what was missed during downtime — today’s warning, not a backlog', async () => {
    await givenOverdueTwice();
    await restart(3 * DAY); // down from 03-12 09:00 to 03-15 09:00
    const { sent } = await warnings.tick();
    expect(sent).toBe(1);
    expect((await sentFor(taskId)).at(-1)).toBe('overdue@2027-03-15');
    expect((await sentFor(taskId)).filter((k) => k.startsWith('overdue'))).toHaveLength(3);
    const timeline = await app.svc.db.supervisionEvent.findMany({ where: { taskId, kind: 'overdue' } });
    expect(timeline).toHaveLength(3);
  });

  it('after downtime over several reminder days sends only the one that still applies', async () => {
    await givenBackAfterDowntime();
    const other = await newTask('修订应急预案', '2027-03-24', '区应急局', 'xuyan'); // Wednesday; reminders 03-19 (Fri) and 03-23 (Tue)
    setClock(chinaNineAm('2027-03-18'));
    expect(await sentFor(other)).toEqual([]);
    await restart(5 * DAY); // back on Tuesday 03-23
    await warnings.tick();
    expect(await sentFor(other)).toEqual(['due_1@2027-03-23']);
  });

  it('stops warning once the task is submitted, and is safe against a second instance', async () => {
    await givenBackAfterDowntime();
    const third = await newTask('整治占道经营', '2027-03-25', '区住建委', 'matao');
    setClock(chinaNineAm('2027-03-26'));
    // Two schedulers (two instances, or a timer and a test) at the same moment: exactly one warning goes out.
    const twin = new SupervisionWarnings(app.svc);
    const [a, b] = await Promise.all([warnings.tick(), twin.tick()]);
    expect(a.sent + b.sent).toBeGreaterThanOrEqual(1);
    expect((await sentFor(third)).filter((k) => k === 'overdue@2027-03-26')).toHaveLength(1);
    const owner = people.matao!;
    await submitTask(app.svc, ctx(owner), owner, third, { summary: '已整治' });
    setClock(chinaNineAm('2027-03-27'));
    await warnings.tick();
    expect((await sentFor(third)).filter((k) => k.startsWith('overdue'))).toEqual(['overdue@2027-03-26']);
  });

  it('honours configured offsets', async () => {
    await app.close();
    app = await buildApp({
      config: { dataDir, publicUrl: 'http://localhost:3000', supervisionTickSeconds: 0, supervisionReminderDays: [5] },
      clock,
      serveClient: false,
      logger: false,
    });
    await app.ready();
    warnings = new SupervisionWarnings(app.svc);
    // Friday 2027-04-09; Monday 04-05 is 清明 (no working day), so 5 working days before is Thursday 04-01.
    const id = await newTask('年度考核材料', '2027-04-09', '区发改委', 'zhangwei');
    setClock(chinaNineAm('2027-03-31'));
    await warnings.tick();
    expect(await sentFor(id)).toEqual([]);
    setClock(chinaNineAm('2027-04-01'));
    await warnings.tick();
    expect(await sentFor(id)).toEqual(['due_5@2027-04-01']);
  });
});
