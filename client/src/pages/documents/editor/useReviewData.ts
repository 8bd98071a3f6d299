// The REST side of an open document: comment threads, versions and the names of the people who wrote in it. Each
// reloads when someone else signals a change over awareness (see editor/presence.ts).
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { App } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentsApi, type Thread, type Version } from '../../../api/documents.ts';
import { errorMessage } from '../../../api/errorMessage.ts';
import { usePeerSignal, type SignalKind } from '../../../editor/presence.ts';

interface Loaded<T> {
  items: T[];
  loading: boolean;
  reload: () => Promise<void>;
}

function useSignalledList<T>(provider: HocuspocusProvider, kind: SignalKind, load: () => Promise<T[]>): Loaded<T> {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [items, setItems] = useState<T[]>([]);
  const [loading, setLoading] = useState(true);
  const reload = useCallback(async () => {
    try {
      setItems(await load());
    } catch (err) {
      message.error(errorMessage(t, err));
    } finally {
      setLoading(false);
    }
  }, [load, message, t]);
  useEffect(() => {
    void reload();
  }, [reload]);
  usePeerSignal(provider, kind, () => void reload());
  return { items, loading, reload };
}

export function useThreads(documentId: string, provider: HocuspocusProvider): Loaded<Thread> {
  const load = useCallback(async () => (await documentsApi.threads(documentId)).items, [documentId]);
  return useSignalledList(provider, 'threads', load);
}

export function useVersions(documentId: string, provider: HocuspocusProvider): Loaded<Version> {
  const load = useCallback(async () => (await documentsApi.versions(documentId)).items, [documentId]);
  return useSignalledList(provider, 'versions', load);
}

/**
 * Display names by user id, for tracked changes whose ids carry only the author's id. Learns from the document's
 * authors list, asked again when an id it does not know appears (a new reviewer started typing).
 */
export function useAuthorNames(
  documentId: string,
  knownIds: readonly string[],
  seed: ReadonlyMap<string, string>,
): Map<string, string> {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const asked = useRef(new Set<string>());
  const missing = knownIds.filter((id) => !names.has(id) && !seed.has(id) && !asked.current.has(id));
  const missingKey = missing.join(',');
  useEffect(() => {
    if (!missingKey) return;
    for (const id of missingKey.split(',')) asked.current.add(id);
    documentsApi.authors(documentId).then(
      ({ authors }) => setNames((prev) => new Map([...prev, ...Object.entries(authors)])),
      // Names are a courtesy: the panel shows "unknown" rather than failing; the next new id asks again.
      () => {
        for (const id of missingKey.split(',')) asked.current.delete(id);
      },
    );
  }, [documentId, missingKey]);
  return new Map([...names, ...seed]);
}
