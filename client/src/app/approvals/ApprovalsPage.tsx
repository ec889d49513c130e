import { Badge, Grid, Select, Space, Spin, Tabs } from 'antd';
import { Suspense } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useCurrentUser } from '../auth/RequireAuth';
import { features } from '../features';
import { useT, useTranslateAny } from '../i18n';
import { badgeCount, useTodos } from '../workbench/useTodos';
import type { ApprovalKind } from './kinds';

/** Every feature's approval kinds the role may decide, in tab order. */
export function approvalKindsFor(role: string, all: readonly ApprovalKind[]): ApprovalKind[] {
  return all.filter((k) => k.roles.some((r) => r === role)).sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
}

/**
 * 审批待办: the leader's inbox over every kind of request the features register (`Feature.approvalKinds`). One kind
 * is shown as it is; several get a tab each (a labelled select on a phone), badged with their to-do counts.
 */
export function ApprovalsPage() {
  const t = useT();
  const { t: word } = useTranslateAny();
  const { role } = useCurrentUser();
  const kinds = approvalKindsFor(role, features.flatMap((f) => f.approvalKinds ?? []));
  const todos = useTodos(kinds.length > 1);
  const [params, setParams] = useSearchParams();
  const active = kinds.find((k) => k.key === params.get('kind')) ?? kinds[0];
  const narrow = Grid.useBreakpoint().md !== true;
  if (!active) return null;
  const body = (
    <Suspense fallback={<Spin />}>
      <active.Inbox />
    </Suspense>
  );
  if (kinds.length === 1) return body;
  const choose = (key: string) => setParams(key === kinds[0].key ? {} : { kind: key }, { replace: true });
  const count = (k: ApprovalKind) => badgeCount(todos.data, k.todoKey ? [k.todoKey] : []);
  return (
    <>
      {narrow ? (
        <Select
          aria-label={t('approvals.kind')}
          value={active.key}
          style={{ width: '100%', marginBottom: 12 }}
          onChange={choose}
          options={kinds.map((k) => ({ value: k.key, label: `${word(k.labelKey)}（${count(k)}）` }))}
        />
      ) : (
        <Tabs
          activeKey={active.key}
          onChange={choose}
          items={kinds.map((k) => ({
            key: k.key,
            label: (
              <Space size={6}>
                {word(k.labelKey)}
                <Badge count={count(k)} showZero color="blue" />
              </Space>
            ),
          }))}
        />
      )}
      {body}
    </>
  );
}
