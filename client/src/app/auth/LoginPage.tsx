import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Navigate, useLocation, type Location } from 'react-router-dom';
import { ApiError, mapProblemToFields, problemTypes } from '../../api/problem';
import { useT, type Translate } from '../i18n';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import { useAuth } from './AuthProvider';

interface SignInForm {
  userName: string;
  password: string;
}

const fieldNames = ['userName', 'password'] as const;

/** The sentence shown above the form for a failed sign-in. */
export function signInErrorMessage(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('error.network');
  const problem = error.problem;
  switch (problem?.type) {
    case problemTypes.invalidCredentials:
      return t('auth.error.invalidCredentials');
    case problemTypes.accountLocked:
      return problem.lockedUntil
        ? t('auth.error.accountLocked', { time: dayjs(problem.lockedUntil).format('YYYY-MM-DD HH:mm') })
        : t('auth.error.accountLockedNoTime');
    case problemTypes.accountDisabled:
      return t('auth.error.accountDisabled');
    case problemTypes.rateLimited:
      return t('auth.error.rateLimited');
    default:
      return problem?.detail ?? problem?.title ?? t('auth.error.failed');
  }
}

export function LoginPage() {
  const t = useT();
  const { status, expired, signIn } = useAuth();
  const location = useLocation();
  const [form] = Form.useForm<SignInForm>();
  const [submitting, setSubmitting] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  if (status === 'signed-in') {
    const from = (location.state as { from?: Location } | null)?.from;
    const target = from && from.pathname !== '/login' ? `${from.pathname}${from.search}` : '/';
    return <Navigate to={target} replace />;
  }

  const submit = async (values: SignInForm) => {
    setSubmitting(true);
    setMessage(null);
    try {
      await signIn(values.userName.trim(), values.password);
    } catch (error) {
      if (error instanceof ApiError && error.problem?.type === problemTypes.validation && error.problem) {
        const mapped = mapProblemToFields(error.problem, fieldNames);
        form.setFields(mapped.fields);
        if (mapped.unmatched.length > 0) setMessage(mapped.unmatched.join(' '));
      } else {
        setMessage(signInErrorMessage(error, t));
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5', padding: 16 }}>
      <div style={{ position: 'absolute', top: 16, right: 16 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: 380, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('auth.signIn.subtitle')}
        </Typography.Paragraph>
        {expired && !message && (
          <Alert type="warning" showIcon title={t('error.sessionEnded')} style={{ marginBottom: 16 }} />
        )}
        {message && <Alert type="error" showIcon title={message} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} requiredMark={false}>
          <Form.Item
            label={t('auth.signIn.userName')}
            name="userName"
            rules={[{ required: true, whitespace: true, message: t('auth.signIn.userNameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label={t('auth.signIn.password')}
            name="password"
            rules={[{ required: true, message: t('auth.signIn.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting}>
            {t('auth.signIn.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
