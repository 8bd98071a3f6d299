// The personal calendar (日程): for a day, week or month, my meetings, the 办理时限 of the 公文 steps waiting for me (or
// for someone I stand in for), and the deadlines of the open supervision tasks I own, supervise or handle for my unit.
// Each kind is read through its own list filter and every 公文 is asked of the policy, so nothing appears here that
// its own page would hide.
import { shanghaiDateOf, type IsoDate } from '../../../common/calendar/isoDate.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Db } from '../../db/client.ts';
import { localDate } from '../../domain/meetings/localTime.ts';
import { stepDueOn } from '../../domain/officialDocs/stepDeadlines.ts';
import { OPEN_STATUSES } from '../../domain/supervision/vocabulary.ts';
import { can } from '../../policies/index.ts';
import { officialDocResource, officialDocVisibility } from '../../policies/officialDocs.ts';
import { handlesForUnit } from '../../policies/predicates.ts';
import { presentTaskSummary } from '../../presenters/supervisionTask.ts';
import { principalsOf, officialDocFacts } from '../officialDocs/officialDocFacts.ts';
import { listMeetings, type MeetingList } from '../meetings/meetingList.ts';
import { oversightOf } from '../supervision/oversight.ts';
import { listTasks, type ListScope, type TaskRow } from '../supervision/taskList.ts';

export interface CalendarQuery {
  view: 'day' | 'week' | 'month';
  date?: string | undefined;
  timeZone: string;
}

export interface DeadlineEntry {
  kind: 'officialDoc' | 'task';
  /** The 公文 or the task. */
  id: string;
  title: string;
  /** 办理时限 of the step (公文) or the deadline in force (task), a China calendar date. */
  dueOn: IsoDate;
  overdue: boolean;
  /** The step's name (公文) or the task's code 督办〔2026〕3号. */
  detail: string;
  /** 公文: none / urgent / extra_urgent; task: normal / urgent / critical. */
  urgency: string;
}

export interface CalendarEntries {
  /** Today on the view's wall clock by the server's clock: the day the grid marks and "today" goes to. */
  today: IsoDate;
  from: string;
  to: string;
  meetings: MeetingList['items'];
  deadlines: DeadlineEntry[];
}

/** Enough for a month of anyone's deadlines; a calendar cell shows a few and a count. */
const TASKS_PER_RANGE = 200;

export async function calendarEntries(
  db: Db,
  subject: Subject,
  query: CalendarQuery,
  now: Date,
): Promise<CalendarEntries> {
  const meetings = await listMeetings(db, subject, { scope: 'mine', ...query }, now);
  const firstDay = shanghaiDateOf(new Date(meetings.from));
  const lastDay = shanghaiDateOf(new Date(Date.parse(meetings.to) - 1));
  const [docs, tasks] = await Promise.all([
    officialDocDeadlines(db, subject, firstDay, lastDay, now),
    taskDeadlines(db, subject, firstDay, lastDay, now),
  ]);
  const deadlines = [...docs, ...tasks].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id));
  return {
    today: localDate(now, query.timeZone),
    from: meetings.from,
    to: meetings.to,
    meetings: meetings.items,
    deadlines,
  };
}

/** The steps waiting for me (or for those I stand in for) whose 办理时限 falls in the range, each 公文 once. */
async function officialDocDeadlines(
  db: Db,
  subject: Subject,
  firstDay: IsoDate,
  lastDay: IsoDate,
  now: Date,
): Promise<DeadlineEntry[]> {
  const v = officialDocVisibility(subject);
  if (v.none) return [];
  const principals = await principalsOf(db, subject.id, now);
  const waiting = await db.officialDocumentHandler.findMany({
    where: {
      userId: { in: [v.userId, ...principals] },
      officialDocument: { status: 'in_route', document: { deletedAt: null, classification: { lte: v.clearance } } },
    },
    select: { officialDocumentId: true, stepId: true, since: true },
  });
  if (waiting.length === 0) return [];
  const ids = [...new Set(waiting.map((w) => w.officialDocumentId))];
  const [deadlines, rows] = await Promise.all([
    db.officialDocumentStepDeadline.findMany({ where: { officialDocumentId: { in: ids } } }),
    db.officialDocument.findMany({
      where: { id: { in: ids } },
      include: {
        document: { select: { title: true, classification: true, deletedAt: true } },
        opinions: { select: { userId: true, onBehalfOfId: true } },
      },
    }),
  ]);
  const days = new Map(deadlines.map((d) => [`${d.officialDocumentId} ${d.stepId}`, d.workingDays]));
  const today = shanghaiDateOf(now);
  const earliest = new Map<string, { dueOn: IsoDate; stepId: string }>();
  for (const w of waiting) {
    const workingDays = days.get(`${w.officialDocumentId} ${w.stepId}`);
    if (workingDays === undefined) continue;
    const dueOn = stepDueOn(shanghaiDateOf(w.since), workingDays);
    const known = earliest.get(w.officialDocumentId);
    if (!known || dueOn < known.dueOn) earliest.set(w.officialDocumentId, { dueOn, stepId: w.stepId });
  }
  const out: DeadlineEntry[] = [];
  for (const row of rows) {
    const due = earliest.get(row.id);
    if (!due || due.dueOn < firstDay || due.dueOn > lastDay) continue;
    const facts = officialDocFacts(row);
    if (!can(subject, 'officialDoc.view', officialDocResource(facts, principals))) continue;
    out.push({
      kind: 'officialDoc',
      id: row.id,
      title: row.document.title,
      dueOn: due.dueOn,
      overdue: due.dueOn < today,
      detail: facts.route.steps.find((s) => s.id === due.stepId)?.name ?? '',
      urgency: row.urgency,
    });
  }
  return out;
}

/** Open tasks due in the range that are mine (owner, co-owner, supervisor) or, for a unit's handlers, my unit's. */
async function taskDeadlines(
  db: Db,
  subject: Subject,
  firstDay: IsoDate,
  lastDay: IsoDate,
  now: Date,
): Promise<DeadlineEntry[]> {
  const oversight = await oversightOf(db, subject);
  const scopes: ListScope[] = handlesForUnit(subject) ? ['mine', 'unit'] : ['mine'];
  const found = new Map<string, TaskRow>();
  for (const scope of scopes) {
    const { rows } = await listTasks(
      db,
      subject,
      oversight,
      {
        scope,
        status: [...OPEN_STATUSES],
        dueFrom: firstDay,
        dueTo: lastDay,
        page: 1,
        pageSize: TASKS_PER_RANGE,
      },
      now,
    );
    for (const row of rows) found.set(row.id, row);
  }
  return [...found.values()].map((row) => {
    const task = presentTaskSummary(row, now);
    return {
      kind: 'task' as const,
      id: task.id,
      title: task.title,
      dueOn: task.deadlineDate,
      overdue: task.overdue,
      detail: task.code,
      urgency: task.priority,
    };
  });
}
