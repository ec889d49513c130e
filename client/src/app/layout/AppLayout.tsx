import {
  ApartmentOutlined,
  AuditOutlined,
  FileSearchOutlined,
  IdcardOutlined,
  LogoutOutlined,
  RadarChartOutlined,
  SolutionOutlined,
  SwapOutlined,
  TeamOutlined,
  UserOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
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
  // competency (temporary wiring until feature registration lands)
  competency: <RadarChartOutlined />,
  myCompetency: <RadarChartOutlined />,
};

export function AppLayout() {
  const t = useT();
  const { me, role } = useCurrentUser();
  const { signOut } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const current = workspaceOf(location.pathname);
  const home = landingPath(role);

  const items = navigationFor(role).map((w) => ({
    key: w.path,
    icon: icons[w.key],
    label: <Link to={w.path}>{t(w.labelKey)}</Link>,
  }));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} width={208} theme="dark">
        <div style={{ color: '#fff', padding: '16px 20px', fontWeight: 600, fontSize: 16, lineHeight: 1.4 }}>
          {t('app.name')}
        </div>
        <nav aria-label={t('app.name')}>
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
            justifyContent: 'flex-end',
            gap: 16,
            borderBottom: '1px solid #f0f0f0',
          }}
        >
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
