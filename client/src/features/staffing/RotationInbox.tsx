import { usePagedTable } from '../../app/usePagedTable';
import { CheckOutlined } from '@ant-design/icons';
import { Alert, App, Badge, Button, Card, Descriptions, Drawer, Form, Grid, Input, Select, Space, Tabs, Timeline, Typography } from 'antd';
import { FormModal } from '../../app/FormModal';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { noWrap, ResponsiveTable } from '../../app/ResponsiveTable';
import type { RotationCounts, RotationRequest } from '../../api/types';
import { canDecideRotations } from './roles';
import { useCurrentUser } from '../../app/auth/RequireAuth';
import { useT, useTranslateAny } from '../../app/i18n';
import { useApproveRotation, useRejectRotation, useRotationCounts, useRotationRequests } from './hooks/rotations';
import { useWorkerPostings } from './hooks/postings';
import { useMutationForm } from '../../app/useMutationForm';
import { decideEach, type ItemResult } from '../../app/approvals/decideEach';
import { BatchResults } from '../../app/approvals/BatchResults';
import { useReturnFocus } from '../../app/a11y/useReturnFocus';
import { rotationStatuses, rotationStatusKey, yearsBetween, type RotationStatus } from './staffingRules';
import { RotationStatusTag } from './WorkerViews';
import { ApiError, problemTypes } from '../../api/problem';

const decisionFields = ['comment'] as const;

const moveText = (r: RotationRequest) => `${r.fromOrgUnitName} · ${r.fromPostTitle} → ${r.toOrgUnitName} · ${r.toPostTitle}`;

