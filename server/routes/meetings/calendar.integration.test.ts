// Calendars on the Shanghai wall clock (my meetings by day, week, month; my unit's; a room's), room availability
// with titles only for people who may see the meeting, the room catalogue, and the .ics export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, startOfWeek } from '../../../common/calendar/isoDate.ts';
import { addRoom, demoIds, shanghai } from '../../../tests/support/meetings.ts';
import { createTestApp, signedIn, type TestApp, type TestClient } from '../../../tests/support/testApp.ts';

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
let clerk: TestClient;
let roomId: string;
const m: Record<string, string> = {};
let day1: string;

const as = (username: string) => signedIn(t, username);

async function schedule(key: string, day: number, from: string, to: string, extra: Record<string, unknown> = {}) {
  const res = await clerk.post('/api/meetings', {
    title: key,
    type: 'weekly',
    mode: 'in_room',
    roomId,
    startAt: shanghai(t, day, from),
    endAt: shanghai(t, day, to),
    participants: { users: [{ userId: ids.users.zhangwei }], units: [] },
    acceptClashes: true,
    ...extra,
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  m[key] = res.json().id;
}

const titles = (body: { items: Array<{ title: string }> }) => body.items.map((i) => i.title);

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t);
  clerk = await as('zhaojing');
  roomId = await addRoom(clerk, '第一会议室', 30);
  day1 = shanghai(t, 1, '00:00').slice(0, 10);
  // 07:00 in Shanghai is 23:00 UTC the day before: it still belongs to day 1 here.
  await schedule('早会', 1, '07:00', '07:45');
  await schedule('晚会', 1, '22:00', '23:30');
  await schedule('次日会', 2, '09:00', '10:00');
  await schedule('下月会', 40, '09:00', '10:00');
});
afterAll(async () => {
  await t.close();
});

describe('calendars', () => {
  it('lists my meetings by local day, week and month', async () => {
    const zhang = await as('zhangwei');
    expect(titles((await zhang.get(`/api/meetings?view=day&date=${day1}`)).json())).toEqual(['早会', '晚会']);
    const week = (await zhang.get(`/api/meetings?view=week&date=${day1}`)).json();
    expect(week.from).toBe(new Date(`${startOfWeek(day1)}T00:00:00+08:00`).toISOString());
    expect(week.to).toBe(new Date(`${addDays(startOfWeek(day1), 7)}T00:00:00+08:00`).toISOString());
    const inWeek = titles(week);
    expect(inWeek.slice(0, 2)).toEqual(['早会', '晚会']);
    expect(inWeek).not.toContain('下月会');
    const month = titles((await zhang.get(`/api/meetings?view=month&date=${day1}`)).json());
    expect(month).toEqual(expect.arrayContaining(['早会', '晚会']));
    // Seen from UTC, the early meeting falls on the day before.
    expect(titles((await zhang.get(`/api/meetings?view=day&date=${day1}&timeZone=UTC`)).json())).toEqual(['晚会']);
    expect((await zhang.get(`/api/meetings?view=day&date=${day1}`)).json().items[0]).toMatchObject({
      myRole: 'attendee',
      myRsvp: 'pending',
      room: { name: '第一会议室' },
      classification: 'internal',
    });
  });

  it('shows unit meetings to the unit, and only theirs', async () => {
    expect(titles((await (await as('sunyue')).get(`/api/meetings?scope=unit&view=day&date=${day1}`)).json())).toEqual([
      '早会',
      '晚会',
    ]);
    expect(titles((await (await as('zhangwei')).get(`/api/meetings?scope=unit&view=day&date=${day1}`)).json())).toEqual(
      [],
    );
    expect(titles((await clerk.get(`/api/meetings?scope=organised&view=day&date=${day1}`)).json())).toEqual([
      '早会',
      '晚会',
    ]);
    expect(titles((await (await as('matao')).get(`/api/meetings?view=day&date=${day1}`)).json())).toEqual([]);
  });

  it('refuses an impossible date or zone', async () => {
    // A day that does not exist is refused by the request schema, naming the field (in both languages).
    const noSuchDay = (await clerk.get('/api/meetings?view=day&date=2026-02-30')).json();
    expect(noSuchDay.code).toBe('invalid_request');
    expect(noSuchDay.message).toMatch(/querystring\.date: no such day \(日期不存在\)/);
    expect((await clerk.get('/api/meetings?view=day&date=tomorrow')).json().code).toBe('invalid_request');
    expect((await clerk.get('/api/meetings?timeZone=Nowhere/Land')).json().code).toBe('invalid_time_zone');
    expect((await clerk.get('/api/meetings?view=year')).statusCode).toBe(400);
  });
});

