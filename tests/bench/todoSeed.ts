// Bulk data for the 待办 centre: 公文 in every state (handlers on their current step, 办理时限 in working days, 传阅
// steps, opinions given, deleted and classified ones), their 分发 to units (待签收, signed, refused, recalled, some 函 to a
// named receiver), delegations (代理), meetings with seats, replies, sign-ins and minutes asking for confirmation — written with prepared SQL in large transactions, deterministic for a seed. The
// oracle test builds a small varied world with it; the API benchmark 100,000 documents with one busy person.
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { stepDueInstant } from '../../server/domain/officialDocs/stepDeadlines.ts';

export interface TodoSeedOptions {
  documents: number;
  meetings: number;
  now: Date;
  seed?: number;
  /** One person who waits on the first `documents` of the 公文 and holds a seat at the first `meetings` meetings. */
  focus?: { userId: string; documents: number; meetings: number };
}

const iso = (d: Date) => d.toISOString().replace('Z', '+00:00');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A small, fast, seedable PRNG (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OUTGOING = ['review', 'countersign', 'signoff'];
const INCOMING = ['propose', 'instruct', 'undertake', 'circulate', 'conclude'];
const TITLES = [
  '关于做好年终安全检查的通知',
  '关于报送年度工作总结的函',
  '关于调整办公用房的请示',
  '关于防汛工作的报告',
];

export function seedTodo(dbFile: string, options: TodoSeedOptions): { documents: number; meetings: number } {
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const random = rng(options.seed ?? 20261205);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const now = options.now.getTime();
  const at = (ms: number) => iso(new Date(ms));
  const people = db.prepare('SELECT id, unitId FROM User WHERE adminRole IS NULL ORDER BY username').all() as Array<{
    id: string;
    unitId: string;
  }>;
  const focus = options.focus;

  const insertDocument = db.prepare(`INSERT INTO Document (id, kind, title, unitId, ownerId, classification, status,
    createdAt, updatedAt, deletedAt) VALUES (?, 'official', ?, ?, ?, ?, 'editing', ?, ?, ?)`);
  const insertOfficial =
    db.prepare(`INSERT INTO OfficialDocument (id, documentId, direction, kind, unitId, officeUnitId,
    drafterId, urgency, issuerMark, numberPrefix, issuerSignature, printingUnit, status, route, createdAt, updatedAt)
    VALUES (?, ?, ?, 'notice', ?, ?, ?, ?, '区政府办公室文件', '区政办发', '区政府办公室', '区政府办公室', ?, ?, ?, ?)`);
  const insertHandler = db.prepare(
    `INSERT INTO OfficialDocumentHandler (officialDocumentId, userId, stepId, opinion, since, classification,
      documentDeleted, urgency, workingDays, dueAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertDeadline = db.prepare(
    'INSERT INTO OfficialDocumentStepDeadline (officialDocumentId, stepId, workingDays) VALUES (?, ?, ?)',
  );
  const insertOpinion = db.prepare(`INSERT INTO OfficialDocumentOpinion (id, officialDocumentId, stepId, stepName, kind,
    decision, text, userId, createdAt) VALUES (?, ?, 's1', '审核', 'review', 'approve', '同意', ?, ?)`);
  const insertDistribution = db.prepare(`INSERT INTO OfficialDocumentDistribution (id, officialDocumentId, unitId, role,
    receiverId, status, sentById, sentAt, signedById, signedAt, refusedById, refusedAt, refusalReason, recalledById,
    recalledAt, updatedAt, classification, documentDeleted, urgency)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  // The 分发 draw from a generator of their own, so the 公文 and meetings stay what they were for a seed.
  const spread = rng((options.seed ?? 20261205) + 1);
  const units = [...new Set(people.map((p) => p.unitId))];
  /** The 公文's copies on each of its rows, as sendToRecipients writes them. */
  type Copies = { classification: number; deleted: boolean; urgency: string };
  const distribute = (id: string, sender: { id: string }, created: number, copies: Copies) => {
    const count = 1 + Math.floor(spread() * 3);
    const to = new Set<string>();
    while (to.size < Math.min(count, units.length)) to.add(units[Math.floor(spread() * units.length)]!);
    for (const unitId of to) {
      const status = ['pending', 'pending', 'signed', 'refused', 'recalled'][Math.floor(spread() * 5)]!;
      const inUnit = people.filter((p) => p.unitId === unitId);
      const receiver = spread() < 0.2 ? inUnit[Math.floor(spread() * inUnit.length)]!.id : null;
      const sentAt = created + DAY + Math.floor(spread() * 10) * HOUR;
      const moved = at(sentAt + HOUR);
      const by = receiver ?? inUnit[0]!.id;
      insertDistribution.run(
        randomUUID(),
        id,
        unitId,
        spread() < 0.7 ? 'main' : 'cc',
        receiver,
        status,
        sender.id,
        at(sentAt),
        status === 'signed' ? by : null,
        status === 'signed' ? moved : null,
        status === 'refused' ? by : null,
        status === 'refused' ? moved : null,
        status === 'refused' ? '不属本单位职责' : null,
        status === 'recalled' ? sender.id : null,
        status === 'recalled' ? moved : null,
        moved,
        copies.classification,
        copies.deleted ? 1 : 0,
        copies.urgency,
      );
    }
  };
  const BATCH = 5_000;
  for (let start = 0; start < options.documents; start += BATCH) {
    db.transaction(() => {
      for (let n = start; n < Math.min(options.documents, start + BATCH); n++) {
        const focused = focus !== undefined && n < focus.documents;
        const drafter = pick(people);
        const id = randomUUID();
        const documentId = randomUUID();
        const incoming = random() < 0.3;
        const created = now - Math.floor(random() * 60 * DAY);
        const classification = focused ? 1 : pick([0, 1, 1, 1, 2, 3]);
        const deleted = !focused && random() < 0.03 ? at(created + DAY) : null;
        const status = focused || random() < 0.6 ? 'in_route' : pick(['draft', 'sealed', 'finished']);
        const earlier = pick(people);
        const handlers =
          status !== 'in_route'
            ? []
            : [
                ...new Set([
                  ...(focused ? [focus.userId] : []),
                  ...[0, 1, 2].slice(0, 1 + Math.floor(random() * 2)).map(() => pick(people).id),
                ]),
              ];
        const opinion = focused ? pick(incoming ? INCOMING : OUTGOING) : pick(incoming ? INCOMING : OUTGOING);
        const route = {
          direction: incoming ? 'incoming' : 'outgoing',
          status,
          drafterId: drafter.id,
          urgent: false,
          current: status === 'in_route' ? 1 : -1,
          sentBy: null,
          returned: null,
          steps: [
            {
              id: 's1',
              name: '审核',
              kind: 'single',
              mode: 'all',
              opinion: incoming ? 'propose' : 'review',
              candidates: null,
              skipWhenUrgent: false,
              state: 'done',
              handlers: [{ userId: earlier.id, state: 'done', addedBy: null, actedBy: null }],
            },
            {
              id: 's2',
              name: '办理',
              kind: 'parallel',
              mode: 'all',
              opinion,
              candidates: null,
              skipWhenUrgent: false,
              state: status === 'in_route' ? 'active' : 'done',
              handlers: handlers.map((userId) => ({ userId, state: 'pending', addedBy: null, actedBy: null })),
            },
          ],
        };
        insertDocument.run(
          documentId,
          `${pick(TITLES)}（${n}）`,
          drafter.unitId,
          drafter.id,
          classification,
          at(created),
          at(created),
          deleted,
        );
        // Drawn here, where it always was, so a seed still gives the same 公文.
        const urgency = pick(['none', 'none', 'urgent', 'extra_urgent']);
        insertOfficial.run(
          id,
          documentId,
          route.direction,
          drafter.unitId,
          drafter.unitId,
          drafter.id,
          urgency,
          status,
          JSON.stringify(route),
          at(created),
          at(created),
        );
        insertOpinion.run(randomUUID(), id, earlier.id, at(created + HOUR));
        if (status === 'sealed')
          distribute(id, drafter, created, { classification, deleted: deleted !== null, urgency });
        if (status !== 'in_route') continue;
        // Drawn in the order they always were (arrivals, then the deadline), so a seed still gives the same 公文.
        const arrivals = handlers.map(() => at(now - Math.floor(random() * 20 * DAY)));
        const workingDays = random() < 0.5 ? 1 + Math.floor(random() * 5) : null;
        handlers.forEach((userId, i) =>
          insertHandler.run(
            id,
            userId,
            's2',
            opinion,
            arrivals[i],
            classification,
            deleted === null ? 0 : 1,
            urgency,
            workingDays,
            // As the route writes it: the end of the 办理时限 counted from the row's arrival.
            workingDays === null ? null : iso(stepDueInstant(new Date(arrivals[i]!), workingDays)),
          ),
        );
        if (workingDays !== null) insertDeadline.run(id, 's2', workingDays);
      }
    })();
  }

  const insertMeeting = db.prepare(`INSERT INTO Meeting (id, title, type, organiserUnitId, createdById, startAt, endAt,
    mode, classification, status, createdAt, updatedAt) VALUES (?, ?, 'bangong', ?, ?, ?, ?, 'in_room', ?, ?, ?, ?)`);
  const insertSeat = db.prepare(`INSERT INTO MeetingParticipant (id, meetingId, userId, rsvp, rsvpAt, signedInAt,
    signInMethod, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertMinutes =
    db.prepare(`INSERT INTO MeetingMinutes (meetingId, documentId, status, round, createdAt, updatedAt)
    VALUES (?, ?, ?, ?, ?, ?)`);
  const insertConfirmation = db.prepare(`INSERT INTO MinutesConfirmation (meetingId, userId, round, state, requestedAt,
    respondedAt) VALUES (?, ?, ?, ?, ?, ?)`);
  db.transaction(() => {
    for (let n = 0; n < options.meetings; n++) {
      const focused = focus !== undefined && n < focus.meetings;
      const organiser = pick(people);
      const id = randomUUID();
      // Whole hours from three days ago to five days ahead: some today, some running now, some over.
      const startAt = now + Math.floor(random() * 8 * 24 - 3 * 24) * HOUR;
      const endAt = startAt + (1 + Math.floor(random() * 3)) * HOUR;
      const status = focused
        ? 'scheduled'
        : endAt < now
          ? pick(['ended', 'minutes_finalised', 'cancelled'])
          : startAt < now
            ? pick(['in_progress', 'scheduled', 'cancelled'])
            : pick(['scheduled', 'scheduled', 'draft', 'cancelled']);
      const classification = focused ? 1 : pick([0, 1, 1, 2, 3]);
      const created = Math.min(now, startAt) - 5 * DAY;
      insertMeeting.run(
        id,
        `会议（${n}）`,
        organiser.unitId,
        organiser.id,
        at(startAt),
        at(endAt),
        classification,
        status,
        at(created),
        at(created),
      );
      const seated = new Set<string>(focused ? [focus.userId] : []);
      for (let k = 0; k < 2 + Math.floor(random() * 5); k++) seated.add(pick(people).id);
      const minutes =
        status === 'ended' || status === 'minutes_finalised'
          ? pick(['drafting', 'confirming', 'confirming', 'closed'])
          : null;
      const round = 1 + Math.floor(random() * 2);
      if (minutes) insertMinutes.run(id, randomUUID(), minutes, round, at(endAt), at(endAt));
      for (const userId of seated) {
        const rsvp =
          focused && userId === focus.userId ? 'pending' : pick(['pending', 'attend', 'attend', 'leave', 'absent']);
        const signedIn = rsvp === 'attend' && random() < 0.4 && startAt < now ? at(startAt) : null;
        insertSeat.run(
          randomUUID(),
          id,
          userId,
          rsvp,
          rsvp === 'pending' ? null : at(created + HOUR),
          signedIn,
          signedIn ? 'button' : null,
          at(created),
        );
        if (minutes && minutes !== 'drafting') {
          const state = pick(['pending', 'pending', 'confirmed', 'objected']);
          insertConfirmation.run(
            id,
            userId,
            random() < 0.8 ? round : round - 1,
            state,
            at(endAt + HOUR),
            state === 'pending' ? null : at(endAt + 2 * HOUR),
          );
        }
      }
    }
    // Delegations (代理): some in force, some over or revoked.
    const insertDelegation = db.prepare(`INSERT INTO Delegation (id, principalId, deputyId, startsAt, endsAt, createdAt,
      revokedAt) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    for (let n = 0; n < Math.min(12, Math.floor(people.length / 4)); n++) {
      const [principal, deputy] = [pick(people), pick(people)];
      if (principal.id === deputy.id) continue;
      const startsAt = now - Math.floor(random() * 4) * DAY;
      insertDelegation.run(
        randomUUID(),
        principal.id,
        deputy.id,
        at(startsAt),
        at(startsAt + pick([1, 3, 7]) * DAY),
        at(startsAt),
        random() < 0.2 ? at(startsAt + HOUR) : null,
      );
    }
  })();
  db.close();
  return { documents: options.documents, meetings: options.meetings };
}
