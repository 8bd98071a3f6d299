// Opens the minutes of a meeting, creating them on first use: a minutes document owned by the minute-taker (the
// organising unit's, at the meeting's classification, the host may edit) whose header is filled from the meeting
// (name, time, place, host, 出席/列席/请假 from the seats and replies, recorder). Calling it again returns the same
// document; the header is written once, into an empty document only.
import * as Y from 'yjs';
import { updateYFragment } from '@tiptap/y-tiptap';
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { documentSchema, DOCUMENT_FIELD } from '../../../common/schema/documentSchema.ts';
import { Prisma } from '../../../prisma/generated/client.ts';
import { describeRange } from '../../domain/meetings/localTime.ts';
import type { ParticipantRole, RsvpState } from '../../domain/meetings/vocabulary.ts';
import {
  compareSeats,
  minutesTemplate,
  minutesTitle,
  type TemplateFacts,
} from '../../domain/minutes/minutesTemplate.ts';
import { NotFound } from '../../errors.ts';
import { placeOf } from '../../notifications/meetingNotices.ts';
import type { Services } from '../../services.ts';
import { inTransaction } from '../../db/transaction.ts';

async function loadMeeting(svc: Services, meetingId: string) {
  const meeting = await svc.db.meeting.findUnique({
    where: { id: meetingId },
    include: {
      host: { select: { displayName: true } },
      minuteTaker: { select: { displayName: true } },
      room: { select: { name: true, location: true } },
      participants: {
        orderBy: { createdAt: 'asc' },
        include: {
          user: { select: { displayName: true, unit: { select: { name: true, shortName: true, sortOrder: true } } } },
          substituteFor: { include: { user: { select: { displayName: true } } } },
        },
      },
    },
  });
  if (!meeting) throw new NotFound('meeting');
  return meeting;
}

type MeetingRow = Awaited<ReturnType<typeof loadMeeting>>;

function templateFacts(m: MeetingRow): TemplateFacts {
  return {
    title: m.title,
    time: describeRange(m.startAt, m.endAt, m.timeZone),
    place: placeOf(m),
    hostName: m.host?.displayName ?? null,
    recorderName: m.minuteTaker?.displayName ?? null,
    seats: m.participants
      .map((p) => ({
        name: p.user.displayName,
        unitName: p.user.unit.shortName ?? p.user.unit.name,
        unitOrder: p.user.unit.sortOrder,
        role: p.role as ParticipantRole,
        rsvp: p.rsvp as RsvpState,
        substituteForName: p.substituteFor?.user.displayName ?? null,
        listedElsewhere: p.userId === m.hostId || p.userId === m.minuteTakerId,
      }))
      .sort(compareSeats),
  };
}

export async function prepareMinutes(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  meetingId: string,
): Promise<{ documentId: string; created: boolean }> {
  const existing = await svc.db.meetingMinutes.findUnique({ where: { meetingId } });
  if (existing) {
    // A creation whose header write failed half-way gets it now; finalised minutes are never written to.
    if (existing.status === 'drafting') {
      await followMeetingRoles(svc, ctx, existing.documentId, meetingId);
      await writeTemplateIfEmpty(svc, ctx, existing.documentId, meetingId);
    }
    return { documentId: existing.documentId, created: false };
  }
  const meeting = await loadMeeting(svc, meetingId);
  const ownerId = meeting.minuteTakerId ?? subject.id;
  let documentId: string;
  try {
    documentId = await inTransaction(svc, async (tx) => {
      const doc = await tx.document.create({
        data: {
          kind: 'minutes',
          title: minutesTitle(meeting.title),
          unitId: meeting.organiserUnitId,
          ownerId,
          classification: meeting.classification,
          contextType: 'meeting',
          contextId: meetingId,
          createdAt: ctx.at,
          updatedAt: ctx.at,
        },
      });
      if (meeting.hostId && meeting.hostId !== ownerId) {
        await tx.documentShare.create({
          data: {
            documentId: doc.id,
            granteeType: 'user',
            granteeId: meeting.hostId,
            access: 'edit',
            createdById: subject.id,
            createdAt: ctx.at,
          },
        });
      }
      await tx.meetingMinutes.create({ data: { meetingId, documentId: doc.id, createdAt: ctx.at, updatedAt: ctx.at } });
      await recordAudit(tx, ctx, {
        action: 'minutes.create',
        resourceType: 'meeting',
        resourceId: meetingId,
        detail: { documentId: doc.id, ownerId },
      });
      return doc.id;
    });
  } catch (err) {
    // Two people opened the minutes at the same moment: the first one made them.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      const made = await svc.db.meetingMinutes.findUniqueOrThrow({ where: { meetingId } });
      await writeTemplateIfEmpty(svc, ctx, made.documentId, meetingId);
      return { documentId: made.documentId, created: false };
    }
    throw err;
  }
  await writeTemplateIfEmpty(svc, ctx, documentId, meetingId, meeting);
  return { documentId, created: true };
}

