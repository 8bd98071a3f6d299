// Follow the presenter over the awareness of the meeting's stage channel: this person's presence, their view while
// they present (material, page, zoom, centre) and their laser pointer, sent at most every few frames; and the
// presenter picked from everyone else's states (see followState).
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { InkAwarenessState } from '../../../../common/schema/inkModel.ts';
import { serverNow } from '../../api/serverClock.ts';
import { authorColor } from '../../editor/authorColors.ts';
import {
  followReducer,
  INITIAL_FOLLOW,
  pickPresenter,
  type FollowEvent,
  type FollowState,
  type PresenterHistory,
} from './followState.ts';

export interface ShownView {
  /** null: a page of the meeting's whiteboard. */
  materialId: string | null;
  page: string;
  zoom: number;
  centre: { x: number; y: number };
}

export interface Follow {
  state: FollowState;
  dispatch(event: FollowEvent): void;
  /** The stage channel is connected: following works. */
  available: boolean;
  /** What this person shows now (broadcast while presenting). */
  show(view: ShownView): void;
  laser(point: { x: number; y: number } | null): void;
}

/** Awareness messages at most this often while presenting (page turns, pinches, the laser). */
const SEND_EVERY_MS = 50;

export function useFollow(awareness: Awareness | null, me: { id: string; name: string }): Follow {
  const [state, dispatch] = useReducer(followReducer, INITIAL_FOLLOW);
  const presenting = useRef(false);
  presenting.current = state.presenting;
  const view = useRef<ShownView | null>(null);
  const pending = useRef<{ follow?: true; laser?: { x: number; y: number } | null }>({});
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (!awareness) return;
    const own: InkAwarenessState = {
      user: { id: me.id, name: me.name.slice(0, 100), color: authorColor(me.id) },
      follow: null,
      laser: null,
    };
    awareness.setLocalState(own);
    let history: PresenterHistory = new Map();
    let tick = 0;
    let last = '';
    const onChange = () => {
      const pick = pickPresenter(awareness.getStates(), awareness.clientID, history, ++tick);
      history = pick.history;
      const key = JSON.stringify(pick.presenter);
      if (key === last) return;
      last = key;
      dispatch({ type: 'presenter', presenter: pick.presenter });
    };
    awareness.on('change', onChange);
    onChange();
    return () => {
      awareness.off('change', onChange);
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      pending.current = {};
    };
  }, [awareness, me.id, me.name]);

  const flush = useCallback(() => {
    timer.current = null;
    if (!awareness) return;
    const { follow, laser } = pending.current;
    pending.current = {};
    if (follow) {
      const v = view.current;
      awareness.setLocalStateField(
        'follow',
        presenting.current && v
          ? {
              presenter: true,
              materialId: v.materialId,
              page: v.page,
              zoom: Math.round(v.zoom * 1000) / 1000,
              scrollX: Math.round(v.centre.x * 10_000) / 10_000,
              scrollY: Math.round(v.centre.y * 10_000) / 10_000,
            }
          : null,
      );
    }
    if (laser !== undefined)
      awareness.setLocalStateField(
        'laser',
        presenting.current && laser ? { x: laser.x, y: laser.y, at: Math.round(serverNow()) } : null,
      );
  }, [awareness]);

  const schedule = useCallback(() => {
    timer.current ??= setTimeout(flush, SEND_EVERY_MS);
  }, [flush]);

  // Starting or stopping to present is sent at once.
  useEffect(() => {
    pending.current.follow = true;
    if (!state.presenting) pending.current.laser = null;
    flush();
  }, [state.presenting, flush]);

  const show = useCallback(
    (next: ShownView) => {
      view.current = next;
      if (!presenting.current) return;
      pending.current.follow = true;
      schedule();
    },
    [schedule],
  );

  const laser = useCallback(
    (point: { x: number; y: number } | null) => {
      if (!presenting.current) return;
      const clamp = (v: number) => Math.min(1, Math.max(0, v));
      pending.current.laser = point ? { x: clamp(point.x), y: clamp(point.y) } : null;
      schedule();
    },
    [schedule],
  );

  const available = awareness !== null;
  return useMemo(() => ({ state, dispatch, available, show, laser }), [state, available, show, laser]);
}
