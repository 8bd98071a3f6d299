// The context types of documents that belong to a meeting (Document.contextType / contextId). Annotation documents
// take their access from the meeting (policies/annotations.ts), so the owner/unit/share rules of ordinary documents
// never apply to them; a meeting's minutes follow the minutes read rule instead of unit membership (documents.ts).

export const ANNOTATION_CONTEXTS = {
  /** contextId = the material's id; one per material. */
  sharedMaterial: 'meeting_material',
  /** contextId = the material's id; one per (material, owner). */
  privateMaterial: 'meeting_material_private',
  /** contextId = the meeting's id; any number per meeting. */
  whiteboard: 'meeting_whiteboard',
} as const;

const CONTEXT_TYPES: readonly string[] = Object.values(ANNOTATION_CONTEXTS);

export function isAnnotationContext(contextType: string | null | undefined): boolean {
  return contextType != null && CONTEXT_TYPES.includes(contextType);
}

/** A meeting's minutes (会议纪要): contextId = the meeting's id; one per meeting (MeetingMinutes.documentId). */
export const MINUTES_CONTEXT = 'meeting';

export function isMinutesContext(contextType: string | null | undefined): boolean {
  return contextType === MINUTES_CONTEXT;
}

/** Whether a document's access reads its meeting (annotation documents and minutes), so callers load it. */
export function followsMeeting(contextType: string | null | undefined): boolean {
  return isAnnotationContext(contextType) || isMinutesContext(contextType);
}
