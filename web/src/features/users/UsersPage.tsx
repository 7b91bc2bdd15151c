// 用户管理: accounts, their role and area; create, edit, disable, reset password.
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../app/api';
import { useUser } from '../../app/auth';
import { formatInstant } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { useLabels } from '../../app/labels';
import { PageHeader } from '../../app/PageHeader';
import { useProblem } from '../../app/problem';
import { useList } from '../../app/useList';
import { TemporaryPasswordModal } from './TemporaryPasswordModal';
import { UserFormModal } from './UserFormModal';
import { listUsers, resetPassword, updateUser, type UserRow } from './users.api';

export function UsersPage() {
  const { t } = useI18n();
  const labels = useLabels();
  const me = useUser();
  const { message } = App.useApp();
  const report = useProblem();
  const { items: users, loading, load } = useList(listUsers);
  const [editing, setEditing] = useState<{ user: UserRow | null } | null>(null);
  const [temp, setTemp] = useState<{ username: string; password: string } | null>(null);

  const stale = () => {
    message.error(t('person.staleVersion'));
    setEditing(null);
    void load();
  };

  const toggle = async (u: UserRow) => {
    try {
      await updateUser(u.id, { version: u.version, disabled: !u.disabled });
      message.success(u.disabled ? t('user.enabled') : t('user.disabledDone'));
    } catch (e) {
      if (isApiError(e, 'conflict.stale_version')) return stale();
      report(e);
    }
    void load();
  };

  const reset = async (u: UserRow) => {
    try {
      const r = await resetPassword(u.id);
      setTemp({ username: u.username, password: r.temporaryPassword });
    } catch (e) {
      report(e);
    }
  };

  const columns: TableColumnsType<UserRow> = [
    { title: t('user.username'), dataIndex: 'username', width: 140 },
    { title: t('user.displayName'), dataIndex: 'displayName', width: 140 },
    { title: t('user.role'), dataIndex: 'role', width: 140, render: (r: string) => labels.role(r) },
    { title: t('user.area'), dataIndex: 'areaName', ellipsis: true, render: (v: string, u) => <span title={u.areaCode}>{v}</span> },
    {
      title: t('user.state'),
      dataIndex: 'disabled',
      width: 90,
      render: (d: boolean) => (d ? <Tag>{t('user.stateDisabled')}</Tag> : <Tag color="green">{t('user.stateActive')}</Tag>),
    },
    { title: t('user.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => <span className="num">{formatInstant(v)}</span> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 240,
      render: (_, u) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing({ user: u })} data-testid="user-edit">
            {t('common.edit')}
          </Button>
          <Popconfirm title={t('user.resetConfirm', { name: u.username })} description={t('user.resetConfirmHint')} onConfirm={() => reset(u)}>
            <Button type="link" size="small" data-testid="user-reset-password">
              {t('user.resetPassword')}
            </Button>
          </Popconfirm>
          {u.id !== me.id && (
            <Popconfirm
              title={u.disabled ? t('user.enableConfirm', { name: u.username }) : t('user.disableConfirm', { name: u.username })}
              okButtonProps={{ danger: !u.disabled }}
              onConfirm={() => toggle(u)}
            >
              <Button type="link" size="small" danger={!u.disabled}>
                {u.disabled ? t('user.enable') : t('user.disable')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.users')}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={() => void load()}>
              {t('common.refresh')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ user: null })} data-testid="user-new">
              {t('user.new')}
            </Button>
          </>
        }
      />
      <Card>
        <Table<UserRow>
          rowKey="id"
          columns={columns}
          dataSource={users}
          loading={loading}
          scroll={{ x: 1000 }}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
          locale={{ emptyText: t('user.empty') }}
          data-testid="users-table"
        />
      </Card>
      <UserFormModal
        open={!!editing}
        user={editing?.user ?? null}
        onClose={() => setEditing(null)}
        onStale={stale}
        onSaved={(u) => {
          message.success(t('common.saved'));
          setEditing(null);
          void load();
          if (!editing?.user) message.info(t('user.createdHint', { name: u.username }));
        }}
      />
      <TemporaryPasswordModal value={temp} onClose={() => setTemp(null)} />
    </>
  );
}
