// Scheduling meetings: rooms, agenda, participants and whole units, clearance, clashes, notices; bad input refused
// with a clear 4xx and nothing half-written; who sees what; reschedule, edit, cancel and the meeting's course.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addRoom, demoIds, shanghai } from '../../../tests/support/meetings.ts';
import { readNotice } from '../../../tests/support/notices.ts';
import {
  createTestApp,
  signedIn,
  signedInWithMfa,
  type TestApp,
  type TestClient,
} from '../../../tests/support/testApp.ts';

let t: TestApp;
let clerk: TestClient;
let ids: Awaited<ReturnType<typeof demoIds>>;
let roomA: string;
let roomB: string;

const as = (username: string) => signedIn(t, username);

function meeting(overrides: Record<string, unknown> = {}) {
  return {
    title: '区政府常务会议',
    type: 'changwu',
    mode: 'hybrid',
    roomId: roomA,
    classification: 'internal',
    startAt: shanghai(t, 2, '09:00'),
    endAt: shanghai(t, 2, '11:00'),
    hostId: ids.users.chenming,
    minuteTakerId: ids.users.sunyue,
    agenda: [
      {
        title: '审议2027年预算草案',
        presenterId: ids.users.yangfan,
        startAt: shanghai(t, 2, '09:00'),
        endAt: shanghai(t, 2, '10:00'),
      },
      {
        title: '研究老旧小区改造方案',
        presenterId: ids.users.guomin,
        startAt: shanghai(t, 2, '10:00'),
        endAt: shanghai(t, 2, '11:00'),
      },
    ],
    participants: {
      users: [{ userId: ids.users.zhangwei, role: 'attendee' }],
      units: [{ unitId: ids.units['区财政局'], role: 'non_voting' }],
    },
    ...overrides,
  };
}

async function counts() {
  const db = t.app.svc.db;
  return {
    meetings: await db.meeting.count(),
    seats: await db.meetingParticipant.count(),
    bookings: await db.roomBooking.count(),
    agenda: await db.meetingAgendaItem.count(),
    notifications: await db.notification.count(),
    audits: await db.auditEvent.count({ where: { action: { startsWith: 'meeting.' } } }),
  };
}

// Every test on its own app: the meetings, bookings and notices one test leaves never meet another's.
beforeEach(async () => {
  t = await createTestApp();
  ids = await demoIds(t);
  clerk = await as('zhaojing');
  roomA = await addRoom(clerk, '第一会议室', 30);
  roomB = await addRoom(clerk, '第二会议室', 12);
});
afterEach(async () => {
  await t.close();
});

