// Request and response shapes of the personal calendar (日程).
import { z } from 'zod';
import { calendarDay } from '../../http/schemas.ts';
import { CALENDAR_VIEWS, DEFAULT_TIME_ZONE } from '../../domain/meetings/localTime.ts';
import { meetingSummaryBody } from '../meetings/schema.ts';

export const calendarQuery = z.strictObject({
  view: z.enum(CALENDAR_VIEWS).default('week'),
  date: calendarDay.optional().describe('a day in the view (today by default)'),
  timeZone: z.string().min(1).max(64).default(DEFAULT_TIME_ZONE),
});

export const deadlineBody = z.object({
  kind: z.enum(['officialDoc', 'task']),
  id: z.string(),
  title: z.string(),
  dueOn: z.string().describe('China calendar date, YYYY-MM-DD'),
  overdue: z.boolean(),
  detail: z.string().describe('the step (公文) or the task code'),
  urgency: z.string(),
});

export const calendarBody = z.object({
  today: z.string().describe('today on the view’s wall clock, by the server’s clock'),
  from: z.string(),
  to: z.string(),
  meetings: z.array(meetingSummaryBody),
  deadlines: z.array(deadlineBody),
});
