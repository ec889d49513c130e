import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { Schemas } from '../../api/types';
import { useT } from '../../app/i18n';
import { useReportError } from '../../app/problems';
import { noWrap, ResponsiveTable } from '../../app/ResponsiveTable';
import { type IngestReport, useImportRatings, useRatings } from './hooks';

const levelColors: Record<number, string> = { 5: 'green', 4: 'green', 3: 'blue', 2: 'orange', 1: 'red' };

/** 好差评: import a sheet of resident ratings with a per-row report; the ratings in scope. */
export function RatingsPage() {
  const t = useT();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useRatings(page);
  const importer = useImportRatings();
  const reportError = useReportError();
  const [report, setReport] = useState<IngestReport | null>(null);
  const title = t('performance.ratings.title');
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{title}</Typography.Title>}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('performance.ratings.importHint')}</Typography.Text>
          <Upload
            accept=".xlsx"
            showUploadList={false}
            customRequest={({ file }) => {
              importer.mutate(file as File, { onSuccess: setReport, onError: (e) => reportError(e) });
            }}
          >
            <Button icon={<UploadOutlined />} loading={importer.isPending}>{t('performance.ratings.import')}</Button>
          </Upload>
          {report && (
            <>
              <Alert
                type={report.rejected > 0 ? 'warning' : 'success'}
                title={t('performance.ratings.report', {
                  received: report.received, created: report.created, duplicates: report.duplicates, rejected: report.rejected,
                  cases: report.rectificationsOpened,
                })}
              />
              <Table<Schemas['IngestLine']>
                size="small"
                rowKey="row"
                dataSource={report.lines.filter((l) => l.status !== 'created' || l.rectificationId)}
                pagination={{ pageSize: 10 }}
                aria-label={t('performance.ratings.result')}
                scroll={{ x: true }}
                columns={[
                  { title: t('performance.ratings.row'), dataIndex: 'row', width: 70 },
                  { title: t('performance.ratings.result'), dataIndex: 'status', render: (s: string) => t(`performance.ratings.status.${s}` as 'performance.ratings.status.created') },
                  { title: t('performance.rect.dueOn'), dataIndex: 'rectificationDueOn' },
                  { title: t('performance.ratings.message'), dataIndex: 'message' },
                ]}
              />
            </>
          )}
        </Space>
      </Card>
      <Card>
        <ResponsiveTable<Schemas['RatingResponse']>
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          aria-label={title}
          pagination={{
            current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0,
            showTotal: (total) => t('common.total', { total }), onChange: (p, pageSize) => setPage({ page: p, pageSize }),
          }}
          columns={[
            { title: t('performance.participants.name'), dataIndex: 'workerName', cardTitle: true },
            { title: t('performance.participants.staffNo'), dataIndex: 'staffNo', ...noWrap },
            { title: t('performance.ratings.item'), dataIndex: 'serviceItem' },
            { title: t('performance.ratings.level'), render: (_, r) => <Tag color={levelColors[r.level]}>{r.levelName}</Tag> },
            { title: t('performance.ratings.ratedAt'), dataIndex: 'ratedOn', ...noWrap },
          ]}
        />
      </Card>
    </Space>
  );
}
