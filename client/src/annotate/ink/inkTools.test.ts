import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addStroke, notesMap, strokePoints, strokesMap } from '../../../../common/schema/inkModel.ts';
import { InkHistory } from './inkHistory.ts';
import { DEFAULT_SETTINGS, type InkSettings } from './inkSettings.ts';
import { InkTools } from './inkTools.ts';
import { PageInk } from './pageInk.ts';

beforeAll(() => {
  // The live stroke is redrawn once per animation frame; there is no page to draw on here.
  globalThis.requestAnimationFrame ??= () => 0;
  globalThis.cancelAnimationFrame ??= () => undefined;
});

function setup(settings: Partial<InkSettings>, moderator = false) {
  const shared = new Y.Doc();
  const own = new Y.Doc();
  const ink = new PageInk(
    [
      { doc: shared, layer: 'shared' },
      { doc: own, layer: 'private' },
    ],
    '2',
  );
  const history = new InkHistory([shared, own]);
  const events: string[] = [];
  const tools = new InkTools({
    settings: () => ({ ...DEFAULT_SETTINGS, ...settings }),
    page: '2',
    aspect: () => 1.414,
    minDistance: () => 0.001,
    ink,
    userId: 'me',
    history,
    moderator,
    canDraw: true,
    livePath: () => null,
    noteCreated: (id) => events.push(`note ${id}`),
    laser: (p) => events.push(p ? `laser ${p.x},${p.y}` : 'laser off'),
    failed: (e) => events.push(`failed ${String(e)}`),
  });
  return { shared, own, tools, events, history };
}

const pen = (x: number, y: number, pressure: number) => ({ x, y, pressure, pointerType: 'pen' });

describe('InkTools', () => {
  it('stores a pen stroke with its pressure in the layer picked, by its author, on its page', () => {
    const { shared, own, tools } = setup({ tool: 'pen', layer: 'private' });
    tools.start(1, pen(0.1, 0.1, 0.2));
    tools.move(1, [pen(0.2, 0.12, 0.6), pen(0.3, 0.15, 1)]);
    tools.end(1);
    expect(strokesMap(shared).size).toBe(0);
    const [stroke] = [...strokesMap(own).values()];
    expect(stroke).toMatchObject({ page: '2', tool: 'pen', author: 'me', color: DEFAULT_SETTINGS.color, width: 3 });
    strokePoints(stroke!).forEach(([, , p], i) => expect(p).toBeCloseTo([0.2, 0.6, 1][i]!, 5));
  });

  it('drops a stroke a second finger cancelled', () => {
    const { shared, tools } = setup({ tool: 'pen' });
    tools.start(1, pen(0.1, 0.1, 0.5));
    tools.move(1, [pen(0.2, 0.2, 0.5)]);
    tools.cancel(1);
    tools.end(1);
    expect(strokesMap(shared).size).toBe(0);
  });

  it("erases one's own strokes, others' only as a moderator, and keeps others' erasing out of the undo history", () => {
    for (const moderator of [false, true]) {
      const { shared, tools, history } = setup({ tool: 'eraser' }, moderator);
      const mine = addStroke(
        shared,
        { page: '2', tool: 'pen', color: '#000000', width: 3, points: [0.1, 0.5, 0.5, 0.9, 0.5, 0.5] },
        'me',
        Date.now(),
        history.origin,
      );
      const theirs = addStroke(
        shared,
        { page: '2', tool: 'pen', color: '#000000', width: 3, points: [0.5, 0.1, 0.5, 0.5, 0.9, 0.5] },
        'other',
      );
      tools.start(1, pen(0.5, 0.5, 0.5));
      tools.end(1);
      expect(strokesMap(shared).has(mine.id)).toBe(false);
      expect(strokesMap(shared).has(theirs.id)).toBe(!moderator);
      history.undo();
      expect(strokesMap(shared).has(mine.id)).toBe(true);
      expect(strokesMap(shared).has(theirs.id)).toBe(!moderator);
    }
  });

  it('places a note with a tap, not with a drag; the laser follows and goes off on lifting', () => {
    const { shared, tools, events } = setup({ tool: 'note' });
    tools.start(1, pen(0.4, 0.4, 0.5));
    tools.move(1, [pen(0.6, 0.6, 0.5)]);
    tools.end(1);
    expect(notesMap(shared).size).toBe(0);
    tools.start(2, pen(0.4, 0.4, 0.5));
    tools.end(2);
    expect([...notesMap(shared).values()][0]).toMatchObject({ page: '2', x: 0.4, y: 0.4, text: '', author: 'me' });
    expect(events[0]).toMatch(/^note /);

    const laser = setup({ tool: 'laser' });
    laser.tools.start(1, pen(0.25, 0.5, 0.5));
    laser.tools.move(1, [pen(0.5, 0.5, 0.5)]);
    laser.tools.end(1);
    expect(laser.events).toEqual(['laser 0.25,0.5', 'laser 0.5,0.5', 'laser off']);
  });
});
