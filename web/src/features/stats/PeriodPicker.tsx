// Period codes: 2023, 2023S1, 2023Q1, 202301, 2023FP or YYYY-MM-DD..YYYY-MM-DD.
import { DatePicker, InputNumber, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../app/i18n';

type Kind = 'year' | 'half' | 'quarter' | 'month' | 'fp' | 'range';

export function parseCode(code: string): { kind: Kind; year: number; part: number; range?: [string, string] } {
  let m: RegExpMatchArray | null;
  if ((m = code.match(/^(\d{4})S([12])$/))) return { kind: 'half', year: +m[1], part: +m[2] };
  if ((m = code.match(/^(\d{4})Q([1-4])$/))) return { kind: 'quarter', year: +m[1], part: +m[2] };
  if ((m = code.match(/^(\d{4})(\d{2})$/))) return { kind: 'month', year: +m[1], part: +m[2] };
  if ((m = code.match(/^(\d{4})FP$/))) return { kind: 'fp', year: +m[1], part: 1 };
  if ((m = code.match(/^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/))) return { kind: 'range', year: +m[1].slice(0, 4), part: 1, range: [m[1], m[2]] };
  return { kind: 'year', year: Number(code.slice(0, 4)) || new Date().getFullYear(), part: 1 };
}

function toCode(kind: Kind, year: number, part: number, range?: [string, string]): string {
  if (kind === 'half') return `${year}S${part > 2 ? 1 : part}`;
  if (kind === 'quarter') return `${year}Q${part > 4 ? 1 : part}`;
  if (kind === 'month') return `${year}${String(part).padStart(2, '0')}`;
  if (kind === 'fp') return `${year}FP`;
  if (kind === 'range') return `${range?.[0] ?? `${year}-01-01`}..${range?.[1] ?? `${year}-12-31`}`;
  return String(year);
}

export function PeriodPicker({ value, onChange }: { value: string; onChange: (code: string) => void }) {
  const { t } = useI18n();
  const p = parseCode(value);
  const parts: { value: number; label: string }[] =
    p.kind === 'half' ? [{ value: 1, label: t('stats.period.h1') }, { value: 2, label: t('stats.period.h2') }]
    : p.kind === 'quarter' ? [1, 2, 3, 4].map((n) => ({ value: n, label: t('stats.period.q', { n }) }))
    : p.kind === 'month' ? Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: t('stats.period.m', { n: i + 1 }) }))
    : [];
  return (
    <Space.Compact data-testid="stats-period" data-period={value}>
      <Select<Kind>
        style={{ width: 110 }}
        value={p.kind}
        onChange={(k) => onChange(toCode(k, p.year, 1))}
        options={(['year', 'half', 'quarter', 'month', 'fp', 'range'] as Kind[]).map((k) => ({ value: k, label: t(`stats.period.${k}`) }))}
        data-testid="stats-period-kind"
      />
      {p.kind !== 'range' && (
        <InputNumber style={{ width: 90 }} min={1950} max={2100} value={p.year} onChange={(y) => y && onChange(toCode(p.kind, y, p.part))} data-testid="stats-period-year" />
      )}
      {parts.length > 0 && <Select style={{ width: 120 }} value={p.part} options={parts} onChange={(n) => onChange(toCode(p.kind, p.year, n))} data-testid="stats-period-part" />}
      {p.kind === 'range' && (
        <DatePicker.RangePicker
          value={[dayjs(p.range![0]), dayjs(p.range![1])]}
          allowClear={false}
          onChange={(r) => r?.[0] && r[1] && onChange(toCode('range', p.year, 1, [r[0].format('YYYY-MM-DD'), r[1].format('YYYY-MM-DD')]))}
        />
      )}
    </Space.Compact>
  );
}
