// The minutes story of the minutes*.integration.test.ts files: 城市更新工作专题会 (online, hosted by 赵静, minutes by
// 孙悦, 郑凯 on leave) on a fresh app at a fixed morning, and builders that take its minutes to each stage, so that every
// test starts from the state it needs without depending on an earlier test.
import type { Socket } from 'socket.io-client';
import { addDays } from '../../common/calendar/isoDate.ts';
import { localDate } from '../../server/domain/meetings/localTime.ts';
import type { Collaborator } from './collabClient.ts';
import { paragraph } from './collabClient.ts';
import { demoIds, givenMeeting } from './meetings.ts';
import { givenClosedMinutes, givenFinalisedMinutes, givenMinutes, minutesUrl, writeMinutes } from './minutes.ts';
import { socketAs } from './sockets.ts';
import { createTestApp, signedIn, signedInWithMfa, type TestApp, type TestClient } from './testApp.ts';

/** The attendees asked to confirm (郑凯 is on leave, 赵静 hosts, 孙悦 writes). */
export const CONFIRMERS = ['zhangwei', 'xuyan', 'matao', 'hejun'] as const;

export interface CityRenewal {
  t: TestApp;
  base: string;
  ids: Awaited<ReturnType<typeof demoIds>>;
  as: Record<string, TestClient>;
  meetingId: string;
  today: string;
  minutesUrl(path?: string): string;
  socketFor(client: TestClient): Promise<Socket>;
  /** Collab connections opened by the test or its builders; closed with the app. */
  collaborators: Collaborator[];
  close(): Promise<void>;
}

export async function cityRenewalMeeting(): Promise<CityRenewal> {
  // A fixed morning: the meeting below (40 minutes ahead, two hours long) then falls on one day at any real hour.
  // The header of a meeting across midnight is covered by localTime.test.ts (describeRange).
  const t = await createTestApp({ clockAt: new Date('2026-11-18T09:05:00+08:00') });
  const base = await t.listen();
  const ids = await demoIds(t);
  const as: Record<string, TestClient> = {};
  for (const name of ['zhaojing', 'sunyue', 'zhangwei', 'xuyan', 'matao', 'hejun', 'zhengkai', 'zhouqiang', 'wuli']) {
    as[name] = await signedIn(t, name);
  }
  // 郭敏 heads 区住建委: she enrols an authenticator on her first sign-in.
  as.guomin = await signedInWithMfa(t, 'guomin');
  const today = localDate(t.clock.now());
  const startAt = new Date(Math.ceil((t.clock.now().getTime() + 40 * 60_000) / 60_000) * 60_000);
  const { id: meetingId } = await givenMeeting(as.zhaojing!, {
    title: '城市更新工作专题会',
    type: 'zhuanti',
    mode: 'online',
    classification: 'internal',
    hostId: ids.users.zhaojing,
    minuteTakerId: ids.users.sunyue,
    startAt: startAt.toISOString(),
    endAt: new Date(startAt.getTime() + 2 * 3600_000).toISOString(),
    participants: {
      users: [
        { userId: ids.users.zhangwei },
        { userId: ids.users.xuyan },
        { userId: ids.users.matao },
        { userId: ids.users.zhengkai },
        { userId: ids.users.hejun, role: 'non_voting' },
      ],
      units: [],
    },
  });
  const leave = await as.zhengkai!.post(`/api/meetings/${meetingId}/rsvp`, {
    answer: 'leave',
    reason: '赴市卫健委开会',
  });
  if (leave.statusCode !== 200) throw new Error(`leave refused: ${leave.body}`);
  const sockets: Socket[] = [];
  const collaborators: Collaborator[] = [];
  return {
    t,
    base,
    ids,
    as,
    meetingId,
    today,
    collaborators,
    minutesUrl: (path = '') => minutesUrl(meetingId, path),
    async socketFor(client) {
      const socket = await socketAs(base, client);
      sockets.push(socket);
      return socket;
    },
    async close() {
      for (const c of collaborators) c.destroy();
      for (const s of sockets) s.close();
      await t.close();
    },
  };
}

