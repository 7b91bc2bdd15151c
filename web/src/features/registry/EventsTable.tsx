// 人口变动记录: every population event of the person, newest first.
import { DeleteOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Table, Tag, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { formatDate, formatInstant } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { useLabels, type EventKindCode } from '../../app/labels';
import { useProblem } from '../../app/problem';
import { PersonRefLink } from './PersonRefLink';
import { deleteEvent } from './persons.api';
import type { AreaRef, PersonRef, PopulationEvent } from './types';

export const EVENT_COLORS: Record<EventKindCode, string> = {
  birth: 'green',
  death: 'default',
  move_in: 'blue',
  move_out: 'gold',
  marriage: 'magenta',
  divorce: 'purple',
  residence_change: 'cyan',
};

interface Props {
  events: PopulationEvent[];
  canWrite: boolean;
  extra?: ReactNode;
  onChanged: () => void;
}

export function EventsTable({ events, canWrite, extra, onChanged }: Props) {
  const { t } = useI18n();
  const labels = useLabels();
  const { message } = App.useApp();
  const report = useProblem();
  const rows = [...events].sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));

  const remove = async (ev: PopulationEvent) => {
    try {
      await deleteEvent(ev);
      message.success(t('event.deleted'));
    } catch (e) {
      report(e);
    }
    onChanged();
  };

  const columns: TableColumnsType<PopulationEvent> = [
    { title: t('event.date'), dataIndex: 'date', width: 110, render: (v: string) => <span className="num">{formatDate(v)}</span> },
    { title: t('event.kind'), dataIndex: 'kind', width: 110, render: (k: EventKindCode) => <Tag color={EVENT_COLORS[k]}>{labels.eventKind(k)}</Tag> },
    { title: t('event.area'), dataIndex: 'area', render: (a: AreaRef) => a?.name ?? '—' },
    { title: t('event.fromArea'), dataIndex: 'fromArea', render: (a: AreaRef | null) => a?.name ?? '—' },
    { title: t('event.spouse'), dataIndex: 'spouse', render: (p: PersonRef | null) => (p ? <PersonRefLink person={p} /> : '—') },
    { title: t('person.parity'), dataIndex: 'parity', width: 70, render: (v: number | null) => (v ? t('person.parityN', { n: v }) : '—') },
    { title: t('event.note'), dataIndex: 'note', ellipsis: true, render: (v: string | null) => v || '—' },
    { title: t('event.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => <span className="num">{formatInstant(v)}</span> },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      // A birth creates the person; it is not undone from here.
      render: (_, ev) =>
        ev.kind === 'birth' ? null : (
          <Popconfirm
            title={t('event.deleteConfirmTitle')}
            description={t('event.deleteConfirm', { kind: labels.eventKind(ev.kind), date: ev.date })}
            okText={t('common.delete')}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove(ev)}
          >
            <Button type="link" danger size="small" icon={<DeleteOutlined />}>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        ),
    });
  }

  return (
    <Card title={t('event.title')} size="small" extra={extra}>
      <Table<PopulationEvent>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={rows}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('event.empty') }}
        data-testid="person-events"
      />
    </Card>
  );
}
