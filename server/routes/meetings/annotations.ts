// Co-annotation in the meeting room: a material's ink layers (shared and private), the meeting's whiteboards, a
// frozen screen-share frame as a whiteboard page, and an exported page attached to the minutes. The ink itself
// travels over /collab; these routes hand out the documents and take the images.
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { openMaterialLayers } from '../../commands/annotations/annotationLayerOpener.ts';
import { attachImageToMinutes } from '../../commands/minutes/minutesImageAttacher.ts';
import { createWhiteboard, ensureDefaultWhiteboard } from '../../commands/annotations/whiteboardCreator.ts';
import { addSnapshotPage } from '../../commands/annotations/whiteboardSnapshotter.ts';
import { AppError } from '../../errors.ts';
import { contextOf, requireAuth } from '../../http/requestContext.ts';
import { responses } from '../../http/schemas.ts';
import type { Subject } from '../../auth/subject.ts';
import { can, type MeetingResource } from '../../policies/index.ts';
import { listWhiteboards } from '../../queries/annotations/whiteboardList.ts';
import { meetingFor } from './access.ts';
import { meetingParams } from './schema.ts';
import {
  attachmentBody,
  attachmentQuery,
  imageErrors,
  layerParams,
  layersBody,
  newWhiteboardBody,
  snapshotBody,
  whiteboardBody,
  whiteboardListBody,
  whiteboardParams,
} from './annotationSchema.ts';

function pngStream(body: unknown): Readable {
  if (!(body instanceof Readable))
    throw new AppError(415, 'png_required', 'Send the image as the request body with Content-Type: image/png');
  return body;
}

/** What the client may offer: erasing others' marks and presenting (both enforced by the collab server too). */
function rightsOf(subject: Subject, meeting: MeetingResource): { canModerate: boolean; canPresent: boolean } {
  const moderate = can(subject, 'annotation.moderate', meeting);
  return { canModerate: moderate, canPresent: moderate };
}

const annotationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.svc;

  // The PNG streams straight into the sealed store, which enforces the size limit and checks the bytes.
  app.addContentTypeParser('image/png', (_request, payload, done) => done(null, payload));

  app.get(
    '/:id/materials/:materialId/annotations',
    {
      schema: {
        tags: ['meetings'],
        summary: "A material's ink layers for me: the shared one and my private one (created on first use)",
        params: layerParams,
        response: responses({ 200: layersBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      const meeting = await meetingFor(app, subject, request.params.id, 'annotation.open');
      const layers = await openMaterialLayers(app.svc, contextOf(request), subject, meeting, request.params.materialId);
      return { ...layers, ...rightsOf(subject, meeting) };
    },
  );

  app.get(
    '/:id/whiteboards',
    {
      schema: {
        tags: ['meetings'],
        summary:
          "The meeting's whiteboards, oldest first; the first is the default one, created when anyone at the table first asks",
        params: meetingParams,
        response: responses({ 200: whiteboardListBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      const meeting = await meetingFor(app, subject, request.params.id, 'annotation.open');
      if (can(subject, 'annotation.draw', meeting))
        await ensureDefaultWhiteboard(app.svc, contextOf(request), subject, meeting);
      return {
        items: await listWhiteboards(db, meeting.id),
        canCreate: can(subject, 'annotation.whiteboard.create', meeting),
        ...rightsOf(subject, meeting),
      };
    },
  );

  app.post(
    '/:id/whiteboards',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Add a whiteboard with one blank page (organisers, host, presenters)',
        params: meetingParams,
        body: newWhiteboardBody,
        response: responses({ 201: whiteboardBody }),
      },
    },
    async (request, reply) => {
      const { subject } = requireAuth(request);
      const meeting = await meetingFor(app, subject, request.params.id, 'annotation.whiteboard.create');
      return reply
        .code(201)
        .send(await createWhiteboard(app.svc, contextOf(request), subject, meeting, request.body.title));
    },
  );

  app.post(
    '/:id/whiteboards/:documentId/snapshots',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Freeze a frame of the screen share (image/png body) as a new page of this whiteboard (presenters)',
        params: whiteboardParams,
        response: responses({ 201: snapshotBody, ...imageErrors }),
      },
    },
    async (request, reply) => {
      const { subject } = requireAuth(request);
      const meeting = await meetingFor(app, subject, request.params.id, 'annotation.snapshot.upload');
      const page = await addSnapshotPage(
        app.svc,
        contextOf(request),
        subject,
        meeting,
        request.params.documentId,
        pngStream(request.body),
      );
      return reply.code(201).send(page);
    },
  );

  app.post(
    '/:id/minutes/attachments',
    {
      schema: {
        tags: ['meetings'],
        summary: "Append an exported page (image/png body) to the meeting's minutes as a captioned figure",
        params: meetingParams,
        querystring: attachmentQuery,
        response: responses({ 201: attachmentBody, ...imageErrors }),
      },
    },
    async (request, reply) => {
      const { subject } = requireAuth(request);
      const meeting = await meetingFor(app, subject, request.params.id, 'annotation.minutes.attach');
      const { caption, sourceType, sourceId, page } = request.query;
      const source = sourceType && sourceId ? { type: sourceType, id: sourceId, page: page ?? '' } : null;
      const image = await attachImageToMinutes(app.svc, contextOf(request), subject, meeting, pngStream(request.body), {
        caption,
        source,
      });
      return reply.code(201).send({
        minutesDocumentId: image.minutesDocumentId,
        imageId: image.id,
        url: image.url,
        width: image.width,
        height: image.height,
      });
    },
  );
};

export default annotationRoutes;
