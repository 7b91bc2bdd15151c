// Follows a job with GET /jobs/:id every 500 ms until it succeeds or fails.
import { useEffect, useState } from 'react';
import { getJob } from './imports.api';
import { isFinished, type Job } from './types';

const INTERVAL_MS = 500;

export function useJobPolling(initial: Job | null) {
  const [job, setJob] = useState<Job | null>(initial);
  const [error, setError] = useState<unknown>(null);
  const id = initial?.id;

  useEffect(() => {
    setJob(initial);
    setError(null);
    if (!initial || isFinished(initial)) return;
    const ctl = new AbortController();
    let timer: ReturnType<typeof setTimeout>;
    let failures = 0;
    const tick = async () => {
      try {
        const j = await getJob(initial.id, ctl.signal);
        failures = 0;
        setJob(j);
        if (isFinished(j)) return;
      } catch (e) {
        if (ctl.signal.aborted) return;
        // A few missed polls (server restart, network blip) are tolerated; the job goes on.
        if (++failures >= 5) {
          setError(e);
          return;
        }
      }
      timer = setTimeout(tick, INTERVAL_MS);
    };
    timer = setTimeout(tick, INTERVAL_MS);
    return () => {
      ctl.abort();
      clearTimeout(timer);
    };
    // Restart only for another job.
  }, [id]);

  return { job, error };
}