describe('scheduling', () => {
  it('schedules a hybrid meeting: agenda, people and a whole unit, the room booked, a passcode shown once, everyone notified', async () => {
    const res = await clerk.post(
      '/api/meetings',
      meeting({ startAt: shanghai(t, 1, '09:00'), endAt: shanghai(t, 1, '11:00'), agenda: [] }),
    );
    expect(res.statusCode).toBe(201);
    const out = res.json();
    expect(out).toMatchObject({ status: 'scheduled', clashes: [], excluded: [], warnings: [] });
    expect(out.passcode).toMatch(/^\d{6}$/);
    expect(out.joinUrl).toMatch(/^http:\/\/localhost:3000\/meetings\/join\/[\w-]{16}$/);

    const db = t.app.svc.db;
    const row = await db.meeting.findUniqueOrThrow({
      where: { id: out.id },
      include: { participants: true, booking: true },
    });
    expect(row.startAt.toISOString()).toBe(new Date(shanghai(t, 1, '09:00')).toISOString());
    expect(row.passcodeHash).toMatch(/^\$argon2id\$/);
    expect(row.passcodeHash).not.toContain(out.passcode);
    expect(row.booking).toMatchObject({ roomId: roomA });
    // 张伟 by name; 杨帆, 何军 and the clerk 唐敏 as 区财政局; the host 陈明 and the minute-taker 孙悦 always.
    const seats = Object.fromEntries(row.participants.map((p) => [p.userId, p.role]));
    expect(seats).toEqual({
      [ids.users.zhangwei]: 'attendee',
      [ids.users.yangfan]: 'non_voting',
      [ids.users.hejun]: 'non_voting',
      [ids.users.tangmin]: 'non_voting',
      [ids.users.chenming]: 'attendee',
      [ids.users.sunyue]: 'attendee',
    });
    const notice = await readNotice(db, { userId: ids.users.zhangwei, kind: 'meeting.scheduled' });
    expect(notice.title).toBe('会议通知：区政府常务会议');
    expect(notice.body).toContain('09:00–11:00');
    expect(notice.body).toContain('第一会议室');
    expect(notice.link).toBe(`/meetings/${out.id}`);
    expect(await db.notification.count({ where: { userId: ids.users.zhaojing } })).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'meeting.create', resourceId: out.id } });
    expect(JSON.parse(audit.detail)).toMatchObject({ status: 'scheduled', mode: 'hybrid', seats: 6 });

    const detail = (await clerk.get(`/api/meetings/${out.id}`)).json();
    expect(detail).toMatchObject({
      title: '区政府常务会议',
      status: 'scheduled',
      mode: 'hybrid',
      room: { name: '第一会议室' },
      online: { hasPasscode: true },
    });
    expect(detail.online.joinUrl).toBe(out.joinUrl);
    expect(detail).not.toHaveProperty('passcodeHash');
    expect(JSON.stringify(detail)).not.toContain(out.passcode);
  });

  it('refuses bad times, types and agendas with a clear 4xx and writes nothing', async () => {
    const before = await counts();
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ startAt: shanghai(t, 3, '11:00'), endAt: shanghai(t, 3, '09:00') }, 400, 'end_before_start'],
      [{ startAt: shanghai(t, 3, '09:00'), endAt: shanghai(t, 3, '09:00') }, 400, 'zero_length'],
      [{ startAt: shanghai(t, -1, '09:00'), endAt: shanghai(t, -1, '10:00'), agenda: [] }, 400, 'in_the_past'],
      [{ startAt: shanghai(t, 3, '09:00'), endAt: shanghai(t, 7, '09:00'), agenda: [] }, 400, 'too_long'],
      [{ startAt: '2026-13-45T09:00:00+08:00' }, 400, 'invalid_request'],
      [{ startAt: '明天上午九点' }, 400, 'invalid_request'],
      [{ type: 'custom' }, 400, 'custom_type_required'],
      [{ mode: 'in_room', roomId: null }, 400, 'room_required'],
      [{ mode: 'online' }, 400, 'room_not_needed'],
      [{ roomId: 'no-such-room' }, 400, 'unknown_room'],
      [{ timeZone: 'Mars/Olympus' }, 400, 'invalid_time_zone'],
      [{ classification: 'confidential' }, 403, 'clearance'],
      [
        { agenda: [{ title: '超时议题', startAt: shanghai(t, 2, '10:30'), endAt: shanghai(t, 2, '11:30') }] },
        400,
        'slot_outside_meeting',
      ],
      [
        {
          agenda: [
            { title: 'A', startAt: shanghai(t, 2, '09:00'), endAt: shanghai(t, 2, '10:00') },
            { title: 'B', startAt: shanghai(t, 2, '09:30'), endAt: shanghai(t, 2, '10:30') },
          ],
        },
        400,
        'slots_overlap',
      ],
      [{ participants: { users: [{ userId: 'nobody' }], units: [] } }, 400, 'unknown_user'],
      [{ participants: { users: [{ userId: ids.users.sysadmin }], units: [] } }, 400, 'invalid_participant'],
      [
        { participants: { users: [{ userId: ids.users.hejun }, { userId: ids.users.hejun }], units: [] } },
        400,
        'duplicate_participant',
      ],
      [{ participants: { users: [], units: [{ unitId: 'no-such-unit' }] } }, 400, 'unknown_unit'],
      [{ title: '' }, 400, 'invalid_request'],
      [{ extra: 'field' }, 400, 'invalid_request'],
    ];
    for (const [overrides, status, code] of cases) {
      const res = await clerk.post('/api/meetings', meeting(overrides));
      expect({ overrides, status: res.statusCode, code: res.json().code }).toEqual({ overrides, status, code });
      expect(res.json().message).toEqual(expect.any(String));
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses a participant without clearance by name, and leaves uncleared members of an invited unit out', async () => {
    const before = await counts();
    const refused = await clerk.post(
      '/api/meetings',
      meeting({
        classification: 'secret',
        title: '涉密专题会',
        participants: { users: [{ userId: ids.users.zhangwei }], units: [] },
        hostId: ids.users.lihua,
        minuteTakerId: ids.users.zhaojing,
        startAt: shanghai(t, 4, '09:00'),
        endAt: shanghai(t, 4, '10:00'),
        agenda: [],
      }),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: 'participant_clearance',
      details: {
        classification: 'secret',
        users: [{ id: ids.users.zhangwei, displayName: '张伟', clearance: 'internal' }],
      },
    });
    expect(refused.json().message).toContain('张伟');
    expect(await counts()).toEqual(before);

    const unit = await clerk.post(
      '/api/meetings',
      meeting({
        classification: 'secret',
        title: '涉密专题会',
        type: 'zhuanti',
        hostId: ids.users.lihua,
        minuteTakerId: ids.users.zhaojing,
        roomId: roomB,
        mode: 'in_room',
        agenda: [],
        startAt: shanghai(t, 4, '09:00'),
        endAt: shanghai(t, 4, '10:00'),
        participants: { users: [], units: [{ unitId: ids.units['区发展和改革委员会'], role: 'attendee' }] },
      }),
    );
    expect(unit.statusCode).toBe(201);
    expect(unit.json().excluded).toEqual([
      {
        userId: ids.users.zhangwei,
        displayName: '张伟',
        unitId: ids.units['区发展和改革委员会'],
        unitName: '区发展和改革委员会',
      },
    ]);
    const seats = await t.app.svc.db.meetingParticipant.findMany({
      where: { meetingId: unit.json().id },
      select: { userId: true },
    });
    expect(seats.map((s) => s.userId).sort()).toEqual([ids.users.lihua, ids.users.qianwen, ids.users.zhaojing].sort());
    expect(unit.json().passcode).toBeNull();
    // 张伟 may not even learn the meeting exists.
    const zhang = await as('zhangwei');
    expect((await zhang.get(`/api/meetings/${unit.json().id}`)).statusCode).toBe(404);
  });

  it('refuses a room that is taken, accepts the slot right after it', async () => {
    const first = await clerk.post(
      '/api/meetings',
      meeting({
        title: '周例会',
        type: 'weekly',
        startAt: shanghai(t, 5, '09:00'),
        endAt: shanghai(t, 5, '10:00'),
        agenda: [],
        participants: { users: [], units: [] },
      }),
    );
    expect(first.statusCode).toBe(201);
    const before = await counts();
    const overlap = await clerk.post(
      '/api/meetings',
      meeting({
        title: '专题会',
        startAt: shanghai(t, 5, '09:30'),
        endAt: shanghai(t, 5, '10:30'),
        agenda: [],
        participants: { users: [], units: [] },
        hostId: null,
        minuteTakerId: null,
      }),
    );
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json()).toMatchObject({
      code: 'room_booked',
      details: {
        roomId: roomA,
        roomName: '第一会议室',
        bookings: [
          {
            startAt: new Date(shanghai(t, 5, '09:00')).toISOString(),
            endAt: new Date(shanghai(t, 5, '10:00')).toISOString(),
          },
        ],
      },
    });
    expect(await counts()).toEqual(before);
    const adjacent = await clerk.post(
      '/api/meetings',
      meeting({
        title: '专题会',
        startAt: shanghai(t, 5, '10:00'),
        endAt: shanghai(t, 5, '11:00'),
        agenda: [],
        participants: { users: [], units: [] },
        hostId: null,
        minuteTakerId: null,
      }),
    );
    expect(adjacent.statusCode).toBe(201);
    const before2 = adjacent.statusCode === 201 ? await counts() : before;
    const elsewhere = await clerk.post(
      '/api/meetings',
      meeting({
        title: '专题会（二）',
        roomId: roomB,
        startAt: shanghai(t, 5, '09:30'),
        endAt: shanghai(t, 5, '10:30'),
        agenda: [],
        participants: { users: [], units: [] },
        hostId: null,
        minuteTakerId: null,
      }),
    );
    expect(elsewhere.statusCode).toBe(201);
    expect((await counts()).bookings).toBe(before2.bookings + 1);
  });

  it('shows participant clashes before scheduling; the organiser may proceed and the participant sees the clash flagged', async () => {
    const a = await clerk.post(
      '/api/meetings',
      meeting({
        title: '项目调度会',
        type: 'zhuanti',
        startAt: shanghai(t, 6, '14:00'),
        endAt: shanghai(t, 6, '15:00'),
        agenda: [],
        participants: { users: [{ userId: ids.users.zhangwei }], units: [] },
        hostId: null,
        minuteTakerId: null,
      }),
    );
    expect(a.statusCode).toBe(201);
    const body = meeting({
      title: '联席会议',
      type: 'lianxi',
      roomId: roomB,
      startAt: shanghai(t, 6, '14:30'),
      endAt: shanghai(t, 6, '16:00'),
      agenda: [],
      participants: { users: [{ userId: ids.users.zhangwei }, { userId: ids.users.hejun }], units: [] },
      hostId: null,
      minuteTakerId: null,
    });

    const preview = await clerk.post('/api/meetings/clash-check', {
      startAt: body.startAt,
      endAt: body.endAt,
      roomId: roomB,
      participants: body.participants,
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      room: { free: true, bookings: [] },
      notCleared: [],
      seats: 2,
      clashes: [
        {
          userId: ids.users.zhangwei,
          displayName: '张伟',
          unitName: '区发展和改革委员会',
          meetings: [{ id: a.json().id, title: '项目调度会' }],
        },
      ],
    });

    const before = await counts();
    const refused = await clerk.post('/api/meetings', body);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'participant_clash',
      details: { clashes: [{ userId: ids.users.zhangwei, meetings: [{ id: a.json().id }] }] },
    });
    expect(await counts()).toEqual(before);

    const accepted = await clerk.post('/api/meetings', { ...body, acceptClashes: true });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json().clashes).toHaveLength(1);
    const notice = await readNotice(t.app.svc.db, {
      userId: ids.users.zhangwei,
      link: `/meetings/${accepted.json().id}`,
    });
    expect(notice.body).toContain('冲突');
    expect(
      (await readNotice(t.app.svc.db, { userId: ids.users.hejun, link: `/meetings/${accepted.json().id}` })).body,
    ).not.toContain('冲突');

    const zhang = await as('zhangwei');
    const list = (
      await zhang.get(`/api/meetings?scope=mine&view=day&date=${shanghai(t, 6, '00:00').slice(0, 10)}`)
    ).json();
    const flags = Object.fromEntries(
      list.items.map((m: { id: string; clashesWith: string[] }) => [m.id, m.clashesWith]),
    );
    expect(flags[a.json().id]).toEqual([accepted.json().id]);
    expect(flags[accepted.json().id]).toEqual([a.json().id]);
    const detail = (await zhang.get(`/api/meetings/${accepted.json().id}`)).json();
    expect(detail.me.clashes).toEqual([
      { id: a.json().id, title: '项目调度会', startAt: expect.any(String), endAt: expect.any(String) },
    ]);

    // Someone who may not see the other meetings learns that the person is busy: not which meetings, nor when.
    const lihua = await signedInWithMfa(t, 'lihua');
    const check = await lihua.post('/api/meetings/clash-check', {
      startAt: body.startAt,
      endAt: body.endAt,
      participants: { users: [{ userId: ids.users.zhangwei }], units: [] },
    });
    expect(check.json().clashes).toEqual([
      {
        userId: ids.users.zhangwei,
        displayName: '张伟',
        unitName: '区发展和改革委员会',
        meetings: [],
        busyElsewhere: true,
      },
    ]);
    for (const other of [a.json().id, accepted.json().id]) expect(check.body).not.toContain(other);
  });
});

