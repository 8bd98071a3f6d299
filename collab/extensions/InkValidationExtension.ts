// Enforces the ink model on material annotation and whiteboard documents: every client update is judged by
// ink/inkUpdateRules.ts before it is stored or applied (a refusal closes that connection with a coded reason and
// changes nothing), and awareness (presence, follow-the-presenter, laser pointer) is bounded in size and rate, shaped
// by the ink model, and stamped with the connection's own identity so nobody can speak as someone else or as presenter
// (PresenceExtension, which runs first, already keeps each awareness client id to the person who first spoke for it).
import type {
  beforeHandleAwarenessPayload,
  beforeHandleMessagePayload,
  beforeSyncPayload,
  Extension,
} from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import type { Clock } from '../../server/clock.ts';
import { mayEraseOthers } from '../../server/policies/annotations.ts';
import { CollabRefusal, type CollabContext } from '../context.ts';
import { inkUpdateProblem, type InkProblem } from '../ink/inkUpdateRules.ts';
import { INK_KINDS } from '../../common/schema/documentKinds.ts';
import { INK_LIMITS, parseAwareness } from '../../common/schema/inkModel.ts';
import type { CollabMetrics } from './MetricsExtension.ts';

const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;
const MESSAGE_AWARENESS = 1;

export const INK_CLOSE = {
  malformed: 4400,
  forbidden: 4403,
  full: 4413,
  awarenessTooLarge: 4413,
} as const satisfies Record<InkProblem['kind'] | 'awarenessTooLarge', number>;

/** A token bucket per connection: awareness beyond the rate is dropped (presence is lossy by nature), not fatal. */
interface Bucket {
  tokens: number;
  at: number;
}

function messageType(raw: Uint8Array): number | null {
  try {
    const decoder = decoding.createDecoder(raw);
    decoding.readVarString(decoder);
    return decoding.readVarUint(decoder);
  } catch {
    return null;
  }
}

export class InkValidationExtension implements Extension {
  extensionName = 'InkValidation';
  // After structural validation (900), before review mode (800) and persistence (500).
  priority = 850;
  private readonly buckets = new WeakMap<object, Bucket>();

  /** `monotonicMs` paces the awareness buckets (a parameter so that tests can step it). */
  constructor(
    private readonly clock: Clock,
    private readonly metrics: CollabMetrics,
    private readonly monotonicMs: () => number = () => performance.now(),
  ) {}

  async beforeSync({ type, payload, connection, context, document }: beforeSyncPayload<CollabContext>): Promise<void> {
    if (
      (type !== SYNC_STEP_2 && type !== SYNC_UPDATE) ||
      connection.readOnly ||
      !INK_KINDS.includes(context.documentKind)
    )
      return;
    const problem = inkUpdateProblem(document, payload, {
      userId: context.userId,
      mayEraseOthers: mayEraseOthers(context.access),
      now: this.clock.now().getTime(),
    });
    if (problem) {
      this.metrics.refused++;
      throw new CollabRefusal(INK_CLOSE[problem.kind], `ink_${problem.kind}: ${problem.message}`);
    }
  }

  async beforeHandleMessage({ update, context }: beforeHandleMessagePayload<CollabContext>): Promise<void> {
    if (!context || !INK_KINDS.includes(context.documentKind)) return;
    // The document name and type take a few dozen bytes; the cap is on what the client can put in its state.
    if (update.byteLength > INK_LIMITS.maxAwarenessBytes + 256 && messageType(update) === MESSAGE_AWARENESS) {
      this.metrics.refused++;
      throw new CollabRefusal(INK_CLOSE.awarenessTooLarge, 'awareness_too_large');
    }
  }

  async beforeHandleAwareness({
    states,
    context,
    connection,
  }: beforeHandleAwarenessPayload<CollabContext>): Promise<void> {
    if (!context || !connection || !INK_KINDS.includes(context.documentKind)) return;
    if (!this.take(connection)) {
      states.clear();
      return;
    }
    const presenter = mayEraseOthers(context.access);
    for (const [clientId, state] of [...states]) {
      const parsed = parseAwareness(state);
      if (!parsed.ok) {
        states.delete(clientId);
        continue;
      }
      const { user, follow, laser } = parsed.value;
      states.set(clientId, {
        user: { ...user, id: context.userId, name: context.displayName },
        follow: follow && { ...follow, presenter: follow.presenter && presenter },
        laser,
      });
    }
  }

  private take(connection: object): boolean {
    const now = this.monotonicMs();
    const bucket = this.buckets.get(connection) ?? { tokens: INK_LIMITS.awarenessBurst, at: now };
    bucket.tokens = Math.min(
      INK_LIMITS.awarenessBurst,
      bucket.tokens + ((now - bucket.at) / 1000) * INK_LIMITS.awarenessPerSecond,
    );
    bucket.at = now;
    this.buckets.set(connection, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}
