// /search?q=… — full-text search results: the words and every filter live in the address (so a search can be
// shared, reloaded and gone back to), the server applies the filters and the read rules in its query and answers the
// total of what the person may open (up to a limit: past it, “more than”); hits show their title and a snippet with the words marked, and link to their page.
import { Alert, Button, Card, DatePicker, Empty, Flex, List, Select, Tag, TreeSelect, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../api/errorMessage.ts';
import {
  SEARCH_KINDS,
  SEARCH_MAX_PAGE,
  SEARCH_PAGE_SIZE,
  searchApi,
  type SearchKind,
  type SearchPage as Page,
  type SearchParams,
  type SearchSnippetPart,
} from '../../api/search.ts';
import { unitTree } from '../../components/unitTree.ts';
import { useUnits } from '../../components/useUnits.ts';
import {
  CLASSIFICATION_KEYS,
  classificationName,
  docTypeName,
  docTypeOptions,
  statusName,
  statusOptions,
} from './searchLabels.ts';
import { hitLink } from './searchLinks.ts';
import './search.css';

const FILTER_KEYS = ['kind', 'docType', 'unitId', 'from', 'to', 'classification', 'status', 'sort'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

const isKind = (v: string | null): v is SearchKind => v !== null && (SEARCH_KINDS as readonly string[]).includes(v);

/** The query the address asks for; values the server would refuse are dropped rather than sent. */
function paramsOf(url: URLSearchParams): SearchParams {
  const get = (k: string) => url.get(k) || undefined;
  const kind = url.get('kind');
  const classification = Number(url.get('classification') ?? 'x');
  const page = Number(url.get('page') ?? '1');
  const day = (v: string | undefined) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
  return {
    q: (url.get('q') ?? '').trim(),
    kind: isKind(kind) ? kind : undefined,
    docType: get('docType'),
    unitId: get('unitId'),
    from: day(get('from')),
    to: day(get('to')),
    classification: Number.isInteger(classification) && classification >= 0 ? classification : undefined,
    status: get('status'),
    sort: url.get('sort') === 'date' ? 'date' : 'relevance',
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, SEARCH_MAX_PAGE) : 1,
  };
}

/** Title or snippet parts: the words found are <mark>ed; the text is rendered as text, never as markup. */
function Marked({ parts }: { parts: SearchSnippetPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.mark ? (
          <mark key={i} className="tb-search-mark">
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

export default function SearchPage() {
  const { t } = useTranslation();
  const [url, setUrl] = useSearchParams();
  const query = useMemo(() => paramsOf(url), [url]);
  const { units } = useUnits();
  // The page of hits with the words it answers (until the next answer arrives, the shown hits are the last ones).
  const [data, setData] = useState<(Page & { q: string }) | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!query.q) {
      setData(null);
      return;
    }
    const abort = new AbortController();
    setLoading(true);
    searchApi
      .search(query, abort.signal)
      .then((page) => {
        setData({ ...page, q: query.q });
        setError(null);
      })
      .catch((err: unknown) => {
        if (!abort.signal.aborted) setError(err);
      })
      .finally(() => {
        if (!abort.signal.aborted) setLoading(false);
      });
    return () => abort.abort();
  }, [query]);

  /** Changes filters and goes back to page 1 (a new filter makes a new list). */
  const setFilters = (changes: Partial<Record<FilterKey, string | undefined>>) => {
    const next = new URLSearchParams(url);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    }
    next.delete('page');
    setUrl(next);
  };
  const setPage = (page: number) => {
    const next = new URLSearchParams(url);
    if (page === 1) next.delete('page');
    else next.set('page', String(page));
    setUrl(next);
    window.scrollTo({ top: 0 });
  };
  const filtered = FILTER_KEYS.some((k) => k !== 'sort' && url.has(k));
  const range: [Dayjs | null, Dayjs | null] | null =
    query.from || query.to ? [query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null] : null;
  const statuses = statusOptions(t, query.kind);
  const docTypes = docTypeOptions(t, query.kind);

  return (
    <div className="tb-search" data-testid="search-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('search.title')}
      </Typography.Title>
      <Flex wrap gap={8} className="tb-search__filters">
        <Select
          allowClear
          size="large"
          placeholder={t('search.filters.anyKind')}
          aria-label={t('search.filters.kind')}
          style={{ flex: '1 1 140px' }}
          value={query.kind}
          onChange={(v?: string) => setFilters({ kind: v, status: undefined, docType: undefined })}
          options={SEARCH_KINDS.map((k) => ({ value: k, label: t(`search.kinds.${k}`) }))}
          data-testid="search-filter-kind"
        />
        {docTypes.length > 0 && (
          <Select
            allowClear
            size="large"
            placeholder={t('search.filters.anyDocType')}
            aria-label={t('search.filters.docType')}
            style={{ flex: '1 1 140px' }}
            value={query.docType}
            onChange={(v?: string) => setFilters({ docType: v })}
            options={docTypes}
            data-testid="search-filter-doc-type"
          />
        )}
        <TreeSelect
          allowClear
          showSearch
          treeDefaultExpandAll
          size="large"
          placeholder={t('search.filters.anyUnit')}
          aria-label={t('search.filters.unit')}
          style={{ flex: '1 1 200px' }}
          treeData={unitTree(units)}
          treeNodeFilterProp="title"
          value={query.unitId}
          onChange={(v?: string) => setFilters({ unitId: v })}
        />
        <DatePicker.RangePicker
          size="large"
          aria-label={t('search.filters.dates')}
          allowEmpty={[true, true]}
          value={range}
          onChange={(v) =>
            setFilters({
              from: v?.[0]?.format('YYYY-MM-DD') ?? undefined,
              to: v?.[1]?.format('YYYY-MM-DD') ?? undefined,
            })
          }
        />
        <Select
          allowClear
          size="large"
          placeholder={t('search.filters.anyClassification')}
          aria-label={t('search.filters.classification')}
          style={{ flex: '1 1 120px' }}
          value={query.classification}
          onChange={(v?: number) => setFilters({ classification: v === undefined ? undefined : String(v) })}
          options={CLASSIFICATION_KEYS.map((_, level) => ({ value: level, label: classificationName(t, level) }))}
        />
        {statuses.length > 0 && (
          <Select
            allowClear
            size="large"
            placeholder={t('search.filters.anyStatus')}
            aria-label={t('search.filters.status')}
            style={{ flex: '1 1 120px' }}
            value={query.status}
            onChange={(v?: string) => setFilters({ status: v })}
            options={statuses}
          />
        )}
        <Select
          size="large"
          aria-label={t('search.filters.sort')}
          style={{ flex: '0 1 130px' }}
          value={query.sort}
          onChange={(v: string) => setFilters({ sort: v === 'date' ? 'date' : undefined })}
          options={(['relevance', 'date'] as const).map((s) => ({ value: s, label: t(`search.sort.${s}`) }))}
        />
        {filtered && (
          <Button size="large" onClick={() => setUrl(query.q ? { q: query.q } : {})} data-testid="search-clear-filters">
            {t('search.clearFilters')}
          </Button>
        )}
      </Flex>
      {error !== null && (
        <Alert type="error" showIcon title={t('search.loadFailed', { message: errorMessage(t, error) })} />
      )}
      {!query.q ? (
        <Empty description={t('search.prompt')} />
      ) : (
        <>
          {data && (
            <Typography.Text type="secondary" data-testid="search-total" data-total={data.total} data-q={data.q}>
              {t(data.totalCapped ? 'search.totalCapped' : 'search.total', { count: data.total })}
            </Typography.Text>
          )}
          <List
            loading={loading}
            dataSource={data?.hits ?? []}
            locale={{ emptyText: t('search.empty') }}
            pagination={
              data && data.total > SEARCH_PAGE_SIZE
                ? {
                    current: query.page,
                    pageSize: SEARCH_PAGE_SIZE,
                    total: data.total,
                    onChange: setPage,
                    showSizeChanger: false,
                  }
                : false
            }
            renderItem={(hit) => (
              <List.Item className="tb-search__row" data-testid="search-hit" data-kind={hit.kind} data-id={hit.id}>
                <Card size="small" className="tb-search__card">
                  <Flex vertical gap={6}>
                    <Link to={hitLink(hit)} className="tb-search__title" data-testid="search-hit-title">
                      <Marked parts={hit.title} />
                    </Link>
                    <Flex gap={4} wrap align="center">
                      <Tag color="blue">{t(`search.kinds.${hit.kind}`)}</Tag>
                      {hit.docType && <Tag>{docTypeName(t, hit.kind, hit.docType)}</Tag>}
                      <Tag>{statusName(t, hit.kind, hit.status)}</Tag>
                      {hit.classification >= 2 && (
                        <Tag color="volcano">{classificationName(t, hit.classification)}</Tag>
                      )}
                      <Typography.Text type="secondary">
                        {hit.unitName} · {dayjs(hit.date).format('YYYY-MM-DD')}
                      </Typography.Text>
                    </Flex>
                    {hit.snippet.length > 0 && (
                      <Typography.Paragraph className="tb-search__snippet" data-testid="search-hit-snippet">
                        <Marked parts={hit.snippet} />
                      </Typography.Paragraph>
                    )}
                  </Flex>
                </Card>
              </List.Item>
            )}
          />
          {data?.totalCapped && query.page === SEARCH_MAX_PAGE && (
            <Alert type="info" showIcon title={t('search.deepPage', { pages: SEARCH_MAX_PAGE })} />
          )}
        </>
      )}
    </div>
  );
}
