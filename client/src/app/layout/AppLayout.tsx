import {
  ApartmentOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  AuditOutlined,
  FileSearchOutlined,
  IdcardOutlined,
  LogoutOutlined,
  SolutionOutlined,
  SwapOutlined,
  TeamOutlined,
  UserOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { PageTitle } from '../a11y/PageTitle';
import { SkipLink } from '../a11y/SkipLink';
import { useA11yText } from '../a11y/messages';
import { landingPath, navigationFor, roleLabelKey, workspaceOf, type WorkspaceKey } from '../access-rules';
import { useAuth } from '../auth/AuthProvider';
import { useCurrentUser } from '../auth/RequireAuth';
import { useT } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';

const icons: Record<WorkspaceKey, ReactNode> = {
  orgUnits: <ApartmentOutlined />,
  roster: <UsergroupAddOutlined />,
  posts: <SolutionOutlined />,
  rotations: <SwapOutlined />,
  accounts: <TeamOutlined />,
  auditLog: <FileSearchOutlined />,
  approvals: <AuditOutlined />,
  myProfile: <IdcardOutlined />,
  me: <UserOutlined />,
};

export function AppLayout() {
  const t = useT();
  const { me, role } = useCurrentUser();
  const { signOut } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const current = workspaceOf(location.pathname);
  const home = landingPath(role);
  const text = useA11yText();
  // Below the lg breakpoint the menu folds away behind a real button; folded, its links leave the tab order.
  const [narrow, setNarrow] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const menuHidden = narrow && collapsed;
  useEffect(() => {
    if (narrow) setCollapsed(true);
  }, [location.pathname, narrow]);

  const items = navigationFor(role).map((w) => ({
    key: w.path,
    icon: icons[w.key],
    label: <Link to={w.path}>{t(w.labelKey)}</Link>,
  }));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <SkipLink />
      <Layout.Sider
        breakpoint="lg"
        collapsedWidth={0}
        width={208}
        theme="dark"
        trigger={null}
        collapsible
        collapsed={collapsed}
        onBreakpoint={(broken) => {
          setNarrow(broken);
          setCollapsed(broken);
        }}
      >
        <div style={{ color: '#fff', padding: '16px 20px', fontWeight: 600, fontSize: 16, lineHeight: 1.4 }}>
          {t('app.name')}
        </div>
        <nav id="cw-navigation" aria-label={t('app.name')} inert={menuHidden}>
          <Menu theme="dark" mode="inline" selectedKeys={current ? [current.path] : []} items={items} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: narrow ? 'space-between' : 'flex-end',
            gap: 16,
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          {narrow && (
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              aria-label={collapsed ? text.openMenu : text.closeMenu}
              aria-expanded={!collapsed}
              aria-controls="cw-navigation"
              onClick={() => setCollapsed((c) => !c)}
              style={{ minWidth: 44, minHeight: 44 }}
            />
          )}
          <Space size="middle" wrap>
            <Typography.Text strong>{me.displayName}</Typography.Text>
            <Tag color="blue">{t(roleLabelKey[role])}</Tag>
            <Typography.Text type="secondary">
              {t('app.scope', { name: me.orgUnitName ?? t('app.scope.all') })}
            </Typography.Text>
            <LanguageSwitch />
            <Button
              icon={<LogoutOutlined />}
              onClick={() => void signOut()} // RequireAuth then shows the sign-in page
            >
              {t('app.signOut')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Breadcrumb
            style={{ marginBottom: 16 }}
            items={[
              { title: <Link to={home}>{t('app.home')}</Link> },
              ...(current ? [{ title: t(current.labelKey) }] : []),
            ]}
          />
          {current && <PageTitle title={t(current.labelKey)} />}
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
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
