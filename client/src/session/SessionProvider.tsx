// Loads the session, keeps the CSRF token and the realtime connection in step with it, and ends it cleanly:
// a 401 from any call, `session:ended` from the server, or idleness all lead back to the sign-in page with a reason.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { App } from 'antd';
import { authApi } from '../api/auth.ts';
import { errorMessage } from '../api/errorMessage.ts';
import { ApiError, onUnauthorized, setCsrfToken } from '../api/http.ts';
import { meApi } from '../api/me.ts';
import type { Session, StageAnswer } from '../api/types.ts';
import { applyLocale, isLocale, type Locale } from '../i18n/index.ts';
import { realtime } from '../realtime/connection.ts';
import { IdleWatch } from './IdleWatch.tsx';
import {
  SessionContext,
  type Capability,
  type SessionApi,
  type SessionState,
  type SignInNotice,
  signedInUserId,
} from './sessionContext.ts';

export function SessionProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  // While a session is being re-issued, the server ends the old one and says so over the socket: that is expected.
  const rotating = useRef(false);

  const ended = useCallback((notice: SignInNotice) => {
    realtime.stop();
    setCsrfToken(null);
    setState((s) => ({ status: 'anonymous', notice, previousUserId: signedInUserId(s) }));
  }, []);

  const load = useCallback(async (notice: SignInNotice | null = null): Promise<Session | null> => {
    try {
      const session = await authApi.session();
      setCsrfToken(session.csrfToken);
      // The locale saved on the account wins over this browser's last choice.
      if (isLocale(session.user.locale)) await applyLocale(session.user.locale);
      setState({ status: session.stage === 'active' ? 'active' : 'pending', session });
      return session;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        setCsrfToken(null);
        setState((s) => ({ status: 'anonymous', notice, previousUserId: signedInUserId(s) }));
        return null;
      }
      throw err;
    }
  }, []);

  useEffect(() => {
    load().catch((err: unknown) => {
      // The server is unreachable at start: show the sign-in page, which reports errors as they happen.
      message.error(errorMessage(t, err));
      setState({ status: 'anonymous', notice: null, previousUserId: null });
    });
  }, [load, message, t]);

  useEffect(
    () =>
      onUnauthorized(() =>
        setState((s) => {
          if (s.status === 'active' || s.status === 'pending') {
            realtime.stop();
            setCsrfToken(null);
            return { status: 'anonymous', notice: 'expired', previousUserId: s.session.user.id };
          }
          return s;
        }),
      ),
    [],
  );

  const active = state.status === 'active';
  useEffect(() => {
    if (!active) return undefined;
    realtime.start();
    const offEnded = realtime.on('session:ended', (e) => {
      if (!rotating.current) ended(e.reason === 'expired' ? 'expired' : 'signed_out');
    });
    // Refused at connect: the session may have ended between page load and socket start; ask the server.
    const offRefused = realtime.on('refused', () => {
      if (!rotating.current) void load('expired');
    });
    return () => {
      offEnded();
      offRefused();
      realtime.stop();
    };
  }, [active, ended, load]);

  const api = useMemo<SessionApi>(() => {
    const capabilities = new Set(state.status === 'active' ? state.session.capabilities : []);
    return {
      state,
      refresh: () => load(),
      adopt: async (answer: StageAnswer) => {
        setCsrfToken(answer.csrfToken);
        return load();
      },
      rotate: async (work) => {
        rotating.current = true;
        realtime.stop();
        try {
          const result = await work();
          setCsrfToken(result.csrfToken);
          return result;
        } finally {
          rotating.current = false;
          if (state.status === 'active') realtime.start();
        }
      },
      signOut: async () => {
        realtime.stop();
        try {
          await authApi.signOut();
        } catch (err) {
          // Already signed out on the server (expired): the outcome the user wanted.
          if (!(err instanceof ApiError && err.status === 401)) throw err;
        }
        ended('signed_out_here');
      },
      signOutEverywhere: async () => {
        realtime.stop();
        await authApi.signOutEverywhere();
        ended('signed_out_everywhere');
      },
      ended,
      setLocale: async (locale: Locale) => {
        await applyLocale(locale);
        if (state.status !== 'active') return;
        setState({ status: 'active', session: { ...state.session, user: { ...state.session.user, locale } } });
        try {
          await meApi.setLocale(locale);
        } catch (err) {
          message.warning(t('language.switchFailed', { message: errorMessage(t, err) }));
        }
      },
      can: (capability: Capability) => capabilities.has(capability),
    };
  }, [state, load, ended, message, t]);

  return (
    <SessionContext.Provider value={api}>
      {children}
      {state.status === 'active' && <IdleWatch idleMinutes={state.session.idleMinutes} />}
    </SessionContext.Provider>
  );
}
