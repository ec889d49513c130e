import { App, Button, Form, Input } from 'antd';
import { useReportError } from '../../app/problems';
import { useT } from '../../app/i18n';
import { useChangePassword } from './hooks';
import { meetsPasswordPolicy } from './passwordPolicy';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const fieldNames = ['currentPassword', 'newPassword'] as const;

export function ChangePasswordForm() {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const report = useReportError();
  const { message } = App.useApp();

  const submit = (values: Values) =>
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('me.password.changed'));
        },
        onError: (error) => report(error, form, fieldNames),
      },
    );

  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 420 }} onFinish={submit}>
      <Form.Item
        name="currentPassword"
        label={t('me.password.current')}
        rules={[{ required: true, message: t('me.password.currentRequired') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('me.password.new')}
        extra={t('me.password.policy')}
        dependencies={['currentPassword']}
        rules={[
          { required: true, message: t('me.password.newRequired') },
          {
            validator: (_, value: string | undefined) =>
              !value || meetsPasswordPolicy(value) ? Promise.resolve() : Promise.reject(new Error(t('me.password.policy'))),
          },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              !value || value !== getFieldValue('currentPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('me.password.sameAsCurrent'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('me.password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('me.password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('me.password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        {t('me.password.submit')}
      </Button>
    </Form>
  );
}
