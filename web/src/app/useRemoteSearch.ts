// Debounced search against the server; only the answer to the latest term is kept.
import { useEffect, useRef, useState } from 'react';

export function useRemoteSearch<T>(fetch: (term: string) => Promise<T[]>, delay = 250) {
  const [term, setTerm] = useState('');
  const [items, setItems] = useState<T[]>([]);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;

  useEffect(() => {
    const q = term.trim();
    const mine = ++seq.current;
    if (!q) {
      setItems([]);
      setLoading(false);
      return;
    }
    const timer = setTimeout(() => {
      setLoading(true);
      fetchRef
        .current(q)
        .then((r) => mine === seq.current && setItems(r))
        .catch(() => mine === seq.current && setItems([]))
        .finally(() => mine === seq.current && setLoading(false));
    }, delay);
    return () => clearTimeout(timer);
  }, [term, delay]);

  return { term, setTerm, items, loading };
}
