// Result table of the registry list, paged by the server.
import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { useLabels } from '../../app/labels';
import { StatusTag } from './StatusTag';
import type { Page, PersonListItem } from './types';

interface Props {
  data: Page<PersonListItem> | null;
  loading: boolean;
  onPage: (page: number) => void;
}

export function PersonTable({ data, loading, onPage }: Props) {
  const { t } = useI18n();
  const labels = useLabels();

  const columns: TableColumnsType<PersonListItem> = [
    {
      title: t('person.name'),
      dataIndex: 'name',
      width: 110,
      render: (name: string, p) => (
        <Link to={`/persons/${p.id}`} data-testid="person-link">
          {name}
        </Link>
      ),
    },
    { title: t('person.idNumber'), dataIndex: 'idNumber', width: 170, render: (v: string | null) => <span className="num">{v ?? '—'}</span> },
    { title: t('person.sex'), dataIndex: 'sex', width: 72, render: (v: string) => labels.sex(v) },
    { title: t('person.birthDate'), dataIndex: 'birthDate', width: 104, render: (v: string) => <span className="num">{formatDate(v)}</span> },
    { title: t('person.age'), dataIndex: 'age', width: 56, align: 'right' },
    { title: t('person.hukouArea'), dataIndex: ['hukouArea', 'name'], ellipsis: true },
    { title: t('person.residenceArea'), dataIndex: ['residenceArea', 'name'], ellipsis: true },
    {
      title: t('person.status'),
      dataIndex: 'status',
      width: 140,
      render: (v: PersonListItem['status'], p) => (
        <>
          <StatusTag status={v} />
          {p.isMigrant && <Tag color="orange">{t('person.migrantTag')}</Tag>}
        </>
      ),
    },
  ];

  const total = data?.total ?? 0;
  return (
    <Table<PersonListItem>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      scroll={{ x: 880 }}
      onRow={(p) => ({ 'data-testid': 'person-row', 'data-person-id': p.id }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: loading ? ' ' : t('person.listEmpty') }}
      pagination={{
        current: data?.page ?? 1,
        pageSize: data?.pageSize ?? 20,
        total,
        showSizeChanger: false,
        showTotal: () => (
          <Typography.Text type="secondary" data-testid="person-total">
            {data?.totalIsLowerBound ? t('person.totalLowerBound', { total }) : t('common.total', { total })}
          </Typography.Text>
        ),
        onChange: onPage,
      }}
    />
  );
}
