// 签发: the signer's opinion ends the route; the 成文日期 becomes the sign-off date and the signer's name is kept as
// 签发人 (printed in the 版头 of a 上行文). A deputy signs in the name of the leader they stand in for.
import { shanghaiDateOf } from '../../../common/calendar/isoDate.ts';
import type { RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { officialDocError } from '../../policies/officialDocs.ts';
import type { Services } from '../../services.ts';
import { runRouteAction } from './routeAction.ts';

export async function signOffOfficialDoc(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  id: string,
  input: { opinion: string },
): Promise<void> {
  const opinion = input.opinion.trim();
  if (!opinion) throw officialDocError(400, 'opinion_required');
  await runRouteAction(
    svc,
    ctx,
    subject,
    id,
    { action: 'signOff' },
    {
      opinion: { text: opinion, decision: 'signoff' },
      also: async (tx, row, applied) => {
        const signerId = applied.acted?.onBehalfOf ?? subject.id;
        const signer = await tx.user.findUniqueOrThrow({ where: { id: signerId }, select: { displayName: true } });
        const signers = JSON.parse(row.signers) as string[];
        const writtenOn = shanghaiDateOf(ctx.at);
        await tx.officialDocument.update({
          where: { id: row.id },
          data: { signers: JSON.stringify([...signers, signer.displayName]), writtenOn },
        });
        return { signerId, writtenOn };
      },
    },
  );
}
