import { Segmented } from 'antd';
import { useI18n, type Locale } from './i18n';

export function LanguageSwitch() {
  const { locale, setLocale } = useI18n();
  return (
    <Segmented<Locale>
      size="small"
      value={locale}
      onChange={setLocale}
      options={[
        { value: 'zh-CN', label: '中文' },
        { value: 'en-US', label: 'English' },
      ]}
      data-testid="language-switch"
    />
  );
}
