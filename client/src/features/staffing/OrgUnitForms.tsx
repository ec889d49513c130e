import { Alert, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import { FormModal } from '../../app/FormModal';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { App } from 'antd';
import type { OrgUnit, OrgUnitNode } from '../../api/types';
import { useT } from '../../app/i18n';
import { useReportError } from '../../app/problems';
import { requireFields } from '../../app/required';
import { useCloseOrgUnit, useCreateOrgUnit, useMoveOrgUnit, useUpdateOrgUnit } from './hooks/orgUnits';
import { OrgUnitTreeSelect } from './OrgUnitTreeSelect';
import { allowedChildLevels, canBeParentOf, findNode, levelLabelKey, subtreeIds } from './orgRules';

const codePattern = /^[0-9A-Za-z-]{1,20}$/;

interface ModalProps {
  unit: OrgUnit;
  onClose: () => void;
}

function useCountRules() {
  return [{ type: 'integer' as const, min: 0 }];
}

interface CreateValues {
  code: string;
  name: string;
  level: string;
  households?: number | null;
  population?: number | null;
}
const createFields = ['code', 'name', 'level', 'households', 'population', 'parentId'] as const;

export function CreateOrgUnitModal({ unit, onClose, onCreated }: ModalProps & { onCreated: (created: OrgUnit) => void }) {
  const t = useT();
  const [form] = Form.useForm<CreateValues>();
  const create = useCreateOrgUnit();
  const report = useReportError();
  const { message } = App.useApp();
  const levels = allowedChildLevels(unit.level);
  const countRules = useCountRules();

  const submit = (values: CreateValues) =>
    create.mutate(
      { body: {
        parentId: unit.id,
        code: values.code.trim(),
        name: values.name.trim(),
        level: values.level,
        households: values.households ?? null,
        population: values.population ?? null,
      } },
      {
        onSuccess: (created) => {
          void message.success(t('staffing.orgUnits.create.done', { name: created.name }));
          onCreated(created);
        },
        onError: (error) => report(error, form, createFields),
      },
    );

  return (
    <FormModal
      title={t('staffing.orgUnits.create.title', { parent: unit.name })}
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
        onFinish={submit}
        initialValues={{ level: levels.length === 1 ? levels[0] : undefined }}
      >
        <Form.Item
          name="code"
          label={t('staffing.orgUnits.field.code')}
          rules={[
            { required: true, whitespace: true, message: t('staffing.orgUnits.validation.codeRequired') },
            { pattern: codePattern, message: t('staffing.orgUnits.validation.codeFormat') },
          ]}
        >
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('staffing.orgUnits.field.name')}
          rules={[
            { required: true, whitespace: true, message: t('staffing.orgUnits.validation.nameRequired') },
            { max: 100, message: t('staffing.orgUnits.validation.nameLength') },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="level"
          label={t('staffing.orgUnits.field.level')}
          rules={[{ required: true, message: t('staffing.orgUnits.validation.levelRequired') }]}
        >
          <Select
            options={levels.map((level) => {
              const key = levelLabelKey(level);
              return { value: level, label: key ? t(key) : level };
            })}
          />
        </Form.Item>
        <Form.Item name="households" label={t('staffing.orgUnits.field.households')} rules={countRules}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="population" label={t('staffing.orgUnits.field.population')} rules={countRules}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

interface EditValues {
  name: string;
  households?: number | null;
  population?: number | null;
}
const editFields = ['name', 'households', 'population'] as const;

export function EditOrgUnitModal({ unit, onClose }: ModalProps) {
  const t = useT();
  const [form] = Form.useForm<EditValues>();
  const update = useUpdateOrgUnit();
  const report = useReportError();
  const { message } = App.useApp();
  const countRules = useCountRules();

  const submit = (values: EditValues) =>
    update.mutate(
      {
        params: { path: { id: unit.id } },
        body: {
          name: values.name.trim(),
          households: values.households ?? null,
          population: values.population ?? null,
          version: unit.version,
        },
      },
      {
        onSuccess: () => {
          void message.success(t('staffing.orgUnits.edit.done'));
          onClose();
        },
        onError: (error) => report(error, form, editFields),
      },
    );

  return (
    <FormModal
      title={t('staffing.orgUnits.edit.title', { name: unit.name })}
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
        onFinish={submit}
        initialValues={{ name: unit.name, households: unit.households, population: unit.population }}
      >
        <Form.Item
          name="name"
          className="cw-form-wide"
          label={t('staffing.orgUnits.field.name')}
          rules={[
            { required: true, whitespace: true, message: t('staffing.orgUnits.validation.nameRequired') },
            { max: 100, message: t('staffing.orgUnits.validation.nameLength') },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="households" label={t('staffing.orgUnits.field.households')} rules={countRules}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="population" label={t('staffing.orgUnits.field.population')} rules={countRules}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

const moveFields = ['newParentId'] as const;

export function MoveOrgUnitModal({ unit, tree, onClose }: ModalProps & { tree: readonly OrgUnitNode[] }) {
  const t = useT();
  const [form] = Form.useForm<{ newParentId: string | null }>();
  const move = useMoveOrgUnit();
  const report = useReportError();
  const { message } = App.useApp();
  const node = findNode(tree, unit.id);
  const excluded = node ? subtreeIds(node) : new Set<string>([unit.id]);
  if (unit.parentId) excluded.add(unit.parentId);

  const submit = (values: { newParentId: string | null }) => {
    if (!requireFields(form, values, moveFields, t('staffing.orgUnits.validation.parentRequired'))) return;
    move.mutate(
      { params: { path: { id: unit.id } }, body: { newParentId: values.newParentId, version: unit.version } },
      {
        onSuccess: () => {
          void message.success(t('staffing.orgUnits.move.done'));
          onClose();
        },
        onError: (error) => report(error, form, moveFields),
      },
    );
  };

  return (
    <FormModal
      title={t('staffing.orgUnits.move.title', { name: unit.name })}
      okText={t('common.ok')}
      loading={move.isPending}
      form={form}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="newParentId"
          label={t('staffing.orgUnits.move.newParent')}
          rules={[{ required: true, message: t('staffing.orgUnits.validation.parentRequired') }]}
        >
          <OrgUnitTreeSelect tree={tree} selectable={(candidate) => !!node && canBeParentOf(candidate, node, excluded)} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

interface CloseValues {
  closedOn: Dayjs;
  reason: string;
}
const closeFields = ['closedOn', 'reason'] as const;

export function CloseOrgUnitModal({ unit, onClose }: ModalProps) {
  const t = useT();
  const [form] = Form.useForm<CloseValues>();
  const close = useCloseOrgUnit();
  const report = useReportError();
  const { message } = App.useApp();

  const submit = (values: CloseValues) =>
    close.mutate(
      { params: { path: { id: unit.id } }, body: { closedOn: values.closedOn.format('YYYY-MM-DD'), reason: values.reason.trim(), version: unit.version } },
      {
        onSuccess: () => {
          void message.success(t('staffing.orgUnits.close.done'));
          onClose();
        },
        onError: (error) => report(error, form, closeFields),
      },
    );

  return (
    <FormModal
      title={t('staffing.orgUnits.close.title', { name: unit.name })}
      okText={t('staffing.orgUnits.action.close')}
      loading={close.isPending}
      form={form}
      onClose={onClose}
      okButtonProps={{ danger: true }}
    >
      <Alert type="warning" showIcon title={t('staffing.orgUnits.close.warning')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ closedOn: dayjs() }}>
        <Form.Item
          name="closedOn"
          label={t('staffing.orgUnits.field.closedOn')}
          rules={[{ required: true, message: t('staffing.orgUnits.validation.closedOnRequired') }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('staffing.orgUnits.field.closeReason')}
          rules={[{ required: true, whitespace: true, message: t('staffing.orgUnits.validation.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
