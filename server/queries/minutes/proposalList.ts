// The supervisors' review list of task proposals: by meeting and status, only from meetings the reader is cleared for,
// in the order of the minutes.
import type { Subject } from '../../auth/subject.ts';
import type { Db } from '../../db/client.ts';
import { proposalVisibility } from '../../policies/index.ts';
import { presentProposal, type ProposalView } from '../../presenters/taskProposal.ts';

export interface ProposalFilter {
  meetingId?: string | undefined;
  status?: string | undefined;
}

export const PROPOSAL_LIST_LIMIT = 500;

/** The parts of a split share their original's place; split:<id>:2 comes before split:<id>:10. */
const keyOrder = new Intl.Collator('en', { numeric: true });

export async function listProposals(db: Db, subject: Subject, filter: ProposalFilter): Promise<ProposalView[]> {
  const visible = proposalVisibility(subject);
  if (visible.none) return [];
  const rows = await db.taskProposal.findMany({
    where: {
      classification: { lte: visible.clearance },
      ...(filter.meetingId ? { meetingId: filter.meetingId } : {}),
      ...(filter.status ? { status: filter.status } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { position: 'asc' }],
    take: PROPOSAL_LIST_LIMIT,
  });
  return presentAll(db, rows);
}

export async function proposalsByIds(db: Db, ids: readonly string[]): Promise<ProposalView[]> {
  const rows = await db.taskProposal.findMany({ where: { id: { in: [...ids] } } });
  const order = new Map(ids.map((id, i) => [id, i] as const));
  // In the order asked for (the parts of a split in their order), not the reading order of the minutes.
  return (await presentAll(db, rows)).sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

async function presentAll(db: Db, rows: Awaited<ReturnType<Db['taskProposal']['findMany']>>): Promise<ProposalView[]> {
  const meetings = await db.meeting.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.meetingId))] } },
    select: { id: true, title: true },
  });
  const titles = new Map(meetings.map((m) => [m.id, m.title] as const));
  // Newest meetings first; within a meeting, the order of its minutes.
  const groups = new Map<string, typeof rows>();
  for (const r of rows) groups.set(r.meetingId, [...(groups.get(r.meetingId) ?? []), r]);
  return [...groups.values()]
    .flatMap((g) =>
      g.sort(
        (a, b) =>
          a.position - b.position ||
          a.createdAt.getTime() - b.createdAt.getTime() ||
          keyOrder.compare(a.sourceKey, b.sourceKey),
      ),
    )
    .map((r) => presentProposal(r, titles.get(r.meetingId) ?? ''));
}
