import { App, Button, Card, Checkbox, Drawer, Form, Input, InputNumber, Progress, Space, Table, Tag } from 'antd';
import type { GetProps } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useCurrentUser } from '../../app/auth/RequireAuth';
import { useReportError } from '../../app/problems';
import { OrgUnitTreeSelect } from '../staffing/OrgUnitTreeSelect';
import { AssessmentForm } from './AssessmentForm';
import { useAssessment, useAssessments, useCampaigns, useCreateCampaign, useFrameworks, useOrgTree, type AssessmentSummary, type Campaign } from './hooks';
import { useCt } from './i18n';
import { postTypeKey, postTypes, statusColor, statusKey } from './labels';

interface CampaignForm {
  name: string;
  frameworkId?: string;
  orgUnitId: string;
  postTypes: string[];
  periodStart: string;
  periodEnd: string;
  deadline: string;
  supervisorWeight: number;
}

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * A checkbox group as a required form field. The form item marks its control `aria-required`, which the group role does
 * not take (axe: aria-allowed-attr, critical); the label's required mark and the field's error message say it instead.
 */
function RequiredCheckboxGroup(props: GetProps<typeof Checkbox.Group> & { 'aria-required'?: unknown }) {
  const { 'aria-required': _notForAGroup, ...rest } = props;
  return <Checkbox.Group {...rest} />;
}

/** Campaigns with their progress; a campaign's assessments, each assessed by the supervisor and finalised here. */
export function CampaignsPage() {
  const ct = useCt();
  const { role } = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const waiting = params.get('waiting') === 'supervisor';
  const campaigns = useCampaigns(params.get('overdue') === 'true');
  const [creating, setCreating] = useState(false);
  const [campaignId, setCampaignId] = useState<string>();
  const [assessmentId, setAssessmentId] = useState<string>();
  const canEdit = role === 'hr' || role === 'admin';

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {canEdit && !creating && (
        <Button type="primary" onClick={() => setCreating(true)}>
          {ct('competency.campaign.new')}
        </Button>
      )}
      {creating && <CampaignEditor onDone={(id) => { setCreating(false); if (id) setCampaignId(id); }} />}
      <Table<Campaign>
        rowKey="id"
        size="small"
        loading={campaigns.isLoading}
        dataSource={campaigns.data?.items ?? []}
        pagination={false}
        scroll={{ x: true }}
        onRow={(c) => ({ onClick: () => { setCampaignId(c.id); setParams({}); } })}
        columns={[
          { title: ct('competency.campaign.name'), dataIndex: 'name' },
          { title: ct('competency.campaign.unit'), dataIndex: 'orgUnitName' },
          {
            title: ct('competency.assessment.status'),
            render: (_, c) => (
              <Space>
                <Tag color={statusColor[c.status]}>{ct(statusKey(c.status))}</Tag>
                {c.overdue && <Tag color="red">{ct('competency.campaign.overdue')}</Tag>}
              </Space>
            ),
          },
          { title: ct('competency.campaign.deadline'), dataIndex: 'deadline' },
          {
            title: ct('competency.campaign.progress'),
            render: (_, c) => (
              <div style={{ minWidth: 160 }}>
                <Progress size="small" aria-label={ct('competency.campaign.progress')} percent={c.total ? Math.round((c.finalised * 100) / c.total) : 0} success={{ percent: c.total ? Math.round((c.supervisorSubmitted * 100) / c.total) : 0 }} />
                {`${ct('competency.campaign.self')} ${c.selfSubmitted}/${c.total} · ${ct('competency.campaign.supervisor')} ${c.supervisorSubmitted}/${c.total} · ${ct('competency.status.finalised')} ${c.finalised}/${c.total}`}
              </div>
            ),
          },
        ]}
      />
      {(campaignId || waiting) && (
        <Card title={waiting ? ct('competency.campaign.waitingSupervisor') : ct('competency.campaign.assessments')}>
          <AssessmentList campaignId={waiting ? undefined : campaignId} waiting={waiting} onOpen={setAssessmentId} />
        </Card>
      )}
      <Drawer open={assessmentId !== undefined} onClose={() => setAssessmentId(undefined)} size="large" title={ct('competency.assessment.open')}>
        {/* Focusable, so that a finalised (read-only) assessment taller than the drawer can still be scrolled by keyboard. */}
        <div tabIndex={0} role="region" aria-label={ct('competency.assessment.open')}>
          {assessmentId && <SupervisorView id={assessmentId} canFinalise={role !== 'worker'} />}
        </div>
      </Drawer>
    </Space>
  );
}

