// 签发: the signer's opinion (typed, or written by hand with the stylus) ends the route; the 成文日期 becomes the sign-off date and the signer's name is kept as
// 签发人 (printed in the 版头 of a 上行文). A deputy signs in the name of the leader they stand in for.
import { shanghaiDateOf } from '../../../common/calendar/isoDate.ts';
import type { RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Services } from '../../services.ts';
import { givenOpinion, type OpinionInput } from './opinionInput.ts';
import { runRouteAction } from './routeAction.ts';

export async function signOffOfficialDoc(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  id: string,
  input: OpinionInput,
): Promise<void> {
  const opinion = await givenOpinion(svc, ctx, id, 'officialDoc.signOff', input);
  await runRouteAction(
    svc,
    ctx,
    subject,
    id,
    { action: 'signOff' },
    {
      opinion: { ...opinion, decision: 'signoff' },
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
