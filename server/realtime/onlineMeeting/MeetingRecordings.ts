// The recordings of this process's live meetings: starts and stops the media recorder (media/recording/) through the
// recording commands, tells everyone in the meeting (as the policies allow) that it is being recorded, and when a
// recording ends, for whatever reason, seals the composed file in the file store like a material and records the
// outcome. The recorder runs beside the meeting: whatever happens to it, the meeting's media is untouched.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { markRecordingChapter } from '../../commands/meetings/recordingChapterMarker.ts';
import {
  failInterruptedRecordings,
  finishRecording,
  type RecordingOutcome,
} from '../../commands/meetings/recordingFinisher.ts';
import { startRecording } from '../../commands/meetings/recordingStarter.ts';
import { stopRecording } from '../../commands/meetings/recordingStopper.ts';
import { AppError } from '../../errors.ts';
import { authorize, can, type MeetingResource } from '../../policies/index.ts';
import { firstAgendaItem } from '../../queries/meetings/meetingRecordings.ts';
import type { Services } from '../../services.ts';
import { recordingMessage } from '../../../common/recording/errors.ts';
import { MeetingRecorder, type RecordingResult } from '../../../media/recording/MeetingRecorder.ts';
import { roomRecordingSource } from '../../../media/recording/roomSource.ts';
import type { RecordingStateView } from '../../../media/signaling.ts';
import type { LiveMeeting } from './LiveMeeting.ts';

/** WebM starts with the EBML magic: what the recorder composed is checked like an upload before it is sealed. */
const EBML_MAGIC = Buffer.from([0x1a, 0x45, 0xdf, 0xa3]);
const MB = 1024 * 1024;

interface Active {
  recordingId: string;
  meetingId: string;
  startedAt: Date;
  recorder: MeetingRecorder;
  /** Settles once the outcome is recorded. */
  done: Promise<void>;
}

export class MeetingRecordings {
  private readonly active = new Map<string, Active>();
  private ffmpegChecked: boolean | null = null;

  constructor(private readonly svc: Services) {}

  /** What a person in the meeting is told: the recording in progress, if the policies let them know of it. */
  noticeFor(meeting: LiveMeeting, subject: Subject, facts: MeetingResource): RecordingStateView | null {
    const active = this.active.get(meeting.meetingId);
    if (!active || active.recorder.ended) return null;
    if (!can(subject, 'meeting.recording.notice', meeting.resourceFor(subject, facts))) return null;
    return { recordingId: active.recordingId, startedAt: active.startedAt.toISOString() };
  }

  /** The host starts recording the live meeting. */
  async start(ctx: RequestContext, subject: Subject, facts: MeetingResource): Promise<RecordingStateView> {
    const meeting = this.live(facts.id);
    authorize(subject, 'meeting.recording.control', meeting.resourceFor(subject, facts));
    if (!this.ffmpegAvailable())
      throw new AppError(409, 'recording_unavailable', recordingMessage('recording_unavailable'));
    const { id, reservedBytes } = await startRecording(this.svc, ctx, {
      meetingId: facts.id,
      startedById: subject.id,
    });
    const first = await firstAgendaItem(this.svc.db, facts.id);
    let active: Active | null = null;
    let ended: (result: RecordingResult) => void = () => undefined;
    const result = new Promise<RecordingResult>((resolve) => (ended = resolve));
    try {
      const recorder = await MeetingRecorder.start(
        roomRecordingSource(meeting.room, () => meeting.allMembers().map((m) => m.peerId)),
        {
          dir: this.workingDir(id),
          title: meeting.title,
          firstChapter: first,
          maxBytes: reservedBytes,
          ffmpeg: 'ffmpeg',
          ffprobe: 'ffprobe',
          log: this.svc.log.child({ meetingId: facts.id, recordingId: id }),
          onEnded: (r) => ended(r),
        },
      );
      active = {
        recordingId: id,
        meetingId: facts.id,
        startedAt: ctx.at,
        recorder,
        done: result.then((r) => this.finish(id, facts.id, r)),
      };
    } catch (err) {
      this.svc.log.error({ err, meetingId: facts.id, recordingId: id }, 'the recorder could not start');
      await finishRecording(this.svc, this.systemContext(), {
        meetingId: facts.id,
        recordingId: id,
        outcome: { status: 'failed', endReason: 'recorder_failed', file: null, durationMs: 0, chapters: [] },
      });
      throw new AppError(409, 'recording_unavailable', recordingMessage('recording_unavailable'));
    }
    this.active.set(facts.id, active);
    const view = { recordingId: id, startedAt: ctx.at.toISOString() };
    this.announce(meeting, view);
    return view;
  }

  /** The host stops the recording; it is composed and sealed in the background. */
  async stop(ctx: RequestContext, subject: Subject, facts: MeetingResource): Promise<{ recordingId: string }> {
    const meeting = this.live(facts.id);
    authorize(subject, 'meeting.recording.control', meeting.resourceFor(subject, facts));
    const active = this.active.get(facts.id);
    if (!active || active.recorder.ended) throw new AppError(409, 'not_recording', recordingMessage('not_recording'));
    await stopRecording(this.svc, ctx, {
      meetingId: facts.id,
      recordingId: active.recordingId,
      stoppedById: subject.id,
      reason: 'stopped',
    });
    void active.recorder.stop('stopped');
    this.announce(meeting, null);
    return { recordingId: active.recordingId };
  }