function AssessmentList({ campaignId, waiting, onOpen }: { campaignId?: string; waiting: boolean; onOpen: (id: string) => void }) {
  const ct = useCt();
  const [page, setPage] = useState(1);
  const list = useAssessments({ campaignId, waiting: waiting ? 'supervisor' : undefined, page });
  const done = (at: string | null | undefined) => (at ? <Tag color="green">{ct('competency.assessment.done')}</Tag> : <Tag>{ct('competency.assessment.pending')}</Tag>);
  return (
    <Table<AssessmentSummary>
      rowKey="id"
      size="small"
      loading={list.isLoading}
      dataSource={list.data?.items ?? []}
      scroll={{ x: true }}
      pagination={{ current: page, pageSize: 50, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
      columns={[
        { title: ct('competency.assessment.worker'), render: (_, a) => `${a.workerName}（${a.staffNo}）` },
        { title: ct('competency.candidates.unit'), dataIndex: 'orgUnitName' },
        { title: ct('competency.campaign.self'), render: (_, a) => done(a.selfSubmittedAt) },
        { title: ct('competency.campaign.supervisor'), render: (_, a) => done(a.supervisorSubmittedAt) },
        { title: ct('competency.assessment.status'), render: (_, a) => <Tag color={statusColor[a.status]}>{ct(statusKey(a.status))}</Tag> },
        { title: ct('competency.assessment.fit'), render: (_, a) => a.fitScore ?? '—' },
        {
          title: '',
          render: (_, a) => (
            <Button size="small" onClick={() => onOpen(a.id)} aria-label={`${ct('competency.assessment.open')} ${a.workerName}`}>
              {ct('competency.assessment.open')}
            </Button>
          ),
        },
      ]}
    />
  );
}

function SupervisorView({ id, canFinalise }: { id: string; canFinalise: boolean }) {
  const assessment = useAssessment(id);
  const { role } = useCurrentUser();
  if (!assessment.data) return <Card loading />;
  const who = role === 'hr' || role === 'leader' || role === 'admin' ? 'supervisor' : 'none';
  return (
    <AssessmentForm
      key={`${id}-${assessment.data.assessment.version}`}
      assessment={assessment.data}
      who={who}
      canFinalise={canFinalise}
    />
  );
}

function CampaignEditor({ onDone }: { onDone: (id?: string) => void }) {
  const ct = useCt();
  const { message } = App.useApp();
  const report = useReportError();
  const frameworks = useFrameworks();
  const tree = useOrgTree();
  const create = useCreateCampaign();
  const [form] = Form.useForm<CampaignForm>();
  const published = (frameworks.data?.items ?? []).filter((f) => f.status === 'published');
  const year = today().slice(0, 4);
  return (
    <Card title={ct('competency.campaign.new')}>
      <Form<CampaignForm>
        form={form}
        layout="vertical"
        initialValues={{ postTypes: ['staff'], periodStart: `${year}-01-01`, periodEnd: today(), deadline: today(), supervisorWeight: 100 }}
        onFinish={(v) =>
          create.mutate(
            { ...v, frameworkId: v.frameworkId ?? published[0]?.id },
            {
              onSuccess: (c) => {
                void message.success(ct('competency.campaign.created'));
                onDone(c.id);
              },
              onError: (err) => report(err, form, ['name', 'frameworkId', 'orgUnitId', 'postTypes', 'periodStart', 'periodEnd', 'deadline', 'supervisorWeight']),
            },
          )
        }
      >
        <Space wrap align="start">
          <Form.Item name="name" label={ct('competency.campaign.name')} rules={[{ required: true, max: 100 }]}>
            <Input style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="frameworkId" label={ct('competency.profile.framework')}>
            <select aria-label={ct('competency.profile.framework')}>
              {published.map((f) => (
                <option key={f.id} value={f.id}>{`${f.nameZh} ${ct('competency.framework.version', { n: f.versionNo })}`}</option>
              ))}
            </select>
          </Form.Item>
          <Form.Item name="orgUnitId" label={ct('competency.campaign.unit')} rules={[{ required: true }]}>
            <OrgUnitTreeSelect tree={tree.data ?? []} loading={tree.isLoading} />
          </Form.Item>
        </Space>
        <Form.Item name="postTypes" label={ct('competency.campaign.postTypes')} rules={[{ required: true }]}>
          <RequiredCheckboxGroup options={postTypes.map((p) => ({ value: p, label: ct(postTypeKey(p)) }))} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="periodStart" label={ct('competency.campaign.periodStart')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="periodEnd" label={ct('competency.campaign.periodEnd')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="deadline" label={ct('competency.campaign.deadline')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="supervisorWeight" label={ct('competency.campaign.supervisorWeight')}>
            <InputNumber min={0} max={100} />
          </Form.Item>
        </Space>
        <Space>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {ct('competency.campaign.new')}
          </Button>
          <Button onClick={() => onDone()}>×</Button>
        </Space>
      </Form>
    </Card>
  );
}
