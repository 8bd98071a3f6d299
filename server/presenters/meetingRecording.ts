// A recording as the meeting page lists it: its state, times, length, chapters and who started it; never its path.
import { z } from 'zod';
import type { RecordingRow } from '../queries/meetings/meetingRecordings.ts';

export const recordingBody = z.object({
  id: z.string(),
  /** recording, processing (being composed and sealed), complete, partial (a recorder process died), failed */
  status: z.enum(['recording', 'processing', 'complete', 'partial', 'failed']),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  endReason: z.string().nullable(),
  durationMs: z.number(),
  size: z.number(),
  sha256: z.string().nullable(),
  playable: z.boolean(),
  chapters: z.array(z.object({ title: z.string(), startMs: z.number() })),
  startedBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
});
export type RecordingBody = z.infer<typeof recordingBody>;

const chaptersSchema = z.array(z.object({ title: z.string(), startMs: z.number() }));

export function presentRecording(row: RecordingRow): RecordingBody {
  const parsed = chaptersSchema.safeParse(JSON.parse(row.chapters));
  return {
    id: row.id,
    status: recordingBody.shape.status.parse(row.status),
    startedAt: row.startedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    endReason: row.endReason,
    durationMs: row.durationMs,
    size: Number(row.size),
    sha256: row.sha256,
    playable: row.sha256 !== null,
    chapters: parsed.success ? parsed.data : [],
    startedBy: row.startedBy,
  };
}
