import { App, Button, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { FormModal } from '../../app/FormModal';
import { CopyOutlined } from '@ant-design/icons';
import type { AccountWithPassword } from '../../api/types';
import { roleLabelKey, roles } from '../../app/access-rules';
import { useT } from '../../app/i18n';
import { useReportError } from '../../app/problems';
import { useOrgTree } from '../staffing/hooks/orgUnits';
import { OrgUnitTreeSelect } from '../staffing/OrgUnitTreeSelect';
import { useCreateAccount } from './hooks';

interface CreateValues {
  userName: string;
  displayName: string;
  role: string;
  orgUnitId?: string | null;
  workerId?: string;
}

const createFields = ['userName', 'displayName', 'role', 'orgUnitId', 'workerId'] as const;
const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function CreateAccountModal({ onClose, onCreated }: { onClose: () => void; onCreated: (result: AccountWithPassword) => void }) {
  const t = useT();
  const [form] = Form.useForm<CreateValues>();
  const create = useCreateAccount();
  const report = useReportError();
  const tree = useOrgTree();
  const role = Form.useWatch('role', form);

  const submit = (values: CreateValues) =>
    create.mutate(
      {
        body: {
          userName: values.userName.trim(),
          displayName: values.displayName.trim(),
          role: values.role,
          orgUnitId: values.role === 'admin' ? null : (values.orgUnitId ?? null),
          workerId: values.workerId?.trim() || null,
        },
      },
      { onSuccess: onCreated, onError: (error) => report(error, form, createFields) },
    );

  return (
    <FormModal
      title={t('access.accounts.create.title')}
      okText={t('common.create')}
      loading={create.isPending}
      form={form}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="userName"
          label={t('access.accounts.field.userName')}
          rules={[
            { required: true, whitespace: true, message: t('access.accounts.validation.userNameRequired') },
            { pattern: /^[A-Za-z0-9._-]{3,50}$/, message: t('access.accounts.validation.userNameFormat') },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('access.accounts.field.displayName')}
          rules={[{ required: true, whitespace: true, message: t('access.accounts.validation.displayNameRequired') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('access.accounts.field.role')}
          rules={[{ required: true, message: t('access.accounts.validation.roleRequired') }]}
        >
          <Select options={roles.map((r) => ({ value: r, label: t(roleLabelKey[r]) }))} />
        </Form.Item>
        {role !== 'admin' && (
          <Form.Item
            name="orgUnitId"
            label={t('access.accounts.field.orgUnit')}
            rules={[{ required: true, message: t('access.accounts.validation.orgUnitRequired') }]}
          >
            <OrgUnitTreeSelect tree={tree.data ?? []} loading={tree.isPending} selectable={(node) => node.status === 'active'} />
          </Form.Item>
        )}
        <Form.Item
          name="workerId"
          label={t('access.accounts.field.workerId')}
          extra={t('access.accounts.field.workerIdHelp')}
          rules={[{ pattern: guidPattern, message: t('access.accounts.validation.workerIdFormat') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** Shows a temporary password exactly once, with a copy button. */
export function TemporaryPasswordModal({ result, onClose }: { result: AccountWithPassword; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const copy = () =>
    navigator.clipboard
      .writeText(result.temporaryPassword)
      .then(() => message.success(t('access.accounts.password.copied')))
      .catch(() => message.error(t('access.accounts.password.copyFailed')));

  return (
    <Modal
      open
      title={t('access.accounts.password.title')}
      onCancel={onClose}
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('access.accounts.password.close')}
        </Button>
      }
    >
      <Typography.Paragraph>
        {t('access.accounts.password.intro', { name: result.account.displayName })}
      </Typography.Paragraph>
      <Space>
        <Typography.Text code style={{ fontSize: 18 }} aria-label={t('access.accounts.password.title')}>
          {result.temporaryPassword}
        </Typography.Text>
        <Button icon={<CopyOutlined />} onClick={() => void copy()}>
          {t('access.accounts.password.copy')}
        </Button>
      </Space>
    </Modal>
  );
}
