// The outcome of an import: counts, unknown columns, rejected rows and the error report.
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n';
import { reportUrl } from './imports.api';
import type { ImportResult } from './types';

interface Props {
  jobId: string;
  result: ImportResult;
  extra?: ReactNode;
}

export function ImportResultView({ jobId, result, extra }: Props) {
  const { t } = useI18n();
  const counts = [
    { key: 'inserted', label: t('import.inserted'), value: result.inserted, color: '#389e0d' },
    { key: 'updated', label: t('import.updated'), value: result.updated, color: '#1a56a8' },
    { key: 'unchanged', label: t('import.unchanged'), value: result.unchanged, color: undefined },
    { key: 'rejected', label: t('import.rejected'), value: result.rejected, color: result.rejected ? '#cf1322' : undefined },
  ];
  const shown = result.rejectedRows.length;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="import-result">
      {result.dryRun ? (
        <Alert type="info" showIcon title={t('import.dryRunDone')} action={extra} />
      ) : (
        <Alert type={result.rejected ? 'warning' : 'success'} showIcon title={result.rejected ? t('import.realDonePartial') : t('import.realDone')} />
      )}
      <Row gutter={16}>
        {counts.map((c) => (
          <Col key={c.key} xs={12} md={6}>
            <div data-testid={`import-count-${c.key}`} data-value={c.value}>
              <Statistic title={c.label} value={c.value} styles={{ content: { color: c.color } }} />
            </div>
          </Col>
        ))}
      </Row>
      {result.unknownColumns.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('import.unknownColumns')}
          description={
            <Space size={[4, 4]} wrap data-testid="import-unknown-columns">
              {result.unknownColumns.map((c) => (
                <Tag key={c}>{c}</Tag>
              ))}
            </Space>
          }
        />
      )}
      {result.rejected > 0 && (
        <>
          <Space wrap>
            <Typography.Text strong>{t('import.rejectedRows')}</Typography.Text>
            {shown < result.rejected && <Typography.Text type="secondary">{t('import.rejectedShown', { shown, total: result.rejected })}</Typography.Text>}
            <a href={reportUrl(jobId)} download data-testid="import-report-link">
              <Button size="small" icon={<DownloadOutlined />}>
                {t('import.downloadReport')}
              </Button>
            </a>
          </Space>
          <Table
            rowKey="line"
            size="small"
            dataSource={result.rejectedRows}
            pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
            columns={[
              { title: t('import.line'), dataIndex: 'line', width: 90 },
              {
                title: t('import.reasons'),
                dataIndex: 'reasons',
                render: (r: string[]) => (
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {r.map((x, i) => (
                      <li key={i}>{x}</li>
                    ))}
                  </ul>
                ),
              },
            ]}
            data-testid="import-rejected-rows"
          />
        </>
      )}
    </Space>
  );
}