  /** The host moves the recording on to an agenda item: a chapter starts now. */
  async chapter(ctx: RequestContext, subject: Subject, facts: MeetingResource, agendaItemId: string): Promise<void> {
    const meeting = this.live(facts.id);
    authorize(subject, 'meeting.recording.control', meeting.resourceFor(subject, facts));
    const active = this.active.get(facts.id);
    if (!active || active.recorder.ended) throw new AppError(409, 'not_recording', recordingMessage('not_recording'));
    const { title } = await markRecordingChapter(this.svc, ctx, {
      meetingId: facts.id,
      recordingId: active.recordingId,
      agendaItemId,
      atMs: active.recorder.elapsedMs,
    });
    active.recorder.chapter(title);
  }

  /** Resolves when the meeting's current or last recording has its outcome recorded (tests, shutdown). */
  async settled(meetingId: string): Promise<void> {
    await this.active.get(meetingId)?.done;
  }

  /**
   * At start: recordings this process had in progress when it last ended (their working directory is here, and no
   * recorder of this process runs them) are failed and their space released.
   */
  async recover(): Promise<void> {
    const running = new Set([...this.active.values()].map((a) => a.recordingId));
    const count = await failInterruptedRecordings(
      this.svc,
      this.systemContext(),
      (id) => !running.has(id) && fs.existsSync(this.workingDir(id)),
    );
    if (count) this.svc.log.warn({ count }, 'recordings interrupted by a restart were marked failed');
  }

  /** Stops every recording (the process is shutting down); their outcomes are recorded if there is time. */
  close(): void {
    for (const active of this.active.values()) void active.recorder.stop('stopped');
  }

  // ── internals ────────────────────────────────────────────────────────────────────────────────────────────

  private live(meetingId: string): LiveMeeting {
    const meeting = this.svc.liveMeetings.peek(meetingId);
    if (!meeting) throw new AppError(409, 'meeting_not_live', recordingMessage('meeting_not_live'));
    return meeting;
  }

  private ffmpegAvailable(): boolean {
    this.ffmpegChecked ??= spawnSync('ffmpeg', ['-hide_banner', '-version'], { stdio: 'ignore' }).status === 0;
    return this.ffmpegChecked;
  }

  /** Tells each person in the meeting whom the policies let know. */
  private announce(meeting: LiveMeeting, recording: RecordingStateView | null): void {
    for (const member of meeting.allMembers())
      if (can(member.subject, 'meeting.recording.notice', meeting.resourceFor(member.subject, member.facts)))
        meeting.notify(member.peerId, { method: 'recording', data: { recording } });
  }

  /** The recording ended (stopped, crashed, the meeting closed, full): seal what was composed and record it. */
  private async finish(recordingId: string, meetingId: string, result: RecordingResult): Promise<void> {
    const ctx = this.systemContext();
    try {
      if (result.end !== 'stopped') {
        // Nobody pressed stop: everyone still in the meeting learns the recording is over.
        const meeting = this.svc.liveMeetings.peek(meetingId);
        if (meeting) this.announce(meeting, null);
      }
      let file: RecordingOutcome['file'] = null;
      if (result.file) {
        const size = fs.statSync(result.file).size;
        const stored = await this.svc.files.put(fs.createReadStream(result.file), {
          maxBytes: size + MB,
          headBytes: EBML_MAGIC.length,
          inspect: (head) => {
            if (!head.equals(EBML_MAGIC)) throw new Error('the recorder did not write WebM');
          },
        });
        file = { sha256: stored.sha256, size: stored.size };
      }
      await finishRecording(this.svc, ctx, {
        meetingId,
        recordingId,
        outcome: {
          status: !file ? 'failed' : result.end === 'crashed' ? 'partial' : 'complete',
          endReason: result.end,
          file,
          durationMs: result.durationMs,
          chapters: result.chapters,
        },
      });
      // The streams and the composed file are sealed now; a failed composition keeps them for an administrator.
      if (file) fs.rmSync(path.dirname(result.file!), { recursive: true, force: true });
    } catch (err) {
      this.svc.log.error({ err, meetingId, recordingId }, 'the recording could not be sealed');
      await finishRecording(this.svc, ctx, {
        meetingId,
        recordingId,
        outcome: {
          status: 'failed',
          endReason: result.end,
          file: null,
          durationMs: result.durationMs,
          chapters: result.chapters,
        },
      });
    } finally {
      if (this.active.get(meetingId)?.recordingId === recordingId) this.active.delete(meetingId);
    }
  }

  private workingDir(recordingId: string): string {
    return path.join(this.svc.config.dataDir, 'recordings', recordingId);
  }

  private systemContext(): RequestContext {
    return {
      actor: null,
      ip: '',
      userAgent: 'tongban-recorder',
      at: this.svc.clock.now(),
      auditKey: this.svc.keys.audit,
    };
  }
}
