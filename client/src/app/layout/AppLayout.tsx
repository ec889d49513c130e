import { DashboardOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Badge, Breadcrumb, Button, Drawer, Dropdown, Grid, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { PageTitle } from '../a11y/PageTitle';
import { SkipLink } from '../a11y/SkipLink';
import { landingPath, navigationFor, roleLabelKey, workspaceOf } from '../access-rules';
import { useAuth } from '../auth/AuthProvider';
import { useCurrentUser } from '../auth/RequireAuth';
import { useLocale, useT, useTranslateAny } from '../i18n';
import { badgeCount, useTodos } from '../workbench/useTodos';
import { LanguageSwitch } from './LanguageSwitch';

function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslateAny();
  const { role } = useCurrentUser();
  const location = useLocation();
  const current = workspaceOf(location.pathname);
  const todos = useTodos();
  const items = navigationFor(role).map((w) => {
    const count = badgeCount(todos.data, w.todoKeys);
    return {
      key: w.path,
      icon: w.icon ?? (w.key === 'workbench' ? <DashboardOutlined /> : undefined),
      label: (
        <Link to={w.path} onClick={onNavigate}>
          {t(w.labelKey)}
          {count > 0 && <Badge count={count} size="small" overflowCount={999} style={{ marginInlineStart: 8, boxShadow: 'none' }} />}
        </Link>
      ),
    };
  });
  return <Menu theme="dark" mode="inline" selectedKeys={current ? [current.path] : []} items={items} />;
}

export function AppLayout() {
  const t = useT();
  const { t: word } = useTranslateAny();
  const { me, role } = useCurrentUser();
  const { signOut } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const current = workspaceOf(location.pathname);
  const home = landingPath(role);
  const screens = Grid.useBreakpoint();
  // Below lg (992 px) the side menu becomes a drawer and the header folds the account into a dropdown.
  const narrow = screens.lg !== true;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [locale, setLocale] = useLocale();
  const scope = t('app.scope', { name: me.orgUnitName ?? t('app.scope.all') });

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <SkipLink />
      {!narrow && (
        <Layout.Sider width={208} theme="dark">
          <div style={{ color: '#fff', padding: '16px 20px', fontWeight: 600, fontSize: 16, lineHeight: 1.4 }}>
            {t('app.name')}
          </div>
          <nav aria-label={t('app.name')}>
            <NavMenu />
          </nav>
        </Layout.Sider>
      )}
      {narrow && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={240}
          title={t('app.name')}
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          <nav aria-label={t('app.name')}>
            <NavMenu onNavigate={() => setDrawerOpen(false)} />
          </nav>
        </Drawer>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          style={{
            background: '#fff',
            padding: narrow ? '0 12px' : '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: narrow ? 'space-between' : 'flex-end',
            gap: 12,
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          {narrow ? (
            <>
              <Space size="small" align="center" style={{ minWidth: 0, lineHeight: 'normal' }}>
                <Button
                  type="text"
                  icon={<MenuOutlined />}
                  aria-label={t('app.menu')}
                  aria-expanded={drawerOpen}
                  aria-haspopup="dialog"
                  onClick={() => setDrawerOpen(true)}
                  style={{ minWidth: 44, minHeight: 44 }}
                />
                <Typography.Text strong ellipsis style={{ maxWidth: 160, display: 'block' }}>
                  {current ? word(current.labelKey) : t('app.name')}
                </Typography.Text>
              </Space>
              <Dropdown
                trigger={['click']}
                menu={{
                  items: [
                    { key: 'who', disabled: true, label: `${me.displayName} · ${t(roleLabelKey[role])}` },
                    ...(role === 'worker' ? [] : [{ key: 'scope', disabled: true, label: scope }]),
                    { type: 'divider' as const },
                    { key: 'me', icon: <UserOutlined />, label: t('nav.me'), onClick: () => navigate('/me') },
                    {
                      key: 'language',
                      label: t('app.language.switch'),
                      onClick: () => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN'),
                    },
                    { key: 'signOut', icon: <LogoutOutlined />, label: t('app.signOut'), onClick: () => void signOut() },
                  ],
                }}
              >
                <Button icon={<UserOutlined />} aria-label={`${t(roleLabelKey[role])} ${t('app.account')}`}>
                  <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                    {t(roleLabelKey[role])}
                  </Tag>
                </Button>
              </Dropdown>
            </>
          ) : (
            <Space size="middle">
              <Typography.Text strong>{me.displayName}</Typography.Text>
              <Tag color="blue">{t(roleLabelKey[role])}</Tag>
              {role !== 'worker' && <Typography.Text type="secondary">{scope}</Typography.Text>}
              <LanguageSwitch />
              <Button
                icon={<LogoutOutlined />}
                onClick={() => void signOut()} // RequireAuth then shows the sign-in page
              >
                {t('app.signOut')}
              </Button>
            </Space>
          )}
        </Layout.Header>
        <Layout.Content style={{ padding: narrow ? 12 : 24 }}>
          <Breadcrumb
            style={{ marginBottom: 16 }}
            items={[
              { title: <Link to={home}>{t('app.home')}</Link> },
              ...(current && current.path !== home ? [{ title: word(current.labelKey) }] : []),
            ]}
          />
          {current && <PageTitle title={word(current.labelKey)} />}
          {me.mustChangePassword && location.pathname !== '/me' && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('app.mustChangePassword')}
              action={
                <Button size="small" onClick={() => navigate('/me')}>
                  {t('app.mustChangePassword.action')}
                </Button>
              }
            />
          )}
          <Suspense fallback={<Spin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
