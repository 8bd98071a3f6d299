// The 待办 centre over REST: what waits for me (by kind, paged), the counts per kind for the navigation's badge, and
// 已办, what I have done. Shapes come from the server's own schemas (type-only imports).
import type { TodoKind } from '../../../common/todo/vocabulary.ts';
import type {
  DoneItemBody,
  DoneListBody,
  TodoCountsBody,
  TodoItemBody,
  TodoListBody,
} from '../../../server/routes/todo/schema.ts';
import { http } from './http.ts';

export type TodoItem = TodoItemBody;
export type TodoList = TodoListBody;
export type TodoCounts = TodoCountsBody;
export type DoneItem = DoneItemBody;
export type DoneList = DoneListBody;

export const todoApi = {
  /** Without a kind: every kind. */
  list: (query: { kind?: TodoKind | undefined; page?: number; pageSize?: number }) =>
    http.get<TodoList>('/api/todo', { query: { ...query } }),
  counts: () => http.get<TodoCounts>('/api/todo/counts'),
  done: (query: { page?: number; pageSize?: number }) => http.get<DoneList>('/api/todo/done', { query: { ...query } }),
};
