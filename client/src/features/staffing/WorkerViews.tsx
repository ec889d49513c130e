import { Button, Card, Descriptions, Empty, Popconfirm, Space, Tag, Typography } from 'antd';
import { ResponsiveTable } from '../../app/ResponsiveTable';
import { useReportError } from '../../app/problems';
import { useSubmitRotation, useWithdrawRotation } from './hooks/rotations';
import type { ReactNode } from 'react';
import type { Posting, RotationRequest, Worker } from '../../api/types';
import { useLocale, useT } from '../../app/i18n';
import { useCodes, useStaffingSettings } from './hooks/reference';
import {
  codeName,
  postingReasonKey,
  postTypeName,
  rotationStatusColor,
  rotationStatusKey,
  workerStatusColor,
  workerStatusKey,
} from './staffingRules';

export function WorkerStatusTag({ status }: { status: string }) {
  const t = useT();
  const key = workerStatusKey(status);
  return <Tag color={workerStatusColor[status]}>{key ? t(key) : status}</Tag>;
}

export function RotationStatusTag({ status }: { status: string }) {
  const t = useT();
  const key = rotationStatusKey(status);
  return <Tag color={rotationStatusColor[status]}>{key ? t(key) : status}</Tag>;
}

/** Name, staff number, unit, primary post, status, age and years of service. */
export function WorkerHeaderCard({ worker, extra }: { worker: Worker; extra?: ReactNode }) {
  const t = useT();
  const [locale] = useLocale();
  const settings = useStaffingSettings();
  return (
    <Card
      title={
        <Space>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {worker.name}
          </Typography.Title>
          <Typography.Text type="secondary">{worker.staffNo}</Typography.Text>
          <WorkerStatusTag status={worker.status} />
          {worker.isDemo && <Tag>{t('staffing.orgUnits.demo')}</Tag>}
        </Space>
      }
      extra={extra}
      style={{ marginBottom: 16 }}
    >
      <Descriptions column={{ xs: 1, md: 3 }} size="small">
        <Descriptions.Item label={t('staffing.worker.field.orgUnit')}>{worker.orgUnitName}</Descriptions.Item>
        <Descriptions.Item label={t('staffing.worker.field.primaryPost')}>
          {worker.primaryPostTitle ? (
            <Space size={4}>
              {worker.primaryPostTitle}
              {worker.primaryPostType && <Tag>{postTypeName(worker.primaryPostType, locale, settings.data, t)}</Tag>}
            </Space>
          ) : (
            t('staffing.worker.noPost')
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('staffing.worker.field.age')}>
          {t('staffing.worker.years', { years: worker.age })}
        </Descriptions.Item>
        <Descriptions.Item label={t('staffing.worker.field.yearsOfService')}>
          {t('staffing.worker.years', { years: worker.yearsOfService })}
        </Descriptions.Item>
        <Descriptions.Item label={t('staffing.worker.field.hireDate')}>{worker.hireDate}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** Every field of the record, national codes by name. */
export function WorkerInfo({ worker, idNumber, idAction }: { worker: Worker; idNumber?: string; idAction?: ReactNode }) {
  const t = useT();
  const [locale] = useLocale();
  const codes = useCodes();
  const code = (kind: 'gender' | 'ethnicGroup' | 'education' | 'politicalStatus', value: string) =>
    codeName(codes.data, kind, value, locale);
  return (
    <Descriptions bordered column={{ xs: 1, md: 2 }} size="small">
      <Descriptions.Item label={t('staffing.worker.field.staffNo')}>{worker.staffNo}</Descriptions.Item>
      <Descriptions.Item label={t('staffing.worker.field.name')}>{worker.name}</Descriptions.Item>
      <Descriptions.Item label={t('staffing.worker.field.idNumber')}>
        <Space>
          <Typography.Text copyable={idNumber ? { text: idNumber } : false}>{idNumber ?? worker.idNumberMasked}</Typography.Text>
          {!idNumber && idAction}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('staffing.worker.field.gender')}>{code('gender', worker.gender)}</Descriptions.Item>
      <Descriptions.Item label={t('staffing.worker.field.birthDate')}>{worker.birthDate}</Descriptions.Item>
      <Descriptions.Item label={t('staffing.worker.field.ethnicGroup')}>{code('ethnicGroup', worker.ethnicGroup)}</Descriptions.Item>
      <Descriptions.Item label={t('staffing.worker.field.politicalStatus')}>
        {code('politicalStatus', worker.politicalStatus)}
      </Descriptions.Item>
      <Descriptions.Item label={t('staffing.worker.field.education')}>{code('education', worker.education)}</Descriptions.Item>
      <Descriptions.Item label={t('staffing.worker.field.phone')}>{worker.phone ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('staffing.worker.field.orgUnit')}>{worker.orgUnitName}</Descriptions.Item>
      <Descriptions.Item label={t('staffing.worker.field.hireDate')}>{worker.hireDate}</Descriptions.Item>
      <Descriptions.Item label={t('staffing.worker.field.serviceStartDate')}>{worker.serviceStartDate}</Descriptions.Item>
      <Descriptions.Item label={t('staffing.worker.field.status')}>
        <WorkerStatusTag status={worker.status} />
      </Descriptions.Item>
      {worker.leftOn && (
        <Descriptions.Item label={t('staffing.worker.field.leftOn')}>
          {worker.leftOn} {worker.leftReason ?? ''}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

export function PostingsTable({
  postings,
  loading,
  actions,
}: {
  postings: readonly Posting[];
  loading: boolean;
  /** An action cell for each row (HR's 结束任职 on active postings). */
  actions?: (p: Posting) => ReactNode;
}) {
  const t = useT();
  const [locale] = useLocale();
  const settings = useStaffingSettings();
  const reason = (r: string) => {
    const key = postingReasonKey(r);
    return key ? t(key) : r;
  };
  return (
    <ResponsiveTable<Posting>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={[...postings]}
      pagination={false}
      aria-label={t('staffing.profile.tab.postings')}
      locale={{ emptyText: t('staffing.posting.empty') }}
      columns={[
        { title: t('staffing.posting.field.orgUnit'), dataIndex: 'orgUnitName' },
        {
          title: t('staffing.posting.field.post'),
          cardTitle: true,
          render: (_, p) => (
            <Space size={4}>
              {p.postTitle}
              <Tag>{postTypeName(p.postType, locale, settings.data, t)}</Tag>
              {p.isPrimary && <Tag color="blue">{t('staffing.posting.primary')}</Tag>}
            </Space>
          ),
        },
        { title: t('staffing.posting.field.startedOn'), dataIndex: 'startedOn' },
        {
          title: t('staffing.posting.field.endedOn'),
          render: (_, p) => (p.endedOn ? p.endedOn : <Tag color="green">{t('staffing.posting.current')}</Tag>),
        },
        { title: t('staffing.posting.field.reason'), render: (_, p) => reason(p.reason) },
        { title: t('staffing.posting.field.endReason'), render: (_, p) => (p.endReason ? reason(p.endReason) : '') },
        ...(actions ? [{ title: t('common.actions'), cardActions: true, render: (_: unknown, p: Posting) => actions(p) }] : []),
      ]}
    />
  );
}

export function RotationRequestsTable({
  requests,
  loading,
  actions,
}: {
  requests: readonly RotationRequest[];
  loading: boolean;
  actions?: (r: RotationRequest) => ReactNode;
}) {
  const t = useT();
  return (
    <ResponsiveTable<RotationRequest>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={[...requests]}
      pagination={false}
      aria-label={t('staffing.profile.tab.rotations')}
      locale={{ emptyText: t('staffing.rotation.empty') }}
      columns={[
        { title: t('staffing.rotation.field.from'), render: (_, r) => `${r.fromOrgUnitName} · ${r.fromPostTitle}` },
        { title: t('staffing.rotation.field.to'), cardTitle: true, render: (_, r) => `${r.toOrgUnitName} · ${r.toPostTitle}` },
        { title: t('staffing.rotation.field.proposedOn'), dataIndex: 'proposedOn' },
        { title: t('staffing.rotation.field.reason'), dataIndex: 'reason' },
        { title: t('staffing.rotation.field.status'), render: (_, r) => <RotationStatusTag status={r.status} /> },
        {
          title: t('staffing.rotation.field.decision'),
          render: (_, r) =>
            r.decidedByName ? (
              <Space orientation="vertical" size={0}>
                <Typography.Text>{r.decisionComment ?? '—'}</Typography.Text>
                <Typography.Text type="secondary">
                  {t('staffing.rotation.decidedBy', { name: r.decidedByName, at: (r.decidedAt ?? '').slice(0, 10) })}
                </Typography.Text>
              </Space>
            ) : (
              ''
            ),
        },
        ...(actions ? [{ title: t('common.actions'), cardActions: true, render: (_: unknown, r: RotationRequest) => actions(r) }] : []),
      ]}
    />
  );
}

/** Tabs whose module comes in a later release (competencies, training, career path, appraisals). */
export function ComingSoon({ module }: { module: string }) {
  const t = useT();
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <>
          <Typography.Text strong>{t('staffing.profile.comingSoon.title', { module })}</Typography.Text>
          <br />
          <Typography.Text type="secondary">{t('staffing.profile.comingSoon.description')}</Typography.Text>
        </>
      }
    />
  );
}

/** Submit a draft, withdraw an open request: the requester's own steps (HR for others, a worker for themself). */
export function RotationActions({ request }: { request: RotationRequest }) {
  const t = useT();
  const submitRequest = useSubmitRotation();
  const withdrawRequest = useWithdrawRotation();
  const report = useReportError();
  const pending = submitRequest.isPending || withdrawRequest.isPending;
  const run = (action: 'submit' | 'withdraw') =>
    (action === 'submit' ? submitRequest : withdrawRequest).mutate(
      { params: { path: { id: request.id } }, body: { version: request.version } },
      { onError: (e) => report(e) },
    );
  return (
    <Space>
      {request.status === 'draft' && (
        <Button size="small" loading={pending} onClick={() => run('submit')}>
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
          <Button size="small" danger loading={pending}>
            {t('staffing.rotation.action.withdraw')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
