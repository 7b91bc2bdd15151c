// A list loaded from the API: loads on mount and whenever `refreshKey` changes; `load` reloads.
// Failures are reported with the usual problem message and leave the previous items.
import { useCallback, useEffect, useState } from 'react';
import { useProblem } from './problem';

export function useList<T>(fetch: () => Promise<T[]>, refreshKey?: unknown) {
  const report = useProblem();
  const [items, setItems] = useState<T[]>([]);
  const [loading, setLoading] = useState(true);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setItems(await fetch());
    } catch (e) {
      report(e);
    } finally {
      setLoading(false);
    }
  }, [fetch, report]);

  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  return { items, loading, load };
}
