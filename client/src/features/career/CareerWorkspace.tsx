import { App, Button, Card, Checkbox, DatePicker, Descriptions, Grid, InputNumber, Popconfirm, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { fileNameFrom, saveBlob } from '../../api/files';
import { useT } from '../../app/i18n';
import { useReportError } from '../../app/problems';
import { ResponsiveTable } from '../../app/ResponsiveTable';
import { postTypeKey } from './CareerTrack';
import {
  useApplications, useApplyRun, useDecide, useEligibleList, useExportEligible, useLadder, usePreviewRun, useReview, useRunResults, useRuns,
  useStages, useSuccessionRisk, type Application, type EligibleWorker, type Run, type RunResult, type SuccessionRisk,
} from './hooks';
import type { CareerMessageKey } from './i18n.zh-CN';
import { ReservePool } from './ReservePool';
import { LadderForm, StageList } from './LadderForms';

function Progression() {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const runs = useRuns();
  const preview = usePreviewRun();
  const apply = useApplyRun();
  const [asOf, setAsOf] = useState<Dayjs>(dayjs().startOf('year'));
  const [selected, setSelected] = useState<string>();
  const [onlySteps, setOnlySteps] = useState(true);
  const [page, setPage] = useState(1);
  const run: Run | undefined = (runs.data?.items ?? []).find((r) => r.id === selected) ?? runs.data?.items[0];
  const results = useRunResults(run?.id, onlySteps ? true : undefined, page);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <label htmlFor="career-as-of">{t('career.run.asOf')}</label>
        <DatePicker id="career-as-of" value={asOf} onChange={(d) => d && setAsOf(d)} allowClear={false} />
        <Button type="primary" loading={preview.isPending}
          onClick={() => preview.mutate(asOf.format('YYYY-MM-DD'), { onSuccess: (r) => setSelected(r.id), onError: (e) => report(e) })}>
          {t('career.run.preview')}
        </Button>
      </Space>
      <Card size="small" title={t('career.run.runs')}>
        <Select style={{ minWidth: 320 }} aria-label={t('career.run.runs')} value={run?.id} onChange={(v) => { setSelected(v); setPage(1); }}
          options={(runs.data?.items ?? []).map((r) => ({
            value: r.id,
            label: `${r.asOf} · ${t(`career.run.status.${r.status}` as CareerMessageKey)} · ${t('career.run.summary', { workers: r.workers, steps: r.steps })}`,
          }))} />
        {run && (
          <Space wrap style={{ marginTop: 12 }}>
            <Tag color={run.status === 'applied' ? 'green' : 'gold'}>{t(`career.run.status.${run.status}` as CareerMessageKey)}</Tag>
            <Typography.Text>{t('career.run.summary', { workers: run.workers, steps: run.steps })}</Typography.Text>
            {run.status === 'previewed' && (
              <Popconfirm title={t('career.run.applyConfirm', { steps: run.steps })} okText={t('career.run.apply')}
                onConfirm={() => apply.mutate(run, {
                  onSuccess: (r) => void message.success(t('career.run.applied', { count: r.appliedSteps ?? 0 })),
                  onError: (e) => report(e),
                })}>
                <Button type="primary" danger loading={apply.isPending}>{t('career.run.apply')}</Button>
              </Popconfirm>
            )}
            <Checkbox checked={onlySteps} onChange={(e) => { setOnlySteps(e.target.checked); setPage(1); }}>{t('career.run.onlySteps')}</Checkbox>
          </Space>
        )}
      </Card>
      {run && (
        <ResponsiveTable<RunResult>
          aria-label={t('career.run.runs')}
          rowKey="workerId"
          loading={results.isLoading}
          dataSource={results.data?.items ?? []}
          pagination={{ current: page, pageSize: 20, total: results.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: t('career.run.worker'), dataIndex: 'name', cardTitle: true, render: (_, r) => t('career.worker.name', { name: r.name, staffNo: r.staffNo }) },
            { title: t('career.run.change'), dataIndex: 'toLevel', render: (_, r) => `${t(postTypeKey(r.postType))} ${r.fromLevel} → ${r.toLevel}` },
            { title: t('career.run.why'), dataIndex: 'explanation' },
          ]}
        />
      )}
    </Space>
  );
}

