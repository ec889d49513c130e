import { Button, Card, Descriptions, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { fileNameFrom, saveBlob } from '../../api/files';
import { useCurrentUser } from '../../app/auth/RequireAuth';
import { FormModal } from '../../app/FormModal';
import { useT } from '../../app/i18n';
import { useReportError } from '../../app/problems';
import { noWrap, ResponsiveTable } from '../../app/ResponsiveTable';
import {
  type BoardLine, type Incentive, type Participant, useBoard, useCalibrate, useCycle, useCycleAction, useEnterAssessment,
  useExportIncentives, useExportResults, useIncentives, useParticipants,
} from './hooks';
import { GradeTag, gradeCodes, PartsTable, yuan } from './shared';

/** One cycle: its stage and actions, the calibration board against the 优秀 quota, the participants, and incentive pay once published. */
export function CycleDetailPage() {
  const t = useT();
  const { id = '' } = useParams();
  const { role } = useCurrentUser();
  const cycle = useCycle(id);
  const board = useBoard(id);
  const [page, setPage] = useState({ page: 1, pageSize: 20, q: '' });
  const participants = useParticipants(id, { page: page.page, pageSize: page.pageSize, q: page.q || undefined });
  const action = useCycleAction();
  const exporter = useExportResults();
  const report = useReportError();
  const [entering, setEntering] = useState<Participant | null>(null);
  const [calibrating, setCalibrating] = useState<Participant | null>(null);
  const c = cycle.data;
  if (!c) return <Card loading />;
  const hr = role === 'hr' || role === 'admin';
  const run = (a: 'advance' | 'publish' | 'score') => action.mutate({ id, action: a, version: c.version }, { onError: (e) => report(e) });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={<Typography.Title level={4} style={{ margin: 0 }}>{c.name}</Typography.Title>}
        extra={
          <Space wrap>
            {hr && ['planning', 'collecting', 'published'].includes(c.status) && (
              <Button type="primary" loading={action.isPending} onClick={() => run('advance')}>{t('performance.cycle.advance')}</Button>
            )}
            {hr && ['collecting', 'calibrating'].includes(c.status) && (
              <Button loading={action.isPending} onClick={() => run('score')}>{t('performance.cycle.rescore')}</Button>
            )}
            {role === 'leader' && c.status === 'calibrating' && (
              <Button type="primary" loading={action.isPending} onClick={() => run('publish')}>{t('performance.cycle.publish')}</Button>
            )}
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
          <Descriptions.Item label={t('performance.cycles.status')}>
            <Tag>{t(`performance.status.${c.status}` as 'performance.status.planning')}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('performance.cycles.period')}>{`${c.periodStart} ~ ${c.periodEnd}`}</Descriptions.Item>
          <Descriptions.Item label={t('performance.cycles.participants')}>{c.participants}</Descriptions.Item>
          <Descriptions.Item label={t('performance.cycles.entryDeadline')}>{c.entryDeadline}</Descriptions.Item>
          <Descriptions.Item label={t('performance.cycles.calibrationDeadline')}>{c.calibrationDeadline}</Descriptions.Item>
          <Descriptions.Item label={t('performance.cycle.quota')}>{`≤ ${c.excellentQuotaPercent}%`}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('performance.cycle.board')}>
        <ResponsiveTable<BoardLine>
          rowKey="orgUnitId"
          size="small"
          pagination={false}
          loading={board.isFetching}
          dataSource={board.data?.units ?? []}
          aria-label={t('performance.cycle.board')}
          columns={[
            { title: t('performance.cycle.unit'), dataIndex: 'unitName', cardTitle: true },
            { title: t('performance.cycles.participants'), dataIndex: 'participants', width: 80 },
            {
              title: t('performance.grade.excellent'),
              render: (_, u) => (
                <Tag color={u.overQuota ? 'red' : 'green'}>{`${u.excellent} / ${u.excellentQuota}`}</Tag>
              ),
            },
            { title: t('performance.grade.competent'), dataIndex: 'competent', width: 70 },
            { title: t('performance.grade.basic'), dataIndex: 'basic', width: 80 },
            { title: t('performance.grade.incompetent'), dataIndex: 'incompetent', width: 80 },
            { title: t('performance.cycle.departmentScore'), dataIndex: 'departmentScore', width: 90 },
          ]}
        />
      </Card>
      <Card title={t('performance.participants.title')}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Input.Search
              allowClear
              aria-label={t('performance.participants.search')}
              placeholder={t('performance.participants.search')}
              onSearch={(q) => setPage((p) => ({ ...p, page: 1, q }))}
              style={{ maxWidth: 320 }}
            />
            <Button
              loading={exporter.isPending}
              onClick={() =>
                exporter.mutate(
                  { id, query: { q: page.q || undefined } },
                  {
                    onSuccess: ({ blob, disposition }) => saveBlob(blob, fileNameFrom(disposition, 'appraisal-results.xlsx')),
                    onError: (e) => report(e),
                  },
                )
              }
            >
              {t('performance.export.results')}
            </Button>
          </Space>
          <ResponsiveTable<Participant>
            rowKey="id"
            size="small"
            loading={participants.isFetching}
            dataSource={participants.data?.items ?? []}
            aria-label={t('performance.participants.title')}
            expandable={{ expandedRowRender: (p) => <PartsTable parts={p.parts} />, rowExpandable: (p) => p.parts.length > 0 }}
            pagination={{
              current: page.page, pageSize: page.pageSize, total: participants.data?.total ?? 0,
              showTotal: (total) => t('common.total', { total }), onChange: (p, pageSize) => setPage((s) => ({ ...s, page: p, pageSize })),
            }}
            columns={[
              { title: t('performance.participants.name'), dataIndex: 'workerName', cardTitle: true },
              { title: t('performance.participants.staffNo'), dataIndex: 'staffNo', ...noWrap },
              {
                title: t('performance.participants.score'),
                render: (_, p) => (
                  <Space size={4}>
                    {p.score ?? '—'}
                    {p.moved && <Tag title={p.placementNote ?? ''}>{t('performance.participants.moved')}</Tag>}
                  </Space>
                ),
              },
              { title: t('performance.participants.proposed'), render: (_, p) => <GradeTag grade={p.proposedGrade} /> },
              { title: t('performance.participants.grade'), render: (_, p) => <GradeTag grade={p.grade} /> },
              {
                title: t('common.actions'),
                render: (_, p) => (
                  <Space>
                    {hr && c.status === 'collecting' && (
                      <Button size="small" aria-label={`${t('performance.participants.enter')} ${p.workerName}`} onClick={() => setEntering(p)}>
                        {t('performance.participants.enter')}
                      </Button>
                    )}
                    {role === 'leader' && c.status === 'calibrating' && (
                      <Button size="small" aria-label={`${t('performance.participants.calibrate')} ${p.workerName}`} onClick={() => setCalibrating(p)}>
                        {t('performance.participants.calibrate')}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        </Space>
      </Card>
      {(c.status === 'published' || c.status === 'closed') && <IncentiveCard cycleId={id} units={board.data?.units ?? []} />}
      {entering && <AssessmentModal participant={entering} onClose={() => setEntering(null)} />}
      {calibrating && <CalibrateModal participant={calibrating} onClose={() => setCalibrating(null)} />}
    </Space>
  );
}

export function AssessmentModal({ participant, onClose }: { participant: Participant; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ streetScore?: number; peerScore?: number }>();
  const enter = useEnterAssessment();
  const report = useReportError();
  return (
    <FormModal title={t('performance.assessment.title', { name: participant.workerName })} okText={t('common.save')} loading={enter.isPending} form={form} onClose={onClose}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ streetScore: participant.streetScore ?? undefined, peerScore: participant.peerScore ?? undefined }}
        onFinish={(v) =>
          enter.mutate(
            { id: participant.id, body: { ...v, kpiActuals: participant.kpiActuals, version: participant.version } },
            { onSuccess: onClose, onError: (e) => report(e, form, ['streetScore', 'peerScore']) },
          )
        }
      >
        <Form.Item name="streetScore" label={t('performance.assessment.street')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="peerScore" label={t('performance.assessment.peer')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function CalibrateModal({ participant, onClose }: { participant: Participant; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ grade: string; reason?: string }>();
  const calibrate = useCalibrate();
  const report = useReportError();
  return (
    <FormModal title={t('performance.calibrate.title', { name: participant.workerName })} okText={t('common.save')} loading={calibrate.isPending} form={form} onClose={onClose}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ grade: participant.grade ?? participant.proposedGrade ?? 'competent' }}
        onFinish={(v) =>
          calibrate.mutate(
            { id: participant.id, body: { ...v, version: participant.version } },
            { onSuccess: onClose, onError: (e) => report(e, form, ['grade', 'reason']) },
          )
        }
      >
        <Form.Item name="grade" label={t('performance.calibrate.grade')} rules={[{ required: true }]}>
          <Select options={gradeCodes.map((g) => ({ value: g, label: t(`performance.grade.${g}`) }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('performance.calibrate.reason')}>
          <Input.TextArea maxLength={500} rows={3} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function IncentiveCard({ cycleId, units }: { cycleId: string; units: readonly BoardLine[] }) {
  const t = useT();
  const allocate = useIncentives();
  const exporter = useExportIncentives();
  const report = useReportError();
  const [result, setResult] = useState<Incentive | null>(null);
  const [form] = Form.useForm<{ orgUnitId: string; pool: number }>();
  return (
    <Card title={t('performance.incentive.title')}>
      <Form
        form={form}
        layout="inline"
        onFinish={(v) =>
          allocate.mutate(
            { id: cycleId, body: { orgUnitId: v.orgUnitId, poolFen: Math.round(v.pool * 100) } },
            { onSuccess: setResult, onError: (e) => report(e, form, ['orgUnitId', 'poolFen']) },
          )
        }
      >
        <Form.Item name="orgUnitId" label={t('performance.incentive.unit')} rules={[{ required: true }]}>
          <Select style={{ minWidth: 200 }} options={units.map((u) => ({ value: u.orgUnitId, label: u.unitName }))} />
        </Form.Item>
        <Form.Item name="pool" label={t('performance.incentive.pool')} rules={[{ required: true }]}>
          <InputNumber min={0.01} step={100} />
        </Form.Item>
        <Button htmlType="submit" type="primary" loading={allocate.isPending}>{t('performance.incentive.run')}</Button>
      </Form>
      {result && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }}>
          <Space wrap>
            <Typography.Text strong>{t('performance.incentive.total', { total: yuan(result.allocatedFen), pool: yuan(result.poolFen) })}</Typography.Text>
            <Button
              loading={exporter.isPending}
              onClick={() =>
                exporter.mutate(
                  { id: cycleId, body: { orgUnitId: result.orgUnitId, poolFen: result.poolFen } },
                  {
                    onSuccess: ({ blob, disposition }) => saveBlob(blob, fileNameFrom(disposition, 'incentive-allocation.xlsx')),
                    onError: (e) => report(e),
                  },
                )
              }
            >
              {t('performance.export.incentives')}
            </Button>
          </Space>
          {result.byGrade.map((g) => (
            <Typography.Text key={g.grade}>
              {t('performance.incentive.byGrade', { grade: t(`performance.grade.${g.grade}` as 'performance.grade.excellent'), workers: g.workers, average: yuan(g.averageFen) })}
            </Typography.Text>
          ))}
          <Typography.Text type="secondary">{result.roundingRule}</Typography.Text>
          <Table
            size="small"
            rowKey="participantId"
            dataSource={[...result.shares]}
            pagination={false}
            aria-label={t('performance.incentive.title')}
            scroll={{ x: true }}
            columns={[
              { title: t('performance.participants.name'), dataIndex: 'workerName' },
              { title: t('performance.participants.grade'), render: (_, s) => <GradeTag grade={s.grade} /> },
              { title: t('performance.participants.score'), dataIndex: 'score' },
              { title: t('performance.incentive.amount'), render: (_, s) => yuan(s.amountFen) },
            ]}
          />
        </Space>
      )}
    </Card>
  );
}
