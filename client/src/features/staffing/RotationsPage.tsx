import { usePagedTable } from '../../app/usePagedTable';
import { DownloadOutlined, SwapOutlined } from '@ant-design/icons';
import { App, Button, Card, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { DueForRotation, RotationRequest } from '../../api/types';
import { useT } from '../../app/i18n';
import { noWrap, ResponsiveTable } from '../../app/ResponsiveTable';
import { CreateRotationModal } from './PostingForms';
import { useStaffingSettings } from './hooks/reference';
import { useDueForRotation, useRotationRequests } from './hooks/rotations';
import { useExportRotations } from './hooks/listExports';
import { useReportError } from '../../app/problems';
import { rotationStatuses, rotationStatusKey } from './staffingRules';
import { RotationStatusTag } from './WorkerViews';

/** 轮岗管理: who is due for rotation, and every request with its state. */
export function RotationsPage() {
  const t = useT();
  const settings = useStaffingSettings();
  const duePaging = usePagedTable({ pageSize: 10 });
  const due = useDueForRotation(duePaging.query);
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? undefined;
  const setStatus = (next: string | undefined) => setParams(next ? { status: next } : {}, { replace: true });
  const reqPaging = usePagedTable();
  const requests = useRotationRequests({ status, ...reqPaging.query });
  const [filing, setFiling] = useState<DueForRotation | null>(null);
  const exportRotations = useExportRotations();
  const report = useReportError();
  const { message } = App.useApp();

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('staffing.rotations.due.title')}
          </Typography.Title>
        }
        extra={
          settings.data && (
            <Typography.Text type="secondary">
              {t('staffing.rotations.due.threshold', { years: settings.data.rotationThresholdYears })}
            </Typography.Text>
          )
        }
      >
        <ResponsiveTable<DueForRotation>
          rowKey="postingId"
          size="small"
          loading={due.isFetching}
          dataSource={due.data?.items ?? []}
          aria-label={t('staffing.rotations.due.title')}
          locale={{ emptyText: t('staffing.rotations.due.empty') }}
          pagination={duePaging.pagination(due.data?.total)}
          columns={[
            { title: t('staffing.worker.field.staffNo'), dataIndex: 'staffNo', width: 110, ...noWrap },
            {
              title: t('staffing.worker.field.name'),
              cardTitle: true,
              render: (_, d) => <Link to={`/staffing/workers/${d.workerId}`}>{d.workerName}</Link>,
            },
            { title: t('staffing.posting.field.orgUnit'), dataIndex: 'orgUnitName' },
            { title: t('staffing.posting.field.post'), dataIndex: 'postTitle' },
            { title: t('staffing.posting.field.startedOn'), dataIndex: 'startedOn', ...noWrap },
            {
              title: t('staffing.rotations.due.years'),
              dataIndex: 'yearsInPost',
              render: (y: number) => t('staffing.worker.years', { years: y }),
            },
            {
              title: t('common.actions'),
              cardActions: true,
              render: (_, d) =>
                d.hasOpenRequest ? (
                  <Tag color="processing">{t('staffing.rotations.due.hasOpen')}</Tag>
                ) : (
                  <Button size="small" icon={<SwapOutlined />} onClick={() => setFiling(d)}>
                    {t('staffing.rotation.action.create')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <Card
        title={t('staffing.rotations.requests.title')}
        extra={
          <Space wrap>
            <Select
              allowClear
              style={{ width: 140 }}
              placeholder={t('staffing.rotations.statusFilter')}
              aria-label={t('staffing.rotations.statusFilter')}
              value={status}
              onChange={(v?: string) => {
                setStatus(v);
                reqPaging.firstPage();
              }}
              options={rotationStatuses.map((s) => ({ value: s, label: t(rotationStatusKey(s) ?? 'staffing.rotationStatus.draft') }))}
            />
            <Button
              icon={<DownloadOutlined />}
              loading={exportRotations.isPending}
              onClick={() =>
                exportRotations.mutate(
                  { query: { status }, fallback: t('staffing.rotations.exportFile') },
                  { onSuccess: () => void message.success(t('staffing.rotations.exported')), onError: (e) => report(e) },
                )
              }
            >
              {t('common.export')}
            </Button>
          </Space>
        }
      >
        <ResponsiveTable<RotationRequest>
          rowKey="id"
          size="small"
          loading={requests.isFetching}
          dataSource={requests.data?.items ?? []}
          aria-label={t('staffing.rotations.requests.title')}
          locale={{ emptyText: t('staffing.rotation.empty') }}
          pagination={reqPaging.pagination(requests.data?.total)}
          columns={[
            {
              title: t('staffing.worker.field.name'),
              cardTitle: true,
              render: (_, r) => <Link to={`/staffing/workers/${r.workerId}`}>{`${r.workerName}（${r.staffNo}）`}</Link>,
            },
            { title: t('staffing.rotation.field.from'), render: (_, r) => `${r.fromOrgUnitName} · ${r.fromPostTitle}` },
            { title: t('staffing.rotation.field.to'), render: (_, r) => `${r.toOrgUnitName} · ${r.toPostTitle}` },
            { title: t('staffing.rotation.field.proposedOn'), dataIndex: 'proposedOn', ...noWrap },
            { title: t('staffing.rotation.field.requester'), dataIndex: 'requestedByName' },
            { title: t('staffing.rotation.field.status'), render: (_, r) => <RotationStatusTag status={r.status} /> },
            { title: t('staffing.rotation.field.decision'), render: (_, r) => r.decisionComment ?? '' },
          ]}
        />
      </Card>
      {filing && (
        <CreateRotationModal
          workerId={filing.workerId}
          workerName={filing.workerName}
          postings={[{ id: filing.postingId, postId: filing.postId, postTitle: filing.postTitle, orgUnitName: filing.orgUnitName }]}
          fromPostingId={filing.postingId}
          onClose={() => setFiling(null)}
        />
      )}
    </Space>
  );
}
