// The header's search box: Enter opens /search with the words (filters are chosen on the results page). On the
// results page it shows the words being searched, so a new search starts from them. The three administrators, who
// find nothing (三员分立), have no box.
import { Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { useSession } from '../session/sessionContext.ts';
import './headerSearch.css';

export function HeaderSearch() {
  const { can } = useSession();
  return can('workspace.use') ? <SearchBox /> : null;
}

function SearchBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const onResults = location.pathname === '/search';
  const current = onResults ? (params.get('q') ?? '') : '';
  const [text, setText] = useState(current);
  useEffect(() => setText(current), [current]);

  return (
    <div role="search" aria-label={t('search.box.label')} className="tb-header-search">
      <Input.Search
        aria-label={t('search.box.label')}
        placeholder={t('search.box.placeholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(value) => {
          const q = value.trim();
          if (q) void navigate(`/search?${new URLSearchParams({ q }).toString()}`);
        }}
        allowClear
        data-testid="header-search"
      />
    </div>
  );
}
