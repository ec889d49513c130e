import { Button, DatePicker, Descriptions, Drawer, Form, Input, Radio, Select, Space, Tag, Typography, App } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { SearchInput } from '../../app/a11y/SearchInput';
import { useCurrentUser } from '../../app/auth/RequireAuth';
import { FormModal } from '../../app/FormModal';
import { useT } from '../../app/i18n';
import { ResponsiveTable } from '../../app/ResponsiveTable';
import { useMutationForm } from '../../app/useMutationForm';
import { useOrgTree } from '../staffing/hooks/orgUnits';
import { OrgUnitTreeSelect } from '../staffing/OrgUnitTreeSelect';
import {
  useAddPlanItem, useCourseOptions, useDecideNomination, useEndMembership, useExtendTerm, useNominate, usePostOptions, useRecordReview,
  useReserveMember, useReservePool, useUpdatePlanItem, useWorkerOptions, type PlanItem, type ReserveMember,
} from './hooks';
import type { CareerMessageKey } from './i18n.zh-CN';

const statuses = ['nominated', 'active', 'ended', 'rejected'] as const;
const statusColor: Record<string, string> = { nominated: 'gold', active: 'green', ended: 'default', rejected: 'red' };
const day = (d: Dayjs | undefined | null) => (d ? d.format('YYYY-MM-DD') : undefined);

type Action = 'decide' | 'extend' | 'review' | 'end';

/**
 * A year after the term's end, but no later than five years from today (the furthest a planned date may lie:
 * `Validation:PlanningHorizonDays`, 1,830 days by default).
 */
function laterByAYear(termEnd: string): Dayjs {
  const wanted = dayjs(termEnd).add(1, 'year');
  const cap = dayjs().add(5, 'year');
  return wanted.isAfter(cap) ? cap : wanted;
}

/**
 * 后备干部库 (HR, admin, leader): the pool of one street (or any unit the caller sees, picked in the org tree; by default
 * the caller's own unit), paged, with nominate / review / extend / end actions and each member's plan. A leader decides
 * nominations here but edits nothing else.
 */
export function ReservePool({ canEdit, initialStatus }: { canEdit: boolean; initialStatus?: (typeof statuses)[number] }) {
  const t = useT();
  const { me } = useCurrentUser();
  const tree = useOrgTree();
  const [unit, setUnit] = useState<string | undefined>(me.orgUnitId ?? undefined);
  const [status, setStatus] = useState<string | undefined>(initialStatus);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const pool = useReservePool(unit, status, q, page);
  const [nominating, setNominating] = useState(false);
  const [action, setAction] = useState<{ kind: Action; member: ReserveMember }>();
  const [planFor, setPlanFor] = useState<string>();
  const label = (s: string) => t(`career.reserve.status.${s}` as CareerMessageKey);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <OrgUnitTreeSelect tree={tree.data ?? []} loading={tree.isPending} value={unit ?? null} style={{ width: 260, maxWidth: '100%' }}
          aria-label={t('career.reserve.unit')} placeholder={t('career.reserve.allUnits')}
          onChange={(v) => { setUnit(v ?? undefined); setPage(1); }} />
        <Select aria-label={t('career.reserve.statusFilter')} style={{ minWidth: 160 }} allowClear placeholder={t('career.reserve.allStatuses')} value={status}
          onChange={(v) => { setStatus(v); setPage(1); }} options={statuses.map((s) => ({ value: s, label: label(s) }))} />
        <SearchInput aria-label={t('career.reserve.search')} placeholder={t('career.reserve.search')} allowClear style={{ width: 220 }}
          onSearch={(v) => { setQ(v); setPage(1); }} />
        {canEdit && <Button type="primary" onClick={() => setNominating(true)}>{t('career.reserve.nominate')}</Button>}
      </Space>
      <ResponsiveTable<ReserveMember>
        aria-label={t('career.tab.reserves')}
        rowKey="memberId"
        loading={pool.isLoading}
        dataSource={pool.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: pool.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('career.run.worker'), dataIndex: 'name', cardTitle: true, render: (_, m) => t('career.worker.name', { name: m.name, staffNo: m.staffNo }) },
          { title: t('career.eligible.stage'), dataIndex: 'targetStage', render: (v: string) => t(`career.postType.${v === 'head' ? 'head' : 'deputy'}`) },
          { title: t('career.app.status'), dataIndex: 'status', render: (v: string) => <Tag color={statusColor[v]}>{label(v)}</Tag> },
          { title: t('career.reserve.term'), dataIndex: 'termEnd', render: (_, m) => (m.termStart ? `${m.termStart} ~ ${m.termEnd ?? '—'}` : '—') },
          { title: t('career.reserve.review'), dataIndex: 'reviewOn', render: (v?: string | null) => v ?? '—' },
          { title: t('career.reserve.reason'), dataIndex: 'nominationReason', render: (_, m) => m.endReason ?? m.decisionNote ?? m.nominationReason ?? '—' },
          {
            title: t('career.reserve.actions'), dataIndex: 'memberId', cardActions: true, render: (_, m) => (
              <Space wrap size="small">
                {m.status === 'nominated' && <Button size="small" type="primary" onClick={() => setAction({ kind: 'decide', member: m })}>{t('career.reserve.decide')}</Button>}
                {m.status === 'active' && canEdit && (
                  <>
                    <Button size="small" onClick={() => setAction({ kind: 'review', member: m })}>{t('career.reserve.recordReview')}</Button>
                    <Button size="small" onClick={() => setAction({ kind: 'extend', member: m })}>{t('career.reserve.extend')}</Button>
                    <Button size="small" danger onClick={() => setAction({ kind: 'end', member: m })}>{t('career.reserve.end')}</Button>
                  </>
                )}
                <Button size="small" type="link" onClick={() => setPlanFor(m.memberId)}
                  aria-label={`${t('career.reserve.plan')} ${m.name}`}>{t('career.reserve.plan')}</Button>
              </Space>
            ),
          },
        ]}
      />
      {nominating && <NominateForm onClose={() => setNominating(false)} />}
      {action?.kind === 'decide' && <DecideForm member={action.member} onClose={() => setAction(undefined)} />}
      {action?.kind === 'extend' && <ExtendForm member={action.member} onClose={() => setAction(undefined)} />}
      {action?.kind === 'review' && <ReviewForm member={action.member} onClose={() => setAction(undefined)} />}
      {action?.kind === 'end' && <EndForm member={action.member} onClose={() => setAction(undefined)} />}
      <PlanDrawer memberId={planFor} canEdit={canEdit} onClose={() => setPlanFor(undefined)} />
    </Space>
  );
}

