// What a page shows when its record cannot be loaded: 404 (absent or outside the area) or other.
import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { isApiError } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { problemText } from '../../app/problem';

export function LoadFailed({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  if (isApiError(error) && error.status === 404) {
    return (
      <Result
        status="404"
        title={t('person.notFoundTitle')}
        subTitle={problemText(error, t)}
        extra={
          <Link to="/persons">
            <Button type="primary">{t('person.backToList')}</Button>
          </Link>
        }
      />
    );
  }
  return <Result status="error" title={t('error.loadFailed')} subTitle={problemText(error, t)} extra={onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>} />;
}
