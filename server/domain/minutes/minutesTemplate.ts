// The opening of a meeting's minutes (会议纪要): a header table filled from the meeting (name, time, place, host,
// 出席/列席/请假 from the seats and replies, recorder) and an empty body for the minute-taker. Pure: facts in,
// ProseMirror JSON out (the command writes it into the Yjs document).
import type { ParticipantRole, RsvpState } from '../meetings/vocabulary.ts';

export interface TemplateSeat {
  name: string;
  unitName: string;
  role: ParticipantRole;
  rsvp: RsvpState;
  /** The colleague on leave this person stands in for. */
  substituteForName: string | null;
  /** The host and the recorder have lines of their own (主持, 记录). */
  listedElsewhere?: boolean;
}

export interface SeatOrderFacts {
  role: string;
  unitOrder: number;
  unitName: string;
  name: string;
}

const ROLE_RANK: Record<string, number> = { attendee: 0, non_voting: 1, observer: 2 };
const zh = new Intl.Collator('zh-Hans-CN');

/** The order people are listed in (出席 before 列席, then by unit as the directory orders units, then by name). */
export function compareSeats(a: SeatOrderFacts, b: SeatOrderFacts): number {
  return (
    (ROLE_RANK[a.role] ?? 3) - (ROLE_RANK[b.role] ?? 3) ||
    a.unitOrder - b.unitOrder ||
    zh.compare(a.unitName, b.unitName) ||
    zh.compare(a.name, b.name)
  );
}

export interface TemplateFacts {
  title: string;
  /** "2026年12月1日 09:00–11:30" (the meeting's own wording of its time). */
  time: string;
  place: string;
  hostName: string | null;
  recorderName: string | null;
  seats: readonly TemplateSeat[];
}

export interface AttendanceLines {
  attend: string[];
  nonVoting: string[];
  leave: string[];
}

/**
 * Who goes on which line. Observers (旁听) are not listed; someone who said they will not come without asking for
 * leave is not listed either (the minute-taker adds them if the meeting wants it said). Substitutes say for whom.
 */
export function attendanceLines(seats: readonly TemplateSeat[]): AttendanceLines {
  const lines: AttendanceLines = { attend: [], nonVoting: [], leave: [] };
  for (const s of seats) {
    if (s.role === 'observer' || s.listedElsewhere) continue;
    if (s.rsvp === 'leave') {
      lines.leave.push(s.name);
      continue;
    }
    if (s.rsvp === 'absent') continue;
    const name = s.substituteForName ? `${s.name}（代${s.substituteForName}）` : s.name;
    if (s.role === 'attendee') lines.attend.push(name);
    else lines.nonVoting.push(`${s.unitName}${name}`);
  }
  return lines;
}

interface JsonNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: JsonNode[];
  text?: string;
}

const text = (value: string): JsonNode[] => (value ? [{ type: 'text', text: value }] : []);
const paragraph = (value: string): JsonNode => ({ type: 'paragraph', content: text(value) });

function row(label: string, value: string): JsonNode {
  return {
    type: 'tableRow',
    content: [
      { type: 'tableHeader', content: [paragraph(label)] },
      { type: 'tableCell', content: [paragraph(value)] },
    ],
  };
}

export const MINUTES_BODY_HEADING = '会议议定事项';

export function minutesTitle(meetingTitle: string): string {
  return meetingTitle.endsWith('纪要') ? meetingTitle : `${meetingTitle}纪要`;
}

export function minutesTemplate(facts: TemplateFacts): JsonNode {
  const lines = attendanceLines(facts.seats);
  const list = (names: string[]) => names.join('、') || '无';
  return {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 1 }, content: text(minutesTitle(facts.title)) },
      {
        type: 'table',
        content: [
          row('会议名称', facts.title),
          row('时间', facts.time),
          row('地点', facts.place),
          row('主持', facts.hostName ?? ''),
          row('出席', list(lines.attend)),
          row('列席', list(lines.nonVoting)),
          row('请假', list(lines.leave)),
          row('记录', facts.recorderName ?? ''),
        ],
      },
      { type: 'heading', attrs: { level: 2 }, content: text(MINUTES_BODY_HEADING) },
      paragraph(''),
    ],
  };
}
