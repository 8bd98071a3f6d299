// The notification list's first page does not undo a notification pushed while it was being read (the race of
// minutesToTasks.spec's confirmation request: the first load and the reload on connecting both under way when it came).
import { describe, expect, it } from 'vitest';
import { liveNotes, noteLive, readFirstPage, type LiveNotes } from './notificationPage.ts';

interface N {
  id: string;
}

/** A server whose list answers from a snapshot taken when asked; `during(k)` runs while the k-th read is in flight. */
function server(stored: N[], during: (k: number) => void) {
  let reads = 0;
  return {
    get reads() {
      return reads;
    },
    read: async () => {
      reads++;
      const snapshot = { items: [...stored], unread: stored.length };
      during(reads);
      await Promise.resolve();
      return snapshot;
    },
  };
}

/** What the provider's notification:new handler does, and the server committing the notification first. */
function push(stored: N[], live: LiveNotes<N>, n: N) {
  stored.unshift(n);
  noteLive(live, n);
}

describe('the first page of notifications', () => {
  it('is taken as read when nothing arrives meanwhile', async () => {
    const live = liveNotes<N>();
    const s = server([{ id: 'a' }, { id: 'b' }], () => {});
    expect(await readFirstPage(s.read, live)).toEqual({ items: [{ id: 'a' }, { id: 'b' }], unread: 2 });
    expect(s.reads).toBe(1);
  });

  it('is read again when a notification is pushed while it is read, and then holds it', async () => {
    const live = liveNotes<N>();
    const stored = [{ id: 'a' }];
    const s = server(stored, (k) => {
      if (k === 1) push(stored, live, { id: 'new' });
    });
    expect(await readFirstPage(s.read, live)).toEqual({ items: [{ id: 'new' }, { id: 'a' }], unread: 2 });
    expect(s.reads).toBe(2);
  });

  it('keeps the pushed notifications and the pushed count when pushes go on past the last read', async () => {
    const live = liveNotes<N>();
    const stored = [{ id: 'a' }];
    // Each read's snapshot is taken before the push that comes while it is in flight.
    const s = server(stored, (k) => push(stored, live, { id: `n${k}` }));
    const page = await readFirstPage(s.read, live, 3);
    expect(s.reads).toBe(3);
    expect(page.items.map((n) => n.id)).toEqual(['n3', 'n2', 'n1', 'a']);
    expect(page.unread).toBeNull();
  });

  it('keeps no pushed notification once no read is under way', async () => {
    const live = liveNotes<N>();
    await readFirstPage(server([], () => {}).read, live);
    noteLive(live, { id: 'later' });
    expect(live.arrived).toEqual([]);
    expect(live.events).toBe(1);
  });
});
