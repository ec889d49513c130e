import { failureMessage } from '../../api/problem';
import { Button, Card, Popconfirm, Result, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import type { Account, AccountWithPassword, OrgUnitNode } from '../../api/types';
import { isRole, roleLabelKey, roles } from '../../app/access-rules';
import { useT } from '../../app/i18n';
import { useReportError } from '../../app/problems';
import { useOrgTree } from '../staffing/hooks/orgUnits';
import { CreateAccountModal, TemporaryPasswordModal } from './AccountForms';
import { useAccounts, useDisableAccount, useEnableAccount, useResetPassword, type AccountAction, type AccountQuery } from './hooks';
import { SearchInput } from '../../app/a11y/SearchInput';

function unitNames(nodes: readonly OrgUnitNode[], into = new Map<string, string>()): Map<string, string> {
  for (const node of nodes) {
    into.set(node.id, node.name);
    unitNames(node.children, into);
  }
  return into;
}

type StatusFilter = 'all' | 'active' | 'disabled';

export function AccountsPage() {
  const t = useT();
  const report = useReportError();
  const [query, setQuery] = useState<AccountQuery>({ page: 1, pageSize: 20 });
  const [status, setStatus] = useState<StatusFilter>('all');
  const accounts = useAccounts(query);
  const tree = useOrgTree();
  const names = useMemo(() => unitNames(tree.data ?? []), [tree.data]);
  const disable = useDisableAccount();
  const enable = useEnableAccount();
  const reset = useResetPassword();
  const [creating, setCreating] = useState(false);
  const [password, setPassword] = useState<AccountWithPassword | null>(null);

  const run = (account: Account, kind: AccountAction) => {
    const init = { params: { path: { id: account.id } }, body: { version: account.version } };
    const onError = (error: unknown) => report(error);
    if (kind === 'reset-password') reset.mutate(init, { onSuccess: setPassword, onError });
    else (kind === 'disable' ? disable : enable).mutate(init, { onError });
  };

  const columns: TableProps<Account>['columns'] = [
    { title: t('access.accounts.col.userName'), dataIndex: 'userName', key: 'userName', sorter: true },
    { title: t('access.accounts.col.displayName'), dataIndex: 'displayName', key: 'displayName', sorter: true },
    {
      title: t('access.accounts.col.role'),
      dataIndex: 'role',
      key: 'role',
      sorter: true,
      render: (role: string) => <Tag color="blue">{isRole(role) ? t(roleLabelKey[role]) : role}</Tag>,
    },
    {
      title: t('access.accounts.col.orgUnit'),
      dataIndex: 'orgUnitId',
      key: 'orgUnit',
      render: (id: string | null) => (id ? (names.get(id) ?? '—') : t('app.scope.all')),
    },
    {
      title: t('access.accounts.col.status'),
      key: 'status',
      render: (_, a) => (
        <Space size={4} wrap>
          {a.disabled ? (
            <Tag color="red">{t('access.accounts.status.disabled')}</Tag>
          ) : (
            <Tag color="green">{t('access.accounts.status.active')}</Tag>
          )}
          {a.lockedUntil && dayjs(a.lockedUntil).isAfter(dayjs()) && (
            <Tag color="orange">{t('access.accounts.status.locked')}</Tag>
          )}
          {a.mustChangePassword && <Tag color="gold">{t('access.accounts.status.mustChangePassword')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('access.accounts.col.lastSignInAt'),
      dataIndex: 'lastSignInAt',
      key: 'lastSignInAt',
      sorter: true,
      render: (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : t('access.accounts.never')),
    },
    {
      title: t('access.accounts.col.actions'),
      key: 'actions',
      render: (_, a) => (
        <Space size={0} wrap>
          {a.disabled ? (
            <Popconfirm
              title={t('access.accounts.confirm.enable', { name: a.displayName })}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() => run(a, 'enable')}
            >
              <Button type="link">{t('access.accounts.action.enable')}</Button>
            </Popconfirm>
          ) : (
            <Popconfirm
              title={t('access.accounts.confirm.disable', { name: a.displayName })}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() => run(a, 'disable')}
            >
              <Button type="link" danger>
                {t('access.accounts.action.disable')}
              </Button>
            </Popconfirm>
          )}
          <Popconfirm
            title={t('access.accounts.confirm.resetPassword', { name: a.displayName })}
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            onConfirm={() => run(a, 'reset-password')}
          >
            <Button type="link">{t('access.accounts.action.resetPassword')}</Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  const onTableChange: TableProps<Account>['onChange'] = (pagination, _filters, sorter) => {
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = single?.order ? String(single.columnKey ?? single.field) : undefined;
    setQuery((q) => ({
      ...q,
      page: pagination.current ?? 1,
      pageSize: pagination.pageSize ?? q.pageSize,
      sort: field ? `${single?.order === 'descend' ? '-' : ''}${field}` : undefined,
    }));
  };

  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{t('access.accounts.title')}</Typography.Title>}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('access.accounts.action.create')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <SearchInput
          allowClear
          placeholder={t('access.accounts.search')}
          aria-label={t('access.accounts.search')}
          style={{ width: 260 }}
          onSearch={(value) => setQuery((q) => ({ ...q, page: 1, q: value.trim() || undefined }))}
        />
        <Select
          aria-label={t('access.accounts.roleFilter')}
          style={{ width: 180 }}
          value={query.role ?? ''}
          onChange={(value: string) => setQuery((q) => ({ ...q, page: 1, role: value || undefined }))}
          options={[
            { value: '', label: t('access.accounts.allRoles') },
            ...roles.map((r) => ({ value: r, label: t(roleLabelKey[r]) })),
          ]}
        />
        <Select<StatusFilter>
          aria-label={t('access.accounts.statusFilter')}
          style={{ width: 140 }}
          value={status}
          onChange={(value) => {
            setStatus(value);
            setQuery((q) => ({ ...q, page: 1, disabled: value === 'all' ? undefined : value === 'disabled' }));
          }}
          options={[
            { value: 'all', label: t('access.accounts.allStatuses') },
            { value: 'active', label: t('access.accounts.status.active') },
            { value: 'disabled', label: t('access.accounts.status.disabled') },
          ]}
        />
      </Space>
      {accounts.isError ? (
        <Result
          status="error"
          title={t('page.error.title')}
          subTitle={failureMessage(accounts.error)}
          extra={<Button onClick={() => void accounts.refetch()}>{t('page.retry')}</Button>}
        />
      ) : (
        <Table<Account>
          rowKey="id"
          columns={columns}
          dataSource={accounts.data?.items ?? []}
          loading={accounts.isFetching}
          locale={{ emptyText: t('access.accounts.empty') }}
          onChange={onTableChange}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: accounts.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('access.accounts.total', { total }),
          }}
        />
      )}
      {creating && (
        <CreateAccountModal
          onClose={() => setCreating(false)}
          onCreated={(result) => {
            setCreating(false);
            setPassword(result);
          }}
        />
      )}
      {password && <TemporaryPasswordModal result={password} onClose={() => setPassword(null)} />}
    </Card>
  );
}
