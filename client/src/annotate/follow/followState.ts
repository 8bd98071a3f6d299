// "Follow the presenter": who presents (from the awareness states of the meeting's stage channel), and whether this
// participant follows them or browses on their own until they jump back. Pure; useFollow wires it to awareness.
import type { InkAwarenessState } from '../../../../common/schema/inkModel.ts';

export interface PresenterView {
  clientId: number;
  userId: string;
  name: string;
  /** The material shown, or null for a page of the meeting's whiteboard. */
  materialId: string | null;
  page: string;
  zoom: number;
  /** The page point (0..1) at the centre of the presenter's view. */
  centre: { x: number; y: number };
  laser: { x: number; y: number } | null;
}

/** Remembers, per awareness client, what it last showed and when that changed (a local sequence number). */
export type PresenterHistory = ReadonlyMap<number, { signature: string; changed: number }>;

export interface PresenterPick {
  presenter: PresenterView | null;
  history: PresenterHistory;
}

const signatureOf = (f: NonNullable<InkAwarenessState['follow']>) =>
  `${f.materialId ?? ''}|${f.page}|${f.zoom}|${f.scrollX}|${f.scrollY}`;

/**
 * The presenter to follow: of the clients marked presenter (the server clears the mark for anyone without edit access),
 * the one whose view changed most recently; never this client itself.
 */
export function pickPresenter(
  states: ReadonlyMap<number, unknown>,
  ownClientId: number,
  history: PresenterHistory,
  tick: number,
): PresenterPick {
  const next = new Map<number, { signature: string; changed: number }>();
  let best: { view: PresenterView; changed: number } | null = null;
  for (const [clientId, raw] of states) {
    if (clientId === ownClientId) continue;
    const state = raw as Partial<InkAwarenessState> | null;
    const follow = state?.follow;
    if (!follow?.presenter || !state?.user) continue;
    const signature = signatureOf(follow);
    const before = history.get(clientId);
    const changed = before && before.signature === signature ? before.changed : tick;
    next.set(clientId, { signature, changed });
    const view: PresenterView = {
      clientId,
      userId: state.user.id,
      name: state.user.name,
      materialId: follow.materialId,
      page: follow.page,
      zoom: follow.zoom,
      centre: { x: follow.scrollX, y: follow.scrollY },
      laser: state.laser ? { x: state.laser.x, y: state.laser.y } : null,
    };
    if (!best || changed > best.changed || (changed === best.changed && clientId < best.view.clientId))
      best = { view, changed };
  }
  return { presenter: best?.view ?? null, history: next };
}

export interface FollowState {
  mode: 'following' | 'browsing';
  /** This participant broadcasts as presenter. */
  presenting: boolean;
  presenter: PresenterView | null;
}

export type FollowEvent =
  | { type: 'presenter'; presenter: PresenterView | null }
  /** The participant flipped, zoomed or moved the page themselves. */
  | { type: 'navigated' }
  | { type: 'jumpBack' }
  | { type: 'present'; on: boolean };

export const INITIAL_FOLLOW: FollowState = { mode: 'following', presenting: false, presenter: null };

export function followReducer(state: FollowState, event: FollowEvent): FollowState {
  switch (event.type) {
    case 'presenter': {
      // Someone else starting to present brings everyone along (a new speaker takes the floor).
      const someoneNew = event.presenter !== null && event.presenter.userId !== state.presenter?.userId;
      return { ...state, presenter: event.presenter, mode: someoneNew ? 'following' : state.mode };
    }
    case 'navigated':
      return state.presenter && !state.presenting && state.mode === 'following'
        ? { ...state, mode: 'browsing' }
        : state;
    case 'jumpBack':
      return { ...state, mode: 'following' };
    case 'present':
      return { ...state, presenting: event.on, mode: event.on ? state.mode : 'following' };
  }
}

/** What the screen should show: the presenter's view while following one, otherwise null (the participant's own). */
export function followTarget(state: FollowState): PresenterView | null {
  return !state.presenting && state.mode === 'following' ? state.presenter : null;
}
