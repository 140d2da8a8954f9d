/** The counts a section function returns for one bureau (or summed over a province's bureaus), by metric name. */
export type Metrics = ReadonlyMap<string, number>;

export const NO_METRICS: Metrics = new Map();

/** A metric's count, zero when the section returned no row for it. */
export const count = (m: Metrics, metric: string): number => m.get(metric) ?? 0;

/** part / whole, or null when there is no whole. */
export const ratio = (part: number, whole: number): number | null => (whole ? part / whole : null);

/** The sum of several bureaus' metrics, metric by metric. */
export function sumMetrics(all: readonly Metrics[]): Metrics {
  const sum = new Map<string, number>();
  for (const metrics of all) for (const [k, v] of metrics) sum.set(k, (sum.get(k) ?? 0) + v);
  return sum;
}

/** A rate as the printed report shows it: one decimal percent, or a dash. */
export const percentText = (value: number | null): string => (value == null ? '—' : `${(value * 100).toFixed(1)}%`);

/** One line of a section in the downloaded files: what it counts and its value. */
export interface ReportLine {
  label: string;
  value: string;
}
