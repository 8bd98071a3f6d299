// Request and response schemas of the 待办 centre (the client imports the types).
import { z } from 'zod';
import { DONE_KINDS, TODO_KINDS, TODO_URGENCIES } from '../../../common/todo/vocabulary.ts';

const page = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};
const kinds = z
  .union([z.enum(TODO_KINDS), z.array(z.enum(TODO_KINDS)).max(TODO_KINDS.length)])
  .transform((v) => (Array.isArray(v) ? v : [v]))
  .optional();

export const todoQuery = z.strictObject({ kind: kinds, ...page });
export const countsQuery = z.strictObject({ kind: kinds });
export const doneQuery = z.strictObject(page);

export const todoCountsBody = z.object({
  ...(Object.fromEntries(TODO_KINDS.map((k) => [k, z.number().int()])) as Record<
    (typeof TODO_KINDS)[number],
    z.ZodNumber
  >),
  total: z.number().int(),
});

export const todoItemBody = z.object({
  kind: z.enum(TODO_KINDS),
  id: z.string(),
  title: z.string(),
  /** When it is due (a deadline's end in China, a meeting's start); null: no deadline. */
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  /** Since when it has waited for this person. */
  since: z.string(),
  urgency: z.enum(TODO_URGENCIES),
  classification: z.number().int(),
  link: z.string(),
});

export const todoListBody = z.object({
  items: z.array(todoItemBody),
  counts: todoCountsBody,
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const doneItemBody = z.object({
  kind: z.enum(DONE_KINDS),
  id: z.string(),
  title: z.string(),
  action: z.string(),
  at: z.string(),
  link: z.string(),
});

export const doneListBody = z.object({
  items: z.array(doneItemBody),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export type TodoItemBody = z.infer<typeof todoItemBody>;
export type TodoListBody = z.infer<typeof todoListBody>;
export type TodoCountsBody = z.infer<typeof todoCountsBody>;
export type DoneItemBody = z.infer<typeof doneItemBody>;
export type DoneListBody = z.infer<typeof doneListBody>;
