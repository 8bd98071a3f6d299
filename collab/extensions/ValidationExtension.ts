// Structural checks on every Yjs update from a client before it is applied or stored: size, well-formedness, only the
// root types the document kind has, only node and mark names of the schema (decision items only in minutes), typed
// decision item attributes, elements nested no deeper than MAX_NESTING_DEPTH, no sub-documents or binary blobs,
// nothing new in the server-owned clientAuthors map.
// A bad update closes that connection with a reason; nothing is applied and nobody else is affected.
import * as Y from 'yjs';
import type { beforeSyncPayload, Extension } from '@hocuspocus/server';
import { documentSchema, DOCUMENT_FIELD } from '../../common/schema/documentSchema.ts';
import { DECISION_ITEM, decisionAttributeProblem } from '../../common/schema/decisionItem.ts';
import { ALLOWED_ROOTS, RICH_TEXT_KINDS, type DocumentKind } from '../../common/schema/documentKinds.ts';
import { CLIENT_AUTHORS_ROOT, clientAuthorsProblem } from '../history/clientAuthors.ts';
import { deepestNewElement, MAX_NESTING_DEPTH } from '../../common/schema/nestingDepth.ts';
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

/** Node types only some kinds may contain. */
const NODE_KINDS: Record<string, readonly string[]> = { [DECISION_ITEM]: ['minutes'] };

/**
 * Attribute values cannot be checked from the update alone: an attribute written on an existing element names only
 * its predecessor, not the element. So an update that writes attribute values (ContentAny, which in a rich-text
 * document only attributes carry; typing writes strings) is tried on a copy of the document and every decision item
 * of the result is checked. Attribute writes are rare (picking a unit, a date), so typing never pays for the copy.
 */
function attributeProblem(current: Y.Doc, update: Uint8Array): string | null {
  const trial = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(trial, Y.encodeStateAsUpdate(current));
    Y.applyUpdate(trial, update);
    for (const el of trial
      .getXmlFragment(DOCUMENT_FIELD)
      .createTreeWalker((n) => n instanceof Y.XmlElement && n.nodeName === DECISION_ITEM)) {
      const attrs = (el as Y.XmlElement).getAttributes() as Record<string, unknown>;
      for (const [key, value] of Object.entries(attrs)) {
        const problem = decisionAttributeProblem(key, value);
        if (problem) return `decision item attribute ${key.slice(0, 40)}: ${problem}`;
      }
    }
    return null;
  } finally {
    trial.destroy();
  }
}

/**
 * Returns why an update is not acceptable for a document kind, or null. Throws nothing. With the document's current
 * state, attribute values are checked too, and a rich-text update may replay clientAuthors entries the server
 * already has (without it, any clientAuthors item is refused).
 */
export function updateProblem(update: Uint8Array, kind: string, current?: Y.Doc): string | null {
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
  let writesAttributes = false;
  const authorsChecked = richText && current !== undefined;
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const parent: unknown = struct.parent;
    if (parent === CLIENT_AUTHORS_ROOT && authorsChecked) continue;
    if (typeof parent === 'string' && !roots.includes(parent))
      return `root "${parent.slice(0, 40)}" is not part of a ${kind} document`;
    const content = struct.content;
    if (content instanceof Y.ContentDoc || content instanceof Y.ContentBinary || content instanceof Y.ContentEmbed)
      return 'embedded documents and binary content are not allowed';
    if (!schema) continue;
    if (content instanceof Y.ContentType && content.type instanceof Y.XmlElement) {
      const name = content.type.nodeName;
      if (!(name in schema.nodes)) return `node type "${name.slice(0, 40)}" is not in the document schema`;
      if (NODE_KINDS[name] && !NODE_KINDS[name].includes(kind)) return `a ${kind} document cannot contain ${name}`;
    }
    if (content instanceof Y.ContentFormat && !(markName(content.key) in schema.marks))
      return `mark "${content.key.slice(0, 40)}" is not in the document schema`;
    if (content instanceof Y.ContentAny) writesAttributes = true;
  }
  if (schema && current) {
    const depth = deepestNewElement(current, decoded);
    if (depth > MAX_NESTING_DEPTH) return `elements nested ${depth} deep (at most ${MAX_NESTING_DEPTH})`;
  }
  if (authorsChecked) {
    const problem = clientAuthorsProblem(current, decoded, update);
    if (problem) return problem;
  }
  // Only minutes hold decision items; other kinds never pay for the trial copy.
  if (schema && writesAttributes && current && NODE_KINDS[DECISION_ITEM]!.includes(kind))
    return attributeProblem(current, update);
  return null;
}

export class ValidationExtension implements Extension {
  extensionName = 'Validation';
  priority = 900;

  constructor(private readonly metrics: CollabMetrics) {}

  async beforeSync({ type, payload, connection, context, document }: beforeSyncPayload<CollabContext>): Promise<void> {
    if (type !== SYNC_STEP_2 && type !== SYNC_UPDATE) return;
    if (connection.readOnly) return;
    if (payload.byteLength > MAX_UPDATE_BYTES) {
      this.metrics.refused++;
      throw new CollabRefusal(CLOSE.tooLarge.code, CLOSE.tooLarge.reason);
    }
    const problem = updateProblem(payload, context.documentKind, document);
    if (problem) {
      this.metrics.refused++;
      throw new CollabRefusal(CLOSE.malformed.code, `${CLOSE.malformed.reason}: ${problem}`);
    }
  }
}
