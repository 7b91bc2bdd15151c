import { Tag, Tooltip } from 'antd';
import { useI18n } from '../../app/i18n';
import type { Assessment } from './stats.api';

const COLORS = { green: 'success', yellow: 'warning', red: 'error', none: 'default' } as const;

/** The traffic light of one value against its target, with the gap in the indicator's unit. */
export function TargetLight({ a, phrase }: { a: Assessment | null; phrase?: string }) {
  const { t } = useI18n();
  if (!a) return <span>—</span>;
  if (a.light === 'none') return <Tag>{t('stats.reason.no_data')}</Tag>;
  const gap = a.direction === 'count' ? t('stats.completion', { n: a.completion ?? 0 }) : `${a.gap! > 0 ? '+' : ''}${a.gap}${a.gapUnit ? ` ${a.gapUnit}` : ''}`;
  return (
    <Tooltip title={phrase}>
      <Tag color={COLORS[a.light]} data-testid="target-light" data-light={a.light}>{t(`stats.light.${a.light}`)} · {gap}</Tag>
    </Tooltip>
  );
}