function EligibilityList() {
  const t = useT();
  const report = useReportError();
  const stages = useStages();
  const [stage, setStage] = useState<string>('deputy');
  const [only, setOnly] = useState(true);
  const [page, setPage] = useState(1);
  const list = useEligibleList(stage, only ? true : undefined, page);
  const exporter = useExportEligible();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <label htmlFor="career-stage">{t('career.eligible.stage')}</label>
        <Select id="career-stage" style={{ minWidth: 200 }} value={stage} onChange={(v) => { setStage(v); setPage(1); }}
          options={(stages.data ?? []).map((s) => ({ value: s.code, label: s.nameZh }))} />
        <Checkbox checked={only} onChange={(e) => { setOnly(e.target.checked); setPage(1); }}>{t('career.eligible.only')}</Checkbox>
        <Button loading={exporter.isPending} onClick={() => exporter.mutate({ stage, eligible: only ? true : undefined }, {
          onSuccess: ({ blob, disposition }) => saveBlob(blob, fileNameFrom(disposition, 'eligibility.xlsx')),
          onError: (e) => report(e),
        })}>{t('career.eligible.export')}</Button>
      </Space>
      <ResponsiveTable<EligibleWorker>
        aria-label={t('career.tab.eligibility')}
        rowKey="workerId"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('career.run.worker'), dataIndex: 'name', cardTitle: true, render: (_, r) => t('career.worker.name', { name: r.name, staffNo: r.staffNo }) },
          { title: t('career.grade.current'), dataIndex: 'level', render: (_, r) => r.level ? `${t(postTypeKey(r.postType))} ${r.level}` : '—' },
          { title: t('career.eligible.met'), dataIndex: 'metCount', render: (_, r) => (
            <Tag color={r.eligible ? 'green' : 'orange'}>{r.eligible ? t('career.eligible.yes') : t('career.eligible.no')} {r.metCount}/{r.criteriaCount}</Tag>) },
          { title: t('career.eligible.missing'), dataIndex: 'missing', render: (v: string) => v || '—' },
        ]}
      />
    </Space>
  );
}

function LadderView() {
  const t = useT();
  const ladder = useLadder();
  const [editing, setEditing] = useState(false);
  if (!ladder.data) return null;
  const l = ladder.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button type="primary" onClick={() => setEditing(true)} style={{ alignSelf: 'flex-start' }}>{t('career.ladderForm.edit')}</Button>
      {editing && <LadderForm ladder={l} onClose={() => setEditing(false)} />}
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('career.grade.from')}>{l.effectiveFrom}</Descriptions.Item>
        {l.bands.map((b) => (
          <Descriptions.Item key={b.postType} label={b.nameZh}>{t('career.grade.band', { min: b.minLevel, max: b.maxLevel })}</Descriptions.Item>
        ))}
        <Descriptions.Item label={t('career.tab.progression')}>
          <Space direction="vertical" size={0}>
            <span>{t('career.ladder.stepYears', { years: l.stepYears })}</span>
            <span>{t('career.ladder.counted', { grades: l.countedGrades.map((g) => t(g === 'excellent' ? 'career.ladderForm.grade.excellent' : g === 'competent' ? 'career.ladderForm.grade.competent' : 'career.ladderForm.grade.basic')).join('、') })}</span>
            <span>{t('career.ladder.early', { count: l.earlyStepConsecutiveExcellent, cap: l.earlyStepCareerCap })}</span>
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <Table size="small" rowKey="level" pagination={false} aria-label={t('career.ladder.coefficients')} dataSource={l.coefficients}
        columns={[{ title: t('career.ladder.level'), dataIndex: 'level' }, { title: t('career.ladder.coefficients'), dataIndex: 'coefficient' }]} />
      <Typography.Title level={5}>{t('career.stageForm.list')}</Typography.Title>
      <StageList canEdit />
    </Space>
  );
}

function Succession() {
  const t = useT();
  const [years, setYears] = useState(5);
  const [only, setOnly] = useState(false);
  const [page, setPage] = useState(1);
  const risk = useSuccessionRisk(years, only, page);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <label htmlFor="career-years">{t('career.risk.years')}</label>
        <InputNumber id="career-years" min={1} max={15} value={years} onChange={(v) => { if (v) { setYears(v); setPage(1); } }} />
        <Checkbox checked={only} onChange={(e) => { setOnly(e.target.checked); setPage(1); }}>{t('career.risk.only')}</Checkbox>
      </Space>
      <ResponsiveTable<SuccessionRisk>
        aria-label={t('career.tab.succession')}
        rowKey="orgUnitId"
        loading={risk.isLoading}
        dataSource={risk.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: risk.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('career.risk.unit'), dataIndex: 'orgUnitName', cardTitle: true },
          { title: t('career.risk.retiring'), dataIndex: 'retiring', render: (_, r) => `${r.retiring}/${r.leaders}` },
          { title: t('career.risk.reserves'), dataIndex: 'readyReserves' },
          { title: t('career.risk.flag'), dataIndex: 'atRisk', render: (v: boolean) => (v ? <Tag color="red">{t('career.risk.atRisk')}</Tag> : <Tag color="green">{t('career.risk.ok')}</Tag>) },
          { title: t('career.risk.who'), dataIndex: 'retiringPeople', render: (v: string[]) => (v.length ? v.join('；') : '—') },
        ]}
      />
    </Space>
  );
}

