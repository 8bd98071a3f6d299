import { describe, expect, it } from 'vitest';
import {
  PALM_CONTACT_PX,
  PALM_GRACE_MS,
  penOnly,
  routePointerDown,
  type PointerDown,
  type RoutingState,
} from './pointerRouting.ts';

const state = (change: Partial<RoutingState> = {}): RoutingState => ({
  penMode: 'auto',
  penSeen: false,
  handTool: false,
  penDown: false,
  lastPenUpAt: null,
  touches: 0,
  ...change,
});
const finger = (change: Partial<PointerDown> = {}): PointerDown => ({
  pointerType: 'touch',
  button: 0,
  width: 18,
  height: 20,
  at: 10_000,
  ...change,
});
const pen: PointerDown = { pointerType: 'pen', button: 0, width: 1, height: 1, at: 10_000 };
const mouse: PointerDown = { pointerType: 'mouse', button: 0, width: 1, height: 1, at: 10_000 };

describe('routePointerDown (palm rejection)', () => {
  it.each<[string, PointerDown, Partial<RoutingState>, ReturnType<typeof routePointerDown>]>([
    ['a stylus draws', pen, {}, 'draw'],
    ['a stylus with the hand tool moves the page', pen, { handTool: true }, 'navigate'],
    ['a mouse draws with the main button', mouse, {}, 'draw'],
    ['a mouse moves the page with the middle button', { ...mouse, button: 1 }, {}, 'navigate'],
    ['a right click does nothing', { ...mouse, button: 2 }, {}, 'ignore'],
    ['a finger draws before any stylus was seen (auto)', finger(), {}, 'draw'],
    ['a finger moves the page once a stylus was seen (auto)', finger(), { penSeen: true }, 'navigate'],
    ['a finger draws with pen-only off, even after a stylus', finger(), { penMode: 'off', penSeen: true }, 'draw'],
    ['a finger moves the page with pen-only on', finger(), { penMode: 'on' }, 'navigate'],
    ['a second finger starts a pinch', finger(), { touches: 1 }, 'navigate'],
    ['a palm (wide contact) is ignored', finger({ width: PALM_CONTACT_PX, height: 60 }), {}, 'ignore'],
    ['a touch while the stylus writes is ignored', finger(), { penDown: true, penSeen: true }, 'ignore'],
    [
      'a touch right after the stylus lifted is ignored',
      finger({ at: 10_000 }),
      { lastPenUpAt: 10_000 - PALM_GRACE_MS + 50, penSeen: true },
      'ignore',
    ],
    [
      'a touch well after the stylus lifted moves the page',
      finger({ at: 10_000 }),
      { lastPenUpAt: 10_000 - PALM_GRACE_MS - 1, penSeen: true },
      'navigate',
    ],
    ['an unknown pointer does nothing', { ...pen, pointerType: 'kinect' }, {}, 'ignore'],
  ])('%s', (_, down, change, expected) => {
    expect(routePointerDown(down, state(change))).toBe(expected);
  });

  it('pen-only follows the mode and whether a stylus was seen', () => {
    expect(penOnly({ penMode: 'auto', penSeen: false })).toBe(false);
    expect(penOnly({ penMode: 'auto', penSeen: true })).toBe(true);
    expect(penOnly({ penMode: 'on', penSeen: false })).toBe(true);
    expect(penOnly({ penMode: 'off', penSeen: true })).toBe(false);
  });
});
