// The part of autocannon 9's programmatic API the benchmark uses (it ships no typings).
declare module 'autocannon' {
  export interface Histogram {
    average: number; mean: number; stddev: number; min: number; max: number; total: number;
    p50: number; p75: number; p90: number; p97_5: number; p99: number; p99_9: number;
  }
  export interface RequestSpec {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    setupRequest?: (req: RequestSpec & { path: string }, context: Record<string, unknown>) => (RequestSpec & { path: string }) | null;
  }
  /** One connection; `requestIterator.currentRequest` is the request being answered when 'response' fires. */
  export interface Client {
    on(event: 'response', fn: (statusCode: number, resBytes: number, responseTime: number) => void): void;
    requestIterator: { currentRequest: { requestBuffer?: Buffer } };
  }
  export interface Options {
    setupClient?: (client: Client) => void;
    url: string;
    connections?: number;
    duration?: number;
    timeout?: number;
    headers?: Record<string, string>;
    requests?: RequestSpec[];
  }
  export interface Result {
    latency: Histogram;
    requests: Histogram;
    throughput: Histogram;
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
    statusCodeStats: Record<string, { count: number }>;
  }
  export interface Instance {
    stop(): void;
  }
  function autocannon(opts: Options, cb: (err: Error | null, result: Result) => void): Instance;
  export default autocannon;
}
