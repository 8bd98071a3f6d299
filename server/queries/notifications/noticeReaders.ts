// The outbound gate's read: who among some people may read the object a notice or broadcast is about, now. Each
// person is asked with the same rule, and the object as that person sees it, as the page that shows the object.
import type { NoticeObjectKind } from '../../../common/notifications/catalogue.ts';
import { subjectFromUser, type Subject } from '../../auth/subject.ts';
import type { Db, Tx } from '../../db/client.ts';
import { officialDocResource } from '../../policies/officialDocs.ts';
import { mayReceive, taskResource, type MeetingResource, type Receivable } from '../../policies/index.ts';
import { meetingAsSeenBy, meetingForEveryone } from '../annotations/annotationMeeting.ts';
import { documentWithAccess } from '../documents/documentAccess.ts';
import { oversightOf } from '../supervision/oversight.ts';
import { factsOf, loadTask } from '../supervision/taskFacts.ts';
import { loadOfficialDoc, officialDocFacts, principalsOf } from '../officialDocs/officialDocFacts.ts';

/** A reference to what a notice is about, by object kind (common/notifications NOTIFICATION_OBJECTS). */
export interface NoticeObjects {
  /** The recipient's own account: only they hear of it. */
  account: { kind: 'account'; userId: string };
  document: { kind: 'document'; id: string };
  meeting: { kind: 'meeting'; id: string };
  /** A meeting the recipient has just been taken off: readable as from the seat they held (clearance still counts). */
  formerSeat: { kind: 'formerSeat'; meetingId: string };
  minutes: { kind: 'minutes'; meetingId: string };
  task: { kind: 'task'; id: string };
  /** The proposals desk's work from one meeting's minutes. */
  proposals: { kind: 'proposals'; meetingId: string };
  /** A 公文 (official document): read by whoever its page would open for, a deputy (代理) by the delegations at `at`. */
  officialDoc: { kind: 'officialDoc'; id: string; at: Date };
}

export type NoticeAbout = NoticeObjects[NoticeObjectKind];

/** One key per object, to ask about each object once. */
export function aboutKey(about: NoticeAbout): string {
  switch (about.kind) {
    case 'account':
      return `account:${about.userId}`;
    case 'document':
    case 'meeting':
    case 'task':
    case 'officialDoc':
      return `${about.kind}:${about.id}`;
    case 'formerSeat':
    case 'minutes':
    case 'proposals':
      return `${about.kind}:${about.meetingId}`;
  }
}

async function subjectsOf(db: Db | Tx, userIds: readonly string[]): Promise<Subject[]> {
  const users = await db.user.findMany({
    where: { id: { in: [...userIds] }, disabled: false },
    include: { roles: true },
  });
  return users.map(subjectFromUser);
}

async function filter(
  subjects: readonly Subject[],
  resourceFor: (s: Subject) => Receivable | null | Promise<Receivable | null>,
): Promise<Set<string>> {
  const readers = new Set<string>();
  for (const s of subjects) {
    const resource = await resourceFor(s);
    if (resource && mayReceive(s, resource)) readers.add(s.id);
  }
  return readers;
}

/** Those of `userIds` who may read `about` now (active accounts only; an account notice only for its own user). */
export async function readersAmong(db: Db | Tx, about: NoticeAbout, userIds: Iterable<string>): Promise<Set<string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Set();
  if (about.kind === 'account') return new Set(ids.filter((id) => id === about.userId));
  const subjects = await subjectsOf(db, ids);
  switch (about.kind) {
    case 'document': {
      // The same loader as every document route: a document's readers are whoever its page would open for.
      const readers = new Set<string>();
      for (const s of subjects) {
        const found = await documentWithAccess(db, s, about.id);
        if (found && found.access !== 'none') readers.add(s.id);
      }
      return readers;
    }
    case 'meeting':
    case 'formerSeat':
    case 'minutes':
    case 'proposals': {
      const meeting = await meetingForEveryone(db, about.kind === 'meeting' ? about.id : about.meetingId);
      if (!meeting) return new Set();
      return filter(subjects, (s) => {
        const seen: MeetingResource = meetingAsSeenBy(meeting, s.id);
        switch (about.kind) {
          case 'meeting':
            return seen;
          case 'formerSeat':
            return { ...seen, seat: seen.seat ?? { role: 'attendee' } };
          case 'minutes':
            return { kind: 'minutes', meeting: seen };
          case 'proposals':
            return { kind: 'proposal', classification: meeting.classification };
        }
      });
    }
    case 'task': {
      const task = await loadTask(db, about.id);
      const facts = factsOf(task);
      return filter(subjects, async (s) => taskResource(facts, await oversightOf(db, s)));
    }
    case 'officialDoc': {
      const facts = officialDocFacts(await loadOfficialDoc(db, about.id));
      return filter(subjects, async (s) => officialDocResource(facts, await principalsOf(db, s.id, about.at)));
    }
  }
}
