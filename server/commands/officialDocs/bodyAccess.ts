// Who may do what to a 公文's 正文 follows its route: written in the route's transaction whenever the route moves, as
// the 正文's shares and settings, so the editor, the document API and /collab keep asking the one document policy.
// The drafter edits while it is a draft (new, returned or withdrawn); in the route the current handlers (and their
// deputies now) suggest only, through review mode, and everyone else the route names, the office that prints it and
// the drafter read; from 签发 on the text is frozen (finalised: read-only for everyone).
import type { Tx } from '../../db/client.ts';
import { waitingFor } from '../../domain/officialDocs/routeEngine.ts';
import type { Route } from '../../domain/officialDocs/vocabulary.ts';

const FROZEN: readonly string[] = ['signed_off', 'numbered', 'sealed', 'distributed'];

export interface BodyAccessInput {
  documentId: string;
  officeUnitId: string;
  unitId: string;
  route: Route;
  /** Everyone who gave an opinion on the 公文, on this route or an earlier one. */
  formerHandlerIds: readonly string[];
}

/** Replaces the 正文's shares and review settings to match the route; the caller re-checks open connections after. */
export async function syncBodyAccess(tx: Tx, input: BodyAccessInput, by: string, at: Date): Promise<void> {
  const { route } = input;
  const waiting = waitingFor(route);
  const deputies = waiting.length
    ? (
        await tx.delegation.findMany({
          where: { principalId: { in: waiting }, revokedAt: null, startsAt: { lte: at }, endsAt: { gt: at } },
          select: { deputyId: true },
        })
      ).map((d) => d.deputyId)
    : [];
  const suggesting = new Set([...waiting, ...deputies]);
  const reading = new Set<string>(input.formerHandlerIds);
  // As the 公文 itself (policies/officialDocs.ts): everyone the route names reads it, and the active step's candidates.
  for (const step of route.steps) {
    for (const h of step.handlers) reading.add(h.userId).add(h.actedBy ?? h.userId);
    if (step.state === 'active') for (const c of step.candidates ?? []) reading.add(c);
  }
  suggesting.delete(route.drafterId);
  reading.delete(route.drafterId);
  for (const id of suggesting) reading.delete(id);

  await tx.documentShare.deleteMany({ where: { documentId: input.documentId } });
  const shares = [
    ...[...suggesting].map((granteeId) => ({ granteeType: 'user', granteeId, access: 'suggest' })),
    ...[...reading].map((granteeId) => ({ granteeType: 'user', granteeId, access: 'view' })),
    ...(input.officeUnitId !== input.unitId
      ? [{ granteeType: 'unit', granteeId: input.officeUnitId, access: 'view' }]
      : []),
  ];
  if (shares.length)
    await tx.documentShare.createMany({
      data: shares.map((s) => ({ ...s, documentId: input.documentId, createdById: by, createdAt: at })),
    });
  await tx.document.update({
    where: { id: input.documentId },
    data: {
      reviewMode: route.status === 'in_route',
      status: FROZEN.includes(route.status) ? 'finalised' : 'editing',
      updatedAt: at,
    },
  });
}
