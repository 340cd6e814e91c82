// A benchmark module (bench/<area>/<name>.bench.ts) default-exports a function returning its measurements.
// Every figure that has a baseline measured in the same run reports the ratio, so runs on different machines
// stay comparable.
export interface BenchResult {
  name: string;
  value: number;
  unit: string; // "ms", "chunks/s", "MiB", "fps", …
  baseline?: { name: string; value: number };
  ratio?: number; // value / baseline.value
  target?: string; // e.g. "<= 1 ms"
  pass?: boolean; // whether the target is met (benchmarks never fail the run)
  notes?: string;
}

export type BenchModule = { default: () => Promise<BenchResult[]> };
