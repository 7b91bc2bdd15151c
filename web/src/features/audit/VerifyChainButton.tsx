// 校验哈希链: GET /audit/verify, which walks the whole chain.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useProblem } from '../../app/problem';
import { verifyAudit } from './audit.api';

export function VerifyChainButton() {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const report = useProblem();
  const [busy, setBusy] = useState(false);

  const verify = async () => {
    setBusy(true);
    try {
      const r = await verifyAudit();
      const reason = r.firstBroken?.reason === 'link' ? t('audit.brokenLink') : r.firstBroken?.reason === 'hash' ? t('audit.brokenHash') : r.firstBroken?.reason;
      (r.ok ? modal.success : modal.error)({
        title: r.ok ? t('audit.verifyOk') : t('audit.verifyBroken'),
        content: (
          <div data-testid="audit-verify-result" data-ok={r.ok}>
            {r.ok ? t('audit.verifyOkText', { checked: r.checked }) : t('audit.verifyBrokenText', { checked: r.checked, seq: r.firstBroken?.seq ?? '?', reason: reason ?? '' })}
          </div>
        ),
      });
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button icon={<SafetyCertificateOutlined />} loading={busy} onClick={verify} data-testid="audit-verify">
      {t('audit.verify')}
    </Button>
  );
}
