import { App, DatePicker, Form, Input, Select } from 'antd';
import { FormModal } from '../../app/FormModal';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { Worker } from '../../api/types';
import { useLocale, useT, type MessageKey } from '../../app/i18n';
import { useReportError } from '../../app/problems';
import { requireFields } from '../../app/required';
import { useOrgTree } from './hooks/orgUnits';
import { OrgUnitTreeSelect } from './OrgUnitTreeSelect';
import { useCodes } from './hooks/reference';
import { useChangeWorkerStatus, useCreateWorker, useRevealId, useUpdateWorker } from './hooks/workers';
import { codeOptions, workerStatuses, workerStatusKey } from './staffingRules';

const iso = (d: Dayjs) => d.format('YYYY-MM-DD');
const text = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

interface WorkerValues {
  staffNo?: string;
  name?: string;
  idNumber?: string;
  ethnicGroup?: string;
  politicalStatus?: string;
  education?: string;
  phone?: string;
  hireDate?: Dayjs | null;
  serviceStartDate?: Dayjs | null;
  orgUnitId?: string | null;
}
const createFields = [
  'staffNo',
  'name',
  'idNumber',
  'ethnicGroup',
  'politicalStatus',
  'education',
  'phone',
  'hireDate',
  'serviceStartDate',
  'orgUnitId',
] as const;
const editFields = ['name', 'ethnicGroup', 'politicalStatus', 'education', 'phone', 'hireDate', 'serviceStartDate'] as const;
/** What the API marks required (the staff number and phone are optional). */
const editRequired = ['name', 'ethnicGroup', 'politicalStatus', 'education', 'hireDate', 'serviceStartDate'] as const;
const createRequired = [...editRequired, 'idNumber', 'orgUnitId'] as const;

/** Each required field's own label, for its own message (姓名不能为空), not one shared 必填. */
const requiredLabels = {
  name: 'staffing.worker.field.name',
  ethnicGroup: 'staffing.worker.field.ethnicGroup',
  politicalStatus: 'staffing.worker.field.politicalStatus',
  education: 'staffing.worker.field.education',
  hireDate: 'staffing.worker.field.hireDate',
  serviceStartDate: 'staffing.worker.field.serviceStartDate',
  idNumber: 'staffing.worker.field.idNumber',
  orgUnitId: 'staffing.worker.field.orgUnit',
} as const satisfies Record<(typeof createRequired)[number], MessageKey>;

