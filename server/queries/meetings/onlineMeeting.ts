// Reads the online meeting needs from the database: the person, the meeting from their point of view, the roster
// with sign-in state, and the chat history they may see.
import { subjectFromUser, type Subject } from '../../auth/subject.ts';
import type { Db } from '../../db/client.ts';
import { meetingFactsSelect, meetingResource } from '../../policies/meetingFacts.ts';
import type { MeetingResource } from '../../policies/index.ts';
import { presentChatMessage } from '../../presenters/meetingChat.ts';
import type { SealingKeys } from '../../security/cipher.ts';
import type { ChatMessageView, RosterEntry } from '../../../media/signaling.ts';

export const CHAT_PAGE = 50;
const ROSTER_LIMIT = 500;

export async function loadPerson(db: Db, userId: string): Promise<{ subject: Subject; unitName: string } | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    include: { roles: true, unit: { select: { name: true } } },
  });
  if (!user || user.disabled) return null;
  return { subject: subjectFromUser(user), unitName: user.unit.name };
}

export interface OnlineMeetingRow {
  facts: MeetingResource;
  title: string;
  mode: string;
  /** A plenary (全体会议/宣讲会): only the host and speakers send media. */
  plenary: boolean;
  joinCode: string | null;
}

export async function loadMeeting(
  db: Db,
  ref: { meetingId?: string | undefined; joinCode?: string | undefined },
  userId: string,
): Promise<OnlineMeetingRow | null> {
  const where =
    ref.meetingId !== undefined
      ? { id: ref.meetingId }
      : ref.joinCode !== undefined
        ? { joinCode: ref.joinCode }
        : null;
  if (!where) return null;
  const row = await db.meeting.findUnique({
    where,
    select: { ...meetingFactsSelect(userId), title: true, mode: true, plenary: true, joinCode: true },
  });
  if (!row) return null;
  return {
    facts: meetingResource(row),
    title: row.title,
    mode: row.mode,
    plenary: row.plenary,
    joinCode: row.joinCode,
  };
}

export async function loadRoster(db: Db, meetingId: string): Promise<RosterEntry[]> {
  const seats = await db.meetingParticipant.findMany({
    where: { meetingId },
    select: {
      userId: true,
      signedInAt: true,
      user: { select: { displayName: true, unit: { select: { name: true, sortOrder: true } } } },
    },
    orderBy: [{ user: { unit: { sortOrder: 'asc' } } }, { createdAt: 'asc' }],
    take: ROSTER_LIMIT,
  });
  return seats.map((s) => ({
    userId: s.userId,
    displayName: s.user.displayName,
    unitName: s.user.unit.name,
    signedIn: s.signedInAt !== null,
  }));
}

/** Messages to everyone, and private ones the viewer sent or received, newest page first, returned oldest first. */
export async function loadChat(
  db: Db,
  key: Buffer | SealingKeys,
  meetingId: string,
  viewerId: string,
  before?: Date,
): Promise<ChatMessageView[]> {
  const rows = await db.meetingChatMessage.findMany({
    where: {
      meetingId,
      OR: [{ audience: 'all' }, { fromUserId: viewerId }, { toUserId: viewerId }],
      ...(before ? { createdAt: { lt: before } } : {}),
    },
    orderBy: { createdAt: 'desc' },
    take: CHAT_PAGE,
  });
  return rows.reverse().map((r) => presentChatMessage(key, r));
}
