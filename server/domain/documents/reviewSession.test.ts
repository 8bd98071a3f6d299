import { describe, expect, it } from 'vitest';
import { REVIEW_SESSION_IDLE_MS, reviewSessionVerdict, type OpenReviewSession } from './reviewSession.ts';
import { reviewDecisionParams } from './versionNames.ts';

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 18, 1, 0) + minutes * 60_000);
const open: OpenReviewSession = { actorId: 'owner', contentHash: 'after-last', lastAt: at(0) };
const idleMinutes = REVIEW_SESSION_IDLE_MS / 60_000;

describe('reviewSessionVerdict', () => {
  it.each<[string, OpenReviewSession | null, { actorId: string; contentHash: string; at: Date }, string]>([
    ['no session yet', null, { actorId: 'owner', contentHash: 'after-last', at: at(1) }, 'no_session'],
    [
      'the same person right after, nothing in between',
      open,
      { actorId: 'owner', contentHash: 'after-last', at: at(1) },
      'continues',
    ],
    ['at the same instant', open, { actorId: 'owner', contentHash: 'after-last', at: at(0) }, 'continues'],
    ['just within the pause', open, { actorId: 'owner', contentHash: 'after-last', at: at(idleMinutes) }, 'continues'],
    ['a longer pause', open, { actorId: 'owner', contentHash: 'after-last', at: at(idleMinutes + 1) }, 'paused'],
    ['a clock that went back', open, { actorId: 'owner', contentHash: 'after-last', at: at(-1) }, 'paused'],
    ['an edit in between', open, { actorId: 'owner', contentHash: 'edited', at: at(1) }, 'edited'],
    ['someone else deciding', open, { actorId: 'co-owner', contentHash: 'after-last', at: at(1) }, 'other_person'],
  ])('%s → %s', (_label, session, next, expected) => {
    const verdict = reviewSessionVerdict(session, next);
    expect(verdict.continues ? 'continues' : verdict.why).toBe(expected);
  });
});

describe('reviewDecisionParams', () => {
  it.each<[string | null, ReturnType<typeof reviewDecisionParams>]>([
    ['{"byId":"u1","decisions":3}', { byId: 'u1', decisions: 3 }],
    [null, null],
    ['not json', null],
    ['{"byId":"u1"}', null],
    ['{"byId":"u1","decisions":1.5}', null],
    ['[]', null],
  ])('%s', (json, expected) => {
    expect(reviewDecisionParams(json)).toEqual(expected);
  });
});
