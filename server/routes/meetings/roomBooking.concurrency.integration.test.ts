// Two clerks booking the same room at the same moment: exactly one wins, whatever the interleaving. Requests go over
// real HTTP, all in flight at once; the database trigger refuses an overlap even from a writer that skips the check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusedByTrigger } from '../../db/triggerRefusal.ts';
import { inTransaction } from '../../db/transaction.ts';
import { addRoom, demoIds, shanghai } from '../../../tests/support/meetings.ts';
import { createTestApp, signedIn, type TestApp, type TestClient } from '../../../tests/support/testApp.ts';

let t: TestApp;
let url: string;
let ids: Awaited<ReturnType<typeof demoIds>>;
let clerks: TestClient[];
let roomId: string;

beforeAll(async () => {
  t = await createTestApp();
  url = await t.listen();
  ids = await demoIds(t);
  clerks = [await signedIn(t, 'zhaojing'), await signedIn(t, 'sunyue')];
  roomId = await addRoom(clerks[0]!, '常务会议室', 40);
});
afterAll(async () => {
  await t.close();
});

/** A request over the network with a clerk's session, like a browser's. */
function send(
  clerk: TestClient,
  method: string,
  path: string,
  body: unknown,
): Promise<{ status: number; json: { id?: string; code?: string } }> {
  return fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: clerk.cookie, 'x-csrf-token': clerk.csrf },
    body: JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, json: (await r.json()) as { id?: string; code?: string } }));
}

function booking(day: number, from: string, to: string, title: string) {
  return {
    title,
    type: 'zhuanti',
    mode: 'hybrid',
    roomId,
    startAt: shanghai(t, day, from),
    endAt: shanghai(t, day, to),
    participants: { users: [{ userId: ids.users.zhangwei }], units: [] },
    acceptClashes: true,
  };
}

describe('room booking under concurrency', () => {
  it('lets exactly one of many simultaneous bookings of the same slot through', async () => {
    const attempts = Array.from({ length: 24 }, (_, i) =>
      send(clerks[i % 2]!, 'POST', '/api/meetings', booking(3, '09:00', '10:00', `抢订 ${i}`)),
    );
    const results = await Promise.all(attempts);
    const won = results.filter((r) => r.status === 201);
    const lost = results.filter((r) => r.status !== 201);
    expect(won).toHaveLength(1);
    expect(lost.map((r) => [r.status, r.json.code])).toEqual(Array.from({ length: 23 }, () => [409, 'room_booked']));
    const db = t.app.svc.db;
    expect(await db.roomBooking.count({ where: { roomId } })).toBe(1);
    // The losers left nothing behind: one meeting, its seat, its audit event.
    expect(await db.meeting.count({ where: { title: { startsWith: '抢订' } } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: 'meeting.create' } })).toBe(1);
  });

  it('lets exactly one of overlapping (not identical) simultaneous bookings through, and adjacent ones all through', async () => {
    // Every pair of these overlaps (all of them cover 14:15–14:40).
    const overlapping = [
      ['14:00', '15:00'],
      ['14:10', '15:30'],
      ['13:30', '14:40'],
      ['14:15', '14:45'],
      ['13:00', '16:00'],
    ] as const;
    const adjacent = [
      ['08:00', '09:00'],
      ['10:00', '11:00'],
      ['11:00', '12:00'],
    ] as const;
    const results = await Promise.all([
      ...overlapping.map(([a, b], i) => send(clerks[i % 2]!, 'POST', '/api/meetings', booking(4, a, b, `重叠 ${i}`))),
      ...adjacent.map(([a, b], i) => send(clerks[i % 2]!, 'POST', '/api/meetings', booking(3, a, b, `相邻 ${i}`))),
    ]);
    expect(results.slice(0, overlapping.length).filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.slice(overlapping.length).map((r) => r.status)).toEqual([201, 201, 201]);
    const day4 = await t.app.svc.db.roomBooking.findMany({
      where: { roomId, startAt: { gte: new Date(shanghai(t, 4, '00:00')) } },
    });
    expect(day4).toHaveLength(1);
    // And nowhere in the room's calendar do two bookings overlap.
    const all = await t.app.svc.db.roomBooking.findMany({ where: { roomId }, orderBy: { startAt: 'asc' } });
    for (let i = 1; i < all.length; i++)
      expect(all[i]!.startAt.getTime()).toBeGreaterThanOrEqual(all[i - 1]!.endAt.getTime());
  });

  it('lets exactly one of simultaneous reschedules into the same free slot through', async () => {
    const a = await send(clerks[0]!, 'POST', '/api/meetings', booking(5, '09:00', '10:00', '改期甲'));
    const b = await send(clerks[1]!, 'POST', '/api/meetings', booking(5, '10:00', '11:00', '改期乙'));
    expect([a.status, b.status]).toEqual([201, 201]);
    const target = { startAt: shanghai(t, 6, '15:00'), endAt: shanghai(t, 6, '16:00'), acceptClashes: true };
    const results = await Promise.all([
      send(clerks[0]!, 'POST', `/api/meetings/${a.json.id}/reschedule`, target),
      send(clerks[1]!, 'POST', `/api/meetings/${b.json.id}/reschedule`, target),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.json.code).toBe('room_booked');
    const moved = await t.app.svc.db.roomBooking.count({ where: { roomId, startAt: new Date(target.startAt) } });
    expect(moved).toBe(1);
  });

  it('refuses an overlapping booking in the database itself, even from a writer that skips the check', async () => {
    const booked = await send(clerks[0]!, 'POST', '/api/meetings', booking(8, '09:00', '10:00', '已订'));
    const draft = await send(clerks[0]!, 'POST', '/api/meetings', {
      ...booking(8, '09:00', '10:00', '草稿'),
      schedule: false,
    });
    expect([booked.status, draft.status]).toEqual([201, 201]);
    const existing = await t.app.svc.db.roomBooking.findUniqueOrThrow({ where: { meetingId: booked.json.id! } });
    const other = await t.app.svc.db.meeting.findUniqueOrThrow({ where: { id: draft.json.id! } });
    const sneak = inTransaction(t.app.svc, (tx) =>
      tx.roomBooking.create({
        data: {
          roomId,
          meetingId: other.id,
          startAt: new Date(existing.startAt.getTime() + 60_000),
          endAt: existing.endAt,
          createdAt: new Date(),
        },
      }),
    );
    await expect(sneak).rejects.toSatisfy((err) => refusedByTrigger(err, 'room_booking_overlap'));
    const empty = inTransaction(t.app.svc, (tx) =>
      tx.roomBooking.create({
        data: {
          roomId,
          meetingId: other.id,
          startAt: new Date('2030-01-01T01:00:00Z'),
          endAt: new Date('2030-01-01T01:00:00Z'),
          createdAt: new Date(),
        },
      }),
    );
    await expect(empty).rejects.toSatisfy((err) => refusedByTrigger(err, 'room_booking_empty'));
  });
});
