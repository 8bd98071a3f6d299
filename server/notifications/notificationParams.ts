// Checks notification parameters against the catalogue (common/notifications) on the way into the database and on
// the way out, and turns a producer's parameters into stored ones: people by id become id + display name.
import { z } from 'zod';
import {
  MEETING_PLACE_MODES,
  MINUTES_ROLES,
  NOTIFICATION_CATALOGUE,
  isNotificationKind,
  paramsOf,
  type InputValues,
  type NotificationInput,
  type NotificationKind,
  type NotificationParams,
  type ParamType,
  type StoredValues,
} from '../../common/notifications/catalogue.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const count = z.number().int().min(0);

const STORED: { [T in ParamType]: z.ZodType<StoredValues[T]> } = {
  title: z.string().max(500),
  text: z.string().max(2000),
  note: z.string().max(2000),
  reason: z.string().max(2000),
  person: z.strictObject({ id: z.string().min(1), name: z.string() }),
  date: isoDate,
  count,
  days: count,
  lead: count,
  when: z.strictObject({ start: z.iso.datetime(), end: z.iso.datetime(), timeZone: z.string().min(1).max(64) }),
  place: z.strictObject({
    mode: z.enum(MEETING_PLACE_MODES),
    room: z.strictObject({ name: z.string(), location: z.string() }).nullable(),
  }),
  clash: z.boolean(),
  dueIn: z.strictObject({ days: count, deadline: isoDate }),
  lateness: count,
  minutesRole: z.enum(MINUTES_ROLES),
};

const schemas = new Map<NotificationKind, z.ZodType<Record<string, unknown>>>(
  (Object.keys(NOTIFICATION_CATALOGUE) as NotificationKind[]).map((kind) => [
    kind,
    z.strictObject(Object.fromEntries(paramsOf(kind).map(([name, type]) => [name, STORED[type]]))),
  ]),
);

function schemaOf(kind: NotificationKind): z.ZodType<Record<string, unknown>> {
  return schemas.get(kind)!;
}

/** The users a producer's parameters name (to be resolved to their display names in the same transaction). */
export function peopleIn<K extends NotificationKind>(kind: K, input: NotificationInput<K>): string[] {
  const values = input as Record<string, unknown>;
  return paramsOf(kind)
    .filter(([, type]) => type === 'person')
    .map(([name]) => values[name] as InputValues['person']);
}

/**
 * A producer's parameters as they are stored: each person with the display name they have now, instants as ISO
 * strings. Throws on anything the catalogue does not allow (a programming error, never user input).
 */
export function storedParams<K extends NotificationKind>(
  kind: K,
  input: NotificationInput<K>,
  displayNames: ReadonlyMap<string, string>,
): NotificationParams<K> {
  const values = input as Record<string, unknown>;
  const stored = Object.fromEntries(
    paramsOf(kind).map(([name, type]) => {
      const value = values[name];
      switch (type) {
        case 'person': {
          const id = value as InputValues['person'];
          const displayName = displayNames.get(id);
          if (displayName === undefined) throw new Error(`notification ${kind}: unknown user ${id}`);
          return [name, { id, name: displayName }];
        }
        case 'when': {
          const { start, end, timeZone } = value as InputValues['when'];
          return [name, { start: start.toISOString(), end: end.toISOString(), timeZone }];
        }
        default:
          return [name, value];
      }
    }),
  );
  return schemaOf(kind).parse(stored) as NotificationParams<K>;
}

/**
 * A stored row's kind and parameters, or null for rows written before notifications carried parameters (they keep
 * their stored text) and for anything the catalogue no longer describes. Kinds without parameters need none stored.
 */
export function readParams(
  kind: string,
  json: string | null,
): { kind: NotificationKind; params: Record<string, unknown> } | null {
  if (!isNotificationKind(kind)) return null;
  if (json === null) return paramsOf(kind).length === 0 ? { kind, params: {} } : null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = schemaOf(kind).safeParse(value);
  return parsed.success ? { kind, params: parsed.data } : null;
}