describe('rooms', () => {
  it('keeps the catalogue to clerks and refuses duplicate names', async () => {
    expect((await clerk.post('/api/rooms', { name: '第一会议室', capacity: 10 })).statusCode).toBe(409);
    expect((await (await as('zhangwei')).post('/api/rooms', { name: '我的会议室', capacity: 10 })).statusCode).toBe(
      403,
    );
    expect((await clerk.post('/api/rooms', { name: '大会议室', capacity: 0 })).statusCode).toBe(400);
    await addRoom(clerk, '大会议室', 120);
    const big = (await (await as('zhangwei')).get('/api/rooms?minCapacity=100')).json();
    expect(big.items.map((r: { name: string }) => r.name)).toEqual(['大会议室']);
  });

  it('shows when each room is taken; titles only to people who may see the meeting', async () => {
    const mine = (await (await as('zhangwei')).get(`/api/rooms/availability?date=${day1}`)).json();
    const first = mine.rooms.find((r: { room: { name: string } }) => r.room.name === '第一会议室');
    expect(first.bookings.map((b: { title: string }) => b.title)).toEqual(['早会', '晚会']);
    const theirs = (await (await as('matao')).get(`/api/rooms/availability?date=${day1}`)).json();
    const busy = theirs.rooms.find((r: { room: { name: string } }) => r.room.name === '第一会议室').bookings;
    expect(busy).toEqual([
      {
        meetingId: null,
        title: null,
        status: null,
        organiserUnitName: '区政府办公室',
        startAt: new Date(shanghai(t, 1, '07:00')).toISOString(),
        endAt: new Date(shanghai(t, 1, '07:45')).toISOString(),
      },
      expect.objectContaining({ title: null }),
    ]);
    const week = (await clerk.get(`/api/rooms/${roomId}/calendar?view=week&date=${day1}`)).json();
    expect(week.rooms).toHaveLength(1);
    expect(week.rooms[0].bookings.length).toBeGreaterThanOrEqual(2);
    expect((await clerk.get('/api/rooms/nope/calendar')).statusCode).toBe(404);
  });

  it('takes no new bookings for a retired room', async () => {
    const retired = await addRoom(clerk, '旧会议室', 8);
    expect((await clerk.patch(`/api/rooms/${retired}`, { active: false })).statusCode).toBe(200);
    const res = await clerk.post('/api/meetings', {
      title: '旧地方开会',
      type: 'weekly',
      mode: 'in_room',
      roomId: retired,
      startAt: shanghai(t, 5, '09:00'),
      endAt: shanghai(t, 5, '10:00'),
    });
    expect([res.statusCode, res.json().code]).toEqual([409, 'room_inactive']);
  });
});

describe('.ics export', () => {
  it('exports one meeting as iCalendar in UTC', async () => {
    const res = await (await as('zhangwei')).get(`/api/meetings/${m['早会']}/ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="meeting-${m['早会']}.ics"`);
    const lines = res.body.split('\r\n');
    const start = new Date(shanghai(t, 1, '07:00')).toISOString().replace(/[-:]/g, '').replace('.000', '');
    expect(lines).toContain(`DTSTART:${start}`);
    expect(lines).toContain('SUMMARY:早会');
    expect(lines).toContain(`UID:${m['早会']}@tongban`);
    expect(lines).toContain('LOCATION:第一会议室（区政府大楼）');
    expect(res.body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  });

  it('keeps classified meetings out of calendar files', async () => {
    await schedule('涉密会', 6, '09:00', '10:00', {
      classification: 'secret',
      participants: { users: [{ userId: ids.users.lihua }], units: [] },
    });
    const res = await clerk.get(`/api/meetings/${m['涉密会']}/ics`);
    expect([res.statusCode, res.json().code]).toEqual([403, 'classified_export']);
    expect((await (await as('zhangwei')).get(`/api/meetings/${m['涉密会']}/ics`)).statusCode).toBe(404);
  });
});
