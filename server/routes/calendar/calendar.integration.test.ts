// The personal calendar: my meetings, the 办理时限 of the 公文 steps waiting for me and my tasks' deadlines, each only
// for the people its own page would show it to; a step that moved on or a task done leaves the calendar.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRoom, moveClockTo } from '../../../tests/support/meetings.ts';
import { givenOfficialDoc, givenStep, givenSubmitted } from '../../../tests/support/officialDocs.ts';
import { givenTask } from '../../../tests/support/supervision.ts';
import {
  createTestApp,
  signedIn,
  signedInWithMfa,
  type TestApp,
  type TestClient,
} from '../../../tests/support/testApp.ts';

let t: TestApp;
const ids: Record<string, string> = {};
const units: Record<string, string> = {};
const as: Record<string, TestClient> = {};
let meetingId = '';
let docId = '';
let taskId = '';

const LEADERS = ['lihua', 'yangfan', 'chenming'];
const STAFF = ['zhaojing', 'sunyue', 'zhangwei', 'hejun', 'zhouqiang'];

interface Calendar {
  today: string;
  from: string;
  to: string;
  meetings: Array<{ id: string; title: string; startAt: string }>;
  deadlines: Array<{ kind: string; id: string; dueOn: string; overdue: boolean; detail: string }>;
}
const calendar = async (who: string, view = 'week', date = '2026-03-16'): Promise<Calendar> => {
  const res = await as[who]!.get(`/api/calendar?view=${view}&date=${date}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Calendar;
};
const deadlinesOf = async (who: string, view = 'week', date = '2026-03-16') =>
  (await calendar(who, view, date)).deadlines.map((d) => `${d.kind}:${d.id}:${d.dueOn}`);

beforeAll(async () => {
  // Friday 13 March 2026, 09:00 in China.
  t = await createTestApp({ clockAt: new Date('2026-03-13T01:00:00Z'), config: { supervisionTickSeconds: 0 } });
  for (const u of await t.app.svc.db.user.findMany()) ids[u.username] = u.id;
  for (const u of await t.app.svc.db.unit.findMany()) units[u.shortName ?? u.name] = u.id;
  for (const name of STAFF) as[name] = await signedIn(t, name);
  for (const name of LEADERS) as[name] = await signedInWithMfa(t, name);

  // Monday 16 March, 09:00–10:00: 赵静 invites 张伟.
  const roomId = await addRoom(as.zhaojing!, '第二会议室');
  const meeting = await as.zhaojing!.post('/api/meetings', {
    title: '规划编制推进会',
    type: 'zhuanti',
    mode: 'in_room',
    roomId,
    startAt: '2026-03-16T09:00:00+08:00',
    endAt: '2026-03-16T10:00:00+08:00',
    participants: { users: [{ userId: ids.zhangwei }], units: [] },
    acceptClashes: true,
  });
  expect(meeting.statusCode, meeting.body).toBe(201);
  meetingId = meeting.json().id;

  // A 公文 waits for 李华 and 杨帆 to countersign within 2 working days (due Tuesday the 17th); 陈明 signs off later.
  docId = await givenOfficialDoc(as.sunyue!, { attachmentNotes: [] });
  await givenSubmitted(as.sunyue!, docId, {
    steps: [
      {
        id: 'countersign',
        name: '会签',
        kind: 'parallel',
        handlers: [{ userId: ids.lihua }, { userId: ids.yangfan }],
        deadlineDays: 2,
      },
      { id: 'signoff', name: '签发', kind: 'single', handlers: [{ userId: ids.chenming }] },
    ],
  });

  // A task led by 区发改委, supervised by 周强, due Wednesday the 18th.
  taskId = await givenTask(as.zhouqiang!, {
    title: '编制城市更新专项规划',
    basisType: 'leader_instruction',
    basisText: '请发改委牵头编制。',
    instructedById: ids.chenming,
    leadUnitId: units['区发改委'],
    coUnitIds: [],
    requirement: '形成规划草案',
    dueDate: '2026-03-18',
    priority: 'normal',
  });
});
afterAll(async () => {
  await t.close();
});

describe('the calendar', () => {
  it('covers the week from Monday on the Shanghai wall clock, with my meeting in it', async () => {
    const week = await calendar('zhangwei');
    expect(week.today).toBe('2026-03-13');
    expect(week.from).toBe('2026-03-15T16:00:00.000Z');
    expect(week.to).toBe('2026-03-22T16:00:00.000Z');
    expect(week.meetings.map((m) => [m.id, m.startAt])).toEqual([[meetingId, '2026-03-16T01:00:00.000Z']]);
    expect((await calendar('hejun')).meetings).toEqual([]);
    expect((await calendar('zhangwei', 'week', '2026-03-13')).meetings).toEqual([]);
  });

  it('shows a 公文 step deadline to the handlers it waits for, and a task deadline to its unit and supervisor', async () => {
    const doc = `officialDoc:${docId}:2026-03-17`;
    const task = `task:${taskId}:2026-03-18`;
    const expected: Record<string, string[]> = {
      lihua: [doc, task],
      yangfan: [doc],
      chenming: [],
      zhouqiang: [task],
      zhangwei: [],
      hejun: [],
      sunyue: [],
      zhaojing: [],
    };
    for (const [who, deadlines] of Object.entries(expected)) expect(await deadlinesOf(who), who).toEqual(deadlines);
    expect((await calendar('lihua')).deadlines).toEqual([
      expect.objectContaining({ kind: 'officialDoc', detail: '会签', overdue: false }),
      expect.objectContaining({ kind: 'task', detail: expect.stringMatching(/^督办〔2026〕\d+号$/), overdue: false }),
    ]);
    expect(await deadlinesOf('lihua', 'month', '2026-03-01')).toEqual([doc, task]);
    expect(await deadlinesOf('lihua', 'week', '2026-03-13')).toEqual([]);
    expect(await deadlinesOf('lihua', 'day', '2026-03-17')).toEqual([doc]);
  });

  it('shows nothing anyone could not open on its own page (an oracle over every person)', async () => {
    for (const who of [...STAFF, ...LEADERS]) {
      for (const d of (await calendar(who, 'month', '2026-03-01')).deadlines) {
        const page = d.kind === 'task' ? `/api/supervision/tasks/${d.id}` : `/api/official-documents/${d.id}`;
        expect((await as[who]!.get(page)).statusCode, `${who} ${d.kind}`).toBe(200);
      }
    }
  });

  it('marks a deadline overdue once past, and drops a step once its handler acted', async () => {
    await givenStep(as.lihua!, docId, { action: 'approve', opinion: '同意' });
    expect(await deadlinesOf('lihua')).toEqual([`task:${taskId}:2026-03-18`]);
    // Thursday the 19th: 杨帆 has not countersigned yet.
    moveClockTo(t, new Date('2026-03-19T01:00:00Z'));
    as.yangfan = await signedInWithMfa(t, 'yangfan');
    expect((await calendar('yangfan')).deadlines).toEqual([
      expect.objectContaining({ kind: 'officialDoc', id: docId, dueOn: '2026-03-17', overdue: true }),
    ]);
  });

  it('is not for administrators', async () => {
    const admin = await signedInWithMfa(t, 'sysadmin');
    expect((await admin.get('/api/calendar')).statusCode).toBe(403);
  });
});
