// The frame of every 办文 route command: in one transaction, load the 公文, ask the policies whether the person reads
// it, let the route engine decide, write the new route, its 待办, the opinion and the audit event. A refusal changes
// nothing and is audited on its own (refusalAudit.ts).
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Tx } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import {
  applyRouteAction,
  waitingFor,
  type Outcome,
  type RouteCommand,
} from '../../domain/officialDocs/routeEngine.ts';
import { stepDueInstant } from '../../domain/officialDocs/stepDeadlines.ts';
import type { Route } from '../../domain/officialDocs/vocabulary.ts';
import {
  authorizeOfficialDocView,
  officialDocError,
  officialDocResource,
  routeActor,
  routeRefusal,
} from '../../policies/officialDocs.ts';
import {
  loadOfficialDoc,
  officialDocFacts,
  principalsOf,
  type LoadedOfficialDoc,
} from '../../queries/officialDocs/officialDocFacts.ts';
import { withDeputies } from '../../queries/todo/todoAudience.ts';
import type { Services } from '../../services.ts';
import { syncBodyAccess } from './bodyAccess.ts';
import { auditingRefusals } from './refusalAudit.ts';
import { recordTrail, recordTrailMany } from './trail.ts';

export type Applied = Extract<Outcome, { ok: true }>;

export interface RouteWork {
  /** The opinion or reason to record when the person acted on a step (approve, return, sign off), with its handwriting. */
  opinion?: { text: string; ink?: string | null; decision: 'approve' | 'return' | 'signoff' };
  /** Further writes of this command in the same transaction (a number, the signer's name). */
  also?: (tx: Tx, row: LoadedOfficialDoc, applied: Applied) => Promise<Record<string, unknown> | void>;
}

/**
 * Writes the route only over the revision it was decided on: two people acting at once cannot both move it. Returns
 * everyone the 公文 waited for before or waits for now (their 待办 changed).
 */
async function saveRoute(tx: Tx, row: LoadedOfficialDoc, route: Route, at: Date): Promise<string[]> {
  const { count } = await tx.officialDocument.updateMany({
    where: { id: row.id, revision: row.revision },
    data: { route: JSON.stringify(route), status: route.status, revision: { increment: 1 }, updatedAt: at },
  });
  if (count !== 1) throw officialDocError(409, 'document_changed');
  const waiting = waitingFor(route);
  const before = await tx.officialDocumentHandler.findMany({
    where: { officialDocumentId: row.id },
    select: { userId: true },
  });
  const step = route.steps[route.current];
  const stepId = step?.id ?? '';
  await tx.officialDocumentHandler.deleteMany({
    where: { officialDocumentId: row.id, OR: [{ userId: { notIn: waiting } }, { stepId: { not: stepId } }] },
  });
  const kept = new Set(
    (
      await tx.officialDocumentHandler.findMany({ where: { officialDocumentId: row.id }, select: { userId: true } })
    ).map((h) => h.userId),
  );
  const fresh = waiting.filter((u) => !kept.has(u));
  const deadline =
    fresh.length > 0
      ? await tx.officialDocumentStepDeadline.findUnique({
          where: { officialDocumentId_stepId: { officialDocumentId: row.id, stepId } },
          select: { workingDays: true },
        })
      : null;
  if (fresh.length > 0)
    await tx.officialDocumentHandler.createMany({
      data: fresh.map((userId) => ({
        officialDocumentId: row.id,
        userId,
        stepId,
        opinion: step?.opinion ?? '',
        since: at,
        // The 待办 centre's copies (schema: they change only in 拟稿, when a 公文 has no handler rows).
        classification: row.document.classification,
        documentDeleted: row.document.deletedAt !== null,
        urgency: row.urgency,
        workingDays: deadline?.workingDays ?? null,
        dueAt: deadline ? stepDueInstant(at, deadline.workingDays) : null,
      })),
    });
  await recordTrailMany(
    tx,
    fresh.map((userId) => ({ officialDocumentId: row.id, kind: 'received' as const, userId, stepId, at })),
  );
  return [...before.map((h) => h.userId), ...waiting];
}

export async function runRouteAction(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  id: string,
  command: RouteCommand,
  work: RouteWork = {},
): Promise<Applied> {
  const audit = { action: `officialDoc.${command.action}`, resourceType: 'official_document', resourceId: id };
  let moved: string | null = null;
  let touched: string[] = [];
  const applied = await auditingRefusals(svc, ctx, audit, () =>
    inTransaction(svc, async (tx): Promise<Applied> => {
      const row = await loadOfficialDoc(tx, id);
      const facts = officialDocFacts(row);
      const actingFor = await principalsOf(tx, subject.id, ctx.at);
      authorizeOfficialDocView(subject, officialDocResource(facts, actingFor));
      const outcome = applyRouteAction(facts.route, routeActor(subject, facts, actingFor), command);
      if (!outcome.ok) throw routeRefusal(outcome.reason, outcome.detail);
      if (!outcome.changed) return outcome;
      touched = await saveRoute(tx, row, outcome.route, ctx.at);
      await syncBodyAccess(tx, { ...facts, documentId: row.documentId, route: outcome.route }, subject.id, ctx.at);
      moved = row.documentId;
      const acted = outcome.acted;
      let opinionId: string | null = null;
      if (acted && work.opinion) {
        const step = outcome.route.steps[acted.stepIndex]!;
        ({ id: opinionId } = await tx.officialDocumentOpinion.create({
          data: {
            officialDocumentId: row.id,
            stepId: step.id,
            stepName: step.name,
            kind: acted.opinion,
            decision: work.opinion.decision,
            text: work.opinion.text,
            ink: work.opinion.ink ?? null,
            userId: subject.id,
            onBehalfOfId: acted.onBehalfOf,
            createdAt: ctx.at,
          },
        }));
      }
      const extra = (await work.also?.(tx, row, outcome)) ?? {};
      await recordAudit(tx, ctx, {
        action: `officialDoc.${command.action}`,
        resourceType: 'official_document',
        resourceId: row.id,
        detail: {
          from: facts.route.status,
          to: outcome.route.status,
          step: acted?.stepId ?? outcome.route.steps[outcome.route.current]?.id ?? null,
          ...(acted?.onBehalfOf ? { onBehalfOf: acted.onBehalfOf } : {}),
          ...extra,
        },
      });
      await recordTrail(tx, {
        officialDocumentId: row.id,
        kind: `route.${command.action}`,
        userId: subject.id,
        onBehalfOfId: acted?.onBehalfOf ?? null,
        stepId: acted?.stepId ?? facts.route.steps[facts.route.current]?.id ?? null,
        detail: { from: facts.route.status, to: outcome.route.status, ...(opinionId ? { opinionId } : {}), ...extra },
        at: ctx.at,
      });
      return outcome;
    }),
  );
  // Open editors of the 正文 follow at once (a handler who just acted goes read-only, the next one may suggest).
  if (moved) await svc.collab.refreshAccess(moved);
  // Whoever it waited for or waits for now, the actor, and their deputies (代理) see their 待办 again.
  if (touched.length > 0) svc.notifications.nudgeTodo(await withDeputies(svc.db, [...touched, subject.id], ctx.at));
  return applied;
}
