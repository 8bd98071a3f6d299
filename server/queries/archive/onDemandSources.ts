// What an on-demand archive package holds for finalised minutes (their meeting, frozen version, confirmations and
// signature) and for a closed supervision task (its record, timeline and attachments), and the facts the request
// checks: owning unit, 密级, year and whether it is finished (minutes closed, task completed).
import type { Db, Tx } from '../../db/client.ts';
import { NotFound } from '../../errors.ts';

/** Finalised minutes by their document's id (the id the package names). */
export async function loadMinutesForArchive(db: Db | Tx, documentId: string) {
  const minutes = await db.meetingMinutes.findUnique({ where: { documentId }, include: { confirmations: true } });
  if (!minutes) throw new NotFound('minutes');
  const [doc, meeting] = await Promise.all([
    db.document.findUniqueOrThrow({ where: { id: documentId } }),
    db.meeting.findUniqueOrThrow({
      where: { id: minutes.meetingId },
      select: { id: true, title: true, startAt: true, endAt: true, organiserUnitId: true },
    }),
  ]);
  return { minutes, doc, meeting };
}

export async function loadTaskForArchive(db: Db | Tx, taskId: string) {
  const task = await db.supervisionTask.findUnique({
    where: { id: taskId },
    include: {
      events: { orderBy: { at: 'asc' } },
      attachments: { where: { eventId: { not: null } }, orderBy: { createdAt: 'asc' } },
      coUnits: true,
      leadUnit: { select: { name: true } },
    },
  });
  if (!task) throw new NotFound('task');
  return task;
}
