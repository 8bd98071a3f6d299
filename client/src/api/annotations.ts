// Co-annotation over REST (issue #5): a material's shared and private ink documents, the meeting's whiteboards, a
// frozen frame of the shared screen as a whiteboard page, and a page exported into the meeting's minutes. Images go
// as raw image/png bodies. Shapes come from the server's own schemas (type-only imports).
import type { z } from 'zod';
import type {
  attachmentBody,
  layersBody,
  snapshotBody,
  whiteboardBody,
  whiteboardListBody,
} from '../../../server/routes/meetings/annotationSchema.ts';
import { http } from './http.ts';

export type MaterialAnnotations = z.infer<typeof layersBody>;
export type Whiteboard = z.infer<typeof whiteboardBody>;
export type WhiteboardList = z.infer<typeof whiteboardListBody>;
export type Snapshot = z.infer<typeof snapshotBody>;
export type MinutesAttachment = z.infer<typeof attachmentBody>;

export interface AttachmentSource {
  sourceType: 'whiteboard' | 'material';
  /** The whiteboard's document id, or the material's id. */
  sourceId: string;
  page: string;
}

const meeting = (id: string) => `/api/meetings/${encodeURIComponent(id)}`;

export const annotationsApi = {
  material: (meetingId: string, materialId: string) =>
    http.get<MaterialAnnotations>(`${meeting(meetingId)}/materials/${encodeURIComponent(materialId)}/annotations`),
  whiteboards: (meetingId: string) => http.get<WhiteboardList>(`${meeting(meetingId)}/whiteboards`),
  createWhiteboard: (meetingId: string, title: string) =>
    http.post<Whiteboard>(`${meeting(meetingId)}/whiteboards`, { title }),
  /** Stores the frame and adds a whiteboard page with it (on the server, so everyone gets the same page). */
  uploadSnapshot: (meetingId: string, documentId: string, png: Blob) =>
    http.postFile<Snapshot>(`${meeting(meetingId)}/whiteboards/${encodeURIComponent(documentId)}/snapshots`, png),
  /** An image of a document (a snapshot page's background). */
  imageUrl: (documentId: string, imageId: string) =>
    `/api/documents/${encodeURIComponent(documentId)}/images/${encodeURIComponent(imageId)}`,
  attachToMinutes: (meetingId: string, png: Blob, caption: string, from: AttachmentSource) =>
    http.postFile<MinutesAttachment>(`${meeting(meetingId)}/minutes/attachments`, png, { query: { caption, ...from } }),
};
