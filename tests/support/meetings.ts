// Helpers for the meeting tests: local times in Asia/Shanghai relative to the test clock, demo ids, rooms, uploads.
import { randomBytes } from 'node:crypto';
import { localDate } from '../../server/domain/meetings/localTime.ts';
import { addDays } from '../../common/calendar/isoDate.ts';
import type { TestApp, TestClient } from './testApp.ts';

/** "YYYY-MM-DDTHH:mm:00+08:00", days after today on the Shanghai wall clock of the test clock. */
export function shanghai(t: TestApp, daysAhead: number, hm: string): string {
  return `${addDays(localDate(t.clock.now()), daysAhead)}T${hm}:00+08:00`;
}

export async function demoIds(t: TestApp): Promise<{ users: Record<string, string>; units: Record<string, string> }> {
  const users = Object.fromEntries(
    (await t.app.svc.db.user.findMany({ select: { id: true, username: true } })).map((u) => [u.username, u.id]),
  );
  const units = Object.fromEntries(
    (await t.app.svc.db.unit.findMany({ select: { id: true, name: true } })).map((u) => [u.name, u.id]),
  );
  return { users, units };
}

export async function addRoom(clerk: TestClient, name: string, capacity = 20): Promise<string> {
  const res = await clerk.post('/api/rooms', {
    name,
    location: '区政府大楼',
    capacity,
    equipment: ['projector', 'video_conference'],
  });
  if (res.statusCode !== 201) throw new Error(`room not created: ${res.body}`);
  return res.json().id as string;
}

/** A multipart/form-data body with one file field, as a browser would send it. */
export function multipart(
  fileName: string,
  mimeType: string,
  content: Buffer,
  field = 'file',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----tongban${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: ${mimeType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, content, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A small but well-formed PDF. */
export function pdfBytes(text = 'Tongban'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );
}

/** A meeting scheduled by `organiser` through the API (201 or the test fails here); returns the API's answer. */
export async function givenMeeting(
  organiser: TestClient,
  body: Record<string, unknown>,
): Promise<{ id: string; passcode: string | null; [key: string]: unknown }> {
  const res = await organiser.post('/api/meetings', body);
  if (res.statusCode !== 201) throw new Error(`meeting not scheduled: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; passcode: string | null };
}

/**
 * Moves the test clock to `at` (forward only: the clock never runs back). Sessions idle for 30 minutes end, so a test
 * that jumps further signs in again afterwards.
 */
export function moveClockTo(t: TestApp, at: Date): void {
  const ahead = at.getTime() - t.clock.now().getTime();
  if (ahead > 0) t.clock.advance(ahead);
}

/** Starts and ends a meeting as its host or organiser, first moving the clock to 20 minutes before its start if earlier. */
export async function givenMeetingHeld(t: TestApp, host: TestClient, meetingId: string): Promise<void> {
  const { startAt } = await t.app.svc.db.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: { startAt: true },
  });
  moveClockTo(t, new Date(startAt.getTime() - 20 * 60_000));
  for (const step of ['start', 'end']) {
    const res = await host.post(`/api/meetings/${meetingId}/${step}`);
    if (res.statusCode !== 200) throw new Error(`meeting ${step} refused: ${res.statusCode} ${res.body}`);
  }
}