/** The three decision items the minute-taker types, with well-typed fields. */
export function decisions(w: CityRenewal) {
  const { ids, today } = w;
  const d1 = addDays(today, 30);
  const d2 = addDays(today, 45);
  return [
    {
      text: `由区住建委牵头，区财政局配合，${d1}前完成老旧小区改造实施方案。`,
      attrs: {
        id: 'dec-housing-0001',
        confirmed: true,
        leadUnits: [{ unitId: ids.units['区住房和城乡建设委员会'], name: '区住建委' }],
        coUnits: [{ unitId: ids.units['区财政局'], name: '区财政局' }],
        owners: [{ userId: ids.users.guomin, name: '郭敏' }],
        coOwners: [{ userId: ids.users.hejun, name: '何军' }],
        due: d1,
        noDeadline: false,
      },
    },
    {
      text: `区发改委负责，会同区财政局，${d2}前报送重大项目储备清单。`,
      attrs: {
        id: 'dec-ndrc-00000002',
        confirmed: true,
        leadUnits: [{ unitId: null, name: '区发改委' }],
        coUnits: [{ unitId: null, name: '区财政局' }],
        due: d2,
      },
    },
    {
      text: '区卫健委牵头做好冬季传染病防控工作。',
      attrs: {
        id: 'dec-health-000003',
        confirmed: true,
        leadUnits: [{ unitId: ids.units['区卫生健康委员会'], name: '区卫健委' }],
        noDeadline: true,
      },
    },
  ];
}

/** The minute-taker opens the minutes; returns the document's id. */
export function givenOpenedMinutes(w: CityRenewal): Promise<string> {
  return givenMinutes(w.as.sunyue!, w.meetingId);
}

/**
 * The minutes opened and the minute-taker's decision items and plain numbered item typed in. Returns the document id
 * and the minute-taker's connection, still open.
 */
export async function givenWrittenMinutes(w: CityRenewal): Promise<{ documentId: string; writer: Collaborator }> {
  const documentId = await givenOpenedMinutes(w);
  const writer = await writeMinutes(
    w.base,
    w.as.sunyue!,
    documentId,
    (s) => {
      let tr = s.tr;
      for (const d of decisions(w))
        tr = tr.insert(tr.doc.content.size, s.schema.nodes.decisionItem!.create(d.attrs, s.schema.text(d.text)));
      return tr.insert(tr.doc.content.size, paragraph('四、区文旅局牵头，5个工作日内制定景区安全检查方案。'));
    },
    w.collaborators,
  );
  return { documentId, writer };
}

/** Written and finalised: round 1 asks the attendees to confirm. */
export async function givenFinalised(w: CityRenewal): Promise<{ documentId: string; writer: Collaborator }> {
  const written = await givenWrittenMinutes(w);
  await givenFinalisedMinutes(w.as.sunyue!, w.meetingId);
  return written;
}

export const OBJECTION = '第二项应由区发改委会同区财政局办理';
export const RESOLUTION = '将重新打开修改第二项的表述';

/** Finalised, and 张伟 objects to the second item. */
export async function givenObjected(w: CityRenewal): Promise<string> {
  const { documentId } = await givenFinalised(w);
  const res = await w.as.zhangwei!.post(w.minutesUrl('/confirmations'), { decision: 'object', comment: OBJECTION });
  if (res.statusCode !== 200) throw new Error(`objection refused: ${res.body}`);
  return documentId;
}

/** 张伟's objection answered by the minute-taker. */
export async function givenObjectionResolved(w: CityRenewal): Promise<string> {
  const documentId = await givenObjected(w);
  const res = await w.as.sunyue!.post(w.minutesUrl(`/objections/${w.ids.users.zhangwei}/resolve`), {
    resolution: RESOLUTION,
  });
  if (res.statusCode !== 200) throw new Error(`resolution refused: ${res.body}`);
  return documentId;
}

/** After the objection: reopened, the second item amended as asked, and finalised again (round 2). */
export async function givenSecondRound(w: CityRenewal): Promise<string> {
  const documentId = await givenObjectionResolved(w);
  const reopened = await w.as.sunyue!.post(w.minutesUrl('/reopen'), { reason: '按意见修改第二项' });
  if (reopened.statusCode !== 200) throw new Error(`reopen refused: ${reopened.body}`);
  await writeMinutes(
    w.base,
    w.as.sunyue!,
    documentId,
    (s) => {
      let pos = -1;
      s.doc.forEach((n, offset) => {
        if (n.attrs.id === 'dec-ndrc-00000002') pos = offset;
      });
      return s.tr.insertText('（会同区财政局办理）', pos + 1 + s.doc.nodeAt(pos)!.content.size);
    },
    w.collaborators,
  );
  await givenFinalisedMinutes(w.as.sunyue!, w.meetingId);
  return documentId;
}