function ApplicationCards({ status, leader }: { status: 'submitted' | 'reviewed'; leader: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const list = useApplications(status);
  const review = useReview();
  const decide = useDecide();
  const done = (key: CareerMessageKey) => () => void message.success(t(key));
  return (
    <ResponsiveTable<Application>
      aria-label={t('career.tab.applications')}
      rowKey="id"
      loading={list.isLoading}
      dataSource={list.data?.items ?? []}
      locale={{ emptyText: t('career.app.none') }}
      pagination={false}
      columns={[
        { title: t('career.app.worker'), dataIndex: 'workerName', cardTitle: true, render: (_, a) => t('career.worker.name', { name: a.workerName, staffNo: a.staffNo }) },
        { title: t('career.app.change'), dataIndex: 'toLevel', render: (_, a) => t('career.app.step', { kind: t(`career.app.kind.${a.kind}` as CareerMessageKey), from: `${t(postTypeKey(a.fromPostType))} ${a.fromLevel}`, to: `${t(postTypeKey(a.toPostType))} ${a.toLevel}` }) },
        { title: t('career.app.post'), dataIndex: 'targetPostTitle', render: (_, a) => a.targetPostTitle ? `${a.targetUnitName ?? ''} ${a.targetPostTitle}` : '—' },
        { title: t('career.app.reason'), dataIndex: 'reason' },
        {
          title: t('career.app.status'), dataIndex: 'status', cardActions: true, render: (_, a) => leader ? (
            <Space>
              <Popconfirm title={t('career.app.approveConfirm')} okText={t('career.app.approve')}
                onConfirm={() => decide.mutate({ application: a, approve: true }, { onSuccess: done('career.app.approved'), onError: (e) => report(e) })}>
                <Button type="primary" size="small">{t('career.app.approve')}</Button>
              </Popconfirm>
              <Button size="small" danger onClick={() => decide.mutate({ application: a, approve: false }, { onSuccess: done('career.app.rejected'), onError: (e) => report(e) })}>
                {t('career.app.reject')}
              </Button>
            </Space>
          ) : (
            <Space>
              <Button type="primary" size="small" onClick={() => review.mutate({ application: a, forward: true }, { onError: (e) => report(e) })}>{t('career.app.forward')}</Button>
              <Button size="small" danger onClick={() => review.mutate({ application: a, forward: false }, { onError: (e) => report(e) })}>{t('career.app.reject')}</Button>
            </Space>
          ),
        },
      ]}
    />
  );
}

const tabs = ['progression', 'eligibility', 'applications', 'reserves', 'succession', 'ladder'] as const;

/** 职业发展 (HR, admin): the annual progression run, eligibility lists with export, applications to review, the ladder. */
export default function CareerWorkspace() {
  const t = useT();
  const location = useLocation();
  const navigate = useNavigate();
  const active = tabs.find((k) => location.pathname.endsWith(k)) ?? 'progression';
  const narrow = Grid.useBreakpoint().md !== true;
  const pages: Record<(typeof tabs)[number], { label: string; render: () => ReactNode }> = {
    progression: { label: t('career.tab.progression'), render: () => <Progression /> },
    eligibility: { label: t('career.tab.eligibility'), render: () => <EligibilityList /> },
    applications: { label: t('career.tab.applications'), render: () => <ApplicationCards status="submitted" leader={false} /> },
    reserves: { label: t('career.tab.reserves'), render: () => <ReservePool canEdit /> },
    succession: { label: t('career.tab.succession'), render: () => <Succession /> },
    ladder: { label: t('career.tab.ladder'), render: () => <LadderView /> },
  };
  if (narrow) {
    // Six tabs do not fit a phone: the overflowing tab bar leaves an empty tablist; a select names the page instead.
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Select aria-label={t('career.title')} style={{ width: '100%' }} value={active} onChange={(k) => navigate(`/career/${k}`)}
          options={tabs.map((k) => ({ value: k, label: pages[k].label }))} />
        {pages[active].render()}
      </Space>
    );
  }
  return (
    <Tabs activeKey={active} onChange={(k) => navigate(`/career/${k}`)}
      items={tabs.map((k) => ({ key: k, label: pages[k].label, children: active === k ? pages[k].render() : null }))} />
  );
}

/** 晋升审批 (street leader): promotions and demotions HR has reviewed, approved or rejected here. */
export function CareerApprovals() {
  return <ApplicationCards status="reviewed" leader />;
}
