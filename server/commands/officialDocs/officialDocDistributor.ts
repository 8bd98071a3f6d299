// 分发: the issuing office sends a sealed 公文 to its recipient units (主送 and 抄送, internal units of the directory,
// a 函 optionally to a named receiver). The route moves to 已分发 (closed, so it is sent once), one row per unit is
// written, the recipients' readers get the 正文 to read and a notice in their inbox — all in the route's transaction,
// with its audit event; a refusal changes nothing and is audited.
import type { DistributionRole } from '../../../common/officialDocs/distribution.ts';
import type { RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Tx } from '../../db/client.ts';
import { notice, type NewNotification } from '../../notifications/notificationHub.ts';
import { announce } from '../../notifications/announce.ts';
import { mayHandle, officialDocError } from '../../policies/officialDocs.ts';
import type { LoadedOfficialDoc } from '../../queries/officialDocs/officialDocFacts.ts';
import type { NotificationView } from '../../presenters/notification.ts';
import type { Services } from '../../services.ts';
import { officialDocLink } from './officialDocUrger.ts';
import { clerksOf, syncRecipientReaders } from './recipientReaders.ts';
import { runRouteAction } from './routeAction.ts';

export interface Recipient {
  unitId: string;
  role: DistributionRole;
  /** A 函's named receiver in that unit; null or absent: the unit's clerks. */
  receiverId?: string | null;
}

/** What the office picked, checked as input before anything is decided. */
function checkRecipients(recipients: readonly Recipient[]): void {
  if (recipients.length === 0) throw officialDocError(400, 'distribution_no_recipients');
  if (new Set(recipients.map((r) => r.unitId)).size !== recipients.length)
    throw officialDocError(400, 'distribution_duplicate_unit');
}

/**
 * Writes the rows for these recipients of a 公文 and the notices to their readers (the gate drops anyone who may not
 * read it); shared by 分发 and 重新分发. Units and receivers are checked against the directory here.
 */
export async function sendToRecipients(
  tx: Tx,
  svc: Services,
  row: LoadedOfficialDoc,
  recipients: ReadonlyArray<Recipient & { reissueOfId?: string }>,
  by: { userId: string; at: Date },
): Promise<{ ids: string[]; notices: NotificationView[] }> {
  const units = await tx.unit.findMany({
    where: { id: { in: recipients.map((r) => r.unitId) } },
    select: { id: true, name: true },
  });
  if (units.length !== recipients.length) throw officialDocError(400, 'distribution_unit_unknown');
  if (recipients.some((r) => r.unitId === row.unitId)) throw officialDocError(400, 'distribution_own_unit');
  const named = recipients.map((r) => r.receiverId).filter((id): id is string => !!id);
  const receivers = await tx.user.findMany({
    where: { id: { in: named }, disabled: false },
    select: { id: true, unitId: true, adminRole: true, clearance: true },
  });
  for (const r of recipients) {
    if (!r.receiverId) continue;
    const person = receivers.find((p) => p.id === r.receiverId);
    if (!person || person.unitId !== r.unitId || !mayHandle(person, row.document.classification))
      throw officialDocError(400, 'distribution_receiver_invalid');
  }
  const ids: string[] = [];
  for (const r of recipients) {
    const created = await tx.officialDocumentDistribution.create({
      data: {
        officialDocumentId: row.id,
        unitId: r.unitId,
        role: r.role,
        receiverId: r.receiverId ?? null,
        sentById: by.userId,
        sentAt: by.at,
        reissueOfId: r.reissueOfId ?? null,
        updatedAt: by.at,
        // The 待办 centre's copies (schema: frozen from 签发 on, so they never change after this).
        classification: row.document.classification,
        documentDeleted: row.document.deletedAt !== null,
        urgency: row.urgency,
      },
    });
    ids.push(created.id);
  }
  const sender = await tx.unit.findUniqueOrThrow({ where: { id: row.unitId }, select: { name: true } });
  await syncRecipientReaders(tx, row.id, by.userId, by.at);
  const readers = new Set([
    ...(await clerksOf(
      tx,
      recipients.map((r) => r.unitId),
    )),
    ...named,
  ]);
  readers.delete(by.userId);
  const items: NewNotification[] = [...readers].map((userId) =>
    notice(
      userId,
      'officialDoc.distributed',
      { document: row.document.title, unit: sender.name },
      officialDocLink(row.id),
      { kind: 'officialDoc', id: row.id, at: by.at },
    ),
  );
  return { ids, notices: await svc.notifications.create(tx, items, by.at) };
}

export async function distributeOfficialDoc(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  id: string,
  input: { recipients: Recipient[] },
): Promise<{ distributionIds: string[] }> {
  let sent: { ids: string[]; notices: NotificationView[]; classification: number } | null = null;
  await runRouteAction(
    svc,
    ctx,
    subject,
    id,
    { action: 'distribute' },
    {
      also: async (tx, row) => {
        checkRecipients(input.recipients);
        const out = await sendToRecipients(tx, svc, row, input.recipients, { userId: subject.id, at: ctx.at });
        sent = { ...out, classification: row.document.classification };
        return {
          recipients: input.recipients.map((r) => ({
            unitId: r.unitId,
            role: r.role,
            receiverId: r.receiverId ?? null,
          })),
          notified: out.notices.length,
        };
      },
    },
  );
  const done = sent as { ids: string[]; notices: NotificationView[]; classification: number } | null;
  if (done) await announce(svc, done.notices, done.classification);
  return { distributionIds: done?.ids ?? [] };
}