describe('who sees what', () => {
  let id: string;
  beforeEach(async () => {
    const res = await clerk.post(
      '/api/meetings',
      meeting({
        title: '专题协调会',
        type: 'zhuanti',
        roomId: roomB,
        startAt: shanghai(t, 8, '09:00'),
        endAt: shanghai(t, 8, '10:00'),
        agenda: [],
        schedule: false,
      }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'draft', passcode: null });
    id = res.json().id;
  });

  /** The clerk schedules the draft, which announces it. */
  async function givenScheduled(): Promise<void> {
    expect((await clerk.post(`/api/meetings/${id}/schedule`, {})).statusCode).toBe(200);
  }

  it('keeps a draft to its organisers: no booking, no notices, participants cannot see it', async () => {
    expect(await t.app.svc.db.roomBooking.count({ where: { meetingId: id } })).toBe(0);
    expect(await t.app.svc.db.notification.count({ where: { link: `/meetings/${id}` } })).toBe(0);
    expect((await (await as('zhangwei')).get(`/api/meetings/${id}`)).statusCode).toBe(404);
    expect((await (await as('sunyue')).get(`/api/meetings/${id}`)).statusCode).toBe(200);
  });

  it('announces the draft when it is scheduled', async () => {
    const res = await clerk.post(`/api/meetings/${id}/schedule`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json().passcode).toMatch(/^\d{6}$/);
    expect(await t.app.svc.db.roomBooking.count({ where: { meetingId: id } })).toBe(1);
    expect(
      await t.app.svc.db.notification.count({ where: { link: `/meetings/${id}`, kind: 'meeting.scheduled' } }),
    ).toBe(6);
    expect((await clerk.post(`/api/meetings/${id}/schedule`, {})).json().code).toBe('invalid_transition');
  });

  it('lets participants and the organising unit see it, materials only for the people at the table, nobody else anything', async () => {
    await givenScheduled();
    const zhang = (await (await as('zhangwei')).get(`/api/meetings/${id}`)).json();
    expect(zhang.me).toMatchObject({
      seat: { role: 'attendee', rsvp: 'pending' },
      can: { reply: true, signIn: true, manage: false, readMaterials: true },
    });
    expect(zhang.materials).toEqual([]);
    expect(zhang.rsvpSummary).toBeNull();
    const wuli = (await (await as('wuli')).get(`/api/meetings/${id}`)).json();
    // 吴丽 (督查室) is in another unit: no reason to see the meeting at all.
    expect(wuli.code).toBe('not_found');
    const colleague = await (await as('sunyue')).get(`/api/meetings/${id}`);
    expect(colleague.statusCode).toBe(200);
    expect((await (await as('xuyan')).get(`/api/meetings/${id}`)).statusCode).toBe(404);
    // Administrators do not use the meetings area at all (三员分立).
    const admin = await signedInWithMfa(t, 'sysadmin');
    expect((await admin.get(`/api/meetings/${id}`)).json().code).toBe('admin_no_business');
    expect((await admin.post('/api/meetings', meeting())).statusCode).toBe(403);
    // Staff cannot arrange meetings; a participant cannot manage one.
    const staff = await as('hejun');
    expect((await staff.post('/api/meetings', meeting())).statusCode).toBe(403);
    expect((await staff.post(`/api/meetings/${id}/cancel`, { reason: '无' })).statusCode).toBe(403);
    expect((await staff.patch(`/api/meetings/${id}`, { title: '改名' })).statusCode).toBe(403);
  });
});

