// The records behind a count: masked, within the user's scope; opening is audited server-side.
import { Modal, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { getRecords, type Basis, type DrillItem, type DrillPage } from './stats.api';

export interface DrillTarget {
  area: string; areaName: string; period: string; periodLabel: string; basis: Basis; measure: string; measureName: string;
  /** Population measures only: one sex, one age band of the pyramid. */
  sex?: 'M' | 'F'; band?: number;
}

export function DrillModal({ target, onClose }: { target: DrillTarget | null; onClose: () => void }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<DrillPage | null>(null);
  const [loading, setLoading] = useState(false);
  useEffect(() => { setPage(1); }, [target]);
  // Population counts list persons (with their birth date); the others list births or deaths.
  const population = !!target?.measure.startsWith('population');
  useEffect(() => {
    if (!target) return;
    setLoading(true);
    getRecords({ area: target.area, period: target.period, basis: target.basis, measure: target.measure, sex: target.sex, band: target.band, page, pageSize: 10 })
      .then(setData).finally(() => setLoading(false));
  }, [target, page]);
  return (
    <Modal open={!!target} onCancel={onClose} footer={null} width={900} destroyOnHidden
      title={target && t('stats.drill.title', { measure: target.measureName, area: target.areaName, period: target.periodLabel })}>
      <Table<DrillItem>
        data-testid="drill-table"
        rowKey={(r) => r.eventId ?? r.personId}
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={{ current: page, pageSize: 10, total: data?.total ?? 0, onChange: setPage, showTotal: (n) => t('common.total', { total: n }) }}
        columns={[
          { title: t('stats.drill.name'), dataIndex: 'name', render: (v: string, r) => (r.canOpen ? <Link to={`/persons/${r.personId}`}>{v}</Link> : v) },
          { title: t('stats.drill.sex'), dataIndex: 'sex', render: (s: 'M' | 'F') => t(`stats.sex.${s}`) },
          { title: population ? t('stats.drill.birthDate') : t('stats.drill.date'), dataIndex: 'date', className: 'num' },
          ...(population ? [] : [{ title: t('stats.drill.parity'), dataIndex: 'parity', render: (p: number | null) => p ?? '—' }]),
          { title: t('stats.drill.idNumber'), dataIndex: 'idNumber', className: 'num', render: (v: string | null) => v ?? '—' },
          { title: t('stats.drill.area'), dataIndex: ['area', 'name'] },
          ...(population ? [] : [{ title: t('stats.drill.policy'), dataIndex: 'policyClass', render: (c: string | null) => (c ? <Tag color={c === 'noncompliant' ? 'red' : c === 'compliant' ? 'green' : 'default'}>{t(`stats.policy.${c}` as 'stats.policy.compliant')}</Tag> : '—') }]),
        ]}
      />
    </Modal>
  );
}
