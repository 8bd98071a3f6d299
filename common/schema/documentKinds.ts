// Document kinds and the Yjs root types each may contain; anything else in a client update is refused.

export const DOCUMENT_KINDS = ['draft', 'minutes', 'material', 'whiteboard'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Kinds whose content is a ProseMirror document in the DOCUMENT_FIELD fragment. */
export const RICH_TEXT_KINDS: readonly string[] = ['draft', 'minutes'];

/** Kinds whose content is the ink model (schema/inkModel.ts), checked by InkValidationExtension. */
export const INK_KINDS: readonly string[] = ['material', 'whiteboard'];

export const ALLOWED_ROOTS: Record<DocumentKind, readonly string[]> = {
  draft: ['default'],
  minutes: ['default'],
  // Ink layers and notes per page (the in-room co-annotation issue fills these in).
  material: ['pages', 'strokes', 'notes'],
  whiteboard: ['pages', 'strokes', 'notes'],
};
