// 登录: username and password; then, when the account must change its password, the new one.
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useSearchParams } from 'react-router-dom';
import { isApiError } from './api';
import { useAuth } from './auth';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useI18n } from './i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { problemText } from './problem';

interface Values {
  username: string;
  password: string;
}

/** Only same-app paths, so that ?next= cannot send the user elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const { t } = useI18n();
  const { user, expired, login, refresh } = useAuth();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const [error, setError] = useState<{ text: string; type: 'error' | 'warning' } | null>(null);
  const [busy, setBusy] = useState(false);
  const [typedPassword, setTypedPassword] = useState<string>();
  const next = safeNext(params.get('next'));

  if (user && !user.mustChangePassword) return <Navigate to={next} replace />;

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    setTypedPassword(v.password); // reused if the account must change its password now
    try {
      await login(v.username.trim(), v.password);
    } catch (e) {
      setTypedPassword(undefined);
      setError({ text: problemText(e, t), type: isApiError(e, 'auth.throttled') ? 'warning' : 'error' });
    } finally {
      setBusy(false);
    }
  };

  const passwordChanged = async () => {
    message.success(t('password.changed'));
    const me = await refresh().catch(() => null);
    if (!me) setTypedPassword(undefined);
  };

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 24, background: 'linear-gradient(180deg, #e8f0fb 0%, #f5f7fa 60%)' }}>
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch />
      </div>
      <Typography.Title level={2} style={{ marginBottom: 4 }}>
        {t('app.title')}
      </Typography.Title>
      <Typography.Text type="secondary" style={{ marginBottom: 24 }}>
        {t('login.subtitle')}
      </Typography.Text>
      <Card style={{ width: 380, maxWidth: '100%' }} title={user?.mustChangePassword ? t('password.mustChangeTitle') : t('login.title')}>
        {user?.mustChangePassword ? (
          <>
            <Alert type="info" showIcon title={t('password.mustChange')} style={{ marginBottom: 16 }} />
            <ChangePasswordForm currentPassword={typedPassword} onDone={passwordChanged} submitText={t('password.submitAndEnter')} />
          </>
        ) : (
          <Form<Values> layout="vertical" onFinish={submit} requiredMark={false} data-testid="login-form">
            {expired && !error && <Alert type="info" showIcon title={t('login.expired')} style={{ marginBottom: 16 }} />}
            {error && <Alert type={error.type} showIcon title={error.text} style={{ marginBottom: 16 }} data-testid="login-error" />}
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Form>
        )}
      </Card>
      <Typography.Text type="secondary" style={{ marginTop: 24, fontSize: 12 }}>
        {t('login.notice')}
      </Typography.Text>
    </Flex>
  );
}
