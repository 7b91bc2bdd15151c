// Shows a reset password exactly once.
import { Alert, Modal, Typography } from 'antd';
import { useI18n } from '../../app/i18n';

interface Props {
  value: { username: string; password: string } | null;
  onClose: () => void;
}

export function TemporaryPasswordModal({ value, onClose }: Props) {
  const { t } = useI18n();
  return (
    <Modal open={!!value} title={t('user.tempPasswordTitle')} onOk={onClose} onCancel={onClose} cancelButtonProps={{ style: { display: 'none' } }} okText={t('user.tempPasswordDone')} maskClosable={false}>
      {value && (
        <>
          <p>{t('user.tempPasswordFor', { name: value.username })}</p>
          <Typography.Paragraph copyable={{ text: value.password }} style={{ fontSize: 20 }}>
            <code className="num" data-testid="user-temp-password">
              {value.password}
            </code>
          </Typography.Paragraph>
          <Alert type="warning" showIcon title={t('user.tempPasswordOnce')} />
        </>
      )}
    </Modal>
  );
}
