import { Button, Card, Checkbox, Result, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { features } from '../../app/features';
import { failureMessage, failureStatus } from '../../api/problem';
import { useT } from '../../app/i18n';
import { useWorkerPostings } from './hooks/postings';
import { useRotationRequests } from './hooks/rotations';
import { useMyWorker } from './hooks/workers';
import { CreateRotationModal } from './PostingForms';
import { PostingsTable, RotationActions, RotationRequestsTable, WorkerHeaderCard, WorkerInfo } from './WorkerViews';

/** 我的档案: a worker's own record, postings and rotation requests (with the leader's comment). */
export function MyProfilePage() {
  const t = useT();
  const me = useMyWorker();
  const postings = useWorkerPostings(me.data?.id);
  const [params, setParams] = useSearchParams();
  const openOnly = params.get('rotations') === 'open';
  const requests = useRotationRequests({ pageSize: 100, status: openOnly ? 'open' : undefined }, me.data !== undefined);
  const [asking, setAsking] = useState(false);

  if (me.isPending) return <Skeleton active />;
  if (me.isError) {
    const unlinked = failureStatus(me.error) === 404;
    return (
      <Result
        status={unlinked ? 'info' : 'error'}
        title={unlinked ? t('staffing.myProfile.unlinked') : t('page.error.title')}
        subTitle={unlinked ? t('staffing.myProfile.unlinkedHelp') : failureMessage(me.error)}
      />
    );
  }
  const worker = me.data;
  const activePostings = (postings.data ?? []).filter((p) => p.endedOn === null);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <WorkerHeaderCard worker={worker} />
      <Card title={t('staffing.myProfile.postings')}>
        <PostingsTable postings={postings.data ?? []} loading={postings.isPending} />
      </Card>
      <Card
        title={t('staffing.myProfile.rotations')}
        extra={
          <Button type="primary" onClick={() => setAsking(true)} disabled={activePostings.length === 0}>
            {t('staffing.myProfile.askRotation')}
          </Button>
        }
      >
        <Space wrap style={{ marginBottom: 8 }}>
          <Checkbox
            checked={openOnly}
            onChange={(e) => setParams(e.target.checked ? { rotations: 'open' } : {}, { replace: true })}
          >
            {t('staffing.myProfile.openOnly')}
          </Checkbox>
          <Typography.Text type="secondary">{t('common.total', { total: requests.data?.total ?? 0 })}</Typography.Text>
        </Space>
        <RotationRequestsTable
          requests={requests.data?.items ?? []}
          loading={requests.isPending}
          actions={(r) => <RotationActions request={r} />}
        />
      </Card>
      {asking && (
        <CreateRotationModal
          workerId={worker.id}
          workerName={worker.name}
          postings={activePostings}
          selfService
          onClose={() => {
            setAsking(false);
            void requests.refetch();
          }}
        />
      )}
      {features.flatMap((f) => f.myProfileSections ?? []).map((section) => (
        <div key={section.key}>{section.render()}</div>
      ))}
      <Card title={t('staffing.myProfile.info')}>
        <WorkerInfo worker={worker} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('staffing.myProfile.correctionHint')}
        </Typography.Paragraph>
      </Card>
    </Space>
  );
}
