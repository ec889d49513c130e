import { Card, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { unwrap } from '../../api/client';
import type { Schemas } from '../../api/types';
import { isRole, roleLabelKey } from '../../app/access-rules';
import { useT } from '../../app/i18n';
import { useApi } from '../../app/services';
import { SearchInput } from '../../app/a11y/SearchInput';

type Entry = Schemas['AuditLogEntryResponse'];
type EntryPage = Schemas['PagedResultOfAuditLogEntryResponse'];

interface AuditQuery {
  page: number;
  pageSize: number;
  q?: string;
  action?: string;
  userName?: string;
}

/** The audit log: admin sees everything, HR the records of their own subtree (the API scopes it). */
function useAuditLog(query: AuditQuery) {
  const api = useApi();
  return useQuery({
    queryKey: ['platform', 'audit-log', query],
    queryFn: async () =>
      (await unwrap(
        api.GET('/api/audit-log', {
          params: {
            query: {
              page: query.page,
              pageSize: query.pageSize,
              q: query.q || undefined,
              action: query.action || undefined,
              userName: query.userName || undefined,
            },
          },
        }),
      )) as EntryPage,
    placeholderData: keepPreviousData,
  });
}

export function AuditLogPage() {
  const t = useT();
  const [query, setQuery] = useState<AuditQuery>({ page: 1, pageSize: 20 });
  const log = useAuditLog(query);

  const columns: TableProps<Entry>['columns'] = [
    {
      title: t('audit.col.time'),
      dataIndex: 'occurredAt',
      key: 'occurredAt',
      width: 170,
      render: (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm:ss'),
    },
    { title: t('audit.col.user'), dataIndex: 'userName', key: 'userName' },
    {
      title: t('audit.col.role'),
      dataIndex: 'role',
      key: 'role',
      render: (role: string) => <Tag>{isRole(role) ? t(roleLabelKey[role]) : role}</Tag>,
    },
    { title: t('audit.col.action'), dataIndex: 'action', key: 'action', render: (a: string) => <Typography.Text code>{a}</Typography.Text> },
    { title: t('audit.col.entity'), dataIndex: 'entityType', key: 'entityType' },
    { title: t('audit.col.reason'), dataIndex: 'reason', key: 'reason', render: (r: string | null) => r ?? '—' },
  ];

  return (
    <Card title={t('audit.title')}>
      <Typography.Paragraph type="secondary">{t('audit.hint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <SearchInput
          allowClear
          style={{ width: 280 }}
          placeholder={t('audit.filter.q')}
          aria-label={t('audit.filter.q')}
          onSearch={(q) => setQuery((current) => ({ ...current, page: 1, q }))}
        />
        <SearchInput
          allowClear
          style={{ width: 280 }}
          placeholder={t('audit.filter.action')}
          aria-label={t('audit.filter.action')}
          onSearch={(action) => setQuery((current) => ({ ...current, page: 1, action }))}
        />
        <SearchInput
          allowClear
          style={{ width: 200 }}
          placeholder={t('audit.filter.userName')}
          aria-label={t('audit.filter.userName')}
          onSearch={(userName) => setQuery((current) => ({ ...current, page: 1, userName }))}
        />
      </Space>
      <Table<Entry>
        rowKey="id"
        size="middle"
        loading={log.isFetching}
        columns={columns}
        dataSource={log.data?.items ?? []}
        locale={{ emptyText: t('audit.empty') }}
        expandable={{
          rowExpandable: (entry) => entry.changes !== null && entry.changes !== undefined,
          expandedRowRender: (entry) => (
            <div>
              <Typography.Text type="secondary">{t('audit.col.changes')}</Typography.Text>
              <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(entry.changes, null, 2)}</pre>
            </div>
          ),
        }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: log.data?.total ?? 0,
          showSizeChanger: true,
          onChange: (page, pageSize) => setQuery((current) => ({ ...current, page, pageSize })),
        }}
      />
    </Card>
  );
}
