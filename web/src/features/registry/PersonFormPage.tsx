// 新增人员 / 编辑人员.
import { ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { PageHeader } from '../../app/PageHeader';
import { PageLoading } from '../../app/PageLoading';
import { useProblem } from '../../app/problem';
import { LoadFailed } from './LoadFailed';
import { PersonForm, type PersonFormValues } from './PersonForm';
import { createBody, patchBody, valuesFromPerson } from './person-form-values';
import { createPerson, updatePerson } from './persons.api';
import type { Person } from './types';
import { usePerson } from './usePerson';

export function PersonFormPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const report = useProblem();
  const [form] = Form.useForm<PersonFormValues>();
  const { person, error, loading, reload } = usePerson(id);
  const [saving, setSaving] = useState(false);
  const [stale, setStale] = useState(false);

  useEffect(() => {
    if (person) form.setFieldsValue(valuesFromPerson(person));
  }, [form, person]);

  const reloadRecord = async () => {
    const fresh = await reload();
    if (fresh) {
      form.resetFields();
      form.setFieldsValue(valuesFromPerson(fresh));
      setStale(false);
    }
  };

  const onStale = () => {
    setStale(true);
    modal.confirm({
      title: t('person.staleVersion'),
      content: t('person.staleReloadHint'),
      okText: t('person.reload'),
      cancelText: t('common.later'),
      onOk: reloadRecord,
    });
  };

  const save = async (v: PersonFormValues) => {
    setSaving(true);
    try {
      let saved: Person;
      if (person) {
        const body = patchBody(person, v);
        if (Object.keys(body).length === 1) {
          message.info(t('person.nothingChanged'));
          return;
        }
        saved = await updatePerson(person.id, body);
      } else {
        saved = await createPerson(createBody(v));
      }
      message.success(t('common.saved'));
      navigate(`/persons/${saved.id}`, { replace: !!person });
    } catch (e) {
      if (isApiError(e, 'conflict.stale_version')) onStale();
      else {
        const marked = report(e, form);
        if (!marked && isApiError(e, 'conflict.duplicate_id_number')) form.setFields([{ name: 'idNumber', errors: [e.message] }]);
      }
    } finally {
      setSaving(false);
    }
  };

  if (id && loading && !person) return <PageLoading />;
  if (id && !person) return <LoadFailed error={error} onRetry={reload} />;

  return (
    <>
      <PageHeader title={person ? t('person.editTitle', { name: person.name }) : t('person.new')} />
      {stale && (
        <Alert
          type="error"
          showIcon
          title={t('person.staleVersion')}
          action={
            <Button size="small" icon={<ReloadOutlined />} onClick={reloadRecord}>
              {t('person.reload')}
            </Button>
          }
          style={{ marginBottom: 16 }}
          data-testid="person-stale"
        />
      )}
      <PersonForm form={form} person={person ?? undefined} onFinish={save}>
        <Space>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} data-testid="person-save">
            {t('common.save')}
          </Button>
          <Button onClick={() => navigate(person ? `/persons/${person.id}` : '/persons')}>{t('common.cancel')}</Button>
        </Space>
      </PersonForm>
    </>
  );
}
