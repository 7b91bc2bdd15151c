// The choices every statistics view shares: area, period, population basis, annualisation.
import { Radio, Space, Switch, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useUser } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { AreaPicker } from '../registry/AreaPicker';
import { PeriodPicker } from './PeriodPicker';
import type { Basis, StatsParams } from './stats.api';

/** The filters live in the URL, so a view can be linked and reloaded. */
export function useStatsParams(): [StatsParams, (p: Partial<StatsParams>) => void] {
  const user = useUser();
  const [sp, setSp] = useSearchParams();
  const params: StatsParams = {
    area: sp.get('area') ?? user.areaCode,
    period: sp.get('period') ?? String(new Date().getFullYear()),
    basis: (sp.get('basis') as Basis) === 'resident' ? 'resident' : 'hukou',
    annualise: sp.get('annualise') === 'true',
  };
  const set = (p: Partial<StatsParams>) => {
    const next = { ...params, ...p };
    setSp({ area: next.area, period: next.period, basis: next.basis, annualise: String(next.annualise) }, { replace: true });
  };
  return [params, set];
}

export function StatsFilters({ params, onChange, annualise = true }: { params: StatsParams; onChange: (p: Partial<StatsParams>) => void; annualise?: boolean }) {
  const { t } = useI18n();
  return (
    <Space wrap size={16} style={{ marginBottom: 16 }}>
      <Space>
        <Typography.Text>{t('stats.area')}</Typography.Text>
        <div style={{ width: 260 }}>
          <AreaPicker value={params.area} allowClear={false} onChange={(area) => area && onChange({ area })} data-testid="stats-area" />
        </div>
      </Space>
      <Space>
        <Typography.Text>{t('stats.period')}</Typography.Text>
        <PeriodPicker value={params.period} onChange={(period) => onChange({ period })} />
      </Space>
      <Radio.Group
        optionType="button"
        value={params.basis}
        onChange={(e) => onChange({ basis: e.target.value })}
        options={[{ value: 'hukou', label: t('stats.basis.hukou') }, { value: 'resident', label: t('stats.basis.resident') }]}
        data-testid="stats-basis"
      />
      {annualise && (
        <Space>
          <Switch checked={params.annualise} onChange={(v) => onChange({ annualise: v })} data-testid="stats-annualise" />
          <Typography.Text>{t('stats.annualise')}</Typography.Text>
        </Space>
      )}
    </Space>
  );
}
