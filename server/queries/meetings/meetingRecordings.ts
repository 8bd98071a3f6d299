// A meeting's recordings: the list its page shows, one recording's sealed file, and the agenda item a new recording
// starts its first chapter with.
import type { Db } from '../../db/client.ts';
import { chapterTitle } from '../../domain/meetings/recordingChapters.ts';

export interface RecordingRow {
  id: string;
  status: string;
  startedAt: Date;
  endedAt: Date | null;
  endReason: string | null;
  durationMs: number;
  size: bigint;
  sha256: string | null;
  chapters: string;
  startedBy: { id: string; displayName: string } | null;
}

export async function meetingRecordings(db: Db, meetingId: string): Promise<RecordingRow[]> {
  const rows = await db.meetingRecording.findMany({
    where: { meetingId },
    orderBy: { startedAt: 'asc' },
    select: {
      id: true,
      status: true,
      startedAt: true,
      endedAt: true,
      endReason: true,
      durationMs: true,
      size: true,
      sha256: true,
      chapters: true,
      startedById: true,
    },
  });
  const people = await db.user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.startedById))] } },
    select: { id: true, displayName: true },
  });
  const byId = new Map(people.map((p) => [p.id, p]));
  return rows.map(({ startedById, ...r }) => ({ ...r, startedBy: byId.get(startedById) ?? null }));
}

/** The sealed file of a recording of this meeting, or null (no such recording, or nothing sealed). */
export async function recordingFile(
  db: Db,
  meetingId: string,
  recordingId: string,
): Promise<{ sha256: string; size: number } | null> {
  const row = await db.meetingRecording.findFirst({
    where: { id: recordingId, meetingId },
    select: { sha256: true, size: true },
  });
  return row?.sha256 ? { sha256: row.sha256, size: Number(row.size) } : null;
}

/** The chapter a recording starts in: the first agenda item, if the meeting has an agenda. */
export async function firstAgendaItem(db: Db, meetingId: string): Promise<string | null> {
  const item = await db.meetingAgendaItem.findFirst({
    where: { meetingId },
    orderBy: { position: 'asc' },
    select: { position: true, title: true },
  });
  return item ? chapterTitle(item) : null;
}
