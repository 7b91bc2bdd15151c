// Find an area by name inside the user's area (GET /areas?q=).
import { Select } from 'antd';
import { useI18n } from '../../app/i18n';
import { useRemoteSearch } from '../../app/useRemoteSearch';
import { searchAreas } from './areas.api';
import type { AreaMatch } from './types';

export function AreaSearch({ onSelect }: { onSelect: (area: AreaMatch) => void }) {
  const { t } = useI18n();
  const { term, setTerm, items, loading } = useRemoteSearch(searchAreas);

  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setTerm, searchValue: term }}
      value={null}
      placeholder={t('area.search')}
      style={{ width: '100%' }}
      loading={loading}
      notFoundContent={term.trim() ? (loading ? t('common.loading') : t('area.noMatch')) : null}
      options={items.map((a) => ({ value: a.code, label: a.fullName }))}
      onSelect={(code: string | null) => {
        const a = items.find((x) => x.code === code);
        if (a) onSelect(a);
        setTerm('');
      }}
      data-testid="area-search"
    />
  );
}
