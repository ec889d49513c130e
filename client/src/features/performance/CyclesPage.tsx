import { Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { ListedTreeSelect } from '../../app/ListedTreeSelect';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { Schemas } from '../../api/types';
import { useCurrentUser } from '../../app/auth/RequireAuth';
import { FormModal } from '../../app/FormModal';
import { useT } from '../../app/i18n';
import { useReportError } from '../../app/problems';
import { noWrap, ResponsiveTable } from '../../app/ResponsiveTable';
import { type Cycle, useCreateCycle, useCycles, useOrgTreeForCycles } from './hooks';

type TreeNode = { id: string; name: string; children?: readonly TreeNode[] };
type TreeData = { value: string; title: string; children: TreeData[] };
const toTree = (nodes: readonly TreeNode[]): TreeData[] =>
  nodes.map((n) => ({ value: n.id, title: n.name, children: toTree(n.children ?? []) }));

/** 考核周期: every cycle in the caller's scope; HR creates one. */
export function CyclesPage() {
  const t = useT();
  const navigate = useNavigate();
  const { role } = useCurrentUser();
  const [params] = useSearchParams();
  const status = params.get('status') ?? undefined;
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useCycles({ ...page, status });
  const [creating, setCreating] = useState(false);
  const canCreate = role === 'hr' || role === 'admin';
  const title = t('performance.cycles.title');
  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{title}</Typography.Title>}
      extra={canCreate && <Button type="primary" onClick={() => setCreating(true)}>{t('performance.cycles.create')}</Button>}
    >
      <ResponsiveTable<Cycle>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        aria-label={title}
        pagination={{
          current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }), onChange: (p, pageSize) => setPage({ page: p, pageSize }),
        }}
        columns={[
          { title: t('performance.cycles.name'), dataIndex: 'name', cardTitle: true },
          { title: t('performance.cycles.period'), render: (_, c) => `${c.periodStart} ~ ${c.periodEnd}`, ...noWrap },
          {
            title: t('performance.cycles.status'), dataIndex: 'status',
            render: (s: string) => <Tag>{t(`performance.status.${s}` as 'performance.status.planning')}</Tag>,
          },
          { title: t('performance.cycles.participants'), dataIndex: 'participants', width: 90 },
          { title: t('performance.cycles.missing'), dataIndex: 'missingInputs', width: 90 },
          {
            title: t('common.actions'),
            render: (_, c) => (
              <Button size="small" onClick={() => navigate(`/performance/cycles/${c.id}`)} aria-label={`${t('performance.cycles.open')} ${c.name}`}>
                {t('performance.cycles.open')}
              </Button>
            ),
          },
        ]}
      />
      {creating && <CreateCycleModal onClose={() => setCreating(false)} onCreated={(id) => navigate(`/performance/cycles/${id}`)} />}
    </Card>
  );
}

type CycleForm = Omit<Schemas['CreateCycleRequest'], 'entryDeadline' | 'calibrationDeadline'> & {
  entryDeadline?: Dayjs;
  calibrationDeadline?: Dayjs;
};

function CreateCycleModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const t = useT();
  const [form] = Form.useForm<CycleForm>();
  const create = useCreateCycle();
  const report = useReportError();
  const tree = useOrgTreeForCycles();
  const kind = Form.useWatch('kind', form);
  return (
    <FormModal title={t('performance.cycles.create')} okText={t('common.save')} loading={create.isPending} form={form} onClose={onClose}>
      <Form<CycleForm>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'quarterly', year: new Date().getFullYear(), quarter: 3 }}
        onFinish={(values) =>
          create.mutate(
            {
              ...values,
              quarter: values.kind === 'annual' ? null : values.quarter,
              entryDeadline: values.entryDeadline?.format('YYYY-MM-DD') ?? '',
              calibrationDeadline: values.calibrationDeadline?.format('YYYY-MM-DD') ?? '',
            },
            {
              onSuccess: (c) => onCreated(c.id),
              onError: (e) => report(e, form, ['name', 'kind', 'year', 'quarter', 'orgUnitId', 'entryDeadline', 'calibrationDeadline']),
            },
          )
        }
      >
        <Form.Item name="name" label={t('performance.cycles.name')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label={t('performance.cycles.kind')} rules={[{ required: true }]}>
          <Select options={[{ value: 'annual', label: t('performance.kind.annual') }, { value: 'quarterly', label: t('performance.kind.quarterly') }]} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="year" label={t('performance.cycles.year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          {kind !== 'annual' && (
            <Form.Item name="quarter" label={t('performance.cycles.quarter')} rules={[{ required: true }]}>
              <InputNumber min={1} max={4} />
            </Form.Item>
          )}
        </Space>
        <Form.Item name="orgUnitId" label={t('performance.cycles.unit')} rules={[{ required: true }]}>
          <ListedTreeSelect treeData={toTree((tree.data ?? []) as TreeNode[])} showSearch treeNodeFilterProp="title" treeDefaultExpandAll={false} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="entryDeadline" label={t('performance.cycles.entryDeadline')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="calibrationDeadline" label={t('performance.cycles.calibrationDeadline')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </Space>
      </Form>
    </FormModal>
  );
}
