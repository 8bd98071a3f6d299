// Where a meeting's minutes stand, as one person may see them: status, the signed version, the confirmations (the
// text of objections and answers only for those who handle them and for the one who wrote it), who may answer
// objections, and what this person may do now. Also the check of a closed version's hash and signature.
import type { Subject } from '../../auth/subject.ts';
import { contentHash } from '../../domain/documents/contentHash.ts';
import { digestAlgorithm } from '../../domain/contentDigest.ts';
import type { Db } from '../../db/client.ts';
import { openObjections, type ConfirmationState, type MinutesStatus } from '../../domain/minutes/minutesFlow.ts';
import { compareSeats } from '../../domain/minutes/minutesTemplate.ts';
import { NotFound } from '../../errors.ts';
import { atLeast, documentAccess } from '../../policies/documents.ts';
import { can, type MeetingResource } from '../../policies/index.ts';
import { openBytes } from '../../security/cipher.ts';
import { archiveStandingOf, type ArchiveStanding } from '../archive/archiveStanding.ts';
import { minutesSigningKey, verifyMinutesSignature } from '../../security/minutesSignature.ts';
import type { Keys } from '../../security/keys.ts';

export type CloseBlocker = 'objections_open' | 'meeting_not_ended';

/** Who may answer objections (policies: minutes.resolve), in the capacity that lets them. */
export interface ObjectionResolver {
  id: string;
  displayName: string;
  role: 'minute_taker' | 'host' | 'organiser';
}

export interface MinutesView {
  meetingId: string;
  documentId: string;
  status: MinutesStatus;
  round: number;
  finalisedAt: string | null;
  closedAt: string | null;
  closedBy: { id: string; displayName: string } | null;
  version: { id: string; contentHash: string; signature: string } | null;
  confirmations: Array<{
    userId: string;
    name: string;
    unitName: string;
    state: ConfirmationState;
    comment: string | null;
    resolution: string | null;
    respondedAt: string | null;
    resolvedAt: string | null;
    resolvedBy: { id: string; displayName: string } | null;
  }>;
  resolvers: ObjectionResolver[];
  /** Its package once closed minutes are archived, and whether this person may ask for that now. */
  archive: ArchiveStanding;
  me: {
    canEdit: boolean;
    canFinalise: boolean;
    canConfirm: boolean;
    canResolve: boolean;
    canClose: boolean;
    canReopen: boolean;
    confirmation: ConfirmationState | null;
    closeBlockers: CloseBlocker[];
  };
}

export async function minutesView(db: Db, subject: Subject, meeting: MeetingResource): Promise<MinutesView> {
  const minutes = await db.meetingMinutes.findUnique({
    where: { meetingId: meeting.id },
    include: { confirmations: { orderBy: { requestedAt: 'asc' } } },
  });
  if (!minutes) throw new NotFound('minutes');
  const resolverIds = [
    meeting.minuteTakerId,
    meeting.hostId,
    meeting.minuteTakerId && meeting.hostId ? null : meeting.createdById,
  ];
  const nameIds = new Set(
    [...resolverIds, ...minutes.confirmations.map((c) => c.resolvedById)].filter((x): x is string => x !== null),
  );
  const [doc, people, closer, named] = await Promise.all([
    db.document.findUniqueOrThrow({ where: { id: minutes.documentId }, include: { shares: true } }),
    db.meetingParticipant.findMany({
      where: { meetingId: meeting.id, userId: { in: minutes.confirmations.map((c) => c.userId) } },
      select: {
        userId: true,
        role: true,
        user: { select: { displayName: true, unit: { select: { name: true, shortName: true, sortOrder: true } } } },
      },
    }),
    minutes.closedById
      ? db.user.findUnique({ where: { id: minutes.closedById }, select: { id: true, displayName: true } })
      : null,
    db.user.findMany({ where: { id: { in: [...nameIds] } }, select: { id: true, displayName: true } }),
  ]);
  const names = new Map(named.map((u) => [u.id, u.displayName] as const));
  const person = (id: string | null) => (id !== null && names.has(id) ? { id, displayName: names.get(id)! } : null);
  const seats = new Map(
    people.map(
      (p) =>
        [
          p.userId,
          {
            role: p.role,
            unitOrder: p.user.unit.sortOrder,
            unitName: p.user.unit.shortName ?? p.user.unit.name,
            name: p.user.displayName,
          },
        ] as const,
    ),
  );
  const seatOf = (userId: string) => seats.get(userId) ?? { role: '', unitOrder: 0, unitName: '', name: '' };
  const current = minutes.confirmations
    .filter((c) => c.round === minutes.round)
    .map((c) => ({ ...c, state: c.state as ConfirmationState }))
    .sort((a, b) => compareSeats(seatOf(a.userId), seatOf(b.userId)));
  const writes = can(subject, 'minutes.write', meeting);
  const closes = can(subject, 'minutes.close', meeting);
  const resolves = can(subject, 'minutes.resolve', meeting);
  const handles = can(subject, 'minutes.objections.read', meeting);
  const mine = current.find((c) => c.userId === subject.id) ?? null;
  const blockers: CloseBlocker[] = [];
  if (openObjections(current).length > 0) blockers.push('objections_open');
  if (meeting.status !== 'ended' && meeting.status !== 'minutes_finalised') blockers.push('meeting_not_ended');
  const confirming = minutes.status === 'confirming';
  const access = documentAccess(subject, doc, doc.shares, meeting);
  const archive = await archiveStandingOf(db, subject, {
    objectType: 'minutes',
    objectId: minutes.documentId,
    unitId: doc.unitId,
    classification: doc.classification,
    finished: minutes.status === 'closed',
    readsObject: access !== 'none',
  });
  return {
    meetingId: meeting.id,
    documentId: minutes.documentId,
    status: minutes.status as MinutesStatus,
    round: minutes.round,
    finalisedAt: minutes.finalisedAt?.toISOString() ?? null,
    closedAt: minutes.closedAt?.toISOString() ?? null,
    closedBy: closer,
    version:
      minutes.versionId && minutes.contentHash && minutes.signature
        ? { id: minutes.versionId, contentHash: minutes.contentHash, signature: minutes.signature }
        : null,
    confirmations: current.map((c) => {
      const seat = seatOf(c.userId);
      const sees = handles || c.userId === subject.id;
      return {
        userId: c.userId,
        name: seat.name,
        unitName: seat.unitName,
        state: c.state,
        comment: sees ? c.comment : null,
        resolution: sees ? c.resolution : null,
        respondedAt: c.respondedAt?.toISOString() ?? null,
        resolvedAt: c.resolvedAt?.toISOString() ?? null,
        resolvedBy: sees ? person(c.resolvedById) : null,
      };
    }),
    resolvers: objectionResolvers(meeting, person),
    archive,
    me: {
      canEdit: minutes.status === 'drafting' && atLeast(access, 'edit'),
      canFinalise: writes && minutes.status === 'drafting',
      canConfirm: confirming && mine !== null && can(subject, 'minutes.confirm', meeting),
      canResolve: resolves && confirming,
      canClose: closes && confirming && blockers.length === 0,
      // Archived minutes are read-only for good (their document is archived).
      canReopen: writes && (confirming || minutes.status === 'closed') && archive.status === null,
      confirmation: mine?.state ?? null,
      // Why closing waits is for whoever may close; to others it would show a button they can never use.
      closeBlockers: closes && confirming ? blockers : [],
    },
  };
}

