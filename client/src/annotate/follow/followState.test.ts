import { describe, expect, it } from 'vitest';
import type { InkAwarenessState } from '../../../../common/schema/inkModel.ts';
import {
  followReducer,
  followTarget,
  INITIAL_FOLLOW,
  pickPresenter,
  type PresenterHistory,
  type PresenterView,
} from './followState.ts';

const aware = (
  userId: string,
  presenter: boolean,
  page: string,
  materialId: string | null = 'm1',
  laser: InkAwarenessState['laser'] = null,
): InkAwarenessState => ({
  user: { id: userId, name: userId.toUpperCase(), color: '#123456' },
  follow: { presenter, materialId, page, zoom: 1.5, scrollX: 0.4, scrollY: 0.6 },
  laser,
});

const view = (userId: string, page = '1'): PresenterView => ({
  clientId: 1,
  userId,
  name: userId,
  materialId: 'm1',
  page,
  zoom: 1,
  centre: { x: 0.5, y: 0.5 },
  laser: null,
});

describe('pickPresenter', () => {
  it('ignores non-presenters, itself and empty states; reads the presenter view and laser', () => {
    const states = new Map<number, unknown>([
      [1, aware('a', false, '1')],
      [2, aware('b', true, '2', 'm2', { x: 0.1, y: 0.2, at: 5 })],
      [3, aware('me', true, '9')],
      [4, null],
      [5, {}],
    ]);
    const { presenter } = pickPresenter(states, 3, new Map(), 1);
    expect(presenter).toEqual({
      clientId: 2,
      userId: 'b',
      name: 'B',
      materialId: 'm2',
      page: '2',
      zoom: 1.5,
      centre: { x: 0.4, y: 0.6 },
      laser: { x: 0.1, y: 0.2 },
    });
  });

  it('follows the presenter who changed their view most recently', () => {
    let history: PresenterHistory = new Map();
    const states = new Map<number, unknown>([
      [1, aware('a', true, '1')],
      [2, aware('b', true, '1')],
    ]);
    ({ history } = pickPresenter(states, 9, history, 1));
    states.set(2, aware('b', true, '3'));
    let pick = pickPresenter(states, 9, history, 2);
    expect(pick.presenter?.userId).toBe('b');
    states.set(1, aware('a', true, '4'));
    pick = pickPresenter(states, 9, pick.history, 3);
    expect(pick.presenter?.userId).toBe('a');
    // Nothing changed: still a.
    expect(pickPresenter(states, 9, pick.history, 4).presenter?.userId).toBe('a');
    states.delete(1);
    expect(pickPresenter(states, 9, pick.history, 5).presenter?.userId).toBe('b');
    expect(pickPresenter(new Map(), 9, pick.history, 6)).toEqual({ presenter: null, history: new Map() });
  });
});

describe('followReducer', () => {
  it('follows a presenter, browses after navigating, and jumps back', () => {
    let s = followReducer(INITIAL_FOLLOW, { type: 'presenter', presenter: view('a', '2') });
    expect(followTarget(s)?.page).toBe('2');
    s = followReducer(s, { type: 'navigated' });
    expect(s.mode).toBe('browsing');
    expect(followTarget(s)).toBeNull();
    // The same presenter turning pages does not pull a browsing participant back.
    s = followReducer(s, { type: 'presenter', presenter: view('a', '3') });
    expect(followTarget(s)).toBeNull();
    s = followReducer(s, { type: 'jumpBack' });
    expect(followTarget(s)?.page).toBe('3');
  });

  it('brings a browsing participant along when someone else starts presenting', () => {
    let s = followReducer(INITIAL_FOLLOW, { type: 'presenter', presenter: view('a') });
    s = followReducer(s, { type: 'navigated' });
    s = followReducer(s, { type: 'presenter', presenter: view('b') });
    expect(followTarget(s)?.userId).toBe('b');
  });

  it('does not browse without a presenter, and never follows while presenting', () => {
    expect(followReducer(INITIAL_FOLLOW, { type: 'navigated' })).toBe(INITIAL_FOLLOW);
    let s = followReducer(INITIAL_FOLLOW, { type: 'present', on: true });
    s = followReducer(s, { type: 'presenter', presenter: view('a') });
    expect(followTarget(s)).toBeNull();
    expect(followReducer(s, { type: 'navigated' }).mode).toBe('following');
    s = followReducer(s, { type: 'present', on: false });
    expect(followTarget(s)?.userId).toBe('a');
  });

  it('has nothing to follow when the presenter stops', () => {
    let s = followReducer(INITIAL_FOLLOW, { type: 'presenter', presenter: view('a') });
    s = followReducer(s, { type: 'presenter', presenter: null });
    expect(followTarget(s)).toBeNull();
  });
});
