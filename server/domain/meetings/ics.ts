// iCalendar (RFC 5545) export of one meeting, so people can put it in the calendar on their phone or desktop. Times
// are written in UTC (…Z), which every client converts to its own zone; text is escaped and long lines folded at 75
// octets without splitting a UTF-8 character.

export interface IcsMeeting {
  uid: string;
  /** Bumped with every change participants were told about, so calendars replace the old copy. */
  sequence: number;
  stamp: Date;
  start: Date;
  end: Date;
  title: string;
  description: string;
  location: string;
  url: string | null;
  cancelled: boolean;
}

export function icsDate(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line into chunks of at most 75 octets; continuation lines start with one space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export function buildIcs(m: IcsMeeting): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Tongban//Meetings//ZH',
    'CALSCALE:GREGORIAN',
    `METHOD:${m.cancelled ? 'CANCEL' : 'PUBLISH'}`,
    'BEGIN:VEVENT',
    `UID:${m.uid}`,
    `SEQUENCE:${m.sequence}`,
    `DTSTAMP:${icsDate(m.stamp)}`,
    `DTSTART:${icsDate(m.start)}`,
    `DTEND:${icsDate(m.end)}`,
    `SUMMARY:${escapeText(m.title)}`,
    ...(m.description ? [`DESCRIPTION:${escapeText(m.description)}`] : []),
    ...(m.location ? [`LOCATION:${escapeText(m.location)}`] : []),
    ...(m.url ? [`URL:${m.url}`] : []),
    `STATUS:${m.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
