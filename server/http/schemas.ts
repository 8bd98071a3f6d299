// Response schemas shared by every route: the one error shape, and helpers to declare each status a route answers.
import { z } from 'zod';
import { isValidIsoDate } from '../../common/calendar/isoDate.ts';

export const errorBody = z.object({
  statusCode: z.number(),
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});

const standardErrors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  413: errorBody,
  415: errorBody,
  423: errorBody,
  429: errorBody,
  500: errorBody,
};

/** Every route answers its success shapes plus the standard error statuses. */
export function responses<T extends Record<number, z.ZodType>>(ok: T): T & typeof standardErrors {
  return { ...standardErrors, ...ok };
}

export const okBody = z.object({ ok: z.literal(true) });
export const idParams = z.strictObject({ id: z.string().min(1).max(64) });
export const isoDate = z.string().describe('ISO 8601 timestamp');

/**
 * A calendar day YYYY-MM-DD in a request. The format alone let 2026-13-45 through to date arithmetic, which threw
 * (a 500); a day that does not exist is a 400 like any other malformed field.
 */
export const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine(isValidIsoDate, 'no such day (日期不存在), YYYY-MM-DD');
