// For every kind of notification (the catalogue's list with each kind's object), the one delivery function delivers
// only to the people who may read that object: a notice of each kind about a real 秘密 object is addressed to its
// readers and to people who may not read it (uncleared colleagues, other units, the three administrators), and exactly
// the readers get it. Who may read what is written out here from the rules, not asked of the policies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  NOTIFICATION_KIND_OBJECTS,
  paramsOf,
  type InputValues,
  type NoticeObjectKind,
  type NotificationKind,
  type ParamType,
} from '../../common/notifications/catalogue.ts';
import { inTransaction } from '../../server/db/transaction.ts';
import type { NewNotification, NoticeObjects } from '../../server/notifications/notificationHub.ts';
import { demoIds, shanghai } from '../support/meetings.ts';
import { givenTask } from '../support/supervision.ts';
import { createTestApp, signedIn, signedInWithMfa, type TestApp, type TestClient } from '../support/testApp.ts';
import { addDays, shanghaiDateOf } from '../../common/calendar/isoDate.ts';
import { Tally } from './tally.ts';

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const as: Record<string, TestClient> = {};
const ADMINS = ['sysadmin', 'secadmin', 'auditadmin'];

/** Each object kind: the object (a 秘密 one where it has a classification), who may read it, who may not. */
const world = {} as { [K in NoticeObjectKind]: { about: NoticeObjects[K]; readers: string[]; others: string[] } };

beforeAll(async () => {
  t = await createTestApp({ clockAt: new Date('2026-11-18T09:00:00+08:00') });
  ids = await demoIds(t);
  as.zhaojing = await signedIn(t, 'zhaojing');
  as.zhouqiang = await signedIn(t, 'zhouqiang');
  as.lihua = await signedInWithMfa(t, 'lihua');
  as.chenming = await signedInWithMfa(t, 'chenming');
  const id = (u: string) => ids.users[u]!;

  // 赵静 (区政府办, 秘密) drafts a 秘密 document: her unit's cleared people read it; 孙悦 of the same unit is cleared
  // only for 内部; 周强 is cleared but of another unit.
  const doc = await as.zhaojing.post('/api/documents', {
    kind: 'draft',
    title: '人事调整方案',
    classification: 'secret',
  });
  expect(doc.statusCode).toBe(201);
  world.document = {
    about: { kind: 'document', id: doc.json().id },
    readers: ['zhaojing', 'wanglei'],
    others: ['sunyue', 'zhouqiang', ...ADMINS],
  };

  // A 秘密 meeting the district head 陈明 calls with 李华 at the table. His unit colleague 刘芳 sees the meeting but not
  // its minutes (she is not at the table); 张伟 (内部) and the office's clerks see neither.
  const meeting = await as.chenming.post('/api/meetings', {
    title: '干部任免研究会',
    type: 'zhuanti',
    mode: 'online',
    classification: 'secret',
    startAt: shanghai(t, 3, '09:00'),
    endAt: shanghai(t, 3, '10:00'),
    hostId: id('chenming'),
    participants: { users: [{ userId: id('lihua') }], units: [] },
  });
  expect(meeting.statusCode, meeting.body).toBe(201);
  const meetingId = meeting.json().id as string;
  world.meeting = {
    about: { kind: 'meeting', id: meetingId },
    readers: ['chenming', 'lihua', 'liufang'],
    others: ['zhaojing', 'zhouqiang', 'zhangwei', ...ADMINS],
  };
  // Someone just taken off the meeting is told as from the seat they held; clearance and role still count.
  world.formerSeat = {
    about: { kind: 'formerSeat', meetingId },
    readers: ['lihua', 'guomin'],
    others: ['sunyue', 'zhangwei', ...ADMINS],
  };
  world.minutes = {
    about: { kind: 'minutes', meetingId },
    readers: ['chenming', 'lihua'],
    others: ['liufang', 'zhaojing', 'zhouqiang', 'zhangwei', ...ADMINS],
  };
  // The proposals desk: supervisors cleared for the meeting.
  world.proposals = {
    about: { kind: 'proposals', meetingId },
    readers: ['zhouqiang'],
    others: ['wuli', 'lihua', 'chenming', ...ADMINS],
  };

  // A 秘密 task led by 区发改委: its head 李华, the supervisors cleared for it, and the district head above; not 张伟
  // of the lead unit (内部), not another unit's head, not a supervisor cleared only for 内部.
  const units = Object.fromEntries((await t.app.svc.db.unit.findMany()).map((u) => [u.shortName ?? u.name, u.id]));
  const taskId = await givenTask(as.zhouqiang, {
    title: '推进干部队伍建设',
    basisType: 'leader_instruction',
    basisText: '请发改委牵头落实。',
    instructedById: id('chenming'),
    leadUnitId: units['区发改委'],
    coUnitIds: [],
    requirement: '形成方案',
    dueDate: addDays(shanghaiDateOf(t.clock.now()), 20),
    priority: 'normal',
    classification: 'secret',
  });
  world.task = {
    about: { kind: 'task', id: taskId },
    readers: ['lihua', 'zhouqiang', 'chenming'],
    others: ['zhangwei', 'guomin', 'wuli', ...ADMINS],
  };

  // A 秘密 公文 赵静 drafts for 区政府办: its unit's cleared people read it (王磊); 孙悦 of the same unit is cleared only
  // for 内部, 周强 (督查室, under the office) and 李华 (another unit) are not of the issuing unit nor named on its route.
  const officialDoc = await as.zhaojing.post('/api/official-documents', {
    title: '关于干部调整的通知',
    kind: 'notice',
    classification: 'secret',
  });
  expect(officialDoc.statusCode, officialDoc.body).toBe(201);
  world.officialDoc = {
    about: { kind: 'officialDoc', id: officialDoc.json().id, at: t.clock.now() },
    readers: ['zhaojing', 'wanglei'],
    others: ['sunyue', 'zhouqiang', 'lihua', ...ADMINS],
  };

  // An account notice goes to that account's holder only, whoever else is addressed.
  world.account = {
    about: { kind: 'account', userId: id('hejun') },
    readers: ['hejun'],
    others: ['zhangwei', 'yangfan', ...ADMINS],
  };
});
afterAll(async () => t.close());

