// Request and response schemas of the meeting annotation routes (material ink layers, whiteboards, snapshots, minutes
// attachments). Images travel as raw image/png bodies; what goes with them travels in the query string.
import { z } from 'zod';
import { errorBody } from '../../http/schemas.ts';

const id = z.string().min(1).max(64);

export const layerParams = z.strictObject({ id, materialId: id });
export const whiteboardParams = z.strictObject({ id, documentId: id });

const rights = {
  canModerate: z.boolean().describe("may erase and change other people's marks (organisers, host, agenda presenters)"),
  canPresent: z
    .boolean()
    .describe('may broadcast follow.presenter in awareness; the collab server clears it for anyone else'),
};

export const layersBody = z.object({
  sharedDocumentId: z.string().describe('everyone at the table draws here'),
  privateDocumentId: z.string().describe("the caller's own layer; nobody else can open it"),
  ...rights,
});

export const whiteboardBody = z.object({ documentId: z.string(), title: z.string() });
export const whiteboardListBody = z.object({
  items: z.array(whiteboardBody.extend({ createdAt: z.string(), createdById: z.string() })),
  canCreate: z.boolean(),
  ...rights,
});
export const newWhiteboardBody = z.strictObject({ title: z.string().trim().min(1).max(100) });

export const snapshotBody = z.object({
  fileId: z.string(),
  url: z.string(),
  pageId: z.string().describe('the whiteboard page added with this background'),
  width: z.number().int(),
  height: z.number().int(),
});

export const attachmentQuery = z.strictObject({
  caption: z.string().trim().min(1).max(200).describe('shown above the image in the minutes'),
  sourceType: z.enum(['whiteboard', 'material']).optional(),
  sourceId: id.optional(),
  page: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
});
export const attachmentBody = z.object({
  minutesDocumentId: z.string(),
  imageId: z.string(),
  url: z.string(),
  width: z.number().int(),
  height: z.number().int(),
});

/** Uploads also answer 422 for an image too large to be a screen or a page. */
export const imageErrors = { 422: errorBody };
