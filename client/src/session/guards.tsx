// Route guards: a page behind RequireSession needs a finished sign-in; RequireCapability hides what the policies deny.
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { PageLoading } from '../components/PageLoading.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { DELIBERATE_SIGN_OUTS, signedInUserId, useSession, type Capability } from './sessionContext.ts';

export interface SignInRedirect {
  from?: string;
  /** Whose page it was: after sign-in only that person goes back to it; anyone else starts at their own home. */
  forUserId?: string | null;
}

export function RequireSession({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <PageLoading fullScreen />;
  if (state.status !== 'active') {
    // Signing out on purpose forgets the page: the next person in this browser must not land on it.
    if (state.status === 'anonymous' && state.notice && DELIBERATE_SIGN_OUTS.has(state.notice))
      return <Navigate to="/sign-in" replace />;
    const redirect: SignInRedirect = {
      from: `${location.pathname}${location.search}`,
      forUserId: signedInUserId(state),
    };
    return <Navigate to="/sign-in" replace state={redirect} />;
  }
  return children;
}

export function RequireCapability({ capability, children }: { capability: Capability; children: ReactNode }) {
  const { can } = useSession();
  // Not "forbidden": a page the person cannot use is one that does not exist for them.
  return can(capability) ? children : <NotFoundPage />;
}

export function RequireAnyCapability({ capabilities, children }: { capabilities: Capability[]; children: ReactNode }) {
  const { can } = useSession();
  return capabilities.some(can) ? children : <NotFoundPage />;
}
