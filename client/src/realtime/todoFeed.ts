// The 待办 counts shared by the navigation's badge, the 待办 page and the home panel: asked once for all of them, and
// asked again (a burst asks once) when the server says something changed for me (todo:changed), a notification
// arrives, the socket reconnects or the window comes back into focus. `version` moves on each of those, so lists
// refetch with the badge.
import { useSyncExternalStore } from 'react';
import { TODO_REFRESH_DEBOUNCE_MS } from '../../../common/todo/vocabulary.ts';
import { todoApi, type TodoCounts } from '../api/todo.ts';
import { realtime } from './connection.ts';

export interface TodoFeedState {
  counts: TodoCounts | null;
  /** Why the last count failed (the badge keeps the previous one). */
  error: unknown;
  /** Moves on every nudge: whoever shows a list of 待办 asks for it again. */
  version: number;
}

const EMPTY: TodoFeedState = { counts: null, error: null, version: 0 };

class TodoFeed {
  private state: TodoFeedState = EMPTY;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopWatching: (() => void) | null = null;
  /** Answers to an older request are dropped when a newer one was sent (the badge never goes back in time). */
  private asked = 0;
  /** Counts asked and not answered yet. */
  private loading = 0;

  readonly snapshot = (): TodoFeedState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.start();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  };

  /** Ask again soon: several nudges in a row end in one request. */
  readonly nudge = (): void => {
    if (this.listeners.size === 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.load(true);
    }, TODO_REFRESH_DEBOUNCE_MS);
  };

  /**
   * Counts read with a list of every kind are as fresh as the feed's own: the badge follows them at once — unless a
   * count asked after a nudge is due, which is kept instead (it also moves the lists on screen).
   */
  readonly saw = (counts: TodoCounts): void => {
    if (this.listeners.size === 0 || this.timer || this.loading > 0) return;
    this.set({ ...this.state, counts, error: null });
  };

  private start(): void {
    const onFocus = () => this.nudge();
    const onVisible = () => {
      if (document.visibilityState === 'visible') this.nudge();
    };
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisible);
    const off = [
      realtime.on('todo:changed', () => this.nudge()),
      realtime.on('notification:new', () => this.nudge()),
      realtime.on('connected', () => this.nudge()),
    ];
    this.stopWatching = () => {
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisible);
      for (const unsubscribe of off) unsubscribe();
    };
    void this.load(false);
  }

  /** The last page showing 待办 has gone (signed out, most likely): nothing of this person is kept. */
  private stop(): void {
    this.stopWatching?.();
    this.stopWatching = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.asked += 1;
    this.state = EMPTY;
  }

  /** `changed`: after a nudge, when the lists on screen ask again too (the first count is not one). */
  private async load(changed: boolean): Promise<void> {
    const ticket = ++this.asked;
    const version = this.state.version + (changed ? 1 : 0);
    this.loading += 1;
    try {
      const counts = await todoApi.counts();
      if (ticket === this.asked) this.set({ counts, error: null, version });
    } catch (error) {
      if (ticket === this.asked) this.set({ ...this.state, error, version });
    } finally {
      this.loading -= 1;
    }
  }

  private set(state: TodoFeedState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

export const todoFeed = new TodoFeed();

/** The 待办 counts and the version that moves when they may have changed (subscribing starts the feed). */
export function useTodoFeed(): TodoFeedState {
  return useSyncExternalStore(todoFeed.subscribe, todoFeed.snapshot);
}
