// Create a user, or edit one's display name, role, area and whether it is disabled.
import { Form, Input, Modal, Select, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { isApiError } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { useLabels } from '../../app/labels';
import { passwordRules } from '../../app/password-rules';
import { useProblem } from '../../app/problem';
import type { Role } from '../../app/session';
import { AreaPicker } from '../registry/AreaPicker';
import { createUser, updateUser, type UserRow } from './users.api';

interface Values {
  username?: string;
  displayName: string;
  password?: string;
  role: Role;
  areaCode: string;
  disabled?: boolean;
}

interface Props {
  open: boolean;
  user: UserRow | null; // null: create
  onClose: () => void;
  onSaved: (u: UserRow) => void;
  onStale: () => void;
}

export function UserFormModal({ open, user, onClose, onSaved, onStale }: Props) {
  const { t } = useI18n();
  const labels = useLabels();
  const report = useProblem();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (user) form.setFieldsValue({ displayName: user.displayName, role: user.role, areaCode: user.areaCode, disabled: user.disabled });
  }, [open, user, form]);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const saved = user
        ? await updateUser(user.id, {
            version: user.version,
            displayName: v.displayName.trim(),
            role: v.role,
            areaCode: v.areaCode,
            disabled: !!v.disabled,
          })
        : await createUser({ username: v.username!.trim(), displayName: v.displayName.trim(), password: v.password!, role: v.role, areaCode: v.areaCode });
      onSaved(saved);
    } catch (e) {
      if (isApiError(e, 'conflict.stale_version')) onStale();
      else {
        const marked = report(e, form);
        if (!marked && isApiError(e, 'conflict.duplicate_username')) form.setFields([{ name: 'username', errors: [e.message] }]);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={user ? t('user.editTitle', { name: user.username }) : t('user.new')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'user-save' }}
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} autoComplete="off" data-testid="user-form">
        {!user && (
          <Form.Item
            name="username"
            label={t('user.username')}
            rules={[
              { required: true, whitespace: true, message: t('user.usernameRequired') },
              { pattern: /^[A-Za-z0-9_.-]{3,64}$/, message: t('user.usernameRule') },
            ]}
          >
            <Input autoComplete="off" data-testid="user-username" />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={t('user.displayName')} rules={[{ required: true, whitespace: true, message: t('user.displayNameRequired') }, { max: 100 }]}>
          <Input data-testid="user-display-name" />
        </Form.Item>
        {!user && (
          <Form.Item name="password" label={t('user.initialPassword')} rules={passwordRules(t)} extra={t('user.initialPasswordHint')}>
            <Input.Password autoComplete="new-password" data-testid="user-password" />
          </Form.Item>
        )}
        <Form.Item name="role" label={t('user.role')} rules={[{ required: true, message: t('user.roleRequired') }]}>
          <Select options={labels.roleOptions} data-testid="user-role" />
        </Form.Item>
        <Form.Item name="areaCode" label={t('user.area')} rules={[{ required: true, message: t('user.areaRequired') }]}>
          <AreaPicker allowClear={false} data-testid="user-area" />
        </Form.Item>
        {user && (
          <Form.Item name="disabled" label={t('user.disabled')} valuePropName="checked" extra={t('user.disabledHint')}>
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
