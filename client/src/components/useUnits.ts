// Loads the unit list once per page, with a reload for after edits.
import { useCallback, useEffect, useState } from 'react';
import { unitsApi } from '../api/units.ts';
import type { Unit } from '../api/types.ts';

export function useUnits(): { units: Unit[]; loading: boolean; error: unknown; reload: () => Promise<void> } {
  const [units, setUnits] = useState<Unit[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setUnits((await unitsApi.list()).items);
      setError(null);
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { units, loading, error, reload };
}
