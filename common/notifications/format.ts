// Writes a notification's parameters as text in one language, and fills a template with them. The client passes its
// i18n t() as the phrase book; the server passes the messages of the recipient's language (server/notices).
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import {
  paramsOf,
  type NotificationKind,
  type NotificationParams,
  type ParamType,
  type StoredValues,
} from './catalogue.ts';
import type { NotificationMessages, PartKey } from './messages.zh-CN.ts';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Meetings on this clock are written without naming the zone (it is the organisation's). */
const HOME_TIME_ZONE = 'Asia/Shanghai';

export type Phrase = (key: PartKey, vars?: Record<string, string>) => string;

/** Replaces each {{name}} with its value (a missing value leaves nothing). */
export function interpolate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => values[name] ?? '');
}

/** The {{name}} placeholders of a template, for checking templates against the catalogue. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!);
}

/** A phrase book over one language's messages, for callers without i18next (the server). */
export function phraseBook(messages: NotificationMessages): Phrase {
  return (key, vars = {}) => interpolate(messages.parts[key], vars);
}

const ROLE_PARTS: Record<StoredValues['minutesRole'], PartKey> = {
  minute_taker: 'roleMinuteTaker',
  host: 'roleHost',
  organiser: 'roleOrganiser',
};

const counted = (phrase: Phrase, one: PartKey, other: PartKey, n: number) =>
  phrase(n === 1 ? one : other, { n: String(n) });

function days(phrase: Phrase, n: number): string {
  return counted(phrase, 'daysOne', 'daysOther', n);
}

function lead(phrase: Phrase, minutes: number): string {
  if (minutes > 0 && minutes % 1440 === 0) return counted(phrase, 'leadDaysOne', 'leadDaysOther', minutes / 1440);
  if (minutes > 0 && minutes % 60 === 0) return counted(phrase, 'leadHoursOne', 'leadHoursOther', minutes / 60);
  return counted(phrase, 'leadMinutesOne', 'leadMinutesOther', minutes);
}

function when(phrase: Phrase, value: StoredValues['when']): string {
  const start = dayjs(value.start).tz(value.timeZone).locale('en');
  const end = dayjs(value.end).tz(value.timeZone).locale('en');
  const format = phrase('dayFormat');
  const range =
    start.format('YYYY-MM-DD') === end.format('YYYY-MM-DD')
      ? phrase('timeRange', { day: start.format(format), from: start.format('HH:mm'), to: end.format('HH:mm') })
      : phrase('timeRangeAcrossDays', {
          startDay: start.format(format),
          from: start.format('HH:mm'),
          endDay: end.format(format),
          to: end.format('HH:mm'),
        });
  return value.timeZone === HOME_TIME_ZONE ? range : phrase('inTimeZone', { range, zone: value.timeZone });
}

function place(phrase: Phrase, value: StoredValues['place']): string {
  const room = value.room
    ? value.room.location
      ? phrase('roomAt', { room: value.room.name, location: value.room.location })
      : value.room.name
    : '';
  switch (value.mode) {
    case 'online':
      return phrase('placeOnline');
    case 'hybrid':
      return room ? phrase('placeHybridRoom', { room }) : phrase('placeHybrid');
    case 'in_room':
      return room || phrase('placeUnknown');
  }
}

function formatValue(phrase: Phrase, type: ParamType, value: unknown): string {
  switch (type) {
    case 'title':
    case 'text':
    case 'date':
      return String(value);
    case 'note':
      return value ? phrase('note', { text: String(value) }) : '';
    case 'reason':
      return value ? phrase('reason', { text: String(value) }) : '';
    case 'person':
      return (value as StoredValues['person']).name;
    case 'count':
      return String(value);
    case 'days':
      return days(phrase, value as number);
    case 'lead':
      return lead(phrase, value as number);
    case 'when':
      return when(phrase, value as StoredValues['when']);
    case 'place':
      return place(phrase, value as StoredValues['place']);
    case 'clash':
      return value ? phrase('clash') : '';
    case 'dueIn': {
      const due = value as StoredValues['dueIn'];
      return due.days > 0
        ? phrase('dueIn', { deadline: due.deadline, days: days(phrase, due.days) })
        : phrase('dueToday', { deadline: due.deadline });
    }
    case 'lateness':
      return (value as number) > 0 ? phrase('late', { days: days(phrase, value as number) }) : '';
    case 'minutesRole':
      return phrase(ROLE_PARTS[value as StoredValues['minutesRole']]);
  }
}

/** Each parameter of a notification written as text, ready for its kind's templates. */
export function formatParams<K extends NotificationKind>(
  kind: K,
  params: NotificationParams<K>,
  phrase: Phrase,
): Record<string, string> {
  const values = params as Record<string, unknown>;
  return Object.fromEntries(paramsOf(kind).map(([name, type]) => [name, formatValue(phrase, type, values[name])]));
}

/** A kind's title and body templates in one language's messages. */
export function templatesOf(messages: NotificationMessages, kind: NotificationKind): { title: string; body: string } {
  const [area, name] = kind.split('.') as [keyof NotificationMessages['kinds'], string];
  return (messages.kinds[area] as Record<string, { title: string; body: string }>)[name]!;
}

/** A notification's title and body in one language, without i18next. */
export function renderWith<K extends NotificationKind>(
  messages: NotificationMessages,
  kind: K,
  params: NotificationParams<K>,
): { title: string; body: string } {
  const values = formatParams(kind, params, phraseBook(messages));
  const templates = templatesOf(messages, kind);
  return { title: interpolate(templates.title, values), body: interpolate(templates.body, values) };
}
