import { Alert, App, Checkbox, DatePicker, Form, Input, Select, Switch } from 'antd';
import { FormModal } from '../../app/FormModal';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ApiError, type Problem } from '../../api/problem';
import type { Post, Posting, Worker } from '../../api/types';
import { useLocale, useT, type MessageKey } from '../../app/i18n';
import { useReportError } from '../../app/problems';
import { requireFields } from '../../app/required';
import { useOrgTree } from './hooks/orgUnits';
import { OrgUnitTreeSelect } from './OrgUnitTreeSelect';
import { useCreatePosting, useEndPosting } from './hooks/postings';
import { useMutationForm } from '../../app/useMutationForm';
import { useOpenPostsForMe, usePosts } from './hooks/posts';
import { useStaffingSettings } from './hooks/reference';
import { useCreateRotation } from './hooks/rotations';
import { postingEndReasons, postingReasonKey, postingReasons, postTypeName } from './staffingRules';

/** A post as a select option: unit, title, type and how full it is. */
function usePostOption() {
  const t = useT();
  const [locale] = useLocale();
  const settings = useStaffingSettings();
  return (p: Post) => ({
    value: p.id,
    label: t('staffing.post.option', {
      unit: p.orgUnitName,
      title: p.title,
      type: postTypeName(p.postType, locale, settings.data, t),
      filled: p.filled,
      quota: p.quota,
    }),
  });
}

/** The problem a refusal carries, shown inside the form so that it cannot be missed. */
function Refusal({ problem }: { problem: Problem | null }) {
  if (!problem) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={problem.title ?? undefined}
      description={problem.detail ?? undefined}
    />
  );
}

interface PostingValues {
  orgUnitId?: string | null;
  postId?: string;
  startedOn: Dayjs;
  reason: string;
  isPrimary: boolean;
}
const postingFields = ['postId', 'startedOn', 'reason', 'isPrimary'] as const;

