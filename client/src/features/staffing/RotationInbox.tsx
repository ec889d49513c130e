import { usePagedTable } from '../../app/usePagedTable';
import { Alert, App, Badge, Button, Card, Form, Grid, Input, Select, Space, Tabs, Typography } from 'antd';
import { FormModal } from '../../app/FormModal';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { noWrap, ResponsiveTable } from '../../app/ResponsiveTable';
import type { RotationCounts, RotationRequest } from '../../api/types';
import { canDecideRotations } from './roles';
import { useCurrentUser } from '../../app/auth/RequireAuth';
import { useT } from '../../app/i18n';
import { useApproveRotation, useRejectRotation, useRotationCounts, useRotationRequests } from './hooks/rotations';
import { useMutationForm } from '../../app/useMutationForm';
import { rotationStatuses, rotationStatusKey, type RotationStatus } from './staffingRules';
import { RotationStatusTag } from './WorkerViews';

const decisionFields = ['comment'] as const;

function DecisionModal({ request, approve, onClose }: { request: RotationRequest; approve: boolean; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ comment?: string }>();
  const approveRotation = useApproveRotation();
  const rejectRotation = useRejectRotation();
  const { submit, refusal, pending } = useMutationForm(approve ? approveRotation : rejectRotation, form, decisionFields, {
    refusals: true,
  });
  const { message } = App.useApp();
  return (
    <FormModal
      title={t(approve ? 'approvals.approve.title' : 'approvals.reject.title', { name: request.workerName })}
      okText={t(approve ? 'approvals.action.approve' : 'approvals.action.reject')}
      loading={pending}
      form={form}
      onClose={onClose}
      okButtonProps={{ danger: !approve }}
    >
      {refusal && (
        <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={refusal.title} description={refusal.detail} />
      )}
      <Typography.Paragraph>
        {t('approvals.move', {
          from: `${request.fromOrgUnitName} · ${request.fromPostTitle}`,
          to: `${request.toOrgUnitName} · ${request.toPostTitle}`,
        })}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={({ comment }) =>
          submit(
            { params: { path: { id: request.id } }, body: { comment: comment?.trim() || null, version: request.version } },
            () => {
              void message.success(t(approve ? 'approvals.approved' : 'approvals.rejected', { name: request.workerName }));
              onClose();
            },
          )
        }
      >
        <Form.Item
          name="comment"
          label={t('approvals.comment')}
          rules={approve ? [] : [{ required: true, whitespace: true, message: t('approvals.commentRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** 审批待办: rotation requests by state, counts per state, approve or reject (leader). */
export function ApprovalsPage() {
  const t = useT();
  const { role } = useCurrentUser();
  const canDecide = canDecideRotations(role);
  const counts = useRotationCounts();
  const [params, setParams] = useSearchParams();
  const asked = params.get('status');
  const status: RotationStatus = rotationStatuses.find((s) => s === asked) ?? 'submitted';
  const paging = usePagedTable();
  const requests = useRotationRequests({ status, ...paging.query });
  const [deciding, setDeciding] = useState<{ request: RotationRequest; approve: boolean } | null>(null);
  const count = (s: RotationStatus) => counts.data?.[s as keyof RotationCounts] ?? 0;
  const narrow = Grid.useBreakpoint().md !== true;
  const visibleStatuses = rotationStatuses.filter((s) => s !== 'draft' || role !== 'leader');
  const selectStatus = (key: string) => {
    setParams(key === 'submitted' ? {} : { status: key }, { replace: true });
    paging.firstPage();
  };

  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('approvals.title')}</Typography.Title>}>
      {narrow ? (
        // On a phone the five tabs would overflow into a "more" menu inside the tab list (not a valid tab): a labelled
        // select holds the same choices, each with its count.
        <Select
          aria-label={t('staffing.rotation.field.status')}
          value={status}
          style={{ width: '100%', marginBottom: 12 }}
          onChange={(key: string) => selectStatus(key)}
          options={visibleStatuses.map((s) => ({
            value: s,
            label: `${t(rotationStatusKey(s) ?? 'staffing.rotationStatus.submitted')}（${count(s)}）`,
          }))}
        />
      ) : (
        <Tabs
          activeKey={status}
          onChange={selectStatus}
          items={visibleStatuses.map((s) => ({
            key: s,
            label: (
              <Space size={6}>
                {t(rotationStatusKey(s) ?? 'staffing.rotationStatus.submitted')}
                <Badge count={count(s)} showZero overflowCount={999} color={s === 'submitted' ? 'blue' : 'gray'} />
              </Space>
            ),
          }))}
        />
      )}
      <ResponsiveTable<RotationRequest>
        rowKey="id"
        loading={requests.isFetching}
        dataSource={requests.data?.items ?? []}
        aria-label={t('approvals.title')}
        scroll={{ x: 1100 }}
        locale={{ emptyText: status === 'submitted' ? t('approvals.empty.title') : t('staffing.rotation.empty') }}
        pagination={paging.pagination(requests.data?.total)}
        columns={[
          {
            title: t('approvals.col.worker'),
            cardTitle: true,
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{r.workerName}</Typography.Text>
                <Typography.Text type="secondary">{r.staffNo}</Typography.Text>
              </Space>
            ),
          },
          {
            title: t('staffing.rotation.field.from'),
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                {r.fromPostTitle}
                <Typography.Text type="secondary">{r.fromOrgUnitName}</Typography.Text>
              </Space>
            ),
          },
          {
            title: t('staffing.rotation.field.to'),
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                {r.toPostTitle}
                <Typography.Text type="secondary">{r.toOrgUnitName}</Typography.Text>
                <Typography.Text type={r.toPostFilled >= r.toPostQuota ? 'danger' : 'secondary'}>
                  {t('approvals.quota', { filled: r.toPostFilled, quota: r.toPostQuota })}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('staffing.rotation.field.proposedOn'), dataIndex: 'proposedOn', width: 110, ...noWrap },
          { title: t('staffing.rotation.field.reason'), dataIndex: 'reason' },
          { title: t('staffing.rotation.field.requester'), dataIndex: 'requestedByName', width: 120 },
          {
            title: t('staffing.rotation.field.status'),
            width: 100,
            render: (_, r) => <RotationStatusTag status={r.status} />,
          },
          {
            title: t('common.actions'),
            width: 160,
            cardActions: true,
            render: (_, r) =>
              canDecide && r.status === 'submitted' ? (
                <Space>
                  <Button type="primary" size="small" onClick={() => setDeciding({ request: r, approve: true })}>
                    {t('approvals.action.approve')}
                  </Button>
                  <Button danger size="small" onClick={() => setDeciding({ request: r, approve: false })}>
                    {t('approvals.action.reject')}
                  </Button>
                </Space>
              ) : (
                (r.decisionComment ?? '')
              ),
          },
        ]}
      />
      {deciding && (
        <DecisionModal request={deciding.request} approve={deciding.approve} onClose={() => setDeciding(null)} />
      )}
    </Card>
  );
}
