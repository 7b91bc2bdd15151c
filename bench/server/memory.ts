// Resident memory of the server process, from /proc/<pid>/status (Linux).
import fs from 'node:fs';

export interface MemoryReading {
  rssMiB: number; // VmRSS: resident now
  hwmMiB: number; // VmHWM: peak resident since start
}

export function readMemory(pid: number): MemoryReading | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMiB: kb('VmRSS') / 1024, hwmMiB: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** Samples the RSS every `everyMs` until stopped; keeps the peak and the samples' count. */
export function sampleMemory(pid: number, everyMs = 250): { stop(): { peakRssMiB: number; samples: number } } {
  let peak = 0;
  let samples = 0;
  const timer = setInterval(() => {
    const m = readMemory(pid);
    if (!m) return;
    samples++;
    if (m.rssMiB > peak) peak = m.rssMiB;
  }, everyMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      return { peakRssMiB: peak, samples };
    },
  };
}
