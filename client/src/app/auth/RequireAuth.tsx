import { Button, Result, Spin } from 'antd';
import { createContext, useContext, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import type { Me } from '../../api/types';
import { isRole, type Role } from '../access-rules';
import { useT } from '../i18n';
import { useAuth, useMe } from './AuthProvider';

export interface CurrentUser {
  me: Me;
  role: Role;
}

const CurrentUserContext = createContext<CurrentUser | null>(null);

export function useCurrentUser(): CurrentUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser() is for pages inside <RequireAuth>');
  return user;
}

export function FullPageSpin() {
  const t = useT();
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}>
      <Spin size="large" description={t('app.loading')} />
    </div>
  );
}

/** Renders its children for a signed-in account whose profile has loaded; otherwise sends to /login and back. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status, signedOut, resumeDelayed, retryResume, signOut } = useAuth();
  const me = useMe();
  const location = useLocation();
  const t = useT();

  if (status === 'resuming' && resumeDelayed) {
    return (
      <Result
        status="warning"
        title={t('auth.resume.delayedTitle')}
        subTitle={t('auth.resume.delayed')}
        extra={[
          <Button key="retry" type="primary" onClick={retryResume}>
            {t('page.retry')}
          </Button>,
          <Button key="out" onClick={() => void signOut()}>
            {t('auth.resume.signInAgain')}
          </Button>,
        ]}
      />
    );
  }
  if (status === 'resuming') return <FullPageSpin />;
  if (status === 'signed-out') return <Navigate to="/login" replace state={signedOut ? null : { from: location }} />;
  if (me.isPending) return <FullPageSpin />;
  if (me.isError || !isRole(me.data.role)) {
    return (
      <Result
        status="error"
        title={t('page.error.title')}
        subTitle={me.error?.message}
        extra={[
          <Button key="retry" type="primary" onClick={() => void me.refetch()}>
            {t('page.retry')}
          </Button>,
          <Button key="out" onClick={() => void signOut()}>
            {t('app.signOut')}
          </Button>,
        ]}
      />
    );
  }
  // Until a temporary password is changed the API answers nothing else (403 password-change-required).
  if (me.data.mustChangePassword && location.pathname !== '/me') return <Navigate to="/me" replace />;
  return <CurrentUserContext.Provider value={{ me: me.data, role: me.data.role }}>{children}</CurrentUserContext.Provider>;
}
