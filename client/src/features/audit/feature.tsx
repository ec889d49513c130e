import { FileSearchOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { Feature } from '../../app/feature';
import { auditEn } from './i18n.en';
import { auditZhCN } from './i18n.zh-CN';

const AuditLogPage = lazy(() => import('./AuditLogPage').then((m) => ({ default: m.AuditLogPage })));

/** 操作日志: the audit trail of the caller's subtree (HR) or of everything (admin). */
export const auditFeature: Feature = {
  name: 'audit',
  nav: [
    { key: 'auditLog', path: '/audit-log', labelKey: 'nav.auditLog', roles: ['admin', 'hr'], icon: <FileSearchOutlined /> },
  ],
  routes: [{ path: '/audit-log', navKey: 'auditLog', element: <AuditLogPage /> }],
  messages: { 'zh-CN': auditZhCN, en: auditEn },
};
