// Where things sit on the calendar grids: the days of a week and of a month page (weeks from Monday, as in China),
// and side-by-side columns for meetings that overlap in a day. Pure, so the grids only draw.
import { addDays, addMonths, startOfWeek, type IsoDate } from '../../../../common/calendar/isoDate.ts';

export function weekDays(date: IsoDate): IsoDate[] {
  const monday = startOfWeek(date);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** The whole weeks that show a month: from the Monday on or before the 1st to the Sunday on or after its last day. */
export function monthWeeks(date: IsoDate): IsoDate[][] {
  const first = `${date.slice(0, 8)}01`;
  const next = addMonths(first, 1);
  const weeks: IsoDate[][] = [];
  for (let monday = startOfWeek(first); monday < next; monday = addDays(monday, 7)) weeks.push(weekDays(monday));
  return weeks;
}

/** An event in one day, in minutes from that day's midnight (clipped to the day). */
export interface DaySpan {
  id: string;
  start: number;
  end: number;
}

export interface PlacedSpan extends DaySpan {
  /** Its column among the events it overlaps with, and how many columns they share. */
  column: number;
  columns: number;
}

/**
 * Overlapping events side by side: events that overlap (directly or through a chain) form a cluster; each takes the
 * first column free at its start, and every event of a cluster is as narrow as the cluster's widest moment needs.
 */
export function placeSideBySide(spans: readonly DaySpan[]): PlacedSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end || a.id.localeCompare(b.id));
  const placed: PlacedSpan[] = [];
  let cluster: PlacedSpan[] = [];
  let columnEnds: number[] = [];
  let clusterEnd = -1;
  const close = () => {
    for (const p of cluster) p.columns = columnEnds.length;
    cluster = [];
    columnEnds = [];
  };
  for (const span of sorted) {
    if (span.start >= clusterEnd) close();
    let column = columnEnds.findIndex((end) => end <= span.start);
    if (column === -1) column = columnEnds.push(0) - 1;
    columnEnds[column] = Math.max(span.end, span.start + 1);
    const p: PlacedSpan = { ...span, column, columns: 1 };
    cluster.push(p);
    placed.push(p);
    clusterEnd = Math.max(clusterEnd, columnEnds[column]!);
  }
  close();
  return placed;
}
