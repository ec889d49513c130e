import { Card, DatePicker, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { Schemas } from '../../api/types';
import { isRole, roleLabelKey } from '../../app/access-rules';
import { useT, useTranslateAny } from '../../app/i18n';
import { describeChanges } from './changes';
import { useAuditLog, type AuditQuery } from './hooks';
import { SearchInput } from '../../app/a11y/SearchInput';

type Entry = Schemas['AuditLogEntryResponse'];

/** The change as field: before → after, in words where the modules' dictionaries have them. */
function Changes({ changes }: { changes: unknown }) {
  const { t: word, has } = useTranslateAny();
  const lines = describeChanges(changes);
  if (lines.length === 0) return <>—</>;
  const label = (field: string) => (has(`auditField.${field}`) ? word(`auditField.${field}`) : field);
  return (
    <Space orientation="vertical" size={0}>
      {lines.map((line) => (
        <Typography.Text key={line.field}>
          {label(line.field)}: {line.before !== undefined ? `${line.before} → ` : ''}
          {line.after ?? '—'}
        </Typography.Text>
      ))}
    </Space>
  );
}

export function AuditLogPage() {
  const t = useT();
  const { t: word, has } = useTranslateAny();
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
    {
      title: t('audit.col.action'),
      dataIndex: 'action',
      key: 'action',
      render: (a: string) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text>{has(`auditAction.${a}`) ? word(`auditAction.${a}`) : a}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('audit.col.entity'),
      dataIndex: 'entityType',
      key: 'entityType',
      render: (e: string) => (has(`auditEntity.${e}`) ? word(`auditEntity.${e}`) : e),
    },
    {
      title: t('audit.col.changes'),
      key: 'changes',
      render: (_, entry) => <Changes changes={entry.changes} />,
    },
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
        <DatePicker.RangePicker
          aria-label={t('audit.filter.dates')}
          onChange={(range) =>
            setQuery((current) => ({
              ...current,
              page: 1,
              from: range?.[0]?.startOf('day').toISOString(),
              to: range?.[1]?.endOf('day').toISOString(),
            }))
          }
        />
      </Space>
      <Table<Entry>
        rowKey="id"
        size="middle"
        loading={log.isFetching}
        columns={columns}
        dataSource={log.data?.items ?? []}
        locale={{ emptyText: t('audit.empty') }}
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
