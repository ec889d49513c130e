import { App, Button, Checkbox, Drawer, Form, Input, InputNumber, Select, Space, Switch, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { fileNameFrom, saveBlob } from '../../api/files';
import { FormModal } from '../../app/FormModal';
import { useT } from '../../app/i18n';
import { useReportError } from '../../app/problems';
import { ResponsiveTable } from '../../app/ResponsiveTable';
import {
  useAttendance,
  useCancelEnrollment,
  useCertificates,
  useCertificationRate,
  useCompletion,
  useCompliance,
  useComplianceSummary,
  useCourses,
  useCreateCourse,
  useEnrol,
  useExportCompliance,
  useRoster,
  useScheduleSession,
  useSessionCalendar,
  useSessions,
  useWorkerSearch,
  type Certificate,
  type ComplianceItem,
  type Course,
  type Enrollment,
  type SaveCourse,
  type Session,
} from './hooks';
import type { TrainingMessageKey } from './i18n.zh-CN';

const categories = ['party', 'policy', 'service-skills', 'digital', 'emergency', 'mentoring', 'pairing', 'rotation'] as const;
const deliveries = ['classroom', 'online', 'on-the-job'] as const;

export function when(iso: string): string {
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' });
}

/** 培训管理: catalogue, sessions with rosters and attendance, compliance report, certificates (HR, leaders, admin). */
export default function TrainingWorkspace() {
  const t = useT();
  const location = useLocation();
  const navigate = useNavigate();
  const tab = ['courses', 'sessions', 'compliance', 'certificates'].find((k) => location.pathname.startsWith(`/training/${k}`)) ?? 'sessions';
  return (
    <div>
      <Typography.Title level={3}>{t('training.nav.workspace')}</Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => navigate(`/training/${k}`)}
        items={[
          { key: 'sessions', label: t('training.tab.sessions'), children: tab === 'sessions' ? <SessionsTab /> : null },
          { key: 'courses', label: t('training.tab.courses'), children: tab === 'courses' ? <CoursesTab /> : null },
          { key: 'compliance', label: t('training.tab.compliance'), children: tab === 'compliance' ? <ComplianceTab /> : null },
          { key: 'certificates', label: t('training.tab.certificates'), children: tab === 'certificates' ? <CertificatesTab /> : null },
        ]}
      />
    </div>
  );
}

function CoursesTab() {
  const t = useT();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState<string>();
  const [category, setCategory] = useState<string>();
  const [adding, setAdding] = useState(false);
  const courses = useCourses(page, q, category);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search allowClear placeholder={t('training.course.title')} aria-label={t('training.course.title')} onSearch={(v) => { setQ(v || undefined); setPage(1); }} />
        <Select allowClear style={{ minWidth: 140 }} placeholder={t('training.course.category')} aria-label={t('training.course.category')} value={category}
          onChange={(v: string | undefined) => { setCategory(v); setPage(1); }}
          options={categories.map((c) => ({ value: c, label: t(`training.category.${c}` as TrainingMessageKey) }))} />
        <Button type="primary" onClick={() => setAdding(true)}>{t('training.course.new')}</Button>
      </Space>
      <ResponsiveTable<Course>
        aria-label={t('training.tab.courses')}
        rowKey="id"
        loading={courses.isLoading}
        dataSource={courses.data?.items ?? []}
        pagination={{ current: page, total: courses.data?.total ?? 0, pageSize: 20, onChange: setPage }}
        columns={[
          { title: t('training.course.code'), dataIndex: 'code' },
          { title: t('training.course.title'), dataIndex: 'title' },
          { title: t('training.course.category'), dataIndex: 'category', render: (v: string) => t(`training.category.${v}` as TrainingMessageKey) },
          { title: t('training.course.delivery'), dataIndex: 'delivery', render: (v: string) => t(`training.delivery.${v}` as TrainingMessageKey) },
          { title: t('training.course.hours'), dataIndex: 'hours' },
          {
            title: t('training.course.mandatory'), dataIndex: 'mandatory',
            render: (v: boolean, c: Course) => (v ? <Tag color="red">{t('training.course.mandatory')}{c.recurrenceMonths ? ` / ${c.recurrenceMonths}` : ''}</Tag> : '—'),
          },
          { title: t('training.course.open'), dataIndex: 'openEnrolment', render: (v: boolean) => (v ? '✓' : '—') },
        ]}
      />
      {adding && <CourseForm onClose={() => setAdding(false)} />}
    </Space>
  );
}

