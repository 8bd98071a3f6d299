// Sets a person's interface language (notifications are rendered in it), with its audit event.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Services } from '../../services.ts';

export async function setLocale(
  svc: Services,
  ctx: RequestContext,
  userId: string,
  locale: 'zh-CN' | 'en',
): Promise<void> {
  await inTransaction(svc, async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { locale } });
    await recordAudit(tx, ctx, {
      action: 'user.set_locale',
      resourceType: 'user',
      resourceId: userId,
      detail: { locale },
    });
  });
}
