// The providers every page needs: Ant Design (theme and locale following the interface language, motion following
// the device's reduced-motion setting), the session, and the router.
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router-dom';
import { useReducedMotion } from './components/useReducedMotion.ts';
import { router } from './routes.tsx';
import { SessionProvider } from './session/SessionProvider.tsx';
import { theme } from './theme.ts';

export function Root() {
  const { i18n } = useTranslation();
  const reducedMotion = useReducedMotion();
  const themeConfig = useMemo(
    () => (reducedMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme),
    [reducedMotion],
  );
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      theme={themeConfig}
      wave={{ disabled: reducedMotion }}
      button={{ autoInsertSpace: false }}
    >
      {/* Pop-up notices open below the header, so they never cover the bell or the account menu. */}
      <AntApp notification={{ placement: 'topRight', top: 72 }}>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
