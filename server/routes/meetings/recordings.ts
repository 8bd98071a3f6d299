// Recording a live meeting (录制): the host starts and stops it and moves it on to the next agenda item; whoever may
// see the meeting lists its recordings and plays them (the sealed WebM, with byte ranges so the browser can seek).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, NotFound } from '../../errors.ts';
import { contextOf, requireAuth } from '../../http/requestContext.ts';
import { isoDate, okBody, responses } from '../../http/schemas.ts';
import { presentRecording, recordingBody } from '../../presenters/meetingRecording.ts';
import { meetingRecordings, recordingFile } from '../../queries/meetings/meetingRecordings.ts';
import { recordingContent } from '../../queries/meetings/recordingContent.ts';
import { recordingMessage } from '../../../common/recording/errors.ts';
import { meetingFor } from './access.ts';
import { meetingParams } from './schema.ts';

const id = z.string().min(1).max(64);
const recordingParams = z.strictObject({ id, recordingId: id });
const stateBody = z.object({ recordingId: z.string(), startedAt: isoDate });
const chapterBody = z.strictObject({ agendaItemId: id });

/** "bytes=a-b", "bytes=a-" or "bytes=-n" within a file of `size` bytes; null when absent or not satisfiable. */
export function byteRange(header: string | undefined, size: number): { start: number; end: number } | null {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  return start <= end && start < size ? { start, end } : null;
}

const recordingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { svc } = app;

  app.post(
    '/:id/recording/start',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Start recording the live meeting (the host); everyone in it is told (录制中)',
        params: meetingParams,
        response: responses({ 200: stateBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      const facts = await meetingFor(app, subject, request.params.id, 'meeting.view');
      return svc.recordings.start(contextOf(request), subject, facts);
    },
  );

  app.post(
    '/:id/recording/stop',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Stop recording (the host); the recording is composed and sealed, then listed with the meeting',
        params: meetingParams,
        response: responses({ 200: z.object({ recordingId: z.string() }) }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      const facts = await meetingFor(app, subject, request.params.id, 'meeting.view');
      return svc.recordings.stop(contextOf(request), subject, facts);
    },
  );

  app.post(
    '/:id/recording/chapter',
    {
      schema: {
        tags: ['meetings'],
        summary: 'The recording moves on to an agenda item: a chapter named after it starts now (the host)',
        params: meetingParams,
        body: chapterBody,
        response: responses({ 200: okBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      const facts = await meetingFor(app, subject, request.params.id, 'meeting.view');
      await svc.recordings.chapter(contextOf(request), subject, facts, request.body.agendaItemId);
      return { ok: true as const };
    },
  );

  app.get(
    '/:id/recordings',
    {
      schema: {
        tags: ['meetings'],
        summary: 'The meeting’s recordings (in progress, complete, partial after a recorder crash, failed)',
        params: meetingParams,
        response: responses({ 200: z.object({ items: z.array(recordingBody) }) }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      const facts = await meetingFor(app, subject, request.params.id, 'meeting.recording.view');
      return { items: (await meetingRecordings(svc.db, facts.id)).map(presentRecording) };
    },
  );

  app.get(
    '/:id/recordings/:recordingId/content',
    {
      schema: {
        tags: ['meetings'],
        summary: 'The recording (WebM: VP8 video, Opus audio, chapters); honours Range for seeking',
        params: recordingParams,
        response: responses({
          200: z.unknown().describe('the file'),
          206: z.unknown().describe('a byte range'),
          416: z.unknown().describe('the range lies outside the file'),
        }),
      },
    },
    async (request, reply) => {
      const { subject } = requireAuth(request);
      const facts = await meetingFor(app, subject, request.params.id, 'meeting.recording.view');
      const file = await recordingFile(svc.db, facts.id, request.params.recordingId);
      if (!file) {
        const known = (await meetingRecordings(svc.db, facts.id)).some((r) => r.id === request.params.recordingId);
        if (!known) throw new NotFound('recording');
        throw new AppError(409, 'recording_not_ready', recordingMessage('recording_not_ready'));
      }
      const content = await recordingContent(svc.files, file.sha256, file.size);
      const range = byteRange(request.headers.range, content.length);
      reply
        .type('video/webm')
        .header('accept-ranges', 'bytes')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `inline; filename="recording-${request.params.recordingId}.webm"`);
      if (request.headers.range && !range) {
        return reply.code(416).header('content-range', `bytes */${content.length}`).send();
      }
      if (!range) return reply.send(content);
      return reply
        .code(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${content.length}`)
        .send(content.subarray(range.start, range.end + 1));
    },
  );
};

export default recordingRoutes;
