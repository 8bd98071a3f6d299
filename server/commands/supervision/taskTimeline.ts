// Writes an entry on a task's timeline (进展): who did what, when, with the percent, unit and details it carries.
import type { RequestContext } from '../../audit/auditLog.ts';
import type { Tx } from '../../db/client.ts';
import type { EventKind } from '../../domain/supervision/vocabulary.ts';

export async function recordEvent(
  tx: Tx,
  ctx: RequestContext,
  taskId: string,
  event: {
    kind: EventKind;
    text?: string;
    percent?: number | null;
    unitId?: string | null;
    detail?: Record<string, unknown>;
  },
): Promise<string> {
  const row = await tx.supervisionEvent.create({
    data: {
      taskId,
      at: ctx.at,
      actorId: ctx.actor?.id ?? null,
      kind: event.kind,
      text: event.text ?? '',
      percent: event.percent ?? null,
      unitId: event.unitId ?? null,
      detail: JSON.stringify(event.detail ?? {}),
    },
  });
  return row.id;
}
