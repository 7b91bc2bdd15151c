import { useCallback, useEffect, useState } from 'react';
import { getPerson } from './persons.api';
import type { Person } from './types';

/** Loads one full record (an audited read when the ID number comes back unmasked). */
export function usePerson(id: string | undefined) {
  const [person, setPerson] = useState<Person | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(!!id);

  const reload = useCallback(async () => {
    if (!id) return null;
    setLoading(true);
    setError(null);
    try {
      const p = await getPerson(id);
      setPerson(p);
      return p;
    } catch (e) {
      setPerson(null);
      setError(e);
      return null;
    } finally {
      setLoading(false);
    }
  }, [id]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { person, error, loading, reload };
}