describe('changes', () => {
  let id: string;
  beforeEach(async () => {
    const res = await clerk.post(
      '/api/meetings',
      meeting({
        startAt: shanghai(t, 10, '09:00'),
        endAt: shanghai(t, 10, '11:00'),
        agenda: meeting().agenda.map((a) => ({
          ...a,
          startAt: (a.startAt as string).replace(/^\d{4}-\d{2}-\d{2}/, shanghai(t, 10, '00:00').slice(0, 10)),
          endAt: (a.endAt as string).replace(/^\d{4}-\d{2}-\d{2}/, shanghai(t, 10, '00:00').slice(0, 10)),
        })),
      }),
    );
    expect(res.statusCode).toBe(201);
    id = res.json().id;
  });

  /** Moved from day 10 to the afternoon of day 11. */
  async function givenRescheduled(): Promise<void> {
    expect(
      (
        await clerk.post(`/api/meetings/${id}/reschedule`, {
          startAt: shanghai(t, 11, '14:00'),
          endAt: shanghai(t, 11, '16:00'),
        })
      ).statusCode,
    ).toBe(200);
  }

  /** 张伟 has said he will attend; then he becomes an observer, 马涛 is invited and 区财政局 is taken off. */
  async function givenParticipantsReplaced(): Promise<void> {
    expect((await (await as('zhangwei')).post(`/api/meetings/${id}/rsvp`, { answer: 'attend' })).statusCode).toBe(200);
    expect(
      (
        await clerk.put(`/api/meetings/${id}/participants`, {
          users: [{ userId: ids.users.zhangwei, role: 'observer' }, { userId: ids.users.matao }],
          units: [],
        })
      ).statusCode,
    ).toBe(200);
  }

  it('reschedules: the booking and the agenda move, reminders re-arm, everyone is told', async () => {
    const res = await clerk.post(`/api/meetings/${id}/reschedule`, {
      startAt: shanghai(t, 11, '14:00'),
      endAt: shanghai(t, 11, '16:00'),
    });
    expect(res.statusCode).toBe(200);
    const db = t.app.svc.db;
    const m = await db.meeting.findUniqueOrThrow({
      where: { id },
      include: { booking: true, agendaItems: { orderBy: { position: 'asc' } } },
    });
    expect(m.booking).toMatchObject({
      startAt: new Date(shanghai(t, 11, '14:00')),
      endAt: new Date(shanghai(t, 11, '16:00')),
    });
    expect(m.agendaItems.map((a) => [a.startAt?.toISOString(), a.endAt?.toISOString()])).toEqual([
      [new Date(shanghai(t, 11, '14:00')).toISOString(), new Date(shanghai(t, 11, '15:00')).toISOString()],
      [new Date(shanghai(t, 11, '15:00')).toISOString(), new Date(shanghai(t, 11, '16:00')).toISOString()],
    ]);
    expect(m.revision).toBe(2);
    const notice = await readNotice(db, {
      userId: ids.users.zhangwei,
      link: `/meetings/${id}`,
      kind: 'meeting.rescheduled',
    });
    expect(notice.body).toContain('14:00–16:00');
    expect(await db.auditEvent.count({ where: { action: 'meeting.reschedule', resourceId: id } })).toBe(1);
  });

  it('refuses to reschedule onto a taken room or with a broken agenda, changing nothing', async () => {
    await givenRescheduled();
    const other = await clerk.post(
      '/api/meetings',
      meeting({
        title: '占用会议室',
        startAt: shanghai(t, 12, '09:00'),
        endAt: shanghai(t, 12, '10:00'),
        agenda: [],
        participants: { users: [], units: [] },
        hostId: null,
        minuteTakerId: null,
      }),
    );
    expect(other.statusCode).toBe(201);
    const before = await t.app.svc.db.meeting.findUniqueOrThrow({
      where: { id },
      include: { booking: true, agendaItems: true },
    });
    const taken = await clerk.post(`/api/meetings/${id}/reschedule`, {
      startAt: shanghai(t, 12, '08:00'),
      endAt: shanghai(t, 12, '10:00'),
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('room_booked');
    const shorter = await clerk.post(`/api/meetings/${id}/reschedule`, {
      startAt: shanghai(t, 11, '14:00'),
      endAt: shanghai(t, 11, '15:00'),
    });
    expect(shorter.statusCode).toBe(400);
    expect(shorter.json()).toMatchObject({
      code: 'slot_outside_meeting',
      message: 'Agenda item 2 lies outside the meeting time',
    });
    const reversed = await clerk.post(`/api/meetings/${id}/reschedule`, {
      startAt: shanghai(t, 11, '16:00'),
      endAt: shanghai(t, 11, '14:00'),
    });
    expect(reversed.json().code).toBe('end_before_start');
    expect(
      await t.app.svc.db.meeting.findUniqueOrThrow({ where: { id }, include: { booking: true, agendaItems: true } }),
    ).toEqual(before);
  });

  it('edits with clearance checks, and tells participants about notable changes', async () => {
    await givenRescheduled();
    const raise = await clerk.patch(`/api/meetings/${id}`, { classification: 'secret' });
    expect(raise.statusCode).toBe(400);
    expect(raise.json().code).toBe('participant_clearance');
    expect(
      raise
        .json()
        .details.users.map((u: { displayName: string }) => u.displayName)
        .sort(),
    ).toEqual(['何军', '孙悦', '张伟'].sort());
    const renamed = await clerk.patch(`/api/meetings/${id}`, { title: '区政府第12次常务会议' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().title).toBe('区政府第12次常务会议');
    expect(await t.app.svc.db.notification.count({ where: { kind: 'meeting.updated', link: `/meetings/${id}` } })).toBe(
      6,
    );
    const quiet = await clerk.patch(`/api/meetings/${id}`, { description: '请提前阅读材料' });
    expect(quiet.statusCode).toBe(200);
    expect(await t.app.svc.db.notification.count({ where: { kind: 'meeting.updated', link: `/meetings/${id}` } })).toBe(
      6,
    );
  });

  it('replaces the participants: newcomers invited, people taken off told, replies of those who stay kept', async () => {
    await givenRescheduled();
    const zhang = await as('zhangwei');
    expect((await zhang.post(`/api/meetings/${id}/rsvp`, { answer: 'attend' })).statusCode).toBe(200);
    const res = await clerk.put(`/api/meetings/${id}/participants`, {
      users: [{ userId: ids.users.zhangwei, role: 'observer' }, { userId: ids.users.matao }],
      units: [],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ added: 1, removed: 3 });
    const db = t.app.svc.db;
    expect(
      await db.meetingParticipant.findFirst({ where: { meetingId: id, userId: ids.users.zhangwei } }),
    ).toMatchObject({ role: 'observer', rsvp: 'attend' });
    expect(
      await db.notification.count({
        where: { userId: ids.users.matao, kind: 'meeting.scheduled', link: `/meetings/${id}` },
      }),
    ).toBe(1);
    expect(
      await db.notification.count({
        where: { userId: ids.users.hejun, kind: 'meeting.uninvited', link: `/meetings/${id}` },
      }),
    ).toBe(1);
    expect(await db.meetingUnitInvite.count({ where: { meetingId: id } })).toBe(0);
  });

  it('cancels with a reason: the room is freed, everyone is told, and a cancelled meeting stays cancelled', async () => {
    await givenRescheduled();
    await givenParticipantsReplaced();
    expect((await clerk.post(`/api/meetings/${id}/cancel`, { reason: '' })).statusCode).toBe(400);
    const res = await clerk.post(`/api/meetings/${id}/cancel`, { reason: '区长另有公务' });
    expect(res.statusCode).toBe(200);
    const db = t.app.svc.db;
    expect(await db.roomBooking.count({ where: { meetingId: id } })).toBe(0);
    const notice = await readNotice(db, { userId: ids.users.matao, kind: 'meeting.cancelled' });
    expect(notice.body).toContain('区长另有公务');
    expect((await clerk.post(`/api/meetings/${id}/cancel`, { reason: '再次' })).json().code).toBe('invalid_transition');
    expect(
      (
        await clerk.post(`/api/meetings/${id}/reschedule`, {
          startAt: shanghai(t, 13, '09:00'),
          endAt: shanghai(t, 13, '10:00'),
        })
      ).statusCode,
    ).toBe(409);
    expect((await clerk.get(`/api/meetings/${id}`)).json()).toMatchObject({
      status: 'cancelled',
      cancelReason: '区长另有公务',
      me: { events: [] },
    });
    // The freed slot can be booked again.
    const again = await clerk.post(
      '/api/meetings',
      meeting({
        title: '改期后的常务会议',
        startAt: shanghai(t, 11, '14:00'),
        endAt: shanghai(t, 11, '16:00'),
        agenda: [],
        participants: { users: [], units: [] },
        hostId: null,
        minuteTakerId: null,
      }),
    );
    expect(again.statusCode).toBe(201);
  });
});

describe('the course of a meeting', () => {
  it('starts at most half an hour early, ends (freeing the rest of the slot), and closes with finalised minutes', async () => {
    const res = await clerk.post(
      '/api/meetings',
      meeting({
        title: '办公会',
        type: 'bangong',
        startAt: shanghai(t, 20, '09:00'),
        endAt: shanghai(t, 20, '12:00'),
        agenda: [],
        participants: { users: [], units: [] },
        hostId: null,
        minuteTakerId: null,
      }),
    );
    const id = res.json().id as string;
    expect((await clerk.post(`/api/meetings/${id}/start`)).json().code).toBe('too_early');
    expect((await clerk.post(`/api/meetings/${id}/end`)).json().code).toBe('invalid_transition');
    const startAt = new Date(shanghai(t, 20, '09:00')).getTime();
    const plannedEnd = new Date(shanghai(t, 20, '12:00')).getTime();
    t.clock.advance(startAt - t.clock.now().getTime() - 10 * 60_000);
    let c = await as('zhaojing');
    expect((await c.post(`/api/meetings/${id}/start`)).statusCode).toBe(200);
    t.clock.advance(70 * 60_000);
    c = await as('zhaojing');
    expect((await c.post(`/api/meetings/${id}/end`)).statusCode).toBe(200);
    const booking = await t.app.svc.db.roomBooking.findUniqueOrThrow({ where: { meetingId: id } });
    expect(Math.abs(booking.endAt.getTime() - (startAt + 60 * 60_000))).toBeLessThan(10_000);
    expect(booking.endAt.getTime()).toBeLessThan(plannedEnd);
    expect((await c.post(`/api/meetings/${id}/cancel`, { reason: '已开完' })).json().code).toBe('invalid_transition');
    // The minutes close the meeting only through their confirmation round (routes/meetings/minutes.ts), never by a
    // bare status change.
    expect((await c.post(`/api/meetings/${id}/finalise-minutes`)).statusCode).toBe(404);
    expect((await c.get(`/api/meetings/${id}`)).json().status).toBe('ended');
    const actions = (
      await t.app.svc.db.auditEvent.findMany({
        where: { resourceId: id },
        orderBy: { seq: 'asc' },
        select: { action: true },
      })
    ).map((a) => a.action);
    expect(actions).toEqual(['meeting.create', 'meeting.start', 'meeting.end']);
    t.clock.reset();
  });
});
