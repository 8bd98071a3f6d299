// The 待办 feed: one count for every subscriber, one more per burst of nudges (todo:changed, a notification, a
// reconnect, the window's focus), lists told to refetch only on a nudge, and nothing kept once nobody listens.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TODO_KINDS, TODO_REFRESH_DEBOUNCE_MS } from '../../../common/todo/vocabulary.ts';
import type { TodoCounts } from '../api/todo.ts';

type Handler = () => void;
const handlers = new Map<string, Set<Handler>>();
const emit = (event: string) => handlers.get(event)?.forEach((h) => h());

vi.mock('./connection.ts', () => ({
  realtime: {
    on: (event: string, handler: Handler) => {
      const set = handlers.get(event) ?? new Set<Handler>();
      handlers.set(event, set);
      set.add(handler);
      return () => set.delete(handler);
    },
  },
}));

const answers: Array<(counts: TodoCounts) => void> = [];
const counts = vi.fn(() => new Promise<TodoCounts>((resolve) => answers.push(resolve)));
vi.mock('../api/todo.ts', () => ({ todoApi: { counts: () => counts() } }));

const { todoFeed } = await import('./todoFeed.ts');

function total(n: number): TodoCounts {
  const c = { total: n } as TodoCounts;
  for (const kind of TODO_KINDS) c[kind] = 0;
  c.doc_handle = n;
  return c;
}

/** Answers the oldest request still waiting, and lets the feed take it in. */
async function answer(n: number): Promise<void> {
  answers.shift()!(total(n));
  await vi.advanceTimersByTimeAsync(0);
}

describe('todoFeed', () => {
  let unsubscribe: () => void = () => undefined;
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.parse('2026-12-05T08:00:00Z') });
    vi.stubGlobal('window', new EventTarget());
    vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }));
    counts.mockClear();
    answers.length = 0;
    handlers.clear();
  });
  afterEach(() => {
    unsubscribe();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('asks once for every subscriber, then once per burst of nudges, moving the lists’ version', async () => {
    unsubscribe = todoFeed.subscribe(() => undefined);
    const second = todoFeed.subscribe(() => undefined);
    expect(counts).toHaveBeenCalledTimes(1);
    await answer(3);
    expect(todoFeed.snapshot()).toMatchObject({ counts: { total: 3 }, version: 0 });

    emit('todo:changed');
    emit('notification:new');
    window.dispatchEvent(new Event('focus'));
    await vi.advanceTimersByTimeAsync(TODO_REFRESH_DEBOUNCE_MS - 1);
    expect(counts).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(counts).toHaveBeenCalledTimes(2);
    await answer(4);
    expect(todoFeed.snapshot()).toMatchObject({ counts: { total: 4 }, version: 1 });
    second();
  });

  it('keeps the newest answer when two cross, and prefers a nudge’s count to one read with a list', async () => {
    unsubscribe = todoFeed.subscribe(() => undefined);
    await answer(1);
    emit('todo:changed');
    await vi.advanceTimersByTimeAsync(TODO_REFRESH_DEBOUNCE_MS);
    emit('connected');
    await vi.advanceTimersByTimeAsync(TODO_REFRESH_DEBOUNCE_MS);
    expect(counts).toHaveBeenCalledTimes(3);
    todoFeed.saw(total(9)); // asked before the nudges were answered: not newer than they are
    expect(todoFeed.snapshot().counts?.total).toBe(1);
    answers.pop()!(total(5));
    await vi.advanceTimersByTimeAsync(0);
    await answer(2); // the older request, answered last, is dropped
    expect(todoFeed.snapshot()).toMatchObject({ counts: { total: 5 } });
    todoFeed.saw(total(6));
    expect(todoFeed.snapshot().counts?.total).toBe(6);
  });

  it('forgets everything when the last subscriber leaves, and stops listening', async () => {
    const leave = todoFeed.subscribe(() => undefined);
    await answer(2);
    leave();
    expect(todoFeed.snapshot()).toEqual({ counts: null, error: null, version: 0 });
    emit('todo:changed');
    await vi.advanceTimersByTimeAsync(TODO_REFRESH_DEBOUNCE_MS);
    expect(counts).toHaveBeenCalledTimes(1);
  });
});
