declare module 'autocannon' {
  interface Histogram { average: number; mean: number; p50: number; p99: number; max: number; total: number }
  interface Result { requests: Histogram; latency: Histogram; errors: number; non2xx: number; timeouts: number; '2xx': number }
  interface Options { url: string; connections?: number; duration?: number; pipelining?: number; headers?: Record<string, string> }
  function autocannon(opts: Options): Promise<Result>;
  export default autocannon;
}
