import { EditOutlined, EyeOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Card, Result, Skeleton, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { failureMessage, failureStatus } from '../../api/problem';
import type { Posting, Worker } from '../../api/types';
import { canEditStaffing, canRevealIds } from './roles';
import { useCurrentUser } from '../../app/auth/RequireAuth';
import { features } from '../../app/features';
import { useT, useTranslateAny } from '../../app/i18n';
import { CreatePostingModal, CreateRotationModal, EndPostingModal } from './PostingForms';
import { useWorkerPostings } from './hooks/postings';
import { useRotationRequests } from './hooks/rotations';
import { useWorker } from './hooks/workers';
import { ChangeStatusModal, EditWorkerModal, RevealIdModal } from './WorkerForms';
import { ComingSoon, PostingsTable, RotationActions, RotationRequestsTable, WorkerHeaderCard, WorkerInfo } from './WorkerViews';

const comingSoon = [
  { key: 'competency', module: 'competency', labelKey: 'staffing.profile.tab.competency' },
  { key: 'training', module: 'training', labelKey: 'staffing.profile.tab.training' },
  { key: 'career', module: 'career', labelKey: 'staffing.profile.tab.career' },
  { key: 'appraisal', module: 'performance', labelKey: 'staffing.profile.tab.appraisal' },
] as const;

type Dialog = 'edit' | 'status' | 'reveal' | 'posting' | 'rotation' | null;

function Profile({ worker }: { worker: Worker }) {
  const t = useT();
  const { role } = useCurrentUser();
  const editable = canEditStaffing(role);
  const postings = useWorkerPostings(worker.id);
  const requests = useRotationRequests({ workerId: worker.id, pageSize: 100 });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [ending, setEnding] = useState<Posting | null>(null);
  const [idNumber, setIdNumber] = useState<string>();
  const active = (postings.data ?? []).filter((p) => !p.endedOn);
  const { t: word } = useTranslateAny();
  // Tabs of the other modules (能力, 培训, 职业发展, 考核) come from their features; a module not yet delivered keeps a
  // placeholder tab.
  const provided = features.filter((f) => (f.profileTabs ?? []).length > 0).map((f) => f.name);
  const otherTabs = [
    ...features
      .flatMap((f) => f.profileTabs ?? [])
      .filter((tab) => tab.roles.includes(role))
      .map((tab) => ({ key: tab.key, label: word(tab.labelKey), children: tab.render(worker.id) })),
    ...comingSoon
      .filter((c) => !provided.includes(c.module))
      .map((c) => ({ key: c.key, label: t(c.labelKey), children: <ComingSoon module={t(c.labelKey)} /> })),
  ];

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
                  <PostingsTable
                    postings={postings.data ?? []}
                    loading={postings.isPending}
                    actions={
                      editable
                        ? (p) =>
                            p.endedOn ? null : (
                              <Button size="small" danger onClick={() => setEnding(p)}>
                                {t('staffing.posting.action.end')}
                              </Button>
                            )
                        : undefined
                    }
                  />
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
            ...otherTabs,
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
      {ending && <EndPostingModal posting={ending} onClose={() => setEnding(null)} />}
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
        status={failureStatus(worker.error) === 404 ? '404' : 'error'}
        title={t('page.error.title')}
        subTitle={failureMessage(worker.error)}
        extra={<Button onClick={() => navigate('/staffing/workers')}>{t('staffing.profile.backToRoster')}</Button>}
      />
    );
  return <Profile worker={worker.data} />;
}
