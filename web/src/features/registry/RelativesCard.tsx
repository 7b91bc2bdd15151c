// 家庭关系: spouse, parents, children (with 孩次) and the household's members.
import { Card, Descriptions, Empty, Table, Tag, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { useLabels } from '../../app/labels';
import { PersonRefLink } from './PersonRefLink';
import { StatusTag } from './StatusTag';
import type { Person, PersonRef } from './types';

type Row = PersonRef & { parity?: number | null };

export function RelativesCard({ person }: { person: Person }) {
  const { t } = useI18n();
  const labels = useLabels();
  const none = <span style={{ color: '#999' }}>{t('common.none')}</span>;

  const columns = (withParity: boolean): TableColumnsType<Row> => [
    ...(withParity
      ? [{ title: t('person.parity'), dataIndex: 'parity', width: 70, render: (v: number | null) => (v ? t('person.parityN', { n: v }) : '—') }]
      : []),
    { title: t('person.name'), dataIndex: 'name', render: (v: string, p: Row) => <Link to={`/persons/${p.id}`}>{v}</Link> },
    { title: t('person.idNumber'), dataIndex: 'idNumber', render: (v: string | null) => <span className="num">{v ?? '—'}</span> },
    { title: t('person.sex'), dataIndex: 'sex', width: 60, render: (v: string) => labels.sex(v) },
    { title: t('person.birthDate'), dataIndex: 'birthDate', width: 110, render: (v: string) => <span className="num">{formatDate(v)}</span> },
    { title: t('person.status'), dataIndex: 'status', width: 90, render: (v: PersonRef['status']) => <StatusTag status={v} /> },
  ];

  const children = [...person.children].sort((a, b) => (a.parity ?? 99) - (b.parity ?? 99) || a.birthDate.localeCompare(b.birthDate));
  const members = person.family?.members.filter((m) => m.id !== person.id) ?? [];

  return (
    <Card title={t('person.relatives')} size="small">
      <Descriptions column={{ xs: 1, md: 3 }} size="small" style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('person.spouse')}>{person.spouse ? <PersonRefLink person={person.spouse} /> : none}</Descriptions.Item>
        <Descriptions.Item label={t('person.mother')}>{person.mother ? <PersonRefLink person={person.mother} /> : none}</Descriptions.Item>
        <Descriptions.Item label={t('person.father')}>{person.father ? <PersonRefLink person={person.father} /> : none}</Descriptions.Item>
      </Descriptions>
      <h4 style={{ margin: '8px 0' }}>
        {t('person.children')} <Tag>{children.length}</Tag>
      </h4>
      {children.length ? (
        <Table<Row> rowKey="id" size="small" pagination={false} columns={columns(true)} dataSource={children} data-testid="person-children" />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('person.noChildren')} />
      )}
      <h4 style={{ margin: '16px 0 8px' }}>
        {t('person.family')}
        {person.family && <span style={{ fontWeight: 'normal', color: '#666', marginLeft: 8 }}>{t('person.householdNumber', { n: person.family.householdNumber })}</span>}
      </h4>
      {members.length ? (
        <Table<Row> rowKey="id" size="small" pagination={false} columns={columns(false)} dataSource={members} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('person.noFamily')} />
      )}
    </Card>
  );
}
