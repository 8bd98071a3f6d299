// The context types of meeting annotation documents (Document.contextType / contextId). Their access follows the
// meeting (policies/annotations.ts), so the owner/unit/share rules of ordinary documents never apply to them.

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
