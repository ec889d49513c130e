import { usePagedTable } from '../../app/usePagedTable';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { FormModal } from '../../app/FormModal';
import { lazy, Suspense, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ResponsiveTable } from '../../app/ResponsiveTable';
import type { HeadcountLine, Post } from '../../api/types';
import { canEditStaffing } from './roles';
import { useCurrentUser } from '../../app/auth/RequireAuth';
import { useLocale, useT, type MessageKey } from '../../app/i18n';
import { useReportError } from '../../app/problems';
import { requireFields } from '../../app/required';
import { useOrgTree } from './hooks/orgUnits';
import { OrgUnitTreeSelect } from './OrgUnitTreeSelect';
import { useClosePost, useCreatePost, useHeadcount, usePosts, useUpdatePost } from './hooks/posts';
import { useStaffingSettings } from './hooks/reference';
import { useExportPosts } from './hooks/listExports';
import { normStatusColor, normStatusKey, postTypeName, postTypes } from './staffingRules';

const HeadcountChart = lazy(() => import('./HeadcountChart').then((m) => ({ default: m.HeadcountChart })));

/** Each required field's own message (请填写岗位名称), not one shared 必填. */
const postRequired = {
  postType: 'staffing.post.validation.postTypeRequired',
  title: 'staffing.post.validation.titleRequired',
  quota: 'staffing.post.validation.quotaRequired',
} as const satisfies Record<string, MessageKey>;

interface PostValues {
  postType?: string;
  title?: string;
  quota?: number | null;
  reason?: string;
}

