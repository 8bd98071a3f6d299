// 编号: the issuing unit's office gives a signed-off 公文 its 发文字号, the next of this year's series for its 代字 or a
// number it reserved earlier; the number, the document and the audit event are written together.
import { formatDocumentNumber } from '../../../common/officialDocs/catalogue.ts';
import type { RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Services } from '../../services.ts';
import { numberingYear, takeNextNumber, useReservedNumber } from './numberAllocator.ts';
import { runRouteAction } from './routeAction.ts';

export async function numberOfficialDoc(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  id: string,
  input: { reservedSeq?: number } = {},
): Promise<{ text: string }> {
  let text = '';
  await runRouteAction(
    svc,
    ctx,
    subject,
    id,
    { action: 'number' },
    {
      also: async (tx, row) => {
        const series = { unitId: row.unitId, prefix: row.numberPrefix, year: numberingYear(ctx.at) };
        let seq: number;
        if (input.reservedSeq === undefined) {
          seq = await takeNextNumber(tx, series, {
            status: 'used',
            officialDocumentId: row.id,
            by: subject.id,
            at: ctx.at,
          });
        } else {
          seq = input.reservedSeq;
          await useReservedNumber(tx, series, seq, row.id, ctx.at);
        }
        await tx.officialDocument.update({ where: { id: row.id }, data: { numberYear: series.year, numberSeq: seq } });
        text = formatDocumentNumber(series.prefix, series.year, seq);
        return { number: text, seq, reserved: input.reservedSeq !== undefined };
      },
    },
  );
  return { text };
}
