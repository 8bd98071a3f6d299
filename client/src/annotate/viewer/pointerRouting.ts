// Which pointer does what on a page: draw with the current tool, move the page (pan, pinch), or nothing (a palm).
// On a tablet held in a meeting the hand that writes rests on the screen: once a stylus has been seen ("auto"), or
// with pen-only mode on, fingers only move the page, and touches while the stylus writes (or just after) are ignored.
// Pure: the ink canvas asks it on every pointerdown.

export type PenMode = 'auto' | 'on' | 'off';
export type Route = 'draw' | 'navigate' | 'ignore';

export interface PointerDown {
  pointerType: string;
  /** MouseEvent.button: 0 main, 1 middle. */
  button: number;
  /** The contact's size in CSS pixels (PointerEvent.width/height; 1 for a mouse or a stylus). */
  width: number;
  height: number;
  /** Milliseconds, any monotonic clock (event.timeStamp). */
  at: number;
}

export interface RoutingState {
  penMode: PenMode;
  /** A stylus has touched this page view since it opened (for "auto"). */
  penSeen: boolean;
  /** The current tool moves the page rather than drawing (the hand). */
  handTool: boolean;
  /** A stylus is on the screen now. */
  penDown: boolean;
  /** When the stylus last left the screen, or null. */
  lastPenUpAt: number | null;
  /** Fingers already on the screen (drawing or moving the page). */
  touches: number;
}

/** A resting palm is wider than a fingertip (~10–25 px). */
export const PALM_CONTACT_PX = 44;
/** A palm often lands or lifts just after the stylus leaves. */
export const PALM_GRACE_MS = 400;

export function penOnly(state: Pick<RoutingState, 'penMode' | 'penSeen'>): boolean {
  return state.penMode === 'on' || (state.penMode === 'auto' && state.penSeen);
}

export function routePointerDown(down: PointerDown, state: RoutingState): Route {
  switch (down.pointerType) {
    case 'pen':
      return state.handTool ? 'navigate' : 'draw';
    case 'mouse':
      return state.handTool || down.button === 1 ? 'navigate' : down.button === 0 ? 'draw' : 'ignore';
    case 'touch': {
      if (state.penDown) return 'ignore';
      if (state.lastPenUpAt !== null && down.at - state.lastPenUpAt < PALM_GRACE_MS) return 'ignore';
      if (Math.max(down.width, down.height) >= PALM_CONTACT_PX) return 'ignore';
      if (penOnly(state) || state.handTool) return 'navigate';
      // A second finger turns the gesture into a pinch (the caller drops the first finger's unfinished stroke).
      return state.touches > 0 ? 'navigate' : 'draw';
    }
    default:
      return 'ignore';
  }
}
