// 登录: password, then the second factor (or its forced enrolment), then a forced password change, as the server's
// session stage demands. Reloading the page resumes at the same step.
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { meApi } from '../../api/me.ts';
import { AuthenticatorEnrolment } from '../../components/AuthenticatorEnrolment.tsx';
import { AuthLayout } from '../../components/AuthLayout.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { PasswordChangeForm } from '../../components/PasswordChangeForm.tsx';
import type { Session } from '../../api/types.ts';
import type { SignInRedirect } from '../../session/guards.tsx';
import { useSession } from '../../session/sessionContext.ts';
import { PasswordStep } from './PasswordStep.tsx';
import { ResetWithCodesStep } from './ResetWithCodesStep.tsx';
import { SecondFactorStep } from './SecondFactorStep.tsx';
import { withNote } from '../../i18n/punctuation.ts';

/**
 * Where a finished sign-in lands: back on the page the same person was sent here from (an expired session, a link
 * opened while signed out), otherwise on their own home — 管理 for the administrators, the workbench for everyone else.
 */
function landing(redirect: SignInRedirect | null, session: Session): string {
  const home = session.capabilities.includes('admin.console') ? '/admin' : '/';
  const from = redirect?.from;
  if (!from || from.startsWith('/sign-in')) return home;
  if (redirect.forUserId && redirect.forUserId !== session.user.id) return home;
  return from;
}

export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  // A failure that ended the pending sign-in (lockout during the second factor) is shown on the password step.
  const [carried, setCarried] = useState<unknown>(null);
  // A user who lost their password sets a new one with the two halves of a reset code; afterwards they sign in.
  const [resetting, setResetting] = useState<'no' | 'yes' | 'done'>('no');
  const { state } = session;

  if (state.status === 'loading') return <PageLoading fullScreen />;
  if (state.status === 'active')
    return <Navigate to={landing(location.state as SignInRedirect | null, state.session)} replace />;
  if (state.status === 'anonymous') {
    if (resetting === 'yes')
      return (
        <AuthLayout title={t('signIn.reset.title')}>
          <ResetWithCodesStep onDone={() => setResetting('done')} onCancel={() => setResetting('no')} />
        </AuthLayout>
      );
    return (
      <AuthLayout title={t('signIn.title')}>
        {resetting === 'done' && (
          <Alert type="success" showIcon title={t('signIn.reset.done')} style={{ marginBottom: 16 }} />
        )}
        <PasswordStep notice={state.notice} carriedError={carried} onSignedIn={() => setCarried(null)} />
        <Button type="link" block onClick={() => setResetting('yes')} style={{ marginTop: 8, color: '#5b6476' }}>
          {t('signIn.reset.link')}
        </Button>
      </AuthLayout>
    );
  }

  const abandon = (
    <Button type="link" block onClick={() => void session.signOut()} style={{ marginTop: 8, color: '#5b6476' }}>
      {t('signIn.otherAccount')}
    </Button>
  );
  const { stage, user } = state.session;
  switch (stage) {
    case 'mfa':
      return (
        <AuthLayout title={t('signIn.secondFactorTitle')}>
          <SecondFactorStep
            onFatal={(err) => {
              setCarried(err);
              void session.refresh();
            }}
          />
          {abandon}
        </AuthLayout>
      );
    case 'mfa_enrolment':
      return (
        <AuthLayout title={t('signIn.enrolTitle')}>
          <Alert type="info" showIcon title={t('signIn.enrolRequired')} style={{ marginBottom: 16 }} />
          <AuthenticatorEnrolment
            confirm={meApi.confirmEnrolment}
            onDone={async (result) => {
              await session.adopt(result);
            }}
          />
          {abandon}
        </AuthLayout>
      );
    case 'password_change':
      return (
        <AuthLayout title={t('signIn.passwordChangeTitle')}>
          <Alert
            type="info"
            showIcon
            title={t('signIn.passwordChangeRequired')}
            description={withNote(t, user.displayName, user.username)}
            style={{ marginBottom: 16 }}
          />
          <PasswordChangeForm
            temporary
            onDone={async () => {
              await session.refresh();
            }}
          />
          {abandon}
        </AuthLayout>
      );
    case 'active':
      // The provider maps an active stage to the active status; this case only completes the switch.
      return <Navigate to="/" replace />;
  }
}