/** A submitted request whose target post still has room: what batch approval offers. */
const passesChecks = (r: RotationRequest) => r.status === 'submitted' && r.toPostFilled < r.toPostQuota;

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
          required={!approve}
          rules={approve ? [] : [{ required: true, whitespace: true, message: t('approvals.commentRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

const dateTime = (iso: string | null | undefined) => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');

/** The request in a drawer: who, from where to where, why, who asked and when, the worker's postings; decide here. */
function RotationDrawer({
  request,
  canDecide,
  onDecide,
  onClose,
}: {
  request: RotationRequest;
  canDecide: boolean;
  onDecide: (approve: boolean) => void;
  onClose: () => void;
}) {
  const t = useT();
  const { t: word } = useTranslateAny();
  useReturnFocus();
  const narrow = Grid.useBreakpoint().md !== true;
  const postings = useWorkerPostings(request.workerId);
  const full = request.toPostFilled >= request.toPostQuota;
  return (
    <Drawer
      open
      onClose={onClose}
      size={narrow ? '100%' : 560}
      title={t('approvals.drawer.title', { name: request.workerName })}
      closable={{ 'aria-label': t('approvals.drawer.close') }}
      footer={
        canDecide && request.status === 'submitted' ? (
          <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
            <Button danger onClick={() => onDecide(false)}>
              {t('approvals.action.reject')}
            </Button>
            <Button type="primary" onClick={() => onDecide(true)}>
              {t('approvals.action.approve')}
            </Button>
          </Space>
        ) : undefined
      }
    >
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'worker', label: t('approvals.col.worker'), children: `${request.workerName}（${request.staffNo}）` },
          { key: 'status', label: t('staffing.rotation.field.status'), children: <RotationStatusTag status={request.status} /> },
          {
            key: 'from',
            label: t('staffing.rotation.field.from'),
            children: (
              <Space orientation="vertical" size={0}>
                {`${request.fromOrgUnitName} · ${request.fromPostTitle}`}
                <Typography.Text type="secondary">
                  {t('approvals.drawer.since', {
                    date: request.fromStartedOn,
                    years: yearsBetween(request.fromStartedOn, new Date().toISOString().slice(0, 10)),
                  })}
                </Typography.Text>
              </Space>
            ),
          },
          {
            key: 'to',
            label: t('staffing.rotation.field.to'),
            children: (
              <Space orientation="vertical" size={0}>
                {`${request.toOrgUnitName} · ${request.toPostTitle}`}
                <Typography.Text type={full ? 'danger' : 'secondary'}>
                  {t('approvals.quota', { filled: request.toPostFilled, quota: request.toPostQuota })}
                  {full ? ` · ${t('approvals.drawer.full')}` : ''}
                </Typography.Text>
              </Space>
            ),
          },
          { key: 'proposedOn', label: t('staffing.rotation.field.proposedOn'), children: request.proposedOn },
          { key: 'reason', label: t('staffing.rotation.field.reason'), children: request.reason },
          {
            key: 'requester',
            label: t('staffing.rotation.field.requester'),
            children: `${request.requestedByName}（${word(`role.${request.requestedRole}`)}）`,
          },
          { key: 'submittedAt', label: t('approvals.drawer.submittedAt'), children: dateTime(request.submittedAt) },
          ...(request.decidedAt
            ? [
                {
                  key: 'decision',
                  label: t('staffing.rotation.field.decision'),
                  children: `${request.decidedByName ?? ''} ${dateTime(request.decidedAt)} ${request.decisionComment ?? ''}`.trim(),
                },
              ]
            : []),
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        {t('approvals.drawer.history')}
      </Typography.Title>
      <Timeline
        items={(postings.data ?? []).map((p) => ({
          key: p.id,
          color: p.endedOn ? 'gray' : 'green',
          content: `${p.startedOn} ~ ${p.endedOn ?? t('approvals.drawer.now')}　${p.orgUnitName} · ${p.postTitle}`,
        }))}
      />
    </Drawer>
  );
}

/** Why one approval of a batch failed, in words: a request that moved on meanwhile says what it became. */
function useDescribeRefusal() {
  const t = useT();
  return (error: unknown): { title: string; detail?: string } => {
    if (!(error instanceof ApiError)) return { title: error instanceof Error ? error.message : String(error) };
    const current = error.problem?.currentStatus;
    const key = typeof current === 'string' ? rotationStatusKey(current) : undefined;
    if (error.problem?.type === problemTypes.invalidTransition && key) {
      return { title: t('approvals.batch.movedOn', { status: t(key) }) };
    }
    return { title: error.problem?.title ?? `HTTP ${error.status}`, detail: error.problem?.detail ?? undefined };
  };
}

/** The batch approval's optional comment, then each selected request approved by its own call. */
function BatchApproveModal({
  requests,
  onDone,
  onClose,
}: {
  requests: RotationRequest[];
  onDone: (results: ItemResult<RotationRequest>[]) => void;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ comment?: string }>();
  const approve = useApproveRotation();
  const describeRefusal = useDescribeRefusal();
  const [running, setRunning] = useState(false);
  return (
    <FormModal
      title={t('approvals.batch.title', { count: requests.length })}
      okText={t('approvals.action.approve')}
      loading={running}
      form={form}
      onClose={onClose}
    >
      <ul style={{ paddingInlineStart: 20 }}>
        {requests.map((r) => (
          <li key={r.id}>{`${r.workerName}：${moveText(r)}`}</li>
        ))}
      </ul>
      <Form
        form={form}
        layout="vertical"
        onFinish={async ({ comment }) => {
          setRunning(true);
          const results = await decideEach(
            requests,
            (r) => approve.mutateAsync({ params: { path: { id: r.id } }, body: { comment: comment?.trim() || null, version: r.version } }),
            describeRefusal,
          );
          setRunning(false);
          onDone(results);
        }}
      >
        <Form.Item name="comment" label={t('approvals.comment')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** 轮岗申请 in the approvals inbox: requests by state, counts per state, a detail drawer, approve or reject, batch approve. */
export function RotationInbox() {
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
  const [viewing, setViewing] = useState<RotationRequest | null>(null);
  const [selected, setSelected] = useState<RotationRequest[]>([]);
  const [batching, setBatching] = useState(false);
  const [results, setResults] = useState<ItemResult<RotationRequest>[] | null>(null);
  const count = (s: RotationStatus) => counts.data?.[s as keyof RotationCounts] ?? 0;
  const narrow = Grid.useBreakpoint().md !== true;
  const visibleStatuses = rotationStatuses.filter((s) => s !== 'draft' || role !== 'leader');
  const selectStatus = (key: string) => {
    const next = new URLSearchParams(params);
    if (key === 'submitted') next.delete('status');
    else next.set('status', key);
    setParams(next, { replace: true });
    setSelected([]);
    paging.firstPage();
  };
  const batchable = canDecide && status === 'submitted';

  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('approvals.rotations.title')}</Typography.Title>}>
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
      {results && (
        <BatchResults
          results={results}
          name={(r) => `${r.workerName}（${r.staffNo}）`}
          action={t('approvals.action.approve')}
          onClose={() => setResults(null)}
        />
      )}
      {batchable && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Button
            type="primary"
            icon={<CheckOutlined />}
            disabled={selected.length === 0}
            onClick={() => setBatching(true)}
          >
            {t('approvals.batch.approve', { count: selected.length })}
          </Button>
          <Typography.Text type="secondary">{t('approvals.batch.hint')}</Typography.Text>
        </Space>
      )}
      <ResponsiveTable<RotationRequest>
        rowKey="id"
        loading={requests.isFetching}
        dataSource={requests.data?.items ?? []}
        aria-label={t('approvals.rotations.title')}
        scroll={{ x: 1070 }}
        locale={{ emptyText: status === 'submitted' ? t('approvals.empty.title') : t('staffing.rotation.empty') }}
        pagination={paging.pagination(requests.data?.total)}
        rowSelection={
          batchable
            ? {
                selectedRowKeys: selected.map((r) => r.id),
                // A select-all box would also sit in the table's hidden measuring row (a focusable element in an
                // aria-hidden row); each row's box is named after its worker instead.
                hideSelectAll: true,
                onChange: (_keys, rows) => setSelected(rows),
                getCheckboxProps: (r) => ({ disabled: !passesChecks(r), 'aria-label': t('approvals.batch.select', { name: r.workerName }) }),
              }
            : undefined
        }
        selectLabel={(r) => t('approvals.batch.select', { name: r.workerName })}
        columns={[
          {
            title: t('approvals.col.worker'),
            cardTitle: true,
            width: 110,
            ...noWrap,
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{r.workerName}</Typography.Text>
                <Typography.Text type="secondary">{r.staffNo}</Typography.Text>
              </Space>
            ),
          },
          {
            title: t('staffing.rotation.field.from'),
            width: 170,
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                {r.fromPostTitle}
                <Typography.Text type="secondary">{r.fromOrgUnitName}</Typography.Text>
              </Space>
            ),
          },
          {
            title: t('staffing.rotation.field.to'),
            width: 180,
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
          { title: t('staffing.rotation.field.requester'), dataIndex: 'requestedByName', width: 130 },
          // Every request on the 待审批 tab is waiting: the status column says something only on the other tabs.
          ...(status === 'submitted'
            ? []
            : [
                {
                  title: t('staffing.rotation.field.status'),
                  width: 90,
                  render: (_: unknown, r: RotationRequest) => <RotationStatusTag status={r.status} />,
                },
              ]),
          {
            title: t('common.actions'),
            width: 190,
            cardActions: true,
            render: (_, r) => (
              <Space wrap>
                <Button size="small" onClick={() => setViewing(r)} aria-label={t('approvals.drawer.open', { name: r.workerName })}>
                  {t('common.details')}
                </Button>
                {canDecide && r.status === 'submitted' ? (
                  <>
                    <Button type="primary" size="small" onClick={() => setDeciding({ request: r, approve: true })}>
                      {t('approvals.action.approve')}
                    </Button>
                    <Button danger size="small" onClick={() => setDeciding({ request: r, approve: false })}>
                      {t('approvals.action.reject')}
                    </Button>
                  </>
                ) : (
                  (r.decisionComment ?? '')
                )}
              </Space>
            ),
          },
        ]}
      />
      {viewing && (
        <RotationDrawer
          request={viewing}
          canDecide={canDecide}
          onClose={() => setViewing(null)}
          onDecide={(approve) => setDeciding({ request: viewing, approve })}
        />
      )}
      {deciding && (
        <DecisionModal
          request={deciding.request}
          approve={deciding.approve}
          onClose={() => {
            setDeciding(null);
            setViewing(null);
          }}
        />
      )}
      {batching && (
        <BatchApproveModal
          requests={selected}
          onClose={() => setBatching(false)}
          onDone={(r) => {
            setResults(r);
            setSelected([]);
            setBatching(false);
          }}
        />
      )}
    </Card>
  );
}
