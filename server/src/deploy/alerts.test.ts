import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { parser as PromqlParser } from '@prometheus-io/lezer-promql' with { 'resolution-mode': 'import' };
import type { DataSource } from 'typeorm';
import { createMetrics } from '../observability/metrics';
import { registerRuntimeGauges } from '../observability/runtime-gauges';

// The grammar's package is an ES module with a CommonJS build; tests are CommonJS, so they require the latter.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parser } = require('@prometheus-io/lezer-promql') as { parser: typeof PromqlParser };

/*
 * deploy/prometheus/alerts.yaml: every expression parses with Prometheus' own PromQL grammar, uses only
 * metrics the server exports (or Prometheus' `up`), and has its runbook in docs/operations.md.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const rules = (
  YAML.parse(fs.readFileSync(path.join(ROOT, 'deploy', 'prometheus', 'alerts.yaml'), 'utf8')) as {
    groups: {
      name: string;
      rules: { alert: string; expr: string; for?: string; labels: { severity: string }; annotations: { summary: string; runbook: string } }[];
    }[];
  }
).groups.flatMap((g) => g.rules);
const operations = fs.readFileSync(path.join(ROOT, 'docs', 'operations.md'), 'utf8');

function exported(): Set<string> {
  const metrics = createMetrics();
  registerRuntimeGauges(metrics, {} as DataSource, 1, ['deadline-sweep']);
  return new Set(metrics.registry.getMetricsAsArray().map((m) => m.name));
}

function parse(expr: string): { errors: number; metrics: string[] } {
  const tree = parser.parse(expr);
  let errors = 0;
  const metrics: string[] = [];
  tree.iterate({
    enter: (node) => {
      if (node.type.isError) errors++;
      if (node.name === 'Identifier' && node.node.parent?.name === 'VectorSelector') metrics.push(expr.slice(node.from, node.to));
    },
  });
  return { errors, metrics };
}

describe('Prometheus alerts (deploy/prometheus/alerts.yaml)', () => {
  it('cover errors, latency, jobs, the deadline sweep, the database, the pool and readiness', () => {
    expect(rules.map((r) => r.alert)).toEqual(
      expect.arrayContaining([
        'SpotCheckHighErrorRate',
        'SpotCheckInternalErrors',
        'SpotCheckSlowRequests',
        'SpotCheckJobExhausted',
        'SpotCheckDeadlineSweepStalled',
        'SpotCheckDbPoolSaturated',
        'SpotCheckDatabaseUnreachable',
        'SpotCheckDown',
      ]),
    );
    expect(new Set(rules.map((r) => r.alert)).size).toBe(rules.length);
  });

  it.each(rules.map((r) => [r.alert, r] as const))('%s parses, reads exported metrics and has a runbook', (alert, rule) => {
    const { errors, metrics } = parse(rule.expr);
    expect({ alert, errors }).toEqual({ alert, errors: 0 });
    expect(metrics.length).toBeGreaterThan(0);
    const known = exported();
    for (const metric of metrics) {
      const base = metric.replace(/_(bucket|count|sum)$/, '');
      expect({ metric, exported: metric === 'up' || known.has(base) || known.has(metric) }).toEqual({ metric, exported: true });
    }
    expect(['critical', 'warning']).toContain(rule.labels.severity);
    expect(rule.annotations.summary.length).toBeGreaterThan(10);
    expect(rule.annotations.runbook).toBe(`docs/operations.md#${alert.toLowerCase()}`);
    expect(operations).toContain(`\n### ${alert}\n`);
  });

  it('refuses a broken expression (the grammar is really checked)', () => {
    expect(parse('sum(rate(spotcheck_jobs_total[5m]) > ').errors).toBeGreaterThan(0);
  });
});