function CourseForm({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<SaveCourse>();
  const create = useCreateCourse();
  const report = useReportError();
  const fields = ['code', 'title', 'category', 'delivery', 'hours', 'recurrenceMonths'] as const;
  return (
    <FormModal title={t('training.course.new')} okText={t('training.course.new')} loading={create.isPending} form={form} onClose={onClose}>
      <Form form={form} layout="vertical" initialValues={{ category: 'service-skills', delivery: 'classroom', hours: 4, mandatory: false, openEnrolment: true }}
        onFinish={(values) => create.mutate(values, {
          onSuccess: () => { void message.success(t('training.course.created')); onClose(); },
          onError: (e) => report(e, form, fields),
        })}>
        <Form.Item name="code" label={t('training.course.code')} rules={[{ required: true, max: 40 }]}><Input /></Form.Item>
        <Form.Item name="title" label={t('training.course.title')} rules={[{ required: true, max: 200 }]}><Input /></Form.Item>
        <Form.Item name="category" label={t('training.course.category')} rules={[{ required: true }]}>
          <Select options={categories.map((c) => ({ value: c, label: t(`training.category.${c}` as TrainingMessageKey) }))} />
        </Form.Item>
        <Form.Item name="delivery" label={t('training.course.delivery')} rules={[{ required: true }]}>
          <Select options={deliveries.map((d) => ({ value: d, label: t(`training.delivery.${d}` as TrainingMessageKey) }))} />
        </Form.Item>
        <Form.Item name="hours" label={t('training.course.hours')} rules={[{ required: true }]}><InputNumber min={0.5} max={200} step={0.5} /></Form.Item>
        <Form.Item name="mandatory" label={t('training.course.mandatory')} valuePropName="checked"><Switch /></Form.Item>
        <Form.Item name="recurrenceMonths" label={t('training.course.recurrence')}><InputNumber min={1} max={120} /></Form.Item>
        <Form.Item name="openEnrolment" label={t('training.course.open')} valuePropName="checked"><Switch /></Form.Item>
      </Form>
    </FormModal>
  );
}

function SessionsTab() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const attendanceDue = params.get('attendance') === 'due';
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<Session>();
  const sessions = useSessions(page, attendanceDue ? 'due' : undefined);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Checkbox checked={attendanceDue} onChange={(e) => { setParams(e.target.checked ? { attendance: 'due' } : {}); setPage(1); }}>
          {t('training.session.attendanceDue')}
        </Checkbox>
        <Button type="primary" onClick={() => setAdding(true)}>{t('training.session.new')}</Button>
      </Space>
      <ResponsiveTable<Session>
        aria-label={t('training.tab.sessions')}
        rowKey="id"
        loading={sessions.isLoading}
        dataSource={sessions.data?.items ?? []}
        pagination={{ current: page, total: sessions.data?.total ?? 0, pageSize: 20, onChange: setPage }}
        columns={[
          { title: t('training.session.course'), dataIndex: 'courseTitle', render: (v: string, s: Session) => <Button type="link" onClick={() => setOpen(s)}>{v}</Button> },
          { title: t('training.session.startsAt'), dataIndex: 'startsAt', render: (v: string) => when(v) },
          { title: t('training.session.place'), dataIndex: 'place' },
          { title: t('training.session.trainer'), dataIndex: 'trainer' },
          {
            title: t('training.session.capacity'), dataIndex: 'capacity',
            render: (_: number, s: Session) => t('training.session.seats', { enrolled: s.enrolled, capacity: s.capacity, waiting: s.waiting }),
          },
          { title: t('training.session.deadline'), dataIndex: 'enrolDeadline' },
        ]}
      />
      {adding && <SessionForm onClose={() => setAdding(false)} />}
      {open && <RosterDrawer session={open} onClose={() => setOpen(undefined)} />}
    </Space>
  );
}

