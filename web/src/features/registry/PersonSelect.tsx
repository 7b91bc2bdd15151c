// Pick a person (mother, father, spouse, subject of an event) by name or ID number.
import { Select, Space, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { useLabels, type SexCode } from '../../app/labels';
import { useRemoteSearch } from '../../app/useRemoteSearch';
import { listPersons } from './persons.api';
import type { PersonListItem, PersonRef } from './types';

export type Candidate = Pick<PersonRef, 'id' | 'name' | 'sex' | 'birthDate' | 'idNumber'> &
  Partial<Pick<PersonListItem, 'hukouArea' | 'residenceArea' | 'status'>>;

interface Props {
  value?: string;
  onChange?: (id: string | undefined, person?: Candidate) => void;
  /** The currently chosen person, so that its name shows before any search. */
  initial?: Candidate | null;
  sex?: SexCode;
  /** Only persons with status alive (parents of a newborn, a new spouse). */
  aliveOnly?: boolean;
  excludeId?: string;
  placeholder?: string;
  disabled?: boolean;
  'data-testid'?: string;
}

export function PersonSelect({ value, onChange, initial, sex, aliveOnly, excludeId, placeholder, disabled, ...rest }: Props) {
  const { t } = useI18n();
  const labels = useLabels();
  const fetch = useCallback(
    async (q: string) => (await listPersons({ q, sex, status: aliveOnly ? 'alive' : undefined, page: 1 }, undefined, 10)).items,
    [sex, aliveOnly],
  );
  const { term, setTerm, items, loading } = useRemoteSearch<Candidate>(fetch);

  const candidates = useMemo(() => {
    const list = items.filter((p) => p.id !== excludeId);
    if (initial && !list.some((p) => p.id === initial.id)) list.unshift(initial);
    return list;
  }, [items, initial, excludeId]);

  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setTerm, searchValue: term }}
      allowClear
      value={value}
      disabled={disabled}
      placeholder={placeholder ?? t('personSelect.placeholder')}
      loading={loading}
      notFoundContent={term.trim() ? (loading ? t('common.loading') : t('personSelect.noMatch')) : t('personSelect.typeToSearch')}
      onChange={(id: string | undefined) => onChange?.(id, candidates.find((p) => p.id === id))}
      options={candidates.map((p) => ({
        value: p.id,
        label: t('personSelect.label', { name: p.name, date: formatDate(p.birthDate) }),
        title: p.name,
        person: p,
      }))}
      optionRender={(o) => {
        const p = (o.data as { person: Candidate }).person;
        return (
          <Space size={8}>
            <span>{p.name}</span>
            <Typography.Text type="secondary">{labels.sex(p.sex)}</Typography.Text>
            <Typography.Text type="secondary" className="num">
              {formatDate(p.birthDate)} {p.idNumber ?? ''}
            </Typography.Text>
          </Space>
        );
      }}
      style={{ width: '100%' }}
      {...rest}
    />
  );
}