/** The fields both forms share; validation messages come from the API and land next to their field. */
function PersonFields() {
  const t = useT();
  const [locale] = useLocale();
  const codes = useCodes();
  const filter = { optionFilterProp: 'label' as const };
  return (
    <>
      <Form.Item name="name" required label={t('staffing.worker.field.name')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="ethnicGroup" required label={t('staffing.worker.field.ethnicGroup')}>
        <Select showSearch={filter} options={codeOptions(codes.data?.ethnicGroup, locale)} loading={codes.isPending} />
      </Form.Item>
      <Form.Item name="politicalStatus" required label={t('staffing.worker.field.politicalStatus')}>
        <Select showSearch={filter} options={codeOptions(codes.data?.politicalStatus, locale)} loading={codes.isPending} />
      </Form.Item>
      <Form.Item name="education" required label={t('staffing.worker.field.education')}>
        <Select showSearch={filter} options={codeOptions(codes.data?.education, locale)} loading={codes.isPending} />
      </Form.Item>
      <Form.Item name="phone" label={t('staffing.worker.field.phone')}>
        <Input maxLength={11} />
      </Form.Item>
      <Form.Item name="hireDate" required label={t('staffing.worker.field.hireDate')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="serviceStartDate" required label={t('staffing.worker.field.serviceStartDate')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </>
  );
}

export function CreateWorkerModal({ onClose, onCreated }: { onClose: () => void; onCreated: (w: Worker) => void }) {
  const t = useT();
  const [form] = Form.useForm<WorkerValues>();
  const create = useCreateWorker();
  const tree = useOrgTree();
  const report = useReportError();
  const { message } = App.useApp();

  const submit = (v: WorkerValues) => {
    if (!requireFields(form, v, createRequired, (k) => t('common.requiredField', { field: t(requiredLabels[k]) }))) return;
    create.mutate(
      { body: {
        staffNo: text(v.staffNo),
        name: v.name.trim(),
        idNumber: v.idNumber.trim(),
        ethnicGroup: v.ethnicGroup,
        politicalStatus: v.politicalStatus,
        education: v.education,
        phone: text(v.phone),
        hireDate: iso(v.hireDate),
        serviceStartDate: iso(v.serviceStartDate),
        orgUnitId: v.orgUnitId,
      } },
      {
        onSuccess: (w) => {
          void message.success(t('staffing.worker.create.done', { name: w.name }));
          onCreated(w);
        },
        onError: (error) => report(error, form, createFields),
      },
    );
  };

  return (
    <FormModal
      title={t('staffing.worker.create.title')}
      okText={t('common.create')}
      loading={create.isPending}
      form={form}
      onClose={onClose}
      width={760}
    >
      <Form form={form} layout="vertical" className="cw-form-2col" onFinish={submit} initialValues={{ ethnicGroup: '01' }}>
        <Form.Item name="staffNo" label={t('staffing.worker.field.staffNo')} extra={t('staffing.worker.field.staffNoHelp')}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="idNumber" required label={t('staffing.worker.field.idNumber')} extra={t('staffing.worker.field.idNumberHelp')}>
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item name="orgUnitId" required className="cw-form-wide" label={t('staffing.worker.field.orgUnit')}>
          <OrgUnitTreeSelect tree={tree.data ?? []} loading={tree.isPending} />
        </Form.Item>
        <PersonFields />
      </Form>
    </FormModal>
  );
}

export function EditWorkerModal({ worker, onClose }: { worker: Worker; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<WorkerValues>();
  const update = useUpdateWorker();
  const report = useReportError();
  const { message } = App.useApp();

  const submit = (v: WorkerValues) => {
    if (!requireFields(form, v, editRequired, (k) => t('common.requiredField', { field: t(requiredLabels[k]) }))) return;
    update.mutate(
      {
        params: { path: { id: worker.id } },
        body: {
          name: v.name.trim(),
          ethnicGroup: v.ethnicGroup,
          politicalStatus: v.politicalStatus,
          education: v.education,
          phone: text(v.phone),
          hireDate: iso(v.hireDate),
          serviceStartDate: iso(v.serviceStartDate),
          version: worker.version,
        },
      },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (error) => report(error, form, editFields),
      },
    );
  };

  return (
    <FormModal
      title={t('staffing.worker.edit.title', { name: worker.name })}
      okText={t('common.save')}
      loading={update.isPending}
      form={form}
      onClose={onClose}
      width={760}
    >
      <Form
        form={form}
        layout="vertical"
        className="cw-form-2col"
        onFinish={submit}
        initialValues={{
          name: worker.name,
          ethnicGroup: worker.ethnicGroup,
          politicalStatus: worker.politicalStatus,
          education: worker.education,
          phone: worker.phone ?? undefined,
          hireDate: dayjs(worker.hireDate),
          serviceStartDate: dayjs(worker.serviceStartDate),
        }}
      >
        <PersonFields />
      </Form>
    </FormModal>
  );
}

interface StatusValues {
  status: string;
  effectiveOn: Dayjs;
  reason?: string;
}
const statusFields = ['status', 'effectiveOn', 'reason'] as const;

export function ChangeStatusModal({ worker, onClose }: { worker: Worker; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<StatusValues>();
  const change = useChangeWorkerStatus();
  const report = useReportError();
  const { message } = App.useApp();

  const submit = (v: StatusValues) =>
    change.mutate(
      {
        params: { path: { id: worker.id } },
        body: { status: v.status, effectiveOn: iso(v.effectiveOn), reason: text(v.reason), version: worker.version },
      },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (error) => report(error, form, statusFields),
      },
    );

  return (
    <FormModal
      title={t('staffing.worker.status.title', { name: worker.name })}
      okText={t('common.ok')}
      loading={change.isPending}
      form={form}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ status: worker.status, effectiveOn: dayjs() }}>
        <Form.Item name="status" label={t('staffing.worker.field.status')} rules={[{ required: true }]}>
          <Select
            options={workerStatuses.map((s) => ({ value: s, label: t(workerStatusKey(s) ?? 'staffing.workerStatus.active') }))}
          />
        </Form.Item>
        <Form.Item name="effectiveOn" label={t('staffing.worker.status.effectiveOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label={t('staffing.worker.status.reason')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** Asks why, then shows the full ID number; every reveal is written to the audit log by the host. */
export function RevealIdModal({
  worker,
  onClose,
  onRevealed,
}: {
  worker: Worker;
  onClose: () => void;
  onRevealed: (idNumber: string) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const reveal = useRevealId();
  const report = useReportError();
  return (
    <FormModal
      title={t('staffing.worker.reveal.title', { name: worker.name })}
      okText={t('staffing.worker.reveal.ok')}
      loading={reveal.isPending}
      form={form}
      onClose={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={({ reason }) =>
          reveal.mutate(
            { params: { path: { id: worker.id } }, body: { reason: reason.trim() } },
            { onSuccess: (r) => onRevealed(r.idNumber), onError: (e) => report(e, form, ['reason']) },
          )
        }
      >
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
