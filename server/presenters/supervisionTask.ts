// Supervision task rows → API shapes: the list item everywhere tasks are listed, and the full task with its timeline.
import { daysLate } from '../domain/supervision/deadlines.ts';
import { OPEN_STATUSES, type TaskStatus } from '../domain/supervision/vocabulary.ts';
import type { TaskRow } from '../queries/supervision/taskList.ts';
import { timeOf } from '../db/sqlTime.ts';

export const taskCode = (year: number, serial: number) => `督办〔${year}〕${serial}号`;

const isOpen = (status: string) => (OPEN_STATUSES as readonly string[]).includes(status);

/** Overdue: still owed and past the end of the deadline in force. */
export function overdueDays(status: string, deadlineAt: Date, now: Date): number {
  return isOpen(status) ? daysLate(deadlineAt, now) : 0;
}

/** The co-units folded into a list row as JSON (summaryColumns). */
function coUnitsOf(row: TaskRow): Array<{ id: string; name: string; signed: boolean }> {
  if (!row.coUnits) return [];
  return (JSON.parse(row.coUnits) as Array<[string, string, number]>).map(([id, name, signed]) => ({
    id,
    name,
    signed: signed === 1,
  }));
}

export function presentTaskSummary(row: TaskRow, now: Date) {
  const deadlineAt = timeOf(row.deadlineAt);
  const late = overdueDays(row.status, deadlineAt, now);
  return {
    id: row.id,
    code: taskCode(Number(row.year), Number(row.serial)),
    title: row.title,
    basisType: row.basisType,
    status: row.status as TaskStatus,
    priority: row.priority,
    classification: Number(row.classification),
    leadUnitId: row.leadUnitId,
    leadUnitName: row.leadUnitName,
    coUnits: coUnitsOf(row),
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    supervisorId: row.supervisorId,
    supervisorName: row.supervisorName,
    dueDate: row.dueDate,
    rectifyDueDate: row.rectifyDueDate,
    deadlineDate: row.rectifyDueDate ?? row.dueDate,
    progress: Number(row.progress),
    overdue: late > 0,
    overdueDays: late,
    lateDays: Number(row.lateDays),
    returnCount: Number(row.returnCount),
    createdAt: timeOf(row.createdAt).toISOString(),
    updatedAt: timeOf(row.updatedAt).toISOString(),
  };
}

export type TaskSummary = ReturnType<typeof presentTaskSummary>;
