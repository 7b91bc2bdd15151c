import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Button, DatePicker, Form, Input, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { DATE_FORMAT, shanghaiDayStart, toDateString } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { actionKey, AUDIT_ACTIONS } from './audit-actions';

export interface AuditFilterValues {
  action?: string;
  actor?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

interface FormValues {
  action?: string;
  actor?: string;
  entityId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

export function AuditFilterBar({ onSearch }: { onSearch: (v: AuditFilterValues) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const clean = (s?: string) => s?.trim() || undefined;

  // The log stores UTC instants; the chosen days are Beijing days, the end day included.
  const submit = (v: FormValues) => {
    const from = toDateString(v.range?.[0]);
    const to = toDateString(v.range?.[1]);
    onSearch({
      action: clean(v.action),
      actor: clean(v.actor),
      entityId: clean(v.entityId),
      from: from && shanghaiDayStart(from),
      to: to && shanghaiDayStart(to, 1),
    });
  };

  return (
    <Form form={form} layout="inline" onFinish={submit} style={{ rowGap: 12, marginBottom: 16 }}>
      <Form.Item name="action">
        <AutoComplete
          allowClear
          placeholder={t('audit.action')}
          style={{ width: 200 }}
          options={AUDIT_ACTIONS.map((a) => ({ value: a, label: `${t(actionKey(a)!)} · ${a}` }))}
          showSearch={{ filterOption: (input, o) => String(o?.label ?? '').toLowerCase().includes(input.toLowerCase()) }}
          data-testid="audit-filter-action"
        />
      </Form.Item>
      <Form.Item name="actor">
        <Input allowClear placeholder={t('audit.actor')} style={{ width: 140 }} data-testid="audit-filter-actor" />
      </Form.Item>
      <Form.Item name="entityId">
        <Input allowClear placeholder={t('audit.entityId')} style={{ width: 240 }} data-testid="audit-filter-entity" />
      </Form.Item>
      <Form.Item name="range">
        <DatePicker.RangePicker format={DATE_FORMAT} allowEmpty={[true, true]} data-testid="audit-filter-range" />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onSearch({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
