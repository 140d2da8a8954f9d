import http from 'node:http';
import express from 'express';
import type { Metrics } from '../observability/metrics';

export function metricsRoute(metrics: Metrics): express.RequestHandler {
  return async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
}

/**
 * /metrics alone on its own port, so that an Ingress publishing the main port does not publish it
 * (Kubernetes: the scraper reaches the pod's `metrics` port inside the cluster).
 */
export async function startMetricsServer(metrics: Metrics, port: number, host: string): Promise<{ url: string; close(): Promise<void> }> {
  const web = express();
  web.disable('x-powered-by');
  web.get('/metrics', metricsRoute(metrics));
  const server = http.createServer(web);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const bound = (server.address() as import('node:net').AddressInfo).port;
  return {
    url: `http://localhost:${bound}/metrics`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