/** A value of each parameter type, as a producer gives it. */
function sample(type: ParamType): InputValues[ParamType] {
  const values: InputValues = {
    title: '标题',
    text: '摘录',
    note: '',
    reason: '',
    person: ids.users.zhaojing!,
    date: '2026-12-01',
    count: 1,
    days: 1,
    lead: 15,
    when: { start: new Date('2026-12-01T01:00:00Z'), end: new Date('2026-12-01T02:00:00Z'), timeZone: 'Asia/Shanghai' },
    place: { mode: 'online', room: null },
    clash: false,
    dueIn: { days: 1, deadline: '2026-12-01' },
    lateness: 0,
    minutesRole: 'host',
  };
  return values[type];
}

function addressed(kind: NotificationKind, about: NoticeObjects[NoticeObjectKind], userId: string): NewNotification {
  const params = Object.fromEntries(paramsOf(kind).map(([name, type]) => [name, sample(type)]));
  // Built for any kind at once; the catalogue's types hold each producer to its own kind and object.
  return { userId, kind, params, link: `/probe/${kind}`, about } as NewNotification;
}

describe('every kind of notification', () => {
  it('reaches exactly the people who may read its object, never an administrator for business content', async (context) => {
    const tally = new Tally();
    for (const [kind, objectKind] of NOTIFICATION_KIND_OBJECTS) {
      const { about, readers, others } = world[objectKind];
      const everyone = [...readers, ...others];
      await inTransaction(t.app.svc, (tx) =>
        t.app.svc.notifications.create(
          tx,
          everyone.map((u) => addressed(kind, about, ids.users[u]!)),
          t.clock.now(),
        ),
      );
      const rows = await t.app.svc.db.notification.findMany({ where: { link: `/probe/${kind}` } });
      const got = new Set(rows.map((r) => r.userId));
      for (const u of readers)
        tally.check(got.has(ids.users[u]!) ? null : { leak: false, what: `${kind}: ${u} may read its object` });
      for (const u of others) tally.check(got.has(ids.users[u]!) ? { leak: true, what: `${kind} reached ${u}` } : null);
    }
    expect(tally.report(context)).toEqual([]);
    expect(tally.checks).toBeGreaterThan(NOTIFICATION_KIND_OBJECTS.length * 5);
  });
});