interface SessionFormValues {
  courseId: string;
  startsAt: string;
  endsAt: string;
  place: string;
  trainer: string;
  capacity: number;
  enrolDeadline: string;
}

function SessionForm({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<SessionFormValues>();
  const schedule = useScheduleSession();
  const courses = useCourses(1, undefined, undefined);
  const report = useReportError();
  const fields = ['courseId', 'startsAt', 'endsAt', 'place', 'trainer', 'capacity', 'enrolDeadline'] as const;
  return (
    <FormModal title={t('training.session.new')} okText={t('training.session.new')} loading={schedule.isPending} form={form} onClose={onClose}>
      <Form form={form} layout="vertical" initialValues={{ capacity: 30 }}
        onFinish={(v) => schedule.mutate({
          ...v, startsAt: new Date(v.startsAt).toISOString(), endsAt: new Date(v.endsAt).toISOString(),
        }, {
          onSuccess: () => { void message.success(t('training.session.created')); onClose(); },
          onError: (e) => report(e, form, fields),
        })}>
        <Form.Item name="courseId" label={t('training.session.course')} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" options={(courses.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.code} ${c.title}` }))} />
        </Form.Item>
        <Form.Item name="startsAt" label={t('training.session.startsAt')} rules={[{ required: true }]}><Input type="datetime-local" /></Form.Item>
        <Form.Item name="endsAt" label={t('training.session.endsAt')} rules={[{ required: true }]}><Input type="datetime-local" /></Form.Item>
        <Form.Item name="place" label={t('training.session.place')} rules={[{ required: true, max: 200 }]}><Input /></Form.Item>
        <Form.Item name="trainer" label={t('training.session.trainer')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>
        <Form.Item name="capacity" label={t('training.session.capacity')} rules={[{ required: true }]}><InputNumber min={1} max={500} /></Form.Item>
        <Form.Item name="enrolDeadline" label={t('training.session.deadline')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
      </Form>
    </FormModal>
  );
}

function RosterDrawer({ session, onClose }: { session: Session; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const roster = useRoster(session.id);
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const workers = useWorkerSearch(search);
  const enrol = useEnrol();
  const cancel = useCancelEnrollment();
  const attendance = useAttendance();
  const completion = useCompletion();
  const calendar = useSessionCalendar();
  const rows = (roster.data?.items ?? []).filter((e) => e.status !== 'cancelled');
  const seated = rows.filter((e) => e.status === 'enrolled');
  const mark = (entries: { workerId: string; attended: boolean }[]) =>
    attendance.mutate({ sessionId: session.id, entries }, { onError: (e) => report(e) });
  return (
    <Drawer open title={`${session.courseTitle} · ${when(session.startsAt)}`} onClose={onClose} width="min(720px, 100vw)">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Select mode="multiple" style={{ minWidth: 260 }} placeholder={t('training.roster.workers')} aria-label={t('training.roster.workers')}
            filterOption={false} onSearch={setSearch} value={picked} onChange={setPicked}
            options={(workers.data?.items ?? []).map((w) => ({ value: w.id, label: `${w.name} ${w.staffNo}` }))} />
          <Button type="primary" disabled={picked.length === 0} loading={enrol.isPending}
            onClick={() => enrol.mutate({ sessionId: session.id, workerIds: picked }, {
              onSuccess: (r) => { setPicked([]); void message.success(t('training.roster.enrolled', { enrolled: r.enrolled, waiting: r.waiting })); },
              onError: (e) => report(e),
            })}>{t('training.roster.enrol')}</Button>
          <Button onClick={() => calendar.mutate(session.id, { onSuccess: ({ blob, disposition }) => saveBlob(blob, fileNameFrom(disposition, 'training.ics')) })}>
            {t('training.session.ics')}
          </Button>
        </Space>
        <Space wrap>
          <Button disabled={seated.length === 0} onClick={() => mark(seated.map((e) => ({ workerId: e.workerId, attended: true })))}>{t('training.roster.allPresent')}</Button>
          <Button disabled={!seated.some((e) => e.attended === true && e.completedOn == null)}
            onClick={() => completion.mutate({ sessionId: session.id, workerIds: seated.filter((e) => e.attended === true && e.completedOn == null).map((e) => e.workerId) },
              { onError: (e) => report(e) })}>{t('training.roster.credit')}</Button>
        </Space>
        <ResponsiveTable<Enrollment>
          aria-label={t('training.session.roster')}
          rowKey="id"
          loading={roster.isLoading}
          dataSource={rows}
          pagination={false}
          columns={[
            { title: t('training.compliance.worker'), dataIndex: 'workerName', render: (v: string, e: Enrollment) => `${v} ${e.staffNo}` },
            { title: t('training.compliance.ok'), dataIndex: 'status', render: (_: string, e: Enrollment) => <EnrollmentStatus enrollment={e} /> },
            {
              title: '', dataIndex: 'id',
              render: (_: string, e: Enrollment) => (
                <Space wrap>
                  {e.status === 'enrolled' && <Button size="small" onClick={() => mark([{ workerId: e.workerId, attended: true }])}>{t('training.roster.present')}</Button>}
                  {e.status === 'enrolled' && <Button size="small" onClick={() => mark([{ workerId: e.workerId, attended: false }])}>{t('training.roster.absent')}</Button>}
                  {e.attended == null && (
                    <Button size="small" danger onClick={() => cancel.mutate(e.id, {
                      onSuccess: (r) => void message.success(t('training.roster.cancelled', { n: r.promoted.length })),
                      onError: (err) => report(err),
                    })}>{t('training.roster.cancel')}</Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Space>
    </Drawer>
  );
}

export function EnrollmentStatus({ enrollment: e }: { enrollment: Enrollment }) {
  const t = useT();
  if (e.completedOn) return <Tag color="green">{t('training.status.completed', { hours: e.hoursCredited ?? 0 })}</Tag>;
  if (e.attended === true) return <Tag color="blue">{t('training.status.attended')}</Tag>;
  if (e.attended === false) return <Tag color="red">{t('training.status.absent')}</Tag>;
  if (e.status === 'waiting') return <Tag color="orange">{t('training.status.waiting', { n: e.waitingPosition ?? 0 })}</Tag>;
  return <Tag>{t(`training.status.${e.status}` as TrainingMessageKey)}</Tag>;
}

function ComplianceTab() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const onlyNon = params.get('status') === 'noncompliant';
  const [page, setPage] = useState(1);
  const list = useCompliance(page, onlyNon ? 'noncompliant' : undefined);
  const summary = useComplianceSummary();
  const exporter = useExportCompliance();
  const report = useReportError();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {summary.data && (
        <Typography.Text>{t('training.compliance.summary', {
          year: summary.data.year, workers: summary.data.workers, compliant: summary.data.compliant, nonCompliant: summary.data.nonCompliant,
        })}</Typography.Text>
      )}
      <Space wrap>
        <Checkbox checked={onlyNon} onChange={(e) => { setParams(e.target.checked ? { status: 'noncompliant' } : {}); setPage(1); }}>{t('training.compliance.onlyNon')}</Checkbox>
        <Button loading={exporter.isPending} onClick={() => exporter.mutate(onlyNon ? 'noncompliant' : undefined, {
          onSuccess: ({ blob, disposition }) => saveBlob(blob, fileNameFrom(disposition, 'training-compliance.xlsx')),
          onError: (e) => report(e),
        })}>{t('training.compliance.export')}</Button>
      </Space>
      <ResponsiveTable<ComplianceItem>
        aria-label={t('training.tab.compliance')}
        rowKey="workerId"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, total: list.data?.total ?? 0, pageSize: 20, onChange: setPage }}
        columns={[
          { title: t('training.compliance.worker'), dataIndex: 'workerName', render: (v: string, r: ComplianceItem) => `${v} ${r.staffNo}` },
          { title: t('training.compliance.unit'), dataIndex: 'orgUnitName' },
          { title: t('training.compliance.hours'), dataIndex: 'hoursDone', render: (v: number, r: ComplianceItem) => `${v}/${r.hoursRequired}` },
          { title: t('training.compliance.overdue'), dataIndex: 'overdueMandatory' },
          { title: t('training.compliance.ok'), dataIndex: 'compliant', render: (v: boolean) => (v ? <Tag color="green">{t('training.compliance.ok')}</Tag> : <Tag color="red">{t('training.compliance.not')}</Tag>) },
        ]}
      />
    </Space>
  );
}

function CertificatesTab() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const expiring = params.get('expiringWithinDays') !== null;
  const [page, setPage] = useState(1);
  const list = useCertificates(page, expiring ? 90 : undefined);
  const rate = useCertificationRate();
  const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {rate.data && (
        <Typography.Text type={rate.data.meetsTarget ? 'success' : 'warning'}>
          {t('training.cert.rate', { rate: pct(rate.data.rate), target: pct(rate.data.target) })}
        </Typography.Text>
      )}
      <Checkbox checked={expiring} onChange={(e) => { setParams(e.target.checked ? { expiringWithinDays: '90' } : {}); setPage(1); }}>{t('training.cert.onlyExpiring')}</Checkbox>
      <CertificateTable rows={list.data?.items ?? []} loading={list.isLoading} withWorker
        pagination={{ current: page, total: list.data?.total ?? 0, pageSize: 20, onChange: setPage }} />
    </Space>
  );
}

export function CertificateTable({ rows, loading, withWorker, pagination }: {
  rows: Certificate[];
  loading: boolean;
  withWorker?: boolean;
  pagination?: { current: number; total: number; pageSize: number; onChange: (p: number) => void };
}) {
  const t = useT();
  return (
    <ResponsiveTable<Certificate>
      aria-label={t('training.tab.certificates')}
      rowKey="id"
      loading={loading}
      dataSource={rows}
      pagination={pagination ?? false}
      columns={[
        ...(withWorker ? [{ title: t('training.cert.worker'), dataIndex: 'workerName' as const, render: (v: string, c: Certificate) => `${v} ${c.staffNo}` }] : []),
        { title: t('training.cert.name'), dataIndex: 'name' },
        { title: t('training.cert.number'), dataIndex: 'number' },
        {
          title: t('training.cert.expiresOn'), dataIndex: 'expiresOn',
          render: (v: string | null, c: Certificate) => (v == null ? '—' : (
            <Space size={4} wrap>
              {v}
              {c.daysToExpiry != null && (c.daysToExpiry < 0
                ? <Tag color="red">{t('training.cert.expired')}</Tag>
                : <Tag color={c.daysToExpiry <= 90 ? 'orange' : 'default'}>{t('training.cert.daysLeft', { n: c.daysToExpiry })}</Tag>)}
            </Space>
          )),
        },
        {
          title: t('training.course.hours'), dataIndex: 'continuingEducationHours',
          render: (v: number | null, c: Certificate) => (v == null ? '—' : t('training.cert.ce', { done: v, required: c.continuingEducationRequired ?? 0 })),
        },
      ]}
    />
  );
}
