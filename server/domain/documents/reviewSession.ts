// When the owner's accept and reject decisions share one "before review decisions" version: consecutive decisions by
// the same person in one sitting, with nothing else in between, are one review session and keep one version, taken
// before the first of them. Pure.

/** A pause longer than this between two decisions ends the sitting: the next decision starts a new session. */
export const REVIEW_SESSION_IDLE_MS = 30 * 60_000;

/** The session as it stood after its last decision. Creating any other version of the document ends it. */
export interface OpenReviewSession {
  actorId: string;
  /** The document's content hash right after the last decision. */
  contentHash: string;
  lastAt: Date;
}

export interface NextDecision {
  actorId: string;
  /** The document's content hash now, before this decision. */
  contentHash: string;
  at: Date;
}

export type SessionVerdict =
  { continues: true } | { continues: false; why: 'no_session' | 'other_person' | 'edited' | 'paused' };

export function reviewSessionVerdict(open: OpenReviewSession | null, next: NextDecision): SessionVerdict {
  if (open === null) return { continues: false, why: 'no_session' };
  if (open.actorId !== next.actorId) return { continues: false, why: 'other_person' };
  // Anything that changed the content since the last decision (typing, a restore, a comment) came in between.
  if (open.contentHash !== next.contentHash) return { continues: false, why: 'edited' };
  const pause = next.at.getTime() - open.lastAt.getTime();
  if (pause > REVIEW_SESSION_IDLE_MS || pause < 0) return { continues: false, why: 'paused' };
  return { continues: true };
}
