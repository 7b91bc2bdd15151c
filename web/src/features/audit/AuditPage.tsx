// 审计日志: who did or read what, when; and verification of the hash chain.
import { Card, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { formatInstant } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { PageHeader } from '../../app/PageHeader';
import { useProblem } from '../../app/problem';
import { actionKey } from './audit-actions';
import { listAudit, type AuditRow } from './audit.api';
import { AuditFilterBar, type AuditFilterValues } from './AuditFilterBar';
import { VerifyChainButton } from './VerifyChainButton';

const PAGE_SIZE = 20;

/** The detail as an object when it is JSON (the API may send it parsed or as text). */
function detailValue(d: unknown): unknown {
  if (typeof d !== 'string') return d;
  try {
    return JSON.parse(d);
  } catch {
    return d;
  }
}

function detailText(d: unknown, indent?: number): string {
  const v = detailValue(d);
  if (v === null || v === undefined || v === '') return '';
  return typeof v === 'string' ? v : JSON.stringify(v, null, indent);
}

export function AuditPage() {
  const { t } = useI18n();
  const report = useProblem();
  const [filters, setFilters] = useState<AuditFilterValues>({});
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: AuditRow[]; total: number }>({ items: [], total: 0 });
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let live = true;
    setLoading(true);
    listAudit({ ...filters, page, pageSize: PAGE_SIZE })
      .then((r) => live && setData(r))
      .catch((e: unknown) => live && report(e))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [filters, page, report]);

  const columns: TableColumnsType<AuditRow> = [
    { title: t('audit.seq'), dataIndex: 'seq', width: 80, align: 'right', render: (v: number) => <span className="num">{v}</span> },
    { title: t('audit.at'), dataIndex: 'at', width: 170, render: (v: string) => <span className="num">{formatInstant(v)}</span> },
    { title: t('audit.actor'), dataIndex: 'actorName', width: 120 },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 200,
      render: (a: string) => {
        const key = actionKey(a);
        return (
          <span title={a}>
            {key ? t(key) : a}
            {a === 'auth.login_failed' && <Tag color="red" style={{ marginLeft: 6 }}>!</Tag>}
          </span>
        );
      },
    },
    { title: t('audit.entityType'), dataIndex: 'entityType', width: 90 },
    {
      title: t('audit.entityId'),
      dataIndex: 'entityId',
      width: 150,
      render: (v: string | null) => (v ? <Typography.Text className="num" copyable={{ text: v }} ellipsis style={{ maxWidth: 120 }}>{v}</Typography.Text> : '—'),
    },
    { title: t('audit.area'), dataIndex: 'areaCode', width: 120, render: (v: string | null) => <span className="num">{v || '—'}</span> },
    {
      title: t('audit.detail'),
      dataIndex: 'detail',
      ellipsis: true,
      render: (d: unknown) => {
        const s = detailText(d);
        return s && s !== '{}' ? <code title={s}>{s}</code> : '—';
      },
    },
    { title: t('audit.ip'), dataIndex: 'ip', width: 130, render: (v: string | null) => <span className="num">{v || '—'}</span> },
  ];

  return (
    <>
      <PageHeader title={t('nav.audit')} subTitle={t('audit.subtitle')} extra={<VerifyChainButton />} />
      <Card>
        <AuditFilterBar
          onSearch={(f) => {
            setFilters(f);
            setPage(1);
          }}
        />
        <Table<AuditRow>
          rowKey="seq"
          size="small"
          columns={columns}
          dataSource={data.items}
          loading={loading}
          scroll={{ x: 1200 }}
          expandable={{
            rowExpandable: (r) => !['', '{}'].includes(detailText(r.detail)),
            expandedRowRender: (r) => <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{detailText(r.detail, 2)}</pre>,
          }}
          locale={{ emptyText: t('audit.empty') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data.total,
            showSizeChanger: false,
            showTotal: (total) => t('common.total', { total }),
            onChange: setPage,
          }}
          data-testid="audit-table"
        />
      </Card>
    </>
  );
}
