import { Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../app/i18n';
import { noWrap, ResponsiveTable } from '../../app/ResponsiveTable';
import { AssessmentModal } from './CycleDetailPage';
import { type Participant, usePendingAssessments } from './hooks';

/** 待录入的考核: participants of cycles collecting inputs whose street or peer score is missing (the HR workbench card). */
export function PendingAssessmentsPage() {
  const t = useT();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = usePendingAssessments(page);
  const [entering, setEntering] = useState<Participant | null>(null);
  const title = t('performance.assessments-to-enter');
  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{title}</Typography.Title>}>
      <ResponsiveTable<Participant>
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
          { title: t('performance.cycles.name'), dataIndex: 'cycleName' },
          {
            title: t('common.actions'),
            render: (_, p) => (
              <Button size="small" aria-label={`${t('performance.participants.enter')} ${p.workerName}`} onClick={() => setEntering(p)}>
                {t('performance.participants.enter')}
              </Button>
            ),
          },
        ]}
      />
      {entering && <AssessmentModal participant={entering} onClose={() => setEntering(null)} />}
    </Card>
  );
}
