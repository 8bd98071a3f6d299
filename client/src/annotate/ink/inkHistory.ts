// Per-person undo and redo across the ink documents open on a page (the shared layer and one's private layer): each
// document has a Y.UndoManager that tracks only this person's own changes (by transaction origin), and the steps of
// both are undone in the order they were made. Someone else's strokes are never touched by one's undo.
import * as Y from 'yjs';
import { INK_ROOTS } from '../../../../common/schema/inkModel.ts';

type StackItem = { meta: Map<string, unknown> };

export class InkHistory {
  /** The transaction origin of this person's undoable changes; anything else (remote updates, erasing someone
   * else's stroke as a moderator) is not in the history. */
  readonly origin = { name: 'ink-history' };
  private readonly managers: Y.UndoManager[] = [];
  private sequence = 0;
  private readonly listeners = new Set<() => void>();
  private snapshot = { canUndo: false, canRedo: false };

  constructor(docs: Y.Doc[]) {
    for (const doc of docs) {
      const manager = new Y.UndoManager(
        [doc.getMap(INK_ROOTS.strokes), doc.getMap(INK_ROOTS.notes), doc.getArray(INK_ROOTS.pages)],
        {
          trackedOrigins: new Set([this.origin]),
          // Every stroke is its own step, however fast the next one follows.
          captureTimeout: 0,
        },
      );
      manager.on('stack-item-added', ({ stackItem, type }: { stackItem: StackItem; type: 'undo' | 'redo' }) => {
        stackItem.meta.set('sequence', ++this.sequence);
        // A new change (not one made by undo or redo) ends what could be redone, in every layer.
        if (type === 'undo' && !manager.undoing && !manager.redoing)
          for (const other of this.managers) if (other !== manager) other.clear(false, true);
        this.changed();
      });
      manager.on('stack-item-popped', () => this.changed());
      manager.on('stack-cleared', () => this.changed());
      this.managers.push(manager);
    }
  }

  private latest(stack: 'undoStack' | 'redoStack'): Y.UndoManager | null {
    let best: Y.UndoManager | null = null;
    let bestSequence = -1;
    for (const manager of this.managers) {
      const top = manager[stack][manager[stack].length - 1] as StackItem | undefined;
      const sequence = (top?.meta.get('sequence') as number | undefined) ?? -1;
      if (top && sequence > bestSequence) {
        best = manager;
        bestSequence = sequence;
      }
    }
    return best;
  }

  undo(): void {
    this.latest('undoStack')?.undo();
  }

  redo(): void {
    this.latest('redoStack')?.redo();
  }

  private changed(): void {
    const next = {
      canUndo: this.managers.some((m) => m.undoStack.length > 0),
      canRedo: this.managers.some((m) => m.redoStack.length > 0),
    };
    if (next.canUndo === this.snapshot.canUndo && next.canRedo === this.snapshot.canRedo) return;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }

  /** For useSyncExternalStore. */
  readonly getSnapshot = () => this.snapshot;

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    for (const manager of this.managers) manager.destroy();
    this.listeners.clear();
  }
}
