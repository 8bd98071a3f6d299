// 已办: what a person has done, newest first — opinions given on 公文, replies to and sign-ins at meetings, answers to
// minutes, and their actions on supervision tasks — each still within what they may read today (a 公文 deleted or a
// task whose unit they left drops out, as its page would). One SQL text for SQLite and PostgreSQL.
import { Prisma } from '../../../prisma/generated/client.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Db } from '../../db/client.ts';
import { sqlRows } from '../../db/sqlRows.ts';
import { timeOf } from '../../db/sqlTime.ts';
import type { DoneKind } from '../../../common/todo/vocabulary.ts';
import { taskVisibility } from '../../policies/supervision.ts';
import { todoVisibility } from '../../policies/todo.ts';
import { oversightOf } from '../supervision/oversight.ts';

export interface DoneItem {
  kind: DoneKind;
  id: string;
  title: string;
  /** What was done: the opinion's decision, the reply, the answer, the task event's kind. */
  action: string;
  at: Date;
  link: string;
}

/** A row of the union, in its column order. */
type DoneRow = [kind: DoneKind, id: string, ref: string, title: string, action: string | null, at: string];

/** Task events that are someone's own act (not the scheduler's reminders, not the record of creation). */
export const ACTED_TASK_EVENTS = [
  'signed',
  'co_signed',
  'assigned',
  'progress',
  'extension_requested',
  'extension_approved',
  'extension_refused',
  'coordination_requested',
  'coordination_recorded',
  'submitted',
  'returned',
  'accepted',
] as const;

const LINKS: Record<DoneKind, (ref: string) => string> = {
  doc_opinion: (ref) => `/official-documents/${ref}`,
  doc_sign_for: (ref) => `/official-documents/${ref}`,
  meeting_rsvp: (ref) => `/meetings/${ref}`,
  meeting_sign_in: (ref) => `/meetings/${ref}`,
  minutes_confirm: (ref) => `/documents/${ref}`,
  task_action: (ref) => `/supervision/tasks/${ref}`,
};

async function arms(db: Db, subject: Subject): Promise<Prisma.Sql[]> {
  const v = todoVisibility(subject);
  if (v.none) return [];
  const me = v.userId;
  const tasks = taskVisibility(subject, await oversightOf(db, subject));
  const units = tasks.unitIds.length ? Prisma.join(tasks.unitIds) : Prisma.sql`NULL`;
  // The reasons of the task lists (taskVisibility): supervisors see all, others their units' and their own tasks.
  const seesTask = tasks.all
    ? Prisma.sql`1 = 1`
    : Prisma.sql`(t."leadUnitId" IN (${units}) OR t."ownerId" = ${me} OR t."supervisorId" = ${me} OR t."createdById" = ${me}
        OR t."instructedById" = ${me}
        OR EXISTS (SELECT 1 FROM "SupervisionTaskUnit" x WHERE x."taskId" = t.id AND x."unitId" IN (${units}))
        OR EXISTS (SELECT 1 FROM "SupervisionCoOwner" y WHERE y."taskId" = t.id AND y."userId" = ${me}))`;
  const seat = Prisma.sql`FROM "MeetingParticipant" p JOIN "Meeting" m ON m.id = p."meetingId"
    WHERE p."userId" = ${me} AND m.classification <= ${v.clearance} AND m.status <> 'draft'`;
  return [
    Prisma.sql`SELECT 'doc_opinion' AS kind, o.id AS id, od.id AS ref, d.title AS title, o.decision AS action, o."createdAt" AS "at"
      FROM "OfficialDocumentOpinion" o JOIN "OfficialDocument" od ON od.id = o."officialDocumentId"
      JOIN "Document" d ON d.id = od."documentId"
      WHERE o."userId" = ${me} AND d."deletedAt" IS NULL AND d.classification <= ${v.clearance}`,
    Prisma.sql`SELECT 'meeting_rsvp' AS kind, p.id AS id, m.id AS ref, m.title AS title, p.rsvp AS action, p."rsvpAt" AS "at"
      ${seat} AND p."rsvpAt" IS NOT NULL`,
    Prisma.sql`SELECT 'meeting_sign_in' AS kind, p.id AS id, m.id AS ref, m.title AS title, p."signInMethod" AS action,
      p."signedInAt" AS "at" ${seat} AND p."signedInAt" IS NOT NULL`,
    Prisma.sql`SELECT 'minutes_confirm' AS kind, c."meetingId" AS id, mm."documentId" AS ref, m.title AS title,
      c.state AS action, c."respondedAt" AS "at"
      FROM "MinutesConfirmation" c JOIN "MeetingMinutes" mm ON mm."meetingId" = c."meetingId" JOIN "Meeting" m ON m.id = c."meetingId"
      WHERE c."userId" = ${me} AND c."respondedAt" IS NOT NULL AND m.classification <= ${v.clearance}
        AND EXISTS (SELECT 1 FROM "MeetingParticipant" p WHERE p."meetingId" = m.id AND p."userId" = ${me})`,
    Prisma.sql`SELECT 'task_action' AS kind, e.id AS id, t.id AS ref, t.title AS title, e.kind AS action, e."at" AS "at"
      FROM "SupervisionEvent" e JOIN "SupervisionTask" t ON t.id = e."taskId"
      WHERE e."actorId" = ${me} AND e.kind IN (${Prisma.join([...ACTED_TASK_EVENTS])})
        AND t.classification <= ${v.clearance} AND ${seesTask}`,
  ];
}

/** A page of what the person has done, newest first, and how many such acts there are in all. */
export async function listDone(
  db: Db,
  subject: Subject,
  page: { page: number; pageSize: number },
): Promise<{ items: DoneItem[]; total: number }> {
  const parts = await arms(db, subject);
  if (parts.length === 0) return { items: [], total: 0 };
  const union = Prisma.join(parts, ' UNION ALL ');
  const [rows, count] = await Promise.all([
    sqlRows(
      db,
      Prisma.sql`SELECT * FROM (${union}) AS done ORDER BY "at" DESC, kind, id
      LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`,
    ),
    sqlRows(db, Prisma.sql`SELECT COUNT(*) AS n FROM (${union}) AS done`),
  ]);
  return {
    total: Number(count[0]?.[0] ?? 0),
    items: (rows as DoneRow[]).map(([kind, id, ref, title, action, at]) => ({
      kind,
      id,
      title,
      action: action ?? '',
      at: timeOf(at),
      link: LINKS[kind](ref),
    })),
  };
}