/** 安排任职: puts a worker into a post; a full post is refused by the host with 409 headcount-exceeded. */
export function CreatePostingModal({ worker, onClose }: { worker: Worker; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<PostingValues>();
  const tree = useOrgTree();
  const unitId = Form.useWatch('orgUnitId', form) ?? undefined;
  const posts = usePosts({ orgUnitId: unitId, status: 'active', pageSize: 200 }, unitId !== undefined);
  const option = usePostOption();
  const create = useCreatePosting();
  const report = useReportError();
  const { message } = App.useApp();
  const [refusal, setRefusal] = useState<Problem | null>(null);

  const submit = (v: PostingValues) => {
    setRefusal(null);
    if (!requireFields(form, v, ['postId'], t('staffing.posting.validation.postRequired'))) return;
    create.mutate(
      { body: {
        workerId: worker.id,
        postId: v.postId,
        startedOn: v.startedOn.format('YYYY-MM-DD'),
        reason: v.reason,
        isPrimary: v.isPrimary,
      } },
      {
        onSuccess: (p) => {
          void message.success(t('staffing.posting.create.done', { post: p.postTitle, unit: p.orgUnitName }));
          onClose();
        },
        onError: (e) => {
          if (e instanceof ApiError && e.status === 409) setRefusal(e.problem);
          else report(e, form, postingFields);
        },
      },
    );
  };

  return (
    <FormModal
      title={t('staffing.posting.create.title', { name: worker.name })}
      okText={t('staffing.posting.create.ok')}
      loading={create.isPending}
      form={form}
      onClose={onClose}
      width={640}
    >
      <Refusal problem={refusal} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={(changed) => {
          if ('orgUnitId' in changed) form.setFieldValue('postId', undefined);
          setRefusal(null);
        }}
        initialValues={{ startedOn: dayjs(), reason: 'hire', isPrimary: true }}
      >
        <Form.Item name="orgUnitId" label={t('staffing.posting.field.orgUnit')}>
          <OrgUnitTreeSelect tree={tree.data ?? []} loading={tree.isPending} />
        </Form.Item>
        <Form.Item
          name="postId"
          label={t('staffing.posting.field.post')}
          rules={[{ required: true, message: t('staffing.posting.validation.postRequired') }]}
        >
          <Select
            disabled={!unitId}
            loading={posts.isFetching}
            placeholder={unitId ? undefined : t('staffing.posting.pickUnitFirst')}
            options={(posts.data?.items ?? []).map(option)}
            notFoundContent={t('staffing.posting.noPosts')}
          />
        </Form.Item>
        <Form.Item name="startedOn" label={t('staffing.posting.field.startedOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label={t('staffing.posting.field.reason')} rules={[{ required: true }]}>
          <Select
            options={postingReasons.map((r) => ({ value: r, label: t(postingReasonKey(r) ?? 'staffing.postingReason.hire') }))}
          />
        </Form.Item>
        <Form.Item name="isPrimary" label={t('staffing.posting.field.isPrimary')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

interface RotationValues {
  fromPostingId?: string;
  orgUnitId?: string | null;
  toPostId?: string;
  proposedOn?: Dayjs | null;
  reason?: string;
  submit: boolean;
}
const rotationFields = ['fromPostingId', 'toPostId', 'proposedOn', 'reason'] as const;
/** What the API marks required, each with its own message (请选择目标岗位), not one shared 必填. */
const rotationRequired = {
  fromPostingId: 'staffing.rotation.validation.fromRequired',
  toPostId: 'staffing.rotation.validation.toRequired',
  proposedOn: 'staffing.rotation.validation.proposedOnRequired',
  reason: 'staffing.rotation.validation.reasonRequired',
} as const satisfies Record<(typeof rotationFields)[number], MessageKey>;

/** 发起轮岗: from one of the worker's active postings to a post that still has room. */
export function CreateRotationModal({
  workerId,
  workerName,
  postings,
  fromPostingId,
  selfService = false,
  onClose,
}: {
  workerId: string;
  workerName: string;
  postings: readonly Pick<Posting, 'id' | 'postId' | 'postTitle' | 'orgUnitName'>[];
  fromPostingId?: string;
  /** A worker asking for themself: the target is one of the open posts of their own street. */
  selfService?: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<RotationValues>();
  const tree = useOrgTree(!selfService);
  const unitId = Form.useWatch('orgUnitId', form) ?? undefined;
  const staffPosts = usePosts({ orgUnitId: unitId, status: 'active', hasVacancy: true, pageSize: 200 }, !selfService);
  const openPosts = useOpenPostsForMe(selfService);
  const posts = selfService ? openPosts : staffPosts;
  // The worker's current posts are not a rotation target.
  const currentPosts = new Set(postings.map((p) => p.postId));
  const option = usePostOption();
  const create = useCreateRotation();
  const report = useReportError();
  const { message } = App.useApp();
  const [refusal, setRefusal] = useState<Problem | null>(null);

  const submit = (v: RotationValues) => {
    setRefusal(null);
    if (!requireFields(form, v, rotationFields, (k) => t(rotationRequired[k]))) return;
    create.mutate(
      { body: {
        workerId,
        fromPostingId: v.fromPostingId,
        toPostId: v.toPostId,
        proposedOn: v.proposedOn.format('YYYY-MM-DD'),
        reason: v.reason.trim(),
        submit: v.submit,
      } },
      {
        onSuccess: (r) => {
          void message.success(
            t(r.status === 'submitted' ? 'staffing.rotation.create.submitted' : 'staffing.rotation.create.saved'),
          );
          onClose();
        },
        onError: (e) => {
          if (e instanceof ApiError && e.status === 409) setRefusal(e.problem);
          else report(e, form, rotationFields);
        },
      },
    );
  };

  return (
    <FormModal
      title={selfService ? t('staffing.myProfile.askRotation') : t('staffing.rotation.create.title', { name: workerName })}
      okText={t('staffing.rotation.create.ok')}
      loading={create.isPending}
      form={form}
      onClose={onClose}
      width={680}
    >
      <Refusal problem={refusal} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={(changed) => {
          if ('orgUnitId' in changed) form.setFieldValue('toPostId', undefined);
          setRefusal(null);
        }}
        initialValues={{
          fromPostingId: fromPostingId ?? (postings.length === 1 ? postings[0].id : undefined),
          // The first of next month: a rotation is planned ahead, and after the current posting's start.
          proposedOn: dayjs().add(1, 'month').startOf('month'),
          submit: true,
        }}
      >
        <Form.Item name="fromPostingId" required label={t('staffing.rotation.field.from')}>
          <Select options={postings.map((p) => ({ value: p.id, label: `${p.orgUnitName} · ${p.postTitle}` }))} />
        </Form.Item>
        {!selfService && (
          <Form.Item name="orgUnitId" label={t('staffing.rotation.field.toUnit')}>
            <OrgUnitTreeSelect tree={tree.data ?? []} loading={tree.isPending} />
          </Form.Item>
        )}
        <Form.Item
          name="toPostId"
          label={t('staffing.rotation.field.to')}
          required
          extra={t('staffing.rotation.field.toHelp')}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={posts.isFetching}
            options={(posts.data?.items ?? []).filter((p) => !currentPosts.has(p.id)).map(option)}
            notFoundContent={t('staffing.posting.noPosts')}
          />
        </Form.Item>
        <Form.Item name="proposedOn" required label={t('staffing.rotation.field.proposedOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" required label={t('staffing.rotation.field.reason')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="submit" valuePropName="checked">
          <Checkbox>{t('staffing.rotation.field.submitNow')}</Checkbox>
        </Form.Item>
      </Form>
    </FormModal>
  );
}

interface EndValues {
  endedOn: Dayjs;
  endReason: string;
}
const endFields = ['endedOn', 'endReason'] as const;

/** 结束任职: an active posting ends on a date, for a reason (a rotation or promotion usually ends it by itself). */
export function EndPostingModal({ posting, onClose }: { posting: Posting; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<EndValues>();
  const { message } = App.useApp();
  const { submit, refusal, pending } = useMutationForm(useEndPosting(), form, endFields, { refusals: true });
  return (
    <FormModal
      title={t('staffing.posting.end.title', { post: `${posting.orgUnitName} · ${posting.postTitle}` })}
      okText={t('staffing.posting.action.end')}
      loading={pending}
      form={form}
      onClose={onClose}
      okButtonProps={{ danger: true }}
    >
      <Refusal problem={refusal} />
      <Form<EndValues>
        form={form}
        layout="vertical"
        initialValues={{ endedOn: dayjs() }}
        onFinish={(v) =>
          submit(
            {
              params: { path: { id: posting.id } },
              body: { endedOn: v.endedOn.format('YYYY-MM-DD'), endReason: v.endReason, version: posting.version },
            },
            () => {
              void message.success(t('staffing.posting.end.done'));
              onClose();
            },
          )
        }
      >
        <Form.Item
          name="endedOn"
          label={t('staffing.posting.field.endedOn')}
          rules={[{ required: true, message: t('staffing.posting.validation.endedOnRequired') }]}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(posting.startedOn), 'day')} />
        </Form.Item>
        <Form.Item
          name="endReason"
          label={t('staffing.posting.field.endReason')}
          rules={[{ required: true, message: t('staffing.posting.validation.endReasonRequired') }]}
        >
          <Select
            options={postingEndReasons.map((r) => {
              const key = postingReasonKey(r);
              return { value: r, label: key ? t(key) : r };
            })}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
