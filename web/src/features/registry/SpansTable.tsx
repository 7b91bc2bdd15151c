// 户籍与居住地变更记录: dated spans of where the person was registered and lived.
import { Card, Table, Tag, type TableColumnsType } from 'antd';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/i18n';
import type { AreaRef, Span } from './types';

export function SpansTable({ spans }: { spans: Span[] }) {
  const { t } = useI18n();
  const area = (a: AreaRef | null) => a?.name ?? '—';
  const rows = [...spans].sort((a, b) => b.startDate.localeCompare(a.startDate));

  const columns: TableColumnsType<Span> = [
    { title: t('span.start'), dataIndex: 'startDate', width: 120, render: (v: string) => <span className="num">{formatDate(v)}</span> },
    {
      title: t('span.end'),
      dataIndex: 'endDate',
      width: 120,
      render: (v: string | null) => (v ? <span className="num">{formatDate(v)}</span> : <Tag color="green">{t('span.current')}</Tag>),
    },
    { title: t('person.hukouArea'), dataIndex: 'hukouArea', render: area },
    { title: t('person.residenceArea'), dataIndex: 'residenceArea', render: area },
  ];

  return (
    <Card title={t('span.title')} size="small">
      <Table<Span>
        rowKey={(s) => `${s.startDate}-${s.endDate ?? ''}`}
        size="small"
        pagination={false}
        columns={columns}
        dataSource={rows}
        locale={{ emptyText: t('span.empty') }}
        data-testid="person-spans"
      />
    </Card>
  );
}
