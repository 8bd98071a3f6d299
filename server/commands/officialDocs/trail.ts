// Writes the trail of a 公文 (its timeline and 查阅留痕), always inside the transaction of what it records.
import type { Tx } from '../../db/client.ts';

export type TrailKind =
  /** Drafted (from a template or not). */
  | 'created'
  /** The 公文 reached a handler's 待办. */
  | 'received'
  /** A route action: submit, open, approve, return, withdraw, addCountersigner, transfer, signOff, number, seal … */
  | `route.${string}`
  /** A distribution row moved: signFor, refuse, recall, reissue (分发 itself is route.distribute). */
  | `distribution.${string}`
  | 'urge'
  | 'reminded'
  | 'overdue'
  /** The record or its 正文 opened. */
  | 'read'
  /** Laid out and downloaded (PDF, DOCX, the sealed PDF). */
  | 'download'
  /** Completed and queued for its archive package (归档): frozen from then on. */
  | 'archived';

export interface TrailEntry {
  officialDocumentId: string;
  kind: TrailKind;
  userId: string | null;
  onBehalfOfId?: string | null;
  stepId?: string | null;
  /** Ids and names of things only, never content. */
  detail?: Record<string, unknown>;
  at: Date;
}

export async function recordTrail(tx: Tx, entry: TrailEntry): Promise<void> {
  await tx.officialDocumentEvent.create({
    data: {
      officialDocumentId: entry.officialDocumentId,
      kind: entry.kind,
      userId: entry.userId,
      onBehalfOfId: entry.onBehalfOfId ?? null,
      stepId: entry.stepId ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
      at: entry.at,
    },
  });
}

/** The same for several people at once (the handlers a step reached). */
export async function recordTrailMany(tx: Tx, entries: readonly TrailEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.officialDocumentEvent.createMany({
    data: entries.map((e) => ({
      officialDocumentId: e.officialDocumentId,
      kind: e.kind,
      userId: e.userId,
      onBehalfOfId: e.onBehalfOfId ?? null,
      stepId: e.stepId ?? null,
      detail: JSON.stringify(e.detail ?? {}),
      at: e.at,
    })),
  });
}
