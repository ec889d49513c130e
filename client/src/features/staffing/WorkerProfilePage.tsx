// competency (temporary wiring until feature registration lands)
import { WorkerCompetencyTab } from '../competency/WorkerCompetency';
import { EditOutlined, EyeOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Card, Popconfirm, Result, Skeleton, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/problem';
import type { RotationRequest, Worker } from '../../api/types';
import { canEditStaffing, canRevealIds } from '../../app/access-rules';
import { useCurrentUser } from '../../app/auth/RequireAuth';
import { useT } from '../../app/i18n';
import { useReportError } from '../../app/problems';
import { CreatePostingModal, CreateRotationModal } from './PostingForms';
import { useRotationRequests, useRotationStep, useWorker, useWorkerPostings } from './staffingHooks';
import { ChangeStatusModal, EditWorkerModal, RevealIdModal } from './WorkerForms';
import { ComingSoon, PostingsTable, RotationRequestsTable, WorkerHeaderCard, WorkerInfo } from './WorkerViews';

type Dialog = 'edit' | 'status' | 'reveal' | 'posting' | 'rotation' | null;

function RotationActions({ request }: { request: RotationRequest }) {
  const t = useT();
  const step = useRotationStep();
  const report = useReportError();
  const run = (action: 'submit' | 'withdraw') =>
    step.mutate({ id: request.id, action, version: request.version }, { onError: (e) => report(e) });
  return (
    <Space>
      {request.status === 'draft' && (
        <Button size="small" loading={step.isPending} onClick={() => run('submit')}>
          {t('staffing.rotation.action.submit')}
        </Button>
      )}
      {(request.status === 'draft' || request.status === 'submitted') && (
        <Popconfirm
          title={t('staffing.rotation.confirm.withdraw')}
          okText={t('common.ok')}
          cancelText={t('common.cancel')}
          onConfirm={() => run('withdraw')}
        >
          <Button size="small" danger loading={step.isPending}>
            {t('staffing.rotation.action.withdraw')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}

function Profile({ worker }: { worker: Worker }) {
  const t = useT();
  const { role } = useCurrentUser();
  const editable = canEditStaffing(role);
  const postings = useWorkerPostings(worker.id);
  const requests = useRotationRequests({ workerId: worker.id, pageSize: 100 });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [idNumber, setIdNumber] = useState<string>();
  const active = (postings.data ?? []).filter((p) => !p.endedOn);

  return (
    <>
      <WorkerHeaderCard worker={worker} />
      <Card>
        <Tabs
          items={[
            {
              key: 'info',
              label: t('staffing.profile.tab.info'),
              children: (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {editable && (
                    <Space>
                      <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
                        {t('staffing.worker.action.edit')}
                      </Button>
                      <Button onClick={() => setDialog('status')}>{t('staffing.worker.action.status')}</Button>
                    </Space>
                  )}
                  <WorkerInfo
                    worker={worker}
                    idNumber={idNumber}
                    idAction={
                      canRevealIds(role) ? (
                        <Button size="small" icon={<EyeOutlined />} onClick={() => setDialog('reveal')}>
                          {t('staffing.worker.action.reveal')}
                        </Button>
                      ) : undefined
                    }
                  />
                </Space>
              ),
            },
            {
              key: 'postings',
              label: t('staffing.profile.tab.postings'),
              children: (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {editable && (
                    <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('posting')}>
                      {t('staffing.posting.action.create')}
                    </Button>
                  )}
                  <PostingsTable postings={postings.data ?? []} loading={postings.isPending} />
                </Space>
              ),
            },
            {
              key: 'rotations',
              label: t('staffing.profile.tab.rotations'),
              children: (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {editable && (
                    <Button
                      type="primary"
                      icon={<SwapOutlined />}
                      disabled={active.length === 0}
                      onClick={() => setDialog('rotation')}
                    >
                      {t('staffing.rotation.action.create')}
                    </Button>
                  )}
                  <RotationRequestsTable
                    requests={requests.data?.items ?? []}
                    loading={requests.isPending}
                    actions={editable ? (r) => <RotationActions request={r} /> : undefined}
                  />
                </Space>
              ),
            },
            // competency (temporary wiring until feature registration lands)
            { key: 'competency', label: t('staffing.profile.tab.competency'), children: <WorkerCompetencyTab workerId={worker.id} /> },
            { key: 'training', label: t('staffing.profile.tab.training'), children: <ComingSoon module={t('staffing.profile.tab.training')} /> },
            { key: 'career', label: t('staffing.profile.tab.career'), children: <ComingSoon module={t('staffing.profile.tab.career')} /> },
            { key: 'appraisal', label: t('staffing.profile.tab.appraisal'), children: <ComingSoon module={t('staffing.profile.tab.appraisal')} /> },
          ]}
        />
      </Card>
      {dialog === 'edit' && <EditWorkerModal worker={worker} onClose={() => setDialog(null)} />}
      {dialog === 'status' && <ChangeStatusModal worker={worker} onClose={() => setDialog(null)} />}
      {dialog === 'reveal' && (
        <RevealIdModal
          worker={worker}
          onClose={() => setDialog(null)}
          onRevealed={(id) => {
            setIdNumber(id);
            setDialog(null);
          }}
        />
      )}
      {dialog === 'posting' && <CreatePostingModal worker={worker} onClose={() => setDialog(null)} />}
      {dialog === 'rotation' && (
        <CreateRotationModal
          workerId={worker.id}
          workerName={worker.name}
          postings={active}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}

export function WorkerProfilePage() {
  const t = useT();
  const navigate = useNavigate();
  const { id } = useParams();
  const worker = useWorker(id);
  if (worker.isPending) return <Skeleton active />;
  if (worker.isError)
    return (
      <Result
        status={worker.error instanceof ApiError && worker.error.status === 404 ? '404' : 'error'}
        title={t('page.error.title')}
        subTitle={worker.error.message}
        extra={<Button onClick={() => navigate('/staffing/workers')}>{t('staffing.profile.backToRoster')}</Button>}
      />
    );
  return <Profile worker={worker.data} />;
}
