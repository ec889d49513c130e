import { DownloadOutlined, PlusOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { FormModal } from '../../app/FormModal';
import { useColumnSettings } from '../../app/ColumnSettings';
import { noWrap, ResponsiveTable, type CardColumn } from '../../app/ResponsiveTable';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { Worker, WorkerListQuery } from '../../api/types';
import { canEditStaffing, canRevealIds } from './roles';
import { useCurrentUser } from '../../app/auth/RequireAuth';
import { useLocale, useT } from '../../app/i18n';
import { useReportError } from '../../app/problems';
import { useOrgTree } from './hooks/orgUnits';
import { ImportWizard } from './ImportWizard';
import { OrgUnitTreeSelect } from './OrgUnitTreeSelect';
import { useCodes, useStaffingSettings } from './hooks/reference';
import { useExportRoster, useExportRosterWithIds } from './hooks/rosterFiles';
import { useWorkers } from './hooks/workers';
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

const defaultFilters: Filters = { status: 'active' };

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
  const [filterForm] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>(defaultFilters);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20, sort: undefined as string | undefined });
  const query: WorkerListQuery = { ...filters, ...paging };
  const workers = useWorkers(query);
  const exportRoster = useExportRoster();
  const [dialog, setDialog] = useState<'create' | 'import' | 'exportWithIds' | null>(null);

  // 查询 applies what the bar holds (empty fields dropped), 重置 goes back to the defaults.
  const applyFilters = (values: Filters) => {
    const cleaned = Object.fromEntries(
      Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== ''),
    );
    setFilters({ ...cleaned, q: typeof values.q === 'string' ? values.q.trim() || undefined : undefined });
    setPaging((current) => ({ ...current, page: 1 }));
  };
  const code = (kind: 'gender' | 'education' | 'politicalStatus', value: string) =>
    codeName(codes.data, kind, value, locale);

  const columns: CardColumn<Worker>[] = [
    { title: t('staffing.worker.field.staffNo'), dataIndex: 'staffNo', key: 'staffNo', sorter: true, width: 110, ...noWrap },
    {
      title: t('staffing.worker.field.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      cardTitle: true,
      width: 86,
      ...noWrap,
      render: (_, w) => <Link to={`/staffing/workers/${w.id}`}>{w.name}</Link>,
    },
    { title: t('staffing.worker.field.gender'), key: 'gender', render: (_, w) => code('gender', w.gender), width: 70 },
    {
      title: t('staffing.worker.field.age'),
      dataIndex: 'age',
      key: 'age',
      sorter: true,
      width: 80,
      ...noWrap,
      render: (age: number) => t('staffing.worker.ageYears', { age }),
    },
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
    { title: t('staffing.worker.field.idNumberMasked'), dataIndex: 'idNumberMasked', key: 'id', width: 170, ...noWrap },
    { title: t('staffing.worker.field.hireDate'), dataIndex: 'hireDate', key: 'hireDate', sorter: true, width: 110, ...noWrap },
    {
      title: t('staffing.worker.field.status'),
      key: 'status',
      width: 90,
      ...noWrap,
      render: (_, w) => {
        const key = workerStatusKey(w.status);
        return <Tag color={workerStatusColor[w.status]}>{key ? t(key) : w.status}</Tag>;
      },
    },
  ];

  const allLabel = t('staffing.filter.all');
  const columnSettings = useColumnSettings('roster', columns, ['name']);

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
          {columnSettings.button}
        </Space>
      }
    >
      <Form<Filters>
        form={filterForm}
        layout="inline"
        aria-label={t('staffing.filter.title')}
        initialValues={defaultFilters}
        onFinish={(values) => applyFilters(values)}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="q">
          <SearchInput
            allowClear
            style={{ width: 240 }}
            placeholder={t('staffing.roster.search')}
            aria-label={t('staffing.roster.search')}
            onSearch={() => filterForm.submit()}
          />
        </Form.Item>
        <Form.Item name="orgUnitId">
          <OrgUnitTreeSelect
            tree={tree.data ?? []}
            loading={tree.isPending}
            style={{ width: 220 }}
            placeholder={t('staffing.filter.orgUnit')}
            aria-label={t('staffing.filter.orgUnit')}
          />
        </Form.Item>
        <Form.Item name="postType">
          <Select
            allowClear
            style={{ width: 130 }}
            placeholder={t('staffing.filter.postType')}
            aria-label={t('staffing.filter.postType')}
            options={postTypes.map((p) => ({ value: p, label: postTypeName(p, locale, settings.data, t) }))}
          />
        </Form.Item>
        <Form.Item name="status">
          <Select
            style={{ width: 120 }}
            aria-label={t('staffing.filter.status')}
            options={[
              ...workerStatuses.map((st) => ({ value: st, label: t(workerStatusKey(st) ?? 'staffing.workerStatus.active') })),
              { value: 'all', label: allLabel },
            ]}
          />
        </Form.Item>
        <Form.Item name="education">
          <Select
            allowClear
            style={{ width: 150 }}
            placeholder={t('staffing.filter.education')}
            aria-label={t('staffing.filter.education')}
            options={educationBands(codes.data?.education).map((c) => ({
              value: c.code,
              label: locale === 'zh-CN' ? c.name : c.nameEn,
            }))}
          />
        </Form.Item>
        <Form.Item name="politicalStatus">
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('staffing.filter.politicalStatus')}
            aria-label={t('staffing.filter.politicalStatus')}
            options={(codes.data?.politicalStatus ?? []).map((c) => ({
              value: c.code,
              label: locale === 'zh-CN' ? c.name : c.nameEn,
            }))}
          />
        </Form.Item>
        <Space.Compact>
          <Form.Item name="ageMin" noStyle>
            <InputNumber
              min={16}
              max={80}
              style={{ width: 100 }}
              placeholder={t('staffing.filter.ageMin')}
              aria-label={t('staffing.filter.ageMin')}
            />
          </Form.Item>
          <Form.Item name="ageMax" noStyle>
            <InputNumber
              min={16}
              max={80}
              style={{ width: 100 }}
              placeholder={t('staffing.filter.ageMax')}
              aria-label={t('staffing.filter.ageMax')}
            />
          </Form.Item>
        </Space.Compact>
        <Space.Compact style={{ marginInlineStart: 16 }}>
          <Form.Item name="serviceYearsMin" noStyle>
            <InputNumber
              min={0}
              max={60}
              style={{ width: 120 }}
              placeholder={t('staffing.filter.serviceYearsMin')}
              aria-label={t('staffing.filter.serviceYearsMin')}
            />
          </Form.Item>
          <Form.Item name="serviceYearsMax" noStyle>
            <InputNumber
              min={0}
              max={60}
              style={{ width: 120 }}
              placeholder={t('staffing.filter.serviceYearsMax')}
              aria-label={t('staffing.filter.serviceYearsMax')}
            />
          </Form.Item>
        </Space.Compact>
        <Form.Item style={{ marginInlineStart: 16 }}>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {t('common.query')}
            </Button>
            <Button
              onClick={() => {
                filterForm.resetFields();
                applyFilters(defaultFilters);
              }}
            >
              {t('common.reset')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <ResponsiveTable<Worker>
        aria-label={t('nav.roster')}
        rowKey="id"
        size="middle"
        columns={columnSettings.columns}
        dataSource={workers.data?.items ?? []}
        loading={workers.isFetching}
        // Wide enough for every column at 1440 px without scrolling the status column out of sight; narrower when the
        // user hides columns (列设置).
        scroll={{ x: columnSettings.columns.length === columns.length ? 1100 : 'max-content' }}
        onRow={(w) => ({ onDoubleClick: () => navigate(`/staffing/workers/${w.id}`) })}
        locale={{ emptyText: t('staffing.roster.empty') }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: workers.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t('staffing.roster.total', { total }),
          onChange: (page, pageSize) => setPaging((p) => ({ ...p, page, pageSize })),
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
