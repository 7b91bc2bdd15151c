// Filters of the registry list: ID number or name, hukou or residence basis, sex, age range, status, migrant.
import { SearchOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../app/i18n';
import { useLabels } from '../../app/labels';
import type { PersonFilters } from './types';

export type FilterValues = Omit<PersonFilters, 'page' | 'area'>;

interface Props {
  value: FilterValues;
  onSearch: (v: FilterValues) => void;
}

export function PersonFilterBar({ value, onSearch }: Props) {
  const { t } = useI18n();
  const labels = useLabels();
  const [form] = Form.useForm<FilterValues>();

  // Follow the URL (back/forward, reset) without clobbering typing on unrelated re-renders.
  const valueKey = JSON.stringify(value);
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(JSON.parse(valueKey) as FilterValues);
  }, [form, valueKey]);

  const submit = (v: FilterValues) => {
    const q = v.q?.trim();
    onSearch({ ...v, q: q || undefined });
  };

  return (
    <Form form={form} layout="inline" onFinish={submit} style={{ rowGap: 12, marginBottom: 16 }}>
      <Form.Item name="q">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('person.searchPlaceholder')}
          style={{ width: 260 }}
          data-testid="person-search-input"
        />
      </Form.Item>
      <Form.Item name="basis">
        <Select
          placeholder={t('filter.basisHukou')}
          allowClear
          options={[
            { value: 'hukou', label: t('filter.basisHukou') },
            { value: 'residence', label: t('filter.basisResidence') },
          ]}
          style={{ width: 130 }}
          data-testid="filter-basis"
        />
      </Form.Item>
      <Form.Item name="sex">
        <Select allowClear placeholder={t('person.sex')} options={labels.sexOptions} style={{ width: 90 }} data-testid="filter-sex" />
      </Form.Item>
      <Form.Item label={t('person.age')}>
        <Space.Compact>
          <Form.Item name="ageMin" noStyle>
            <InputNumber min={0} max={150} precision={0} placeholder={t('filter.ageMin')} style={{ width: 80 }} data-testid="filter-age-min" />
          </Form.Item>
          <Form.Item name="ageMax" noStyle>
            <InputNumber min={0} max={150} precision={0} placeholder={t('filter.ageMax')} style={{ width: 80 }} data-testid="filter-age-max" />
          </Form.Item>
        </Space.Compact>
      </Form.Item>
      <Form.Item name="status">
        <Select allowClear placeholder={t('person.status')} options={labels.statusOptions} style={{ width: 110 }} data-testid="filter-status" />
      </Form.Item>
      <Form.Item name="migrant">
        <Select
          allowClear
          placeholder={t('person.migrant')}
          options={[
            { value: 'true', label: t('filter.migrantYes') },
            { value: 'false', label: t('filter.migrantNo') },
          ]}
          style={{ width: 130 }}
          data-testid="filter-migrant"
        />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="person-search-button">
            {t('common.search')}
          </Button>
          <Button onClick={() => onSearch({})}>{t('common.reset')}</Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
