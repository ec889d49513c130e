import type { auditZhCN } from './i18n.zh-CN';

export const auditEn: Record<keyof typeof auditZhCN, string> = {
  'nav.auditLog': 'Audit log',
  'audit.title': 'Audit log',
  'audit.hint': 'Every change, and every reveal or export of ID numbers and personal-data download (who, when, why). HR officers see the records of their own area only.',
  'audit.filter.action': 'Action code (prefix), e.g. staffing.worker',
  'audit.filter.userName': 'User name',
  'audit.filter.q': 'Search action, user, entity type or reason',
  'audit.col.time': 'Time',
  'audit.col.user': 'User',
  'audit.col.role': 'Role',
  'audit.col.action': 'Action',
  'audit.col.entity': 'Entity',
  'audit.col.reason': 'Reason',
  'audit.col.changes': 'Changes',
  'audit.empty': 'No matching records',
};
