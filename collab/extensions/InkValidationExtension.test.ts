// Awareness on ink documents, hook by hook: the rate bucket, the shape, and the identity the server stamps on it.
import type { beforeHandleAwarenessPayload } from '@hocuspocus/server';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../server/clock.ts';
import type { CollabContext } from '../context.ts';
import { INK_LIMITS } from '../../common/schema/inkModel.ts';
import { InkValidationExtension } from './InkValidationExtension.ts';
import { newMetrics } from './MetricsExtension.ts';

const context = (access: CollabContext['access'], userId = 'u1'): CollabContext => ({
  userId,
  username: userId,
  displayName: '张伟',
  sessionId: 's',
  documentId: 'd',
  documentKind: 'material',
  access,
});
const state = (over: Record<string, unknown> = {}) => ({
  user: { id: 'u1', name: 'x', color: '#112233' },
  follow: null,
  laser: { x: 0.5, y: 0.5, at: 1 },
  ...over,
});

function harness() {
  let now = 0;
  const extension = new InkValidationExtension(systemClock, newMetrics(), () => now);
  const document = {};
  const send = (connection: object, ctx: CollabContext, states: Map<number, Record<string, unknown>>) =>
    extension
      .beforeHandleAwareness({
        states,
        context: ctx,
        connection,
        document,
      } as unknown as beforeHandleAwarenessPayload<CollabContext>)
      .then(() => states);
  return {
    send,
    step: (ms: number) => {
      now += ms;
    },
  };
}

describe('InkValidationExtension awareness', () => {
  it('drops what goes beyond the burst, and lets the sustained rate through', async () => {
    const { send, step } = harness();
    const connection = {};
    let passed = 0;
    for (let i = 0; i < INK_LIMITS.awarenessBurst + 25; i++)
      if ((await send(connection, context('comment'), new Map([[1, state()]]))).size) passed++;
    expect(passed).toBe(INK_LIMITS.awarenessBurst);
    step(1000);
    passed = 0;
    for (let i = 0; i < INK_LIMITS.awarenessPerSecond * 2; i++)
      if ((await send(connection, context('comment'), new Map([[1, state()]]))).size) passed++;
    expect(passed).toBe(INK_LIMITS.awarenessPerSecond);
    // Another connection has its own bucket.
    expect((await send({}, context('comment', 'u2'), new Map([[2, state()]]))).size).toBe(1);
  });

  // Awareness client ids owned by another person are dropped on every document by PresenceExtension (its own tests).
  it('stamps the user, lets only presenters present, drops malformed states', async () => {
    const { send } = harness();
    const follow = { presenter: true, materialId: 'm', page: '3', zoom: 1, scrollX: 0, scrollY: 0 };
    const participant = await send(
      {},
      context('comment'),
      new Map([[7, state({ user: { id: 'boss', name: '区长', color: '#000000' }, follow })]]),
    );
    expect(participant.get(7)).toMatchObject({
      user: { id: 'u1', name: '张伟' },
      follow: { presenter: false, page: '3' },
    });
    const presenter = await send({}, context('edit', 'u3'), new Map([[8, state({ follow })]]));
    expect(presenter.get(8)).toMatchObject({ user: { id: 'u3' }, follow: { presenter: true } });
    const junk = await send(
      {},
      context('comment', 'u4'),
      new Map<number, Record<string, unknown>>([
        [9, { script: 'x' }],
        [10, {}],
      ]),
    );
    expect(junk.size).toBe(0);
  });
});
