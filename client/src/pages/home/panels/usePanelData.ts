// Loads what one home panel shows, once and again on `reloadOn` notices (a new 待办, a meeting moved), keeping the
// error to show in the panel rather than a toast per panel.
import { useCallback, useEffect, useRef, useState } from 'react';
import { realtime } from '../../../realtime/connection.ts';

export function usePanelData<T>(
  load: () => Promise<T>,
  reloadOn: readonly string[] = [],
): { data: T | null; error: unknown; loading: boolean; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  // Each panel passes a new closure of the same call on every render: keep the latest without asking again.
  const latest = useRef(load);
  latest.current = load;
  const run = useCallback(async () => {
    setLoading(true);
    try {
      setData(await latest.current());
      setError(null);
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  }, []);
  const prefixes = reloadOn.join(' ');
  useEffect(() => {
    void run();
    if (!prefixes) return undefined;
    return realtime.on('notification:new', (n) => {
      if (prefixes.split(' ').some((p) => n.kind.startsWith(p))) void run();
    });
  }, [run, prefixes]);
  const reload = useCallback(() => void run(), [run]);
  return { data, error, loading, reload };
}