/**
 * The people minutes.resolve lets answer objections, named so that everyone knows whom an objection waits on: the
 * minute-taker and the host, and the meeting's creator for the organisers when either is missing.
 */
function objectionResolvers(
  meeting: MeetingResource,
  person: (id: string | null) => { id: string; displayName: string } | null,
): ObjectionResolver[] {
  const out: ObjectionResolver[] = [];
  const add = (id: string | null, role: ObjectionResolver['role']) => {
    const p = person(id);
    if (p && !out.some((r) => r.id === p.id)) out.push({ ...p, role });
  };
  add(meeting.minuteTakerId, 'minute_taker');
  add(meeting.hostId, 'host');
  if (meeting.minuteTakerId === null || meeting.hostId === null) add(meeting.createdById, 'organiser');
  return out;
}

export interface Verification {
  valid: boolean;
  hashMatches: boolean;
  signatureValid: boolean;
  contentHash: string;
  recomputedHash: string;
  signature: string;
  versionId: string;
  closedAt: string;
}

/** Recomputes the closed version's content hash from its stored state and checks the signature over it. */
export async function verifyMinutes(db: Db, keys: Keys, meetingId: string): Promise<Verification> {
  const minutes = await db.meetingMinutes.findUnique({ where: { meetingId } });
  if (!minutes?.versionId || !minutes.contentHash || !minutes.signature || !minutes.closedAt)
    throw new NotFound('signed minutes');
  const version = await db.documentVersion.findUniqueOrThrow({ where: { id: minutes.versionId } });
  const state = openBytes(keys.atRest, version.state, `version:${minutes.documentId}`);
  // Recomputed with the algorithm the stored hash names (SHA-256, or SM3 once TONGBAN_HASH=sm3).
  const recomputedHash = contentHash(state, 'minutes', digestAlgorithm(minutes.contentHash));
  const hashMatches = recomputedHash === minutes.contentHash && version.contentHash === minutes.contentHash;
  const signatureValid = verifyMinutesSignature(
    minutesSigningKey(keys.master),
    {
      meetingId,
      documentId: minutes.documentId,
      versionId: minutes.versionId,
      contentHash: minutes.contentHash,
      closedAt: minutes.closedAt,
      closedById: minutes.closedById ?? '',
    },
    minutes.signature,
  );
  return {
    valid: hashMatches && signatureValid,
    hashMatches,
    signatureValid,
    contentHash: minutes.contentHash,
    recomputedHash,
    signature: minutes.signature,
    versionId: minutes.versionId,
    closedAt: minutes.closedAt.toISOString(),
  };
}