/** Round 2 confirmed by everyone asked (何军 with a comment), so only the end of the meeting keeps it open. */
export async function givenEveryoneConfirmed(w: CityRenewal): Promise<string> {
  const documentId = await givenSecondRound(w);
  for (const name of CONFIRMERS) {
    const res = await w.as[name]!.post(w.minutesUrl('/confirmations'), {
      decision: 'confirm',
      comment: name === 'hejun' ? '无意见' : null,
    });
    if (res.statusCode !== 200) throw new Error(`${name} could not confirm: ${res.body}`);
  }
  return documentId;
}

/** Everyone confirmed, the meeting held, and the minutes closed by the host: frozen, signed, four proposals made. */
export async function givenClosed(w: CityRenewal): Promise<string> {
  const documentId = await givenEveryoneConfirmed(w);
  await givenClosedMinutes(w.t, w.as.zhaojing!, w.meetingId);
  return documentId;
}

export interface Proposal {
  id: string;
  decisionId: string | null;
  origin: string;
  title: string;
  status: string;
  due: string | null;
  needsReview: boolean;
  taskIds: string[];
  leadUnits: Array<{ unitId: string | null; name: string }>;
  coUnits: Array<{ unitId: string | null; name: string }>;
  owners: Array<{ userId: string | null; name: string }>;
  /** Fields the extractor read with low confidence (highlighted while pending). */
  uncertain: string[];
}

/** The meeting's task proposals in one status, as the supervisors' office lists them. */
export async function proposalsOf(w: CityRenewal, status = 'pending'): Promise<Proposal[]> {
  const res = await w.as.zhouqiang!.get(`/api/supervision/proposals?meetingId=${w.meetingId}&status=${status}`);
  if (res.statusCode !== 200) throw new Error(`proposals not listed: ${res.body}`);
  return res.json().items as Proposal[];
}

/** The supervisor gives the health item (no deadline in the minutes) a deadline 20 days ahead. */
export async function givenHealthDeadline(w: CityRenewal): Promise<void> {
  const [, , health] = await proposalsOf(w);
  const res = await w.as.zhouqiang!.patch(`/api/supervision/proposals/${health!.id}`, { due: addDays(w.today, 20) });
  if (res.statusCode !== 200) throw new Error(`deadline refused: ${res.body}`);
}

/**
 * The supervisor's review of the extracted item: split in two, merged back, the merge dropped, and a manual proposal
 * (景区安全检查, 区应急局) added in its place.
 */
export async function givenCultureReviewed(w: CityRenewal): Promise<void> {
  const zhouqiang = w.as.zhouqiang!;
  const [, , , culture] = await proposalsOf(w);
  const split = await zhouqiang.post(`/api/supervision/proposals/${culture!.id}/split`, {
    parts: [{ title: '制定景区安全检查方案' }, { title: '组织景区安全检查', sourceText: '组织开展检查' }],
  });
  if (split.statusCode !== 200) throw new Error(`split refused: ${split.body}`);
  const merged = await zhouqiang.post('/api/supervision/proposals/merge', {
    ids: (split.json().items as Proposal[]).map((p) => p.id),
  });
  if (merged.statusCode !== 200) throw new Error(`merge refused: ${merged.body}`);
  const dropped = await zhouqiang.post(`/api/supervision/proposals/${merged.json().id}/drop`);
  if (dropped.statusCode !== 200) throw new Error(`drop refused: ${dropped.body}`);
  const added = await zhouqiang.post('/api/supervision/proposals', {
    meetingId: w.meetingId,
    title: '景区安全检查',
    leadUnits: [{ unitId: w.ids.units['区应急管理局'], name: '区应急局' }],
    due: addDays(w.today, 10),
  });
  if (added.statusCode !== 201) throw new Error(`proposal not added: ${added.body}`);
}

/** The three decision proposals confirmed into supervision tasks. */
export async function givenDecisionTasks(w: CityRenewal): Promise<Array<{ id: string; proposalId: string }>> {
  const decisionProposals = (await proposalsOf(w)).filter((p) => p.origin === 'decision');
  const res = await w.as.zhouqiang!.post('/api/supervision/proposals/confirm', {
    ids: decisionProposals.map((p) => p.id),
  });
  if (res.statusCode !== 200) throw new Error(`proposals not confirmed: ${res.body}`);
  return res.json().tasks as Array<{ id: string; proposalId: string }>;
}
