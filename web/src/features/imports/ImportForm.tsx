// Choose the kind, download the template, pick a file and start (dry run or for real).
import { DownloadOutlined, InboxOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { Button, Form, Popconfirm, Select, Space, Switch, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { templateUrl } from './imports.api';
import type { ImportKind } from './types';

const MAX_BYTES = 512 * 1024 * 1024; // the server's multipart limit

interface Props {
  busy: boolean;
  onStart: (file: File, kind: ImportKind, dryRun: boolean) => void;
}

export function ImportForm({ busy, onStart }: Props) {
  const { t } = useI18n();
  const [kind, setKind] = useState<ImportKind>('persons');
  const [dryRun, setDryRun] = useState(true);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const file = files[0]?.originFileObj as File | undefined;

  const start = () => file && onStart(file, kind, dryRun);
  const startButton = (
    <Button type="primary" icon={<PlayCircleOutlined />} disabled={!file || busy} loading={busy} onClick={dryRun ? start : undefined} data-testid="import-start">
      {dryRun ? t('import.startDryRun') : t('import.startReal')}
    </Button>
  );

  return (
    <Form layout="vertical">
      <Space size={24} wrap align="end" style={{ marginBottom: 16 }}>
        <Form.Item label={t('import.kind')} style={{ marginBottom: 0 }}>
          <Select<ImportKind>
            value={kind}
            onChange={setKind}
            style={{ width: 200 }}
            options={[
              { value: 'persons', label: t('import.kindPersons') },
              { value: 'events', label: t('import.kindEvents') },
            ]}
            data-testid="import-kind"
          />
        </Form.Item>
        <a href={templateUrl(kind)} download data-testid="import-template-link">
          <Button icon={<DownloadOutlined />}>{t('import.downloadTemplate')}</Button>
        </a>
      </Space>
      <Form.Item validateStatus={fileError ? 'error' : undefined} help={fileError ?? undefined}>
        <Upload.Dragger
          accept=".xlsx,.csv"
          maxCount={1}
          fileList={files}
          beforeUpload={(f) => {
            const ok = /\.(xlsx|csv)$/i.test(f.name);
            setFileError(!ok ? t('import.badType') : f.size > MAX_BYTES ? t('import.tooLarge') : null);
            if (ok && f.size <= MAX_BYTES) setFiles([{ uid: f.uid, name: f.name, size: f.size, originFileObj: f, status: 'done' }]);
            return false; // uploaded on start, not on pick
          }}
          onRemove={() => setFiles([])}
          data-testid="import-file"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('import.dropHere')}</p>
          <p className="ant-upload-hint">{t('import.fileHint')}</p>
        </Upload.Dragger>
      </Form.Item>
      <Space size={16} align="center" wrap>
        <Space>
          <Switch checked={dryRun} onChange={setDryRun} data-testid="import-dry-run" />
          <span>{t('import.dryRun')}</span>
          <Typography.Text type="secondary">{dryRun ? t('import.dryRunHint') : t('import.realHint')}</Typography.Text>
        </Space>
        {dryRun ? (
          startButton
        ) : (
          <Popconfirm
            title={t('import.confirmTitle')}
            description={t('import.confirmReal', { name: file?.name ?? '' })}
            okText={t('import.startReal')}
            onConfirm={start}
            okButtonProps={{ 'data-testid': 'import-confirm' }}
            disabled={!file || busy}
          >
            {startButton}
          </Popconfirm>
        )}
      </Space>
    </Form>
  );
}
