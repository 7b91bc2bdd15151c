import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useAuth } from './auth';
import { useI18n } from './i18n';
import { PageLoading } from './PageLoading';

export function RequireAuth({ children }: { children: ReactNode }) {
  const { user, status, refresh } = useAuth();
  const { t } = useI18n();
  const location = useLocation();
  if (status === 'loading') return <PageLoading />;
  if (status === 'error') {
    return (
      <Result
        status="warning"
        title={t('error.serviceUnavailable')}
        subTitle={t('error.network')}
        extra={<Button onClick={() => refresh().catch(() => undefined)}>{t('common.retry')}</Button>}
      />
    );
  }
  if (!user || user.mustChangePassword) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}