function CreatePostModal({ orgUnitId, unitName, onClose }: { orgUnitId: string; unitName: string; onClose: () => void }) {
  const t = useT();
  const [locale] = useLocale();
  const settings = useStaffingSettings();
  const [form] = Form.useForm<PostValues>();
  const create = useCreatePost();
  const report = useReportError();
  const { message } = App.useApp();
  return (
    <FormModal
      title={t('staffing.post.create.title', { unit: unitName })}
      okText={t('common.create')}
      loading={create.isPending}
      form={form}
      onClose={onClose}
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        className="cw-form-2col"
        initialValues={{ postType: 'staff', quota: 1 }}
        onFinish={(v) => {
          if (!requireFields(form, v, ['postType', 'title', 'quota'], (k) => t(postRequired[k]))) return;
          create.mutate(
            { body: { orgUnitId, postType: v.postType, title: v.title.trim(), quota: v.quota } },
            {
              onSuccess: () => {
                void message.success(t('common.saved'));
                onClose();
              },
              onError: (e) => report(e, form, ['postType', 'title', 'quota']),
            },
          );
        }}
      >
        <Form.Item name="postType" required label={t('staffing.post.field.postType')}>
          <Select options={postTypes.map((p) => ({ value: p, label: postTypeName(p, locale, settings.data, t) }))} />
        </Form.Item>
        <Form.Item name="title" required label={t('staffing.post.field.title')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="quota" required label={t('staffing.post.field.quota')}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function EditPostModal({ post, onClose }: { post: Post; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<PostValues>();
  const update = useUpdatePost();
  const report = useReportError();
  const { message } = App.useApp();
  const quota = Form.useWatch('quota', form);
  const quotaChanged = quota !== undefined && quota !== post.quota;
  return (
    <FormModal
      title={t('staffing.post.edit.title', { title: post.title, unit: post.orgUnitName })}
      okText={t('common.save')}
      loading={update.isPending}
      form={form}
      onClose={onClose}
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        className="cw-form-2col"
        initialValues={{ title: post.title, quota: post.quota }}
        onFinish={(v) => {
          if (!requireFields(form, v, ['title', 'quota'], (k) => t(postRequired[k]))) return;
          update.mutate(
            {
              params: { path: { id: post.id } },
              body: { title: v.title.trim(), quota: v.quota, reason: v.reason?.trim() || null, version: post.version },
            },
            {
              onSuccess: () => {
                void message.success(t('common.saved'));
                onClose();
              },
              onError: (e) => report(e, form, ['title', 'quota', 'reason']),
            },
          );
        }}
      >
        <Form.Item name="title" required label={t('staffing.post.field.title')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="quota" required label={t('staffing.post.field.quota')} extra={t('staffing.post.filledNow', { filled: post.filled })}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="reason"
          className="cw-form-wide"
          label={t('staffing.post.field.reason')}
          rules={[{ required: quotaChanged, whitespace: true, message: t('staffing.post.validation.reasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function NormTag({ status }: { status: string }) {
  const t = useT();
  const key = normStatusKey(status);
  return <Tag color={normStatusColor[status]}>{key ? t(key) : status}</Tag>;
}

export function PostsPage() {
  const t = useT();
  const [locale] = useLocale();
  const { role } = useCurrentUser();
  const editable = canEditStaffing(role);
  const tree = useOrgTree();
  const settings = useStaffingSettings();
  const [unitId, setUnitId] = useState<string | undefined>();
  const headcount = useHeadcount(unitId);
  const paging = usePagedTable();
  const [postType, setPostType] = useState<string>();
  const [params, setParams] = useSearchParams();
  const vacantOnly = params.get('hasVacancy') === 'true';
  const filters = { orgUnitId: unitId, postType, status: 'active', hasVacancy: vacantOnly || undefined };
  const posts = usePosts({ ...filters, ...paging.query });
  const exportPosts = useExportPosts();
  const { message } = App.useApp();
  const closePost = useClosePost();
  const report = useReportError();
  const [dialog, setDialog] = useState<{ kind: 'create' } | { kind: 'edit'; post: Post } | null>(null);
  const unit = headcount.data?.unit;
  const children = headcount.data?.children ?? [];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={
          <Space>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('staffing.posts.title')}
            </Typography.Title>
            {!editable && <Tag>{t('staffing.orgUnits.readOnly')}</Tag>}
          </Space>
        }
        extra={
          <div style={{ width: 300 }}>
            <OrgUnitTreeSelect
              tree={tree.data ?? []}
              loading={tree.isPending}
              value={unitId ?? null}
              onChange={(v) => {
                setUnitId(v ?? undefined);
                paging.firstPage();
              }}
              placeholder={t('staffing.posts.unitPlaceholder')}
            />
          </div>
        }
      >
        {unit && (
          <Space wrap size="large" style={{ marginBottom: 16 }}>
            <Typography.Text strong>{unit.name}</Typography.Text>
            <span>{t('staffing.headcount.summary', { quota: unit.quota, filled: unit.filled, vacant: unit.vacant })}</span>
            <span>
              {t('staffing.headcount.norm')}：{unit.norm ?? '—'} <NormTag status={unit.normStatus} />
            </span>
          </Space>
        )}
        <Row gutter={16}>
          <Col xs={24} xl={12}>
            <Table<HeadcountLine>
              rowKey="orgUnitId"
              size="small"
              loading={headcount.isFetching}
              dataSource={children}
              pagination={false}
              aria-label={t('staffing.headcount.table')}
              locale={{ emptyText: t('staffing.headcount.empty') }}
              onRow={(l) => ({ onClick: () => setUnitId(l.orgUnitId), style: { cursor: 'pointer' } })}
              columns={[
                { title: t('staffing.orgUnits.field.name'), dataIndex: 'name' },
                { title: t('staffing.headcount.quota'), dataIndex: 'quota', width: 70 },
                { title: t('staffing.headcount.filled'), dataIndex: 'filled', width: 70 },
                { title: t('staffing.headcount.vacant'), dataIndex: 'vacant', width: 70 },
                { title: t('staffing.headcount.norm'), dataIndex: 'norm', width: 70, render: (n: number | null) => n ?? '—' },
                { title: t('staffing.headcount.normStatus'), dataIndex: 'normStatus', width: 90, render: (s: string) => <NormTag status={s} /> },
              ]}
            />
          </Col>
          <Col xs={24} xl={12}>
            {children.length > 0 && (
              <Suspense fallback={null}>
                <HeadcountChart lines={children} />
              </Suspense>
            )}
          </Col>
        </Row>
      </Card>
      <Card
        title={t('staffing.posts.listTitle', { unit: unit?.name ?? '' })}
        extra={
          <Space wrap>
            <Checkbox
              checked={vacantOnly}
              onChange={(e) => {
                setParams(e.target.checked ? { hasVacancy: 'true' } : {}, { replace: true });
                paging.firstPage();
              }}
            >
              {t('staffing.posts.vacantOnly')}
            </Checkbox>
            <Select
              allowClear
              style={{ width: 140 }}
              placeholder={t('staffing.filter.postType')}
              aria-label={t('staffing.filter.postType')}
              value={postType}
              onChange={(v?: string) => setPostType(v)}
              options={postTypes.map((p) => ({ value: p, label: postTypeName(p, locale, settings.data, t) }))}
            />
            <Button
              icon={<DownloadOutlined />}
              loading={exportPosts.isPending}
              onClick={() =>
                exportPosts.mutate(
                  { query: { ...filters, sort: paging.query.sort }, fallback: t('staffing.posts.exportFile') },
                  { onSuccess: () => void message.success(t('staffing.posts.exported')), onError: (e) => report(e) },
                )
              }
            >
              {t('common.export')}
            </Button>
            {editable && unit && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
                {t('staffing.post.action.create')}
              </Button>
            )}
          </Space>
        }
      >
        <ResponsiveTable<Post>
          rowKey="id"
          size="small"
          loading={posts.isFetching}
          dataSource={posts.data?.items ?? []}
          aria-label={t('staffing.posts.listTitle', { unit: unit?.name ?? '' })}
          pagination={paging.pagination(posts.data?.total)}
          columns={[
            { title: t('staffing.posting.field.orgUnit'), dataIndex: 'orgUnitName' },
            { title: t('staffing.post.field.title'), dataIndex: 'title', cardTitle: true },
            {
              title: t('staffing.post.field.postType'),
              dataIndex: 'postType',
              render: (p: string) => postTypeName(p, locale, settings.data, t),
            },
            { title: t('staffing.headcount.quota'), dataIndex: 'quota', width: 80 },
            { title: t('staffing.headcount.filled'), dataIndex: 'filled', width: 80 },
            {
              title: t('staffing.headcount.vacant'),
              dataIndex: 'vacant',
              width: 80,
              render: (v: number) => <Tag color={v > 0 ? 'green' : v < 0 ? 'red' : 'default'}>{v}</Tag>,
            },
            ...(editable
              ? [
                  {
                    title: t('common.actions'),
                    cardActions: true,
                    render: (_: unknown, p: Post) => (
                      <Space>
                        <Button size="small" onClick={() => setDialog({ kind: 'edit', post: p })}>
                          {t('staffing.post.action.edit')}
                        </Button>
                        <Popconfirm
                          title={t('staffing.post.confirm.close', { title: p.title })}
                          okText={t('common.ok')}
                          cancelText={t('common.cancel')}
                          onConfirm={() => closePost.mutate({ params: { path: { id: p.id } }, body: { version: p.version } }, { onError: (e) => report(e) })}
                        >
                          <Button size="small" danger>
                            {t('staffing.post.action.close')}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {dialog?.kind === 'create' && unit && (
        <CreatePostModal orgUnitId={unit.orgUnitId} unitName={unit.name} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'edit' && <EditPostModal post={dialog.post} onClose={() => setDialog(null)} />}
    </Space>
  );
}
