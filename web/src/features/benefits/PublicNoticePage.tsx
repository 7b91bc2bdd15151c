// The printable public notice (公示): no sign-in; masked names and ID numbers only.
import { Button, Result, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { benefitsApi, type PublicNotice } from './benefits.api';
import { useTitle } from './labels';

export function PublicNoticePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const title = useTitle();
  const [notice, setNotice] = useState<PublicNotice | null | undefined>(undefined);
  useEffect(() => { benefitsApi.publicNotice(id).then(setNotice, () => setNotice(null)); }, [id]);
  if (notice === undefined) return null;
  if (notice === null) return <Result status="404" title={t('benefits.notice.gone')} />;
  return (
    <div style={{ maxWidth: 900, margin: '24px auto', padding: 24, background: '#fff' }} data-testid="public-notice">
      <Typography.Title level={2} style={{ textAlign: 'center' }}>{t('benefits.notice.title', { title: title(notice) })}</Typography.Title>
      <Typography.Paragraph>{t('benefits.notice.intro', { area: notice.area, year: notice.year, from: notice.from, to: notice.to })}</Typography.Paragraph>
      <Table rowKey={(_, i) => String(i)} size="small" pagination={false} dataSource={notice.lines} data-testid="notice-table"
        columns={[
          { title: '#', key: 'n', width: 50, render: (_: unknown, __: unknown, i: number) => i + 1 },
          { title: t('benefits.name'), dataIndex: 'name' },
          { title: t('benefits.idNumber'), dataIndex: 'idNumber' },
          { title: t('benefits.village'), dataIndex: 'village' },
          { title: t('benefits.type'), dataIndex: 'kind', render: (k: 'new' | 'continuing') => t(`benefits.kindOf.${k}`) },
          { title: t('benefits.amount'), dataIndex: 'amountYuan', align: 'right', render: (v: number) => v.toFixed(2) },
        ]} />
      <Typography.Paragraph style={{ marginTop: 12 }}>{t('benefits.notice.count', { count: notice.lines.length })}</Typography.Paragraph>
      <Button className="no-print" onClick={() => window.print()} data-testid="notice-print">{t('benefits.notice.print')}</Button>
      <style>{'@media print { .no-print { display: none } }'}</style>
    </div>
  );
}
