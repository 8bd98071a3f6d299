// 催办: the drafter, whoever sent the 公文 to its current step, or the issuing office reminds the step's handlers (and
// their deputies now) with a message — in-app through the one delivery function, which gives it only to those who may
// read the 公文, and through the notice channel. At most config.urgeLimit urges of one 公文 an hour, by everyone
// together: counted and recorded in one transaction, so urges sent at once each see those before them.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { inTransaction } from '../../db/transaction.ts';
import { waitingFor } from '../../domain/officialDocs/routeEngine.ts';
import { AppError } from '../../errors.ts';
import { announce } from '../../notifications/announce.ts';
import { notice } from '../../notifications/notificationHub.ts';
import { can } from '../../policies/index.ts';
import { authorizeOfficialDocView, officialDocError, officialDocResource } from '../../policies/officialDocs.ts';
import { awaitsHandlers } from '../../policies/officialDocTrail.ts';
import { loadOfficialDoc, officialDocFacts, principalsOf } from '../../queries/officialDocs/officialDocFacts.ts';
import type { Services } from '../../services.ts';
import { OFFICIAL_DOC_ERRORS } from '../../../common/officialDocs/errors.ts';
import { auditingRefusals } from './refusalAudit.ts';
import { recordTrail } from './trail.ts';

export const URGE_WINDOW_MS = 60 * 60_000;

export const officialDocLink = (id: string) => `/official-documents/${id}`;

export async function urgeHandlers(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  id: string,
  message: string,
): Promise<{ notified: number }> {
  const audit = { action: 'officialDoc.urge', resourceType: 'official_document', resourceId: id };
  return auditingRefusals(svc, ctx, audit, async () => {
    const { created, classification } = await inTransaction(svc, async (tx) => {
      const row = await loadOfficialDoc(tx, id);
      const facts = officialDocFacts(row);
      const resource = officialDocResource(facts, await principalsOf(tx, subject.id, ctx.at));
      authorizeOfficialDocView(subject, resource);
      if (!awaitsHandlers(resource)) throw officialDocError(409, 'nothing_to_urge');
      if (!can(subject, 'officialDoc.urge', resource)) throw officialDocError(403, 'urge_forbidden');
      const recent = await tx.officialDocumentEvent.count({
        where: { officialDocumentId: id, kind: 'urge', at: { gt: new Date(ctx.at.getTime() - URGE_WINDOW_MS) } },
      });
      if (recent >= svc.config.urgeLimit) {
        const { zh, en } = OFFICIAL_DOC_ERRORS.urge_limit;
        throw new AppError(429, 'urge_limit', `${en} (${zh})`, {
          limit: svc.config.urgeLimit,
          retryAfterSeconds: URGE_WINDOW_MS / 1000,
        });
      }
      const handlers = waitingFor(facts.route);
      const deputies = (
        await tx.delegation.findMany({
          where: { principalId: { in: handlers }, revokedAt: null, startsAt: { lte: ctx.at }, endsAt: { gt: ctx.at } },
          select: { deputyId: true },
        })
      ).map((d) => d.deputyId);
      const recipients = [...new Set([...handlers, ...deputies])].filter((u) => u !== subject.id);
      const step = facts.route.steps[facts.route.current]!;
      const created = await svc.notifications.create(
        tx,
        recipients.map((userId) =>
          notice(
            userId,
            'officialDoc.urged',
            { document: row.document.title, person: subject.id, message },
            officialDocLink(id),
            { kind: 'officialDoc', id, at: ctx.at },
          ),
        ),
        ctx.at,
      );
      await recordTrail(tx, {
        officialDocumentId: id,
        kind: 'urge',
        userId: subject.id,
        stepId: step.id,
        detail: { message, to: recipients, notified: created.length },
        at: ctx.at,
      });
      await recordAudit(tx, ctx, {
        action: 'officialDoc.urge',
        resourceType: 'official_document',
        resourceId: id,
        detail: { step: step.id, recipients: created.length },
      });
      return { created, classification: row.document.classification };
    });
    await announce(svc, created, classification);
    return { notified: created.length };
  });
}
