// What a 收文's route asks beyond approving a step: a reader's 已阅 on a 传阅 step (each read an opinion of its own, so
// the 办文单 lists who read it and when), and 办结 with the result, which goes back to the sender's 分发 row when the
// 收文 came by 分发. Both run in the route's frame (routeAction.ts): one transaction, audited, refusals audited too.
import type { RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Tx } from '../../db/client.ts';
import { officialDocError } from '../../policies/officialDocs.ts';
import type { LoadedOfficialDoc } from '../../queries/officialDocs/officialDocFacts.ts';
import type { Services } from '../../services.ts';
import { runRouteAction, type Applied } from './routeAction.ts';

/** The reader's mark when they write nothing. */
export const READ_MARK = '已阅';
const MAX_TEXT = 2000;

/** Records the opinion of the person who just acted (their read or the result), as given; never updated. */
async function writeOpinion(
  tx: Tx,
  row: LoadedOfficialDoc,
  applied: Applied,
  by: { userId: string; text: string; decision: 'read' | 'finish'; at: Date },
): Promise<string> {
  const acted = applied.acted!;
  const step = applied.route.steps[acted.stepIndex]!;
  const opinion = await tx.officialDocumentOpinion.create({
    data: {
      officialDocumentId: row.id,
      stepId: step.id,
      stepName: step.name,
      kind: acted.opinion,
      decision: by.decision,
      text: by.text,
      userId: by.userId,
      onBehalfOfId: acted.onBehalfOf,
      createdAt: by.at,
    },
  });
  return opinion.id;
}

/** 传阅/阅知: the reader confirms they read it, with a note or the plain 已阅. */
export async function confirmRead(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  id: string,
  input: { note?: string },
): Promise<void> {
  const text = input.note?.trim().slice(0, MAX_TEXT) || READ_MARK;
  await runRouteAction(
    svc,
    ctx,
    subject,
    id,
    { action: 'approve' },
    {
      also: async (tx, row, applied) => {
        if (applied.acted?.opinion !== 'circulate') throw officialDocError(400, 'not_circulation');
        return {
          opinionId: await writeOpinion(tx, row, applied, { userId: subject.id, text, decision: 'read', at: ctx.at }),
        };
      },
    },
  );
}

/** 办结: the handler of the last step closes the 收文 with the result; the sender's 分发 row shows it as 已办结. */
export async function finishIncoming(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  id: string,
  input: { result: string },
): Promise<void> {
  const result = input.result.trim();
  await runRouteAction(
    svc,
    ctx,
    subject,
    id,
    { action: 'finish' },
    {
      also: async (tx, row, applied) => {
        if (!result) throw officialDocError(400, 'result_required');
        if (result.length > MAX_TEXT) throw officialDocError(400, 'result_required', `at most ${MAX_TEXT} characters`);
        const opinionId = await writeOpinion(tx, row, applied, {
          userId: subject.id,
          text: result,
          decision: 'finish',
          at: ctx.at,
        });
        const incoming = await tx.incomingDocument.update({
          where: { officialDocumentId: row.id },
          data: { result, finishedById: subject.id, finishedAt: ctx.at },
        });
        if (incoming.distributionId) {
          // The sender reads the result on their 分发 row; only a row signed for (as this one was) can be finished.
          const { count } = await tx.officialDocumentDistribution.updateMany({
            where: { id: incoming.distributionId, status: 'signed' },
            data: {
              status: 'finished',
              result,
              finishedById: subject.id,
              finishedAt: ctx.at,
              revision: { increment: 1 },
              updatedAt: ctx.at,
            },
          });
          if (count !== 1) throw officialDocError(409, 'invalid_transition', 'the distribution is not signed for');
        }
        return { opinionId, ...(incoming.distributionId ? { distributionId: incoming.distributionId } : {}) };
      },
    },
  );
}
