// POST /auth/password. Used after a first sign-in (mustChangePassword) and from the user menu.
import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { api } from './api';
import { useI18n } from './i18n';
import { passwordRules } from './password-rules';
import { useProblem } from './problem';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

interface Props {
  /** Known when the user has just typed it on the login page. */
  currentPassword?: string;
  onDone: () => void;
  submitText?: string;
}

export function ChangePasswordForm({ currentPassword, onDone, submitText }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const report = useProblem();

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      await api.post('/auth/password', { currentPassword: currentPassword ?? v.currentPassword, newPassword: v.newPassword });
      onDone();
    } catch (e) {
      report(e, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} autoComplete="off">
      {!currentPassword && (
        <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('password.currentRequired') }]}>
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
      )}
      <Form.Item name="newPassword" label={t('password.new')} rules={passwordRules(t)} extra={t('password.hint')}>
        <Input.Password autoComplete="new-password" data-testid="password-new" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, v) =>
              !v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-confirm" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={saving} data-testid="password-submit">
        {submitText ?? t('password.submit')}
      </Button>
    </Form>
  );
}
