import { TeamOutlined, UserOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { Feature } from '../../app/feature';
import { accessEn } from './i18n.en';
import { accessZhCN } from './i18n.zh-CN';

const AccountsPage = lazy(() => import('./AccountsPage').then((m) => ({ default: m.AccountsPage })));
const MePage = lazy(() => import('./MePage').then((m) => ({ default: m.MePage })));

/** 账号: account management (admin) and everyone's own account page. */
export const accessFeature: Feature = {
  name: 'access',
  nav: [
    { key: 'accounts', path: '/admin/accounts', labelKey: 'nav.accounts', roles: ['admin'], icon: <TeamOutlined /> },
    {
      key: 'me',
      path: '/me',
      labelKey: 'nav.me',
      roles: ['admin', 'hr', 'leader', 'worker'],
      icon: <UserOutlined />,
      order: 1000,
    },
  ],
  routes: [
    { path: '/admin/accounts', navKey: 'accounts', element: <AccountsPage /> },
    { path: '/me', navKey: 'me', element: <MePage /> },
  ],
  messages: { 'zh-CN': accessZhCN, en: accessEn },
};
