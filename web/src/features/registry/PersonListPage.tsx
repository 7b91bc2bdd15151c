// 全员人口: the registry list with the area tree on the left.
import { FormOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useAccess } from '../../app/access';
import { useUser } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { PageHeader } from '../../app/PageHeader';
import { useProblem } from '../../app/problem';
import { AreaBreadcrumb } from './AreaBreadcrumb';
import { AreaSearch } from './AreaSearch';
import { AreaTree } from './AreaTree';
import { filtersFromParams, filtersToParams } from './person-filters';
import { PersonFilterBar, type FilterValues } from './PersonFilterBar';
import { listPersons } from './persons.api';
import { PersonTable } from './PersonTable';
import type { Page, PersonFilters, PersonListItem } from './types';

export function PersonListPage() {
  const { t } = useI18n();
  const user = useUser();
  const access = useAccess();
  const report = useProblem();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const [data, setData] = useState<Page<PersonListItem> | null>(null);
  const [loading, setLoading] = useState(true);

  const paramKey = params.toString();
  useEffect(() => {
    const ctl = new AbortController();
    setLoading(true);
    listPersons(filtersFromParams(new URLSearchParams(paramKey)), ctl.signal)
      .then(setData)
      .catch((e: unknown) => {
        if ((e as Error).name === 'AbortError') return;
        setData(null);
        report(e);
      })
      .finally(() => !ctl.signal.aborted && setLoading(false));
    return () => ctl.abort();
  }, [paramKey, report]);

  const go = (f: PersonFilters) => setParams(filtersToParams(f));
  const selectArea = (area: string) => go({ ...filters, area: area === user.areaCode ? undefined : area, page: 1 });
  const { area, page: _page, ...filterValues } = filters;

  return (
    <>
      <PageHeader
        title={t('nav.registry')}
        extra={
          access.canWritePersons && (
            <>
              <Link to="/events/new">
                <Button icon={<FormOutlined />}>{t('nav.events')}</Button>
              </Link>
              <Link to="/persons/new">
                <Button type="primary" icon={<UserAddOutlined />} data-testid="person-new">
                  {t('person.new')}
                </Button>
              </Link>
            </>
          )
        }
      />
      <Row gutter={16} wrap={false}>
        <Col flex="240px">
          <Card size="small" title={t('area.tree')} styles={{ body: { padding: 8, maxHeight: 'calc(100vh - 220px)', overflow: 'auto' } }}>
            <div style={{ marginBottom: 8 }}>
              <AreaSearch onSelect={(a) => selectArea(a.code)} />
            </div>
            <AreaTree rootCode={user.areaCode} selected={area ?? user.areaCode} onSelect={selectArea} />
          </Card>
        </Col>
        <Col flex="auto" style={{ minWidth: 0 }}>
          <Card>
            <Flex style={{ marginBottom: 12 }}>
              <AreaBreadcrumb code={area ?? user.areaCode} onSelect={selectArea} />
            </Flex>
            <PersonFilterBar value={filterValues as FilterValues} onSearch={(v) => go({ ...v, area, page: 1 })} />
            <PersonTable data={data} loading={loading} onPage={(page) => go({ ...filters, page })} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
