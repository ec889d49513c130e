import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { PageTitle } from '../a11y/PageTitle';
import { landingPath, mayOpen } from '../access-rules';
import { useCurrentUser } from '../auth/RequireAuth';
import { useT } from '../i18n';

function BackHome() {
  const t = useT();
  const { role } = useCurrentUser();
  const navigate = useNavigate();
  return (
    <Button type="primary" onClick={() => navigate(landingPath(role))}>
      {t('page.backHome')}
    </Button>
  );
}

export function NotFoundPage() {
  const t = useT();
  // The layout gives a known workspace its h1; an unknown address gets its own.
  return (
    <>
      <PageTitle title={t('page.notFound.title')} />
      <Result status="404" subTitle={t('page.notFound.subtitle')} extra={<BackHome />} />
    </>
  );
}

export function ForbiddenPage() {
  const t = useT();
  return <Result status="403" title={t('page.forbidden.title')} subTitle={t('page.forbidden.subtitle')} extra={<BackHome />} />;
}

/** Renders a navigation item's page for the roles that may open it, and the 403 page for everyone else. */
export function RequireWorkspace({ name, children }: { name: string; children: ReactNode }) {
  const { role } = useCurrentUser();
  return mayOpen(role, name) ? children : <ForbiddenPage />;
}
