// The facts the meeting rules need, loaded in one query: the meeting's owners and classification, and the subject's
// own seat and agenda items. Callers run the query (HTTP routes, socket.io, commands); this module stays free of I/O.
import type { MeetingResource } from './meetings.ts';

export function meetingFactsSelect(subjectId: string) {
  return {
    id: true,
    status: true,
    organiserUnitId: true,
    classification: true,
    createdById: true,
    hostId: true,
    minuteTakerId: true,
    participants: { where: { userId: subjectId }, select: { role: true } },
    agendaItems: { where: { presenterId: subjectId }, select: { id: true }, take: 1 },
  } as const;
}

export interface MeetingFactsRow {
  id: string;
  status: string;
  organiserUnitId: string;
  classification: number;
  createdById: string;
  hostId: string | null;
  minuteTakerId: string | null;
  participants: Array<{ role: string }>;
  agendaItems: Array<{ id: string }>;
}

export function meetingResource(row: MeetingFactsRow): MeetingResource {
  return {
    kind: 'meeting',
    id: row.id,
    status: row.status,
    organiserUnitId: row.organiserUnitId,
    classification: row.classification,
    createdById: row.createdById,
    hostId: row.hostId,
    minuteTakerId: row.minuteTakerId,
    seat: row.participants[0] ?? null,
    presenting: row.agendaItems.length > 0,
  };
}
