// The session as the rest of the client sees it: who is signed in, how far the sign-in got, what they may do.
import { createContext, useContext } from 'react';
import type { Locale } from '../i18n/index.ts';
import type { Session, StageAnswer } from '../api/types.ts';

/** Why the sign-in page is showing, when it is not a plain first visit. */
export type SignInNotice = 'expired' | 'idle' | 'signed_out' | 'signed_out_everywhere' | 'signed_out_here';

export type SessionState =
  | { status: 'loading' }
  /** previousUserId: who was signed in in this tab before, so a page they left is offered back to them only. */
  | { status: 'anonymous'; notice: SignInNotice | null; previousUserId: string | null }
  | { status: 'pending'; session: Session }
  | { status: 'active'; session: Session };

/** Capabilities the server grants (server/policies/index.ts); the server still checks every call. */
export type Capability =
  | 'user.list'
  | 'user.create'
  | 'user.update'
  | 'user.disable'
  | 'user.resetPassword'
  | 'user.approvePasswordReset'
  | 'user.assignRoles'
  | 'user.setClearance'
  | 'user.unlock'
  | 'user.resetMfa'
  | 'unit.create'
  | 'unit.update'
  | 'audit.read'
  | 'audit.verify'
  | 'admin.console'
  | 'meeting.create'
  | 'room.list'
  | 'room.manage'
  | 'workspace.use';

/** Sign-outs the person chose: the next one to sign in in this browser starts at their own home. */
export const DELIBERATE_SIGN_OUTS: ReadonlySet<SignInNotice> = new Set(['signed_out_here', 'signed_out_everywhere']);

/** Who was signed in (or signing in) in a state, to remember across the end of the session. */
export function signedInUserId(s: SessionState): string | null {
  if (s.status === 'active' || s.status === 'pending') return s.session.user.id;
  return s.status === 'anonymous' ? s.previousUserId : null;
}

export interface SessionApi {
  state: SessionState;
  /** Re-reads the session from the server; null when there is none. */
  refresh(): Promise<Session | null>;
  /** Takes over the answer of a sign-in step (new CSRF token, new stage). */
  adopt(answer: StageAnswer): Promise<Session | null>;
  /** Runs an action that re-issues this session (authenticator enrolment) without treating the old one's end as a sign-out. */
  rotate<T extends { csrfToken: string }>(work: () => Promise<T>): Promise<T>;
  signOut(): Promise<void>;
  signOutEverywhere(): Promise<void>;
  /** Ends the session on this side only (the server already did), showing why on the sign-in page. */
  ended(notice: SignInNotice): void;
  setLocale(locale: Locale): Promise<void>;
  can(capability: Capability): boolean;
}

export const SessionContext = createContext<SessionApi | null>(null);

export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSession outside SessionProvider');
  return api;
}

/** The signed-in session; only for components rendered behind RequireSession. */
export function useActiveSession(): Session {
  const { state } = useSession();
  if (state.status !== 'active') throw new Error('useActiveSession without an active session');
  return state.session;
}
