// Request and response schemas of the meeting routes. Times travel as ISO 8601 instants with an offset
// ("2026-12-01T09:00:00+08:00" or "…Z"); the meeting's timeZone says how people see them (Asia/Shanghai by default).
import { z } from 'zod';
import { calendarDay } from '../../http/schemas.ts';
import { ATTENDANCE_STATES, RSVP_STATES } from '../../domain/meetings/attendance.ts';
import { CALENDAR_VIEWS, DEFAULT_TIME_ZONE } from '../../domain/meetings/localTime.ts';
import { MEETING_STATUSES } from '../../domain/meetings/meetingStatus.ts';
import { MEETING_MODES, MEETING_TYPES, PARTICIPANT_ROLES, RSVP_ANSWERS } from '../../domain/meetings/vocabulary.ts';
import { CLASSIFICATIONS } from '../../domain/roles.ts';

const id = z.string().min(1).max(64);
export const instant = z.iso
  .datetime({ offset: true })
  .describe('ISO 8601 instant with offset, e.g. 2026-12-01T09:00:00+08:00');
const isoDay = calendarDay.describe('calendar date on the meeting time zone’s wall clock');
const role = z.enum(PARTICIPANT_ROLES);
const reminderMinutes = z.array(z.number().int().min(1).max(10_080)).max(5);

export const meetingParams = z.strictObject({ id });
export const materialParams = z.strictObject({ id, materialId: id });
export const joinParams = z.strictObject({
  code: z
    .string()
    .min(8)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
});

export const invitationBody = z.strictObject({
  users: z
    .array(z.strictObject({ userId: id, role: role.default('attendee') }))
    .max(500)
    .default([]),
  units: z
    .array(z.strictObject({ unitId: id, role: role.default('attendee') }))
    .max(50)
    .default([]),
});

export const agendaItemBody = z.strictObject({
  id: id.optional(),
  title: z.string().trim().min(1).max(200),
  presenterId: id.nullable().default(null),
  startAt: instant.nullable().default(null),
  endAt: instant.nullable().default(null),
});

export const createBody = z.strictObject({
  title: z.string().trim().min(1).max(200),
  type: z.enum(MEETING_TYPES),
  customType: z.string().trim().min(1).max(50).nullable().default(null),
  description: z.string().max(5000).default(''),
  hostId: id.nullable().default(null),
  minuteTakerId: id.nullable().default(null),
  startAt: instant,
  endAt: instant,
  timeZone: z.string().min(1).max(64).default(DEFAULT_TIME_ZONE),
  mode: z.enum(MEETING_MODES),
  /** A plenary (全体会议/宣讲会): online or hybrid, up to TONGBAN_PLENARY_CAPACITY people, only speakers send media. */
  plenary: z.boolean().default(false),
  roomId: id.nullable().default(null),
  classification: z.enum(CLASSIFICATIONS).default('internal'),
  agenda: z.array(agendaItemBody).max(50).default([]),
  participants: invitationBody.default({ users: [], units: [] }),
  reminderMinutes: reminderMinutes.optional(),
  /** false saves a draft: no room is held and nobody is told yet. */
  schedule: z.boolean().default(true),
  /** Proceed although participants have other meetings at that time (they see the clash flagged). */
  acceptClashes: z.boolean().default(false),
});