function NominateForm({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [q, setQ] = useState('');
  const workers = useWorkerOptions(q);
  const { submit, pending } = useMutationForm(useNominate(), form, ['workerId', 'targetStage', 'reason']);
  return (
    <FormModal title={t('career.reserve.nominate')} okText={t('career.reserve.nominate')} loading={pending} form={form} onClose={onClose}>
      <Form form={form} layout="vertical" initialValues={{ targetStage: 'deputy' }}
        onFinish={(v: { workerId: string; targetStage: string; reason: string }) => submit(v, () => { void message.success(t('career.reserve.nominated')); onClose(); })}>
        <Form.Item name="workerId" label={t('career.run.worker')} rules={[{ required: true, message: t('career.reserve.required') }]}>
          <Select showSearch={{ filterOption: false, onSearch: setQ }} loading={workers.isFetching}
            options={(workers.data?.items ?? []).map((w) => ({ value: w.id, label: `${w.name}（${w.staffNo}）` }))} />
        </Form.Item>
        <Form.Item name="targetStage" label={t('career.eligible.stage')}>
          <Radio.Group options={[{ value: 'deputy', label: t('career.postType.deputy') }, { value: 'head', label: t('career.postType.head') }]} />
        </Form.Item>
        <Form.Item name="reason" label={t('career.reserve.reason')} rules={[{ required: true, message: t('career.reserve.required') }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function DecideForm({ member, onClose }: { member: ReserveMember; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm();
  const accept = Form.useWatch<boolean | undefined>('accept', form) ?? true;
  const { submit, pending } = useMutationForm(useDecideNomination(), form, ['note', 'termStart', 'reviewOn', 'version']);
  return (
    <FormModal title={`${t('career.reserve.decide')} · ${member.name}`} okText={t('career.reserve.save')} loading={pending} form={form} onClose={onClose}>
      <Typography.Paragraph>{member.nominationReason}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ accept: true, termStart: dayjs() }}
        onFinish={(v: { accept: boolean; note?: string; termStart?: Dayjs; reviewOn?: Dayjs }) => submit({
          id: member.memberId,
          body: { accept: v.accept, note: v.note, termStart: v.accept ? day(v.termStart) : undefined, reviewOn: v.accept ? day(v.reviewOn) : undefined, version: member.version },
        }, onClose)}>
        <Form.Item name="accept" label={t('career.reserve.decision')}>
          <Radio.Group options={[{ value: true, label: t('career.reserve.accept') }, { value: false, label: t('career.reserve.reject') }]} />
        </Form.Item>
        {accept && (
          <>
            <Form.Item name="termStart" label={t('career.reserve.termStart')} extra={t('career.reserve.termHint')}><DatePicker /></Form.Item>
            <Form.Item name="reviewOn" label={t('career.reserve.review')} extra={t('career.reserve.reviewHint')}><DatePicker /></Form.Item>
          </>
        )}
        <Form.Item name="note" label={accept ? t('career.reserve.note') : t('career.reserve.rejectReason')}
          rules={accept ? [] : [{ required: true, message: t('career.reserve.required') }]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function ExtendForm({ member, onClose }: { member: ReserveMember; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm();
  const { submit, pending } = useMutationForm(useExtendTerm(), form, ['termEnd', 'reason', 'version']);
  return (
    <FormModal title={`${t('career.reserve.extend')} · ${member.name}`} okText={t('career.reserve.save')} loading={pending} form={form} onClose={onClose}>
      <Form form={form} layout="vertical" initialValues={{ termEnd: member.termEnd ? laterByAYear(member.termEnd) : undefined }}
        onFinish={(v: { termEnd: Dayjs; reason: string }) => submit({ id: member.memberId, body: { termEnd: v.termEnd.format('YYYY-MM-DD'), reason: v.reason, version: member.version } }, onClose)}>
        <Form.Item name="termEnd" label={t('career.reserve.termEnd')} rules={[{ required: true, message: t('career.reserve.required') }]}><DatePicker /></Form.Item>
        <Form.Item name="reason" label={t('career.reserve.reason')} rules={[{ required: true, message: t('career.reserve.required') }]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function ReviewForm({ member, onClose }: { member: ReserveMember; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm();
  const { submit, pending } = useMutationForm(useRecordReview(), form, ['outcome', 'note', 'nextReviewOn', 'reviewedOn', 'version']);
  return (
    <FormModal title={`${t('career.reserve.recordReview')} · ${member.name}`} okText={t('career.reserve.save')} loading={pending} form={form} onClose={onClose}>
      <Form form={form} layout="vertical" initialValues={{ outcome: 'developing', nextReviewOn: dayjs().add(6, 'month') }}
        onFinish={(v: { outcome: string; note?: string; nextReviewOn: Dayjs }) =>
          submit({ id: member.memberId, body: { outcome: v.outcome, note: v.note, nextReviewOn: v.nextReviewOn.format('YYYY-MM-DD'), version: member.version } }, onClose)}>
        <Form.Item name="outcome" label={t('career.reserve.outcome')}>
          <Radio.Group options={['ready', 'developing', 'concern'].map((o) => ({ value: o, label: t(`career.reserve.outcome.${o}` as CareerMessageKey) }))} />
        </Form.Item>
        <Form.Item name="nextReviewOn" label={t('career.reserve.nextReview')} rules={[{ required: true, message: t('career.reserve.required') }]}><DatePicker /></Form.Item>
        <Form.Item name="note" label={t('career.reserve.note')}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
      </Form>
    </FormModal>
  );
}

function EndForm({ member, onClose }: { member: ReserveMember; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm();
  const { submit, pending } = useMutationForm(useEndMembership(), form, ['endedOn', 'reason', 'version']);
  return (
    <FormModal title={`${t('career.reserve.end')} · ${member.name}`} okText={t('career.reserve.end')} loading={pending} form={form} onClose={onClose}
      okButtonProps={{ danger: true }}>
      <Form form={form} layout="vertical" initialValues={{ endedOn: dayjs() }}
        onFinish={(v: { endedOn: Dayjs; reason: string }) => submit({ id: member.memberId, body: { endedOn: day(v.endedOn), reason: v.reason, version: member.version } }, onClose)}>
        <Form.Item name="endedOn" label={t('career.reserve.endedOn')}><DatePicker /></Form.Item>
        <Form.Item name="reason" label={t('career.reserve.reason')} rules={[{ required: true, message: t('career.reserve.required') }]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** A member's reviews and development plan (courses from Training, rotations into Staffing posts); HR adds and updates items. */
function PlanDrawer({ memberId, canEdit, onClose }: { memberId: string | undefined; canEdit: boolean; onClose: () => void }) {
  const t = useT();
  const detail = useReserveMember(memberId);
  const update = useUpdatePlanItem();
  const [adding, setAdding] = useState(false);
  const m = detail.data?.member;
  const setStatus = (item: PlanItem, status: string) =>
    update.mutate({ id: item.id, body: { status, dueOn: item.dueOn, note: item.note, version: item.version } });
  return (
    <Drawer open={memberId !== undefined} onClose={onClose} size="large" title={m ? `${t('career.reserve.plan')} · ${m.name}` : t('career.reserve.plan')}>
      <div tabIndex={0} role="region" aria-label={t('career.reserve.plan')}>
        {m && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('career.reserve.term')}>{m.termStart ? `${m.termStart} ~ ${m.termEnd ?? '—'}` : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('career.reserve.review')}>{m.reviewOn ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('career.reserve.reason')}>{m.nominationReason ?? '—'}</Descriptions.Item>
            </Descriptions>
            <Space>
              <Typography.Title level={5} style={{ margin: 0 }}>{t('career.reserve.planItems')}</Typography.Title>
              {canEdit && m.status === 'active' && <Button size="small" type="primary" onClick={() => setAdding(true)}>{t('career.reserve.addItem')}</Button>}
            </Space>
            <ResponsiveTable<PlanItem>
              aria-label={t('career.reserve.planItems')}
              rowKey="id"
              dataSource={detail.data?.plan ?? []}
              pagination={false}
              locale={{ emptyText: t('career.reserve.noItems') }}
              columns={[
                { title: t('career.reserve.item'), dataIndex: 'title', cardTitle: true,
                  render: (_, i) => `${t(`career.reserve.kind.${i.kind === 'course' ? 'course' : 'rotation'}`)} · ${i.title}` },
                { title: t('career.reserve.dueOn'), dataIndex: 'dueOn' },
                { title: t('career.app.status'), dataIndex: 'status', render: (v: string) => <Tag>{t(`career.reserve.itemStatus.${v}` as CareerMessageKey)}</Tag> },
                { title: t('career.reserve.note'), dataIndex: 'note', render: (v?: string | null) => v ?? '—' },
                {
                  title: t('career.reserve.actions'), dataIndex: 'id', cardActions: true, render: (_, i) => canEdit && i.status === 'planned' ? (
                    <Space size="small">
                      <Button size="small" onClick={() => setStatus(i, 'done')}>{t('career.reserve.markDone')}</Button>
                      <Button size="small" danger onClick={() => setStatus(i, 'cancelled')}>{t('career.reserve.cancelItem')}</Button>
                    </Space>
                  ) : null,
                },
              ]}
            />
            <Typography.Title level={5}>{t('career.reserve.reviews')}</Typography.Title>
            {(detail.data?.reviews ?? []).length === 0 ? <Typography.Text type="secondary">{t('career.reserve.noReviews')}</Typography.Text> : (
              <ul>
                {(detail.data?.reviews ?? []).map((r) => (
                  <li key={r.id}>{r.reviewedOn} · {t(`career.reserve.outcome.${r.outcome}` as CareerMessageKey)}{r.note ? ` · ${r.note}` : ''}</li>
                ))}
              </ul>
            )}
          </Space>
        )}
      </div>
      {adding && memberId && <PlanItemForm memberId={memberId} onClose={() => setAdding(false)} />}
    </Drawer>
  );
}

function PlanItemForm({ memberId, onClose }: { memberId: string; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm();
  const kind = Form.useWatch<string | undefined>('kind', form) ?? 'course';
  const courses = useCourseOptions();
  const posts = usePostOptions();
  const { submit, pending } = useMutationForm(useAddPlanItem(), form, ['kind', 'courseId', 'postId', 'dueOn', 'note']);
  return (
    <FormModal title={t('career.reserve.addItem')} okText={t('career.reserve.save')} loading={pending} form={form} onClose={onClose}>
      <Form form={form} layout="vertical" initialValues={{ kind: 'course', dueOn: dayjs().add(3, 'month') }}
        onFinish={(v: { kind: string; courseId?: string; postId?: string; dueOn: Dayjs; note?: string }) => submit({
          id: memberId,
          body: { kind: v.kind, courseId: v.kind === 'course' ? v.courseId : undefined, postId: v.kind === 'rotation' ? v.postId : undefined, dueOn: v.dueOn.format('YYYY-MM-DD'), note: v.note },
        }, onClose)}>
        <Form.Item name="kind" label={t('career.reserve.itemKind')}>
          <Radio.Group options={[{ value: 'course', label: t('career.reserve.kind.course') }, { value: 'rotation', label: t('career.reserve.kind.rotation') }]} />
        </Form.Item>
        {kind === 'course' ? (
          <Form.Item name="courseId" label={t('career.reserve.course')} rules={[{ required: true, message: t('career.reserve.required') }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} loading={courses.isLoading}
              options={(courses.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.code} ${c.title}` }))} />
          </Form.Item>
        ) : (
          <Form.Item name="postId" label={t('career.reserve.post')} rules={[{ required: true, message: t('career.reserve.required') }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} loading={posts.isLoading}
              options={(posts.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.orgUnitName} ${p.title}` }))} />
          </Form.Item>
        )}
        <Form.Item name="dueOn" label={t('career.reserve.dueOn')} rules={[{ required: true, message: t('career.reserve.required') }]}><DatePicker /></Form.Item>
        <Form.Item name="note" label={t('career.reserve.note')}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
      </Form>
    </FormModal>
  );
}

/** 后备干部提名 in the leader's approvals inbox: the pool of the leader's street, opened on the nominations waiting. */
export default function ReserveNominations() {
  return <ReservePool canEdit={false} initialStatus="nominated" />;
}
