// The handlers a connection's subscribers registered, per event, typed by the connection's event map: what
// connection.ts (the tab's connection) and meetingConnection.ts (a meeting room's) hand their socket's events to.

// Any function type: each event's handler type is its own; `never[]` lets every one of them be stored here.
type Handler = (...args: never[]) => void;

export class EventHandlers<Events extends { [E in keyof Events]: Handler }> {
  private readonly handlers = new Map<keyof Events, Set<Handler>>();

  /** Registers a handler; the returned function removes it. */
  on<E extends keyof Events>(event: E, handler: Events[E]): () => void {
    let set = this.handlers.get(event);
    if (!set) {
      set = new Set();
      this.handlers.set(event, set);
    }
    set.add(handler);
    return () => set.delete(handler);
  }

  /** Calls every handler of the event with its arguments. */
  dispatch<E extends keyof Events>(event: E, ...args: Parameters<Events[E]>): void {
    for (const handler of this.handlers.get(event) ?? []) (handler as (...a: Parameters<Events[E]>) => void)(...args);
  }

  clear(): void {
    this.handlers.clear();
  }
}
