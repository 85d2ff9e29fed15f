// Types for the part of autocannon (a JavaScript package without bundled types) that the protocol load
// test and benchmark use.
declare module 'autocannon' {
  type Request = {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
  };
  type Options = Request & {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    timeout?: number;
    pipelining?: number;
    requests?: Request[];
  };
  type Histogram = { average: number; mean: number; total: number; p50: number; p90: number; p99: number; max: number; min: number };
  type Result = {
    requests: Histogram;
    latency: Histogram;
    throughput: Histogram;
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    '1xx': number;
    '2xx': number;
    '3xx': number;
    '4xx': number;
    '5xx': number;
  };
  type Instance = Promise<Result> & { on(event: string, listener: (...args: never[]) => void): Instance };
  function autocannon(options: Options): Instance;
  export default autocannon;
}
