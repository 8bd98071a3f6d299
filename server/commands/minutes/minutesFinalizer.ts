// The minute-taker finalises the minutes: every decision item gets an anchor id of its own, the document becomes
// read-only for everyone (the document workflow's finalise, which the collab server enforces on open connections at
// once), a new confirmation round starts and each attendee is asked, in the notification centre and live.
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { DOCUMENT_FIELD } from '../../../common/schema/documentSchema.ts';
import { DECISION_ITEM } from '../../../common/schema/decisionItem.ts';
import { decisionIdsToRenew } from '../../domain/minutes/minutesProposals.ts';
import { notice } from '../../notifications/notificationHub.ts';
import type { Services } from '../../services.ts';
import { stepDocumentWorkflow } from '../documents/documentWorkflowStepper.ts';
import { announceMinutes, minutesAbout, minutesLink } from '../../notifications/minutesBroadcasts.ts';
import { confirmers } from '../../queries/minutes/confirmers.ts';
import { contentOf } from '../../domain/documents/documentContent.ts';
import { loadMinutes } from '../../queries/minutes/minutesRecord.ts';
import { moveMinutes } from './minutesMove.ts';
import { requireStep } from '../../domain/minutes/minutesStep.ts';

export async function finaliseMinutes(
  svc: Services,
  ctx: RequestContext,
  meetingId: string,
): Promise<{ status: string; round: number }> {
  const minutes = await loadMinutes(svc.db, meetingId);
  const to = requireStep(minutes, 'finalise');
  await renewDecisionIds(svc, ctx, minutes.documentId);
  const meeting = await svc.db.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: { id: true, title: true, hostId: true, minuteTakerId: true, classification: true },
  });
  const round = minutes.round + 1;
  await stepDocumentWorkflow(svc, ctx, minutes.documentId, 'finalise', '会议纪要已定稿，进入确认', async (tx) => {
    await moveMinutes(tx, meetingId, minutes.status, { status: to, round, finalisedAt: ctx.at, updatedAt: ctx.at });
    const asked = await confirmers(tx, meeting);
    // A new round asks everyone again: what they said about the previous text no longer applies.
    await tx.minutesConfirmation.deleteMany({ where: { meetingId } });
    await tx.minutesConfirmation.createMany({
      data: asked.map((userId) => ({ meetingId, userId, round, requestedAt: ctx.at })),
    });
    for (const userId of asked) {
      await tx.documentShare.upsert({
        where: {
          documentId_granteeType_granteeId: { documentId: minutes.documentId, granteeType: 'user', granteeId: userId },
        },
        create: {
          documentId: minutes.documentId,
          granteeType: 'user',
          granteeId: userId,
          access: 'view',
          createdById: ctx.actor?.id ?? '',
          createdAt: ctx.at,
        },
        // An existing share keeps its level; finalised documents are read-only for everyone anyway.
        update: {},
      });
    }
    await recordAudit(tx, ctx, {
      action: 'minutes.finalise',
      resourceType: 'meeting',
      resourceId: meetingId,
      detail: { documentId: minutes.documentId, round, asked: asked.length },
    });
    return svc.notifications.create(
      tx,
      asked.map((userId) =>
        notice(
          userId,
          'minutes.confirm_request',
          { meeting: meeting.title },
          minutesLink(minutes.documentId),
          minutesAbout(meetingId),
        ),
      ),
      ctx.at,
    );
  });
  await announceMinutes(svc, meetingId, to, round);
  return { status: to, round };
}

/**
 * Tasks link to their decision item by its id, so each item needs one of its own before the text is frozen: the
 * editor gives new items ids, but a split or pasted item can carry a copy, and an old client none at all.
 */
async function renewDecisionIds(svc: Services, ctx: RequestContext, documentId: string): Promise<void> {
  const renew = new Set(decisionIdsToRenew(contentOf(await svc.collab.currentState(documentId))));
  if (renew.size === 0) return;
  await svc.collab.transact(documentId, ctx.actor?.id ?? '', (ydoc) => {
    let i = 0;
    for (const node of ydoc
      .getXmlFragment(DOCUMENT_FIELD)
      .createTreeWalker((n) => n instanceof Y.XmlElement && n.nodeName === DECISION_ITEM)) {
      if (renew.has(i)) (node as Y.XmlElement).setAttribute('id', randomUUID());
      i += 1;
    }
  });
}
