import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { FormModal } from '../../app/FormModal';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { Worker, WorkerListQuery } from '../../api/types';
import { canEditStaffing, canRevealIds } from '../../app/access-rules';
import { useCurrentUser } from '../../app/auth/RequireAuth';
import { useLocale, useT } from '../../app/i18n';
import { useReportError } from '../../app/problems';
import { useOrgTree } from './hooks';
import { ImportWizard } from './ImportWizard';
import { OrgUnitTreeSelect } from './OrgUnitTreeSelect';
import {
  useCodes,
  useExportRoster,
  useExportRosterWithIds,
  useStaffingSettings,
  useWorkers,
} from './staffingHooks';
import {
  codeName,
  educationBands,
  postTypeName,
  postTypes,
  sortParam,
  workerStatusColor,
  workerStatuses,
  workerStatusKey,
} from './staffingRules';
import { CreateWorkerModal } from './WorkerForms';
import { SearchInput } from '../../app/a11y/SearchInput';

type Filters = Omit<WorkerListQuery, 'page' | 'pageSize' | 'sort'>;

function ExportWithIdsModal({ query, onClose }: { query: WorkerListQuery; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const exportWithIds = useExportRosterWithIds();
  const report = useReportError();
  return (
    <FormModal
      title={t('staffing.roster.exportWithIds.title')}
      okText={t('staffing.roster.export')}
      loading={exportWithIds.isPending}
      form={form}
      onClose={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={({ reason }) =>
          exportWithIds.mutate(
            { query, reason: reason.trim(), fallback: t('staffing.roster.exportFile') },
            { onSuccess: onClose, onError: (e) => report(e, form, ['reason']) },
          )
        }
      >
        <Typography.Paragraph type="warning">{t('staffing.roster.exportWithIds.warning')}</Typography.Paragraph>
        <Form.Item
          name="reason"
          label={t('staffing.audit.reason')}
          extra={t('staffing.audit.reasonHelp')}
          rules={[{ required: true, whitespace: true, message: t('staffing.audit.reasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

export function RosterPage() {
  const t = useT();
  const [locale] = useLocale();
  const navigate = useNavigate();
  const { role } = useCurrentUser();
  const editable = canEditStaffing(role);
  const { message } = App.useApp();
  const report = useReportError();
  const tree = useOrgTree();
  const codes = useCodes();
  const settings = useStaffingSettings();
  const [filters, setFilters] = useState<Filters>({ status: 'active' });
  const [paging, setPaging] = useState({ page: 1, pageSize: 20, sort: undefined as string | undefined });
  const query: WorkerListQuery = { ...filters, ...paging };
  const workers = useWorkers(query);
  const exportRoster = useExportRoster();
  const [dialog, setDialog] = useState<'create' | 'import' | 'exportWithIds' | null>(null);

  const filter = (patch: Filters) => {
    setFilters((current) => ({ ...current, ...patch }));
    setPaging((current) => ({ ...current, page: 1 }));
  };
  const code = (kind: 'gender' | 'education' | 'politicalStatus', value: string) =>
    codeName(codes.data, kind, value, locale);

  const columns: TableProps<Worker>['columns'] = [
    { title: t('staffing.worker.field.staffNo'), dataIndex: 'staffNo', key: 'staffNo', sorter: true, width: 110 },
    {
      title: t('staffing.worker.field.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      render: (_, w) => <Link to={`/staffing/workers/${w.id}`}>{w.name}</Link>,
    },
    { title: t('staffing.worker.field.gender'), key: 'gender', render: (_, w) => code('gender', w.gender), width: 70 },
    { title: t('staffing.worker.field.age'), dataIndex: 'age', key: 'birthDate', sorter: true, width: 80 },
    { title: t('staffing.worker.field.orgUnit'), dataIndex: 'orgUnitName', key: 'orgUnit', sorter: true },
    {
      title: t('staffing.worker.field.primaryPost'),
      key: 'post',
      render: (_, w) =>
        w.primaryPostTitle ? (
          <Space size={4}>
            {w.primaryPostTitle}
            {w.primaryPostType && <Tag>{postTypeName(w.primaryPostType, locale, settings.data, t)}</Tag>}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('staffing.worker.noPost')}</Typography.Text>
        ),
    },
    { title: t('staffing.worker.field.education'), key: 'education', render: (_, w) => code('education', w.education) },
    {
      title: t('staffing.worker.field.politicalStatus'),
      key: 'politicalStatus',
      render: (_, w) => code('politicalStatus', w.politicalStatus),
    },
    { title: t('staffing.worker.field.idNumberMasked'), dataIndex: 'idNumberMasked', key: 'id', width: 180 },
    { title: t('staffing.worker.field.hireDate'), dataIndex: 'hireDate', key: 'hireDate', sorter: true, width: 110 },
    {
      title: t('staffing.worker.field.status'),
      key: 'status',
      width: 90,
      render: (_, w) => {
        const key = workerStatusKey(w.status);
        return <Tag color={workerStatusColor[w.status]}>{key ? t(key) : w.status}</Tag>;
      },
    },
  ];

  const allLabel = t('staffing.filter.all');

  return (
    <Card
      title={
        <Space>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('staffing.roster.title')}
          </Typography.Title>
          {!editable && <Tag>{t('staffing.orgUnits.readOnly')}</Tag>}
        </Space>
      }
      extra={
        <Space wrap>
          {editable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('create')}>
              {t('staffing.roster.create')}
            </Button>
          )}
          {editable && (
            <Button icon={<UploadOutlined />} onClick={() => setDialog('import')}>
              {t('staffing.roster.import')}
            </Button>
          )}
          <Button
            icon={<DownloadOutlined />}
            loading={exportRoster.isPending}
            onClick={() =>
              exportRoster.mutate(
                { query: filters, fallback: t('staffing.roster.exportFile') },
                { onSuccess: () => void message.success(t('staffing.roster.exported')), onError: (e) => report(e) },
              )
            }
          >
            {t('staffing.roster.export')}
          </Button>
          {canRevealIds(role) && (
            <Button icon={<DownloadOutlined />} onClick={() => setDialog('exportWithIds')}>
              {t('staffing.roster.exportWithIds')}
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }} role="search" aria-label={t('staffing.filter.title')}>
        <SearchInput
          allowClear
          style={{ width: 260 }}
          placeholder={t('staffing.roster.search')}
          aria-label={t('staffing.roster.search')}
          onSearch={(value) => filter({ q: value.trim() || undefined })}
        />
        <div style={{ width: 240 }}>
          <OrgUnitTreeSelect
            tree={tree.data ?? []}
            loading={tree.isPending}
            value={filters.orgUnitId ?? null}
            onChange={(v) => filter({ orgUnitId: v ?? undefined })}
            placeholder={t('staffing.filter.orgUnit')}
          />
        </div>
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder={t('staffing.filter.postType')}
          aria-label={t('staffing.filter.postType')}
          value={filters.postType}
          onChange={(v?: string) => filter({ postType: v })}
          options={postTypes.map((p) => ({ value: p, label: postTypeName(p, locale, settings.data, t) }))}
        />
        <Select
          style={{ width: 120 }}
          aria-label={t('staffing.filter.status')}
          value={filters.status ?? 'all'}
          onChange={(v: string) => filter({ status: v })}
          options={[
            ...workerStatuses.map((s) => ({ value: s, label: t(workerStatusKey(s) ?? 'staffing.workerStatus.active') })),
            { value: 'all', label: allLabel },
          ]}
        />
        <Select
          allowClear
          style={{ width: 150 }}
          placeholder={t('staffing.filter.education')}
          aria-label={t('staffing.filter.education')}
          value={filters.education}
          onChange={(v?: string) => filter({ education: v })}
          options={educationBands(codes.data?.education).map((c) => ({
            value: c.code,
            label: locale === 'zh-CN' ? c.name : c.nameEn,
          }))}
        />
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('staffing.filter.politicalStatus')}
          aria-label={t('staffing.filter.politicalStatus')}
          value={filters.politicalStatus}
          onChange={(v?: string) => filter({ politicalStatus: v })}
          options={(codes.data?.politicalStatus ?? []).map((c) => ({
            value: c.code,
            label: locale === 'zh-CN' ? c.name : c.nameEn,
          }))}
        />
        <Space.Compact>
          <InputNumber
            min={16}
            max={80}
            style={{ width: 100 }}
            placeholder={t('staffing.filter.ageMin')}
            aria-label={t('staffing.filter.ageMin')}
            onChange={(v) => filter({ ageMin: v ?? undefined })}
          />
          <InputNumber
            min={16}
            max={80}
            style={{ width: 100 }}
            placeholder={t('staffing.filter.ageMax')}
            aria-label={t('staffing.filter.ageMax')}
            onChange={(v) => filter({ ageMax: v ?? undefined })}
          />
        </Space.Compact>
      </Space>
      <Table<Worker>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={workers.data?.items ?? []}
        loading={workers.isFetching}
        scroll={{ x: 1200 }}
        onRow={(w) => ({ onDoubleClick: () => navigate(`/staffing/workers/${w.id}`) })}
        locale={{ emptyText: t('staffing.roster.empty') }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: workers.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t('staffing.roster.total', { total }),
        }}
        onChange={(pagination, _filters, sorter) => {
          const single = Array.isArray(sorter) ? sorter[0] : sorter;
          setPaging({
            page: pagination.current ?? 1,
            pageSize: pagination.pageSize ?? 20,
            sort: sortParam(single?.columnKey, single?.order),
          });
        }}
      />
      {dialog === 'create' && (
        <CreateWorkerModal onClose={() => setDialog(null)} onCreated={(w) => navigate(`/staffing/workers/${w.id}`)} />
      )}
      {dialog === 'import' && <ImportWizard onClose={() => setDialog(null)} />}
      {dialog === 'exportWithIds' && <ExportWithIdsModal query={filters} onClose={() => setDialog(null)} />}
    </Card>
  );
}