export const patchBody = z
  .strictObject({
    title: z.string().trim().min(1).max(200).optional(),
    type: z.enum(MEETING_TYPES).optional(),
    customType: z.string().trim().min(1).max(50).nullable().optional(),
    description: z.string().max(5000).optional(),
    hostId: id.nullable().optional(),
    minuteTakerId: id.nullable().optional(),
    classification: z.enum(CLASSIFICATIONS).optional(),
    reminderMinutes: reminderMinutes.optional(),
    /** Make it a plenary (全体会议) or an ordinary meeting: online or hybrid, before it starts. */
    plenary: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

export const rescheduleBody = z.strictObject({
  startAt: instant,
  endAt: instant,
  mode: z.enum(MEETING_MODES).optional(),
  roomId: id.nullable().optional(),
  acceptClashes: z.boolean().default(false),
});

export const scheduleBody = z.strictObject({ acceptClashes: z.boolean().default(false) });
export const cancelBody = z.strictObject({ reason: z.string().trim().min(1).max(500) });
export const participantsBody = invitationBody.extend({ acceptClashes: z.boolean().default(false) });
export const agendaBody = z.strictObject({ items: z.array(agendaItemBody).max(50) });

export const rsvpBody = z.strictObject({
  answer: z.enum(RSVP_ANSWERS),
  reason: z.string().trim().max(500).nullable().default(null),
  substituteId: id.nullable().default(null),
});
export const signInBody = z.strictObject({ code: z.string().min(1).max(64).optional() });
export const joinBody = z.strictObject({
  passcode: z
    .string()
    .regex(/^\d{4,12}$/, 'digits only')
    .optional(),
});

export const clashCheckBody = z.strictObject({
  meetingId: id.optional(),
  startAt: instant,
  endAt: instant,
  roomId: id.nullable().default(null),
  classification: z.enum(CLASSIFICATIONS).default('internal'),
  hostId: id.nullable().default(null),
  minuteTakerId: id.nullable().default(null),
  participants: invitationBody.default({ users: [], units: [] }),
});

export const listQuery = z.strictObject({
  scope: z.enum(['mine', 'unit', 'organised']).default('mine'),
  view: z.enum(CALENDAR_VIEWS).default('week'),
  date: isoDay.optional(),
  timeZone: z.string().min(1).max(64).default(DEFAULT_TIME_ZONE),
  status: z.enum(MEETING_STATUSES).optional(),
});

export const calendarQuery = z.strictObject({
  view: z.enum(CALENDAR_VIEWS).default('day'),
  date: isoDay.optional(),
  timeZone: z.string().min(1).max(64).default(DEFAULT_TIME_ZONE),
});

export const materialQuery = z.strictObject({
  agendaItemId: id.optional(),
  title: z.string().trim().max(200).optional(),
});
export const orderBody = z.strictObject({ agendaItemId: id.nullable(), ids: z.array(id).max(200) });

// ── responses ──

const personBody = z.object({ id: z.string(), displayName: z.string() });
const classification = z.enum(CLASSIFICATIONS);

export const clashViewBody = z.object({
  userId: z.string(),
  displayName: z.string(),
  unitName: z.string(),
  /** The other meetings the caller may see. */
  meetings: z.array(z.object({ id: z.string(), title: z.string(), startAt: z.string(), endAt: z.string() })),
  /** Also busy at a meeting the caller may not see: no id, title or time of it. */
  busyElsewhere: z.boolean(),
});
const excludedBody = z.object({
  userId: z.string(),
  displayName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
});
const warningBody = z.object({ code: z.literal('room_capacity'), capacity: z.number(), seats: z.number() });

export const scheduleOutcomeBody = z.object({
  id: z.string(),
  status: z.string(),
  passcode: z.string().nullable(),
  joinUrl: z.string().nullable(),
  clashes: z.array(clashViewBody),
  excluded: z.array(excludedBody),
  warnings: z.array(warningBody),
});
export const rescheduleOutcomeBody = z.object({
  clashes: z.array(clashViewBody),
  warnings: z.array(warningBody),
  passcode: z.string().nullable(),
  joinUrl: z.string().nullable(),
});
export const participantsOutcomeBody = z.object({
  added: z.number(),
  removed: z.number(),
  clashes: z.array(clashViewBody),
  excluded: z.array(excludedBody),
});

export const clashCheckResult = z.object({
  room: z
    .object({
      free: z.boolean(),
      bookings: z.array(z.object({ startAt: z.string(), endAt: z.string(), title: z.string().nullable() })),
    })
    .nullable(),
  clashes: z.array(clashViewBody),
  notCleared: z.array(z.object({ id: z.string(), displayName: z.string(), clearance: classification })),
  excluded: z.array(excludedBody),
  seats: z.number(),
});

export const meetingSummaryBody = z.object({
  id: z.string(),
  title: z.string(),
  type: z.string(),
  customType: z.string().nullable(),
  status: z.string(),
  classification,
  mode: z.string(),
  /** A plenary (全体会议/宣讲会): only the host and the speakers they name send media. */
  plenary: z.boolean(),
  startAt: z.string(),
  endAt: z.string(),
  timeZone: z.string(),
  organiserUnit: z.object({ id: z.string(), name: z.string() }),
  room: z.object({ id: z.string(), name: z.string(), location: z.string() }).nullable(),
  myRsvp: z.enum(RSVP_STATES).nullable(),
  myRole: z.string().nullable(),
  clashesWith: z.array(z.string()),
});

export const listBody = z.object({ from: z.string(), to: z.string(), items: z.array(meetingSummaryBody) });

function countsOf<K extends readonly [string, ...string[]]>(keys: K) {
  return z.object({ total: z.number(), ...Object.fromEntries(keys.map((k) => [k, z.number()])) } as {
    total: z.ZodNumber;
  } & Record<K[number], z.ZodNumber>);
}
function summaryOf<K extends readonly [string, ...string[]]>(keys: K) {
  return z.object({
    counts: countsOf(keys),
    byUnit: z.array(z.object({ unitId: z.string(), unitName: z.string(), counts: countsOf(keys) })),
  });
}
export const rsvpSummaryBody = summaryOf(RSVP_STATES);
export const attendanceSummaryBody = summaryOf(ATTENDANCE_STATES);

export const materialBody = z.object({
  id: z.string(),
  agendaItemId: z.string().nullable(),
  position: z.number(),
  title: z.string(),
  fileName: z.string(),
  kind: z.string(),
  size: z.number(),
  uploadedBy: personBody,
  createdAt: z.string(),
  openedAt: z.string().nullable(),
  readers: z.number().nullable(),
});

const seatBody = z.object({
  id: z.string(),
  userId: z.string(),
  displayName: z.string(),
  title: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  role: z.string(),
  viaUnitId: z.string().nullable(),
  rsvp: z.enum(RSVP_STATES),
  rsvpReason: z.string().nullable(),
  rsvpAt: z.string().nullable(),
  substituteFor: z.object({ userId: z.string(), displayName: z.string() }).nullable(),
  substitute: z.object({ userId: z.string(), displayName: z.string() }).nullable(),
  signedInAt: z.string().nullable(),
  attendance: z.enum(ATTENDANCE_STATES).nullable(),
});

export const meetingDetailBody = meetingSummaryBody.extend({
  description: z.string(),
  revision: z.number(),
  reminderMinutes: z.array(z.number()),
  cancelReason: z.string().nullable(),
  createdAt: z.string(),
  scheduledAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  createdBy: personBody,
  host: personBody.nullable(),
  minuteTaker: personBody.nullable(),
  online: z.object({ joinUrl: z.string(), hasPasscode: z.boolean() }).nullable(),
  agenda: z.array(
    z.object({
      id: z.string(),
      position: z.number(),
      title: z.string(),
      presenter: personBody.nullable(),
      startAt: z.string().nullable(),
      endAt: z.string().nullable(),
    }),
  ),
  unitInvites: z.array(z.object({ unitId: z.string(), unitName: z.string(), role: z.string() })),
  participants: z.array(seatBody),
  materials: z.array(materialBody).nullable(),
  rsvpSummary: rsvpSummaryBody.nullable(),
  attendanceSummary: attendanceSummaryBody.nullable(),
  me: z.object({
    seat: seatBody.nullable(),
    clashes: z.array(
      z.object({ id: z.string(), title: z.string().nullable(), startAt: z.string(), endAt: z.string() }),
    ),
    can: z.object({
      manage: z.boolean(),
      run: z.boolean(),
      reply: z.boolean(),
      signIn: z.boolean(),
      readMaterials: z.boolean(),
      uploadMaterials: z.boolean(),
      /** Make it a plenary or an ordinary meeting (before it starts). */
      changePlenary: z.boolean(),
    }),
    events: z.array(z.string()),
  }),
});

export const rsvpOutcomeBody = z.object({
  answer: z.enum(RSVP_ANSWERS),
  substitute: z.object({ userId: z.string(), displayName: z.string() }).nullable(),
});
export const signInOutcomeBody = z.object({
  state: z.enum(['present', 'late']),
  signedInAt: z.string(),
  already: z.boolean(),
});
export const signInCodeBody = z.object({
  code: z.string(),
  url: z.string(),
  qr: z.string().describe('PNG data URL of the QR code'),
  refreshAt: z.string(),
  expiresAt: z.string(),
});
export const passcodeBody = z.object({ passcode: z.string(), joinUrl: z.string() });
export const joinInfoBody = z.object({
  meetingId: z.string(),
  title: z.string().nullable(),
  startAt: z.string(),
  endAt: z.string(),
  status: z.string(),
  decision: z.enum(['admit', 'lobby', 'refuse']),
});
export const joinResultBody = z.object({ meetingId: z.string(), result: z.enum(['admitted', 'lobby']) });

export const readersBody = z.object({
  items: z.array(
    z.object({
      materialId: z.string(),
      title: z.string(),
      readers: z.array(
        z.object({
          userId: z.string(),
          displayName: z.string(),
          unitName: z.string(),
          firstAt: z.string(),
          lastAt: z.string(),
          count: z.number(),
        }),
      ),
      notYet: z.array(z.object({ userId: z.string(), displayName: z.string(), unitName: z.string() })),
    }),
  ),
});
