// Structural checks on every Yjs update from a client before it is applied or stored: size, well-formedness, only the
// root types the document kind has, only node and mark names of the schema, no sub-documents or binary blobs.
// A bad update closes that connection with a reason; nothing is applied and nobody else is affected.
import * as Y from 'yjs';
import type { beforeSyncPayload, Extension } from '@hocuspocus/server';
import { documentSchema } from '../schema/documentSchema.ts';
import { ALLOWED_ROOTS, RICH_TEXT_KINDS, type DocumentKind } from '../schema/documentKinds.ts';
import { CLOSE, CollabRefusal, type CollabContext } from '../context.ts';
import type { CollabMetrics } from './MetricsExtension.ts';

export const MAX_UPDATE_BYTES = 2 * 1024 * 1024;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

function markName(key: string): string {
  // y-prosemirror stores overlapping marks of one type as "<name>--<hash>".
  const i = key.indexOf('--');
  return i === -1 ? key : key.slice(0, i);
}

/** Returns why an update is not acceptable for a document kind, or null. Throws nothing. */
export function updateProblem(update: Uint8Array, kind: string): string | null {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return 'malformed update';
  }
  const roots = ALLOWED_ROOTS[kind as DocumentKind];
  if (!roots) return `unknown document kind ${kind}`;
  const richText = RICH_TEXT_KINDS.includes(kind);
  const schema = richText ? documentSchema() : null;
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const parent: unknown = struct.parent;
    if (typeof parent === 'string' && !roots.includes(parent)) return `root "${parent.slice(0, 40)}" is not part of a ${kind} document`;
    const content = struct.content;
    if (content instanceof Y.ContentDoc || content instanceof Y.ContentBinary || content instanceof Y.ContentEmbed) return 'embedded documents and binary content are not allowed';
    if (!schema) continue;
    if (content instanceof Y.ContentType && content.type instanceof Y.XmlElement && !(content.type.nodeName in schema.nodes)) {
      return `node type "${content.type.nodeName.slice(0, 40)}" is not in the document schema`;
    }
    if (content instanceof Y.ContentFormat && !(markName(content.key) in schema.marks)) return `mark "${content.key.slice(0, 40)}" is not in the document schema`;
  }
  return null;
}

export class ValidationExtension implements Extension {
  extensionName = 'Validation';
  priority = 900;

  constructor(private readonly metrics: CollabMetrics) {}

  async beforeSync({ type, payload, connection, context }: beforeSyncPayload<CollabContext>): Promise<void> {
    if (type !== SYNC_STEP_2 && type !== SYNC_UPDATE) return;
    if (connection.readOnly) return;
    if (payload.byteLength > MAX_UPDATE_BYTES) {
      this.metrics.refused++;
      throw new CollabRefusal(CLOSE.tooLarge.code, CLOSE.tooLarge.reason);
    }
    const problem = updateProblem(payload, context.documentKind);
    if (problem) {
      this.metrics.refused++;
      throw new CollabRefusal(CLOSE.malformed.code, `${CLOSE.malformed.reason}: ${problem}`);
    }
  }
}