/** The header goes into an empty document only; the check runs inside the document's own transaction, so twice is once. */
async function writeTemplateIfEmpty(
  svc: Services,
  ctx: RequestContext,
  documentId: string,
  meetingId: string,
  loaded?: MeetingRow,
): Promise<void> {
  const probe = new Y.Doc();
  Y.applyUpdate(probe, await svc.collab.currentState(documentId));
  const empty = probe.getXmlFragment(DOCUMENT_FIELD).length === 0;
  probe.destroy();
  if (!empty) return;
  const template = documentSchema().nodeFromJSON(
    minutesTemplate(templateFacts(loaded ?? (await loadMeeting(svc, meetingId)))),
  );
  let wrote = false;
  await svc.collab.transact(documentId, ctx.actor?.id ?? '', (ydoc) => {
    const fragment = ydoc.getXmlFragment(DOCUMENT_FIELD);
    if (fragment.length > 0) return;
    updateYFragment(ydoc, fragment, template, { mapping: new Map(), isOMark: new Map() });
    wrote = true;
  });
  if (wrote)
    await inTransaction(svc, (tx) =>
      recordAudit(tx, ctx, {
        action: 'minutes.template',
        resourceType: 'document',
        resourceId: documentId,
        detail: { meetingId },
      }),
    );
}

/**
 * The meeting's minute-taker or host may change after the minutes were made: the document follows (the new
 * minute-taker owns it, the new host may edit), so the people the minutes policies name can also write the text.
 */
async function followMeetingRoles(
  svc: Services,
  ctx: RequestContext,
  documentId: string,
  meetingId: string,
): Promise<void> {
  const [meeting, doc] = await Promise.all([
    svc.db.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { hostId: true, minuteTakerId: true } }),
    svc.db.document.findUniqueOrThrow({ where: { id: documentId }, include: { shares: true } }),
  ]);
  const owner = meeting.minuteTakerId ?? doc.ownerId;
  const hostShared =
    !meeting.hostId ||
    meeting.hostId === owner ||
    doc.shares.some((sh) => sh.granteeType === 'user' && sh.granteeId === meeting.hostId && sh.access === 'edit');
  if (owner === doc.ownerId && hostShared) return;
  await inTransaction(svc, async (tx) => {
    if (owner !== doc.ownerId)
      await tx.document.update({ where: { id: documentId }, data: { ownerId: owner, updatedAt: ctx.at } });
    if (!hostShared && meeting.hostId) {
      await tx.documentShare.upsert({
        where: { documentId_granteeType_granteeId: { documentId, granteeType: 'user', granteeId: meeting.hostId } },
        create: {
          documentId,
          granteeType: 'user',
          granteeId: meeting.hostId,
          access: 'edit',
          createdById: ctx.actor?.id ?? '',
          createdAt: ctx.at,
        },
        update: { access: 'edit' },
      });
    }
    await recordAudit(tx, ctx, {
      action: 'minutes.roles_follow',
      resourceType: 'document',
      resourceId: documentId,
      detail: { meetingId, ownerId: owner, hostId: meeting.hostId },
    });
  });
  await svc.collab.refreshAccess(documentId);
}
