// Picks the document a task is based on by searching for it (the full-text search, so only what the person may read):
// minutes for a meeting decision, a 公文 or a document for an upper-level document. The form keeps the editor
// document's id, which is what the server checks the creator may read; a 公文 is resolved to its 正文's document.
import { App, Select, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errorMessage.ts';
import { officialDocsApi } from '../../api/officialDocs.ts';
import { searchApi, type SearchHit } from '../../api/search.ts';

const DEBOUNCE_MS = 300;

interface Option {
  value: string;
  label: string;
  hit: SearchHit;
}

const text = (parts: SearchHit['title']) => parts.map((p) => p.text).join('');

export function BasisDocumentPicker({
  kinds,
  value,
  onChange,
  id,
}: {
  /** What may be picked: ['minutes'] or ['officialDoc', 'document']. */
  kinds: ReadonlyArray<SearchHit['kind']>;
  value?: string | undefined;
  onChange?: ((documentId: string | undefined) => void) | undefined;
  /** From the Form.Item, so that its label names this field. */
  id?: string | undefined;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [options, setOptions] = useState<Option[]>([]);
  const [searching, setSearching] = useState(false);
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const asked = useRef<AbortController | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      asked.current?.abort();
    },
    [],
  );
  // The form was reset (or filled elsewhere): forget what was shown as picked.
  useEffect(() => {
    if (!value) setPicked(undefined);
  }, [value]);

  const search = (q: string) => {
    if (timer.current) clearTimeout(timer.current);
    asked.current?.abort();
    if (!q.trim()) {
      setOptions([]);
      return;
    }
    timer.current = setTimeout(() => {
      const controller = new AbortController();
      asked.current = controller;
      setSearching(true);
      const only = kinds.length === 1 ? kinds[0] : undefined;
      searchApi.search({ q: q.trim(), kind: only }, controller.signal).then(
        (page) => {
          if (controller.signal.aborted) return;
          setSearching(false);
          setOptions(
            page.hits
              .filter((h) => kinds.includes(h.kind))
              .map((hit) => ({
                value: `${hit.kind}:${hit.id}`,
                label: `${text(hit.title)} · ${hit.unitName}`,
                hit,
              })),
          );
        },
        (err: unknown) => {
          if (controller.signal.aborted) return;
          setSearching(false);
          setOptions([]);
          void message.error(errorMessage(t, err));
        },
      );
    }, DEBOUNCE_MS);
  };

  const choose = async (key: string | undefined) => {
    setPicked(key);
    const option = options.find((o) => o.value === key);
    if (!option) return onChange?.(undefined);
    if (option.hit.kind !== 'officialDoc') return onChange?.(option.hit.id);
    try {
      onChange?.((await officialDocsApi.get(option.hit.id)).documentId);
    } catch (err) {
      // It could not be opened after all (its access changed since it was indexed): nothing is picked.
      setPicked(undefined);
      onChange?.(undefined);
      void message.error(errorMessage(t, err));
    }
  };

  return (
    <Select
      id={id}
      showSearch
      allowClear
      filterOption={false}
      value={value ? picked : undefined}
      placeholder={t('supervision.form.basisSearch')}
      notFoundContent={searching ? <Spin size="small" /> : t('supervision.form.basisNotFound')}
      onSearch={search}
      onChange={(key: string | undefined) => void choose(key)}
      options={options.map(({ value: v, label }) => ({ value: v, label }))}
      data-testid="basis-document-picker"
    />
  );
}
