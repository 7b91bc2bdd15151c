// What the typed ID number says: birth date, sex and place of issue.
import type { IdNumberInfo } from '@domain/registry/id-number';
import { Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import { useLabels } from '../../app/labels';
import type { IdNumberLookup } from './types';

export function IdNumberHint({ info, lookup }: { info: IdNumberInfo | null; lookup: IdNumberLookup | null }) {
  const { t } = useI18n();
  const labels = useLabels();
  if (!info) return <>{t('idNumber.hint')}</>;
  const place = !lookup
    ? null
    : lookup.addressKnown
      ? t('idNumber.issuedIn', { name: lookup.addressName ?? info.addressCode })
      : t('idNumber.addressUnknown', { code: info.addressCode });
  return (
    <Typography.Text type={lookup && !lookup.addressKnown ? 'warning' : 'secondary'} data-testid="id-number-hint">
      {t('idNumber.reads', { birthDate: info.birthDate, sex: labels.sex(info.sex) })}
      {place && ` · ${place}`}
      {info.upgradedFrom15 && ` · ${t('idNumber.upgraded', { id: info.idNumber })}`}
    </Typography.Text>
  );
}
