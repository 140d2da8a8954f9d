import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import YAML from 'yaml';
import { loadConfig } from '../config';

/*
 * The manifests in deploy/k8s are checked against the Kubernetes API's own definitions: the OpenAPI
 * schemas of Kubernetes 1.27 as JSON Schema, from kubernetes-models 4.3.1 (its last release that ships
 * them as plain schema objects; later ones ship compiled validators only). Each schema module hands its
 * schema to `register` of @kubernetes-models/validate; we collect them instead, and make them strict
 * like kubeconform's "-strict" schemas: an object with declared properties accepts no other property,
 * as kubectl's own validation refuses unknown fields.
 */
const registered = new Map<string, Record<string, unknown>>();
jest.mock('@kubernetes-models/validate', () => ({
  register: (id: string, schema: Record<string, unknown>) => registered.set(id, schema),
  validate: () => undefined,
}));

const K8S = path.resolve(__dirname, '..', '..', '..', 'deploy', 'k8s');
const SCHEMAS = path.join(path.dirname(require.resolve('kubernetes-models/package.json')), '_schemas');

interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; [key: string]: unknown };
  [key: string]: any;
}

function readManifests(file: string): Manifest[] {
  return YAML.parseAllDocuments(fs.readFileSync(path.join(K8S, file), 'utf8'))
    .map((d) => d.toJSON() as Manifest)
    .filter(Boolean);
}

/** `apps/v1` + `Deployment` → the module IoK8sApiAppsV1Deployment and the id io.k8s.api.apps.v1.Deployment. */
function schemaNames(apiVersion: string, kind: string): { module: string; id: string } {
  const [group, version] = apiVersion.includes('/') ? (apiVersion.split('/') as [string, string]) : ['core', apiVersion];
  const short = group.split('.')[0]!;
  const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
  return { module: `IoK8sApi${cap(short)}${cap(version)}${kind}`, id: `io.k8s.api.${short}.${version}.${kind}` };
}

function strict(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strict);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    out[key] =
      key === 'properties' ? Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([name, s]) => [name, strict(s)])) : strict(value);
  }
  if (out.properties && out.additionalProperties === undefined && !out['x-kubernetes-preserve-unknown-fields']) out.additionalProperties = false;
  return out;
}

const ajv = new Ajv({
  allErrors: true,
  strict: false,
  formats: {
    int32: { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 },
    int64: { type: 'number', validate: (n: number) => Number.isInteger(n) },
    double: true,
    'date-time': true,
    byte: /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/,
    quantity: /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[KMGTPE]i|[numkMGTPE]|[eE][+-]?\d+)?$/,
  },
});
const compiled = new Map<string, ValidateFunction>();

function validatorFor(apiVersion: string, kind: string): ValidateFunction {
  const { module, id } = schemaNames(apiVersion, kind);
  const known = compiled.get(id);
  if (known) return known;
  const file = path.join(SCHEMAS, `${module}.js`);
  if (!fs.existsSync(file)) throw new Error(`no Kubernetes schema for ${apiVersion} ${kind}`);
  (require(file) as { addSchema(): void }).addSchema();
  for (const [key, schema] of registered) if (!ajv.getSchema(key)) ajv.addSchema(strict(schema) as object, key);
  const validate = ajv.getSchema(id)!;
  compiled.set(id, validate);
  return validate;
}

function problems(doc: Manifest): string[] {
  const validate = validatorFor(doc.apiVersion, doc.kind);
  // An optional object is `oneOf: [its schema, null]`: report the object's own errors, not the null branch.
  const nullBranch = (e: ErrorObject) => e.keyword === 'oneOf' || (e.keyword === 'type' && e.params.type === 'null');
  return validate(doc)
    ? []
    : (validate.errors as ErrorObject[])
        .filter((e) => !nullBranch(e))
        .map((e) => `${e.instancePath || '/'} ${e.message}${e.keyword === 'additionalProperties' ? ` (${String(e.params.additionalProperty)})` : ''}`);
}

const FILES = fs
  .readdirSync(K8S)
  .filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml')
  .sort();
const ALL = FILES.flatMap((file) => readManifests(file).map((doc) => ({ file, doc })));
const one = (kind: string) => ALL.find((m) => m.doc.kind === kind)!.doc;

describe('Kubernetes manifests (deploy/k8s)', () => {
  it('hold the deployment, service, ingress, autoscaler, disruption budget, migration job, config and secret example', () => {
    expect(ALL.map(({ doc }) => `${doc.apiVersion} ${doc.kind}`).sort()).toEqual([
      'apps/v1 Deployment',
      'autoscaling/v2 HorizontalPodAutoscaler',
      'batch/v1 Job',
      'networking.k8s.io/v1 Ingress',
      'policy/v1 PodDisruptionBudget',
      'v1 ConfigMap',
      'v1 Secret',
      'v1 Service',
    ]);
  });

  it.each(ALL.map(({ file, doc }) => [`${file}: ${doc.kind} ${doc.metadata.name}`, doc] as const))('%s conforms to the Kubernetes schema', (_name, doc) => {
    expect(problems(doc)).toEqual([]);
  });

  it('refuses a misspelt field, a wrong type and a missing required field', () => {
    const deployment = one('Deployment');
    const typo = structuredClone(deployment);
    const container = typo.spec.template.spec.containers[0];
    container.readinesProbe = container.readinessProbe;
    delete container.readinessProbe;
    expect(problems(typo)).toEqual([`/spec/template/spec/containers/0 must NOT have additional properties (readinesProbe)`]);

    const misplaced = structuredClone(deployment);
    misplaced.spec.replica = 2;
    expect(problems(misplaced)).toEqual(['/spec must NOT have additional properties (replica)']);

    const wrongType = structuredClone(deployment);
    wrongType.spec.replicas = 'two';
    expect(problems(wrongType)).toContain('/spec/replicas must be integer');

    const noSelector = structuredClone(deployment);
    delete noSelector.spec.selector;
    expect(problems(noSelector)).toContain(`/spec must have required property 'selector'`);

    const service = structuredClone(one('Service'));
    service.metadata.label = service.metadata.labels;
    service.spce = {};
    service.spec.ports[0].port = '80';
    expect(problems(service).sort()).toEqual([
      '/ must NOT have additional properties (spce)',
      '/metadata must NOT have additional properties (label)',
      '/spec/ports/0/port must be integer',
    ]);

    const hpa = structuredClone(one('HorizontalPodAutoscaler'));
    hpa.spec.metrics[0].resource.target.averageUtilisation = 70;
    expect(problems(hpa)).toContain('/spec/metrics/0/resource/target must NOT have additional properties (averageUtilisation)');
  });

  it('fit together: selectors, ports, probes, names and images', () => {
    const deployment = one('Deployment');
    const pod = deployment.spec.template;
    const container = pod.spec.containers[0];
    const podLabels = pod.metadata.labels as Record<string, string>;
    const matches = (selector: Record<string, string>) => Object.entries(selector).every(([k, v]) => podLabels[k] === v);
    expect(matches(deployment.spec.selector.matchLabels)).toBe(true);

    const service = one('Service');
    expect(matches(service.spec.selector)).toBe(true);
    // /metrics on its own port (METRICS_PORT), scraped inside the cluster; the Service publishes only `http`.
    const config = one('ConfigMap').data as Record<string, string>;
    expect(container.ports.map((p: { name: string; containerPort: number }) => [p.name, p.containerPort])).toEqual([
      ['http', loadConfig({}).port],
      ['metrics', loadConfig({ METRICS_PORT: config.METRICS_PORT }).metricsPort],
    ]);
    expect(pod.metadata.annotations['prometheus.io/port']).toBe(config.METRICS_PORT);
    expect(service.spec.ports.map((p: { targetPort: string }) => p.targetPort)).toEqual(['http']);

    const backend = one('Ingress').spec.rules[0].http.paths[0].backend.service;
    expect(backend).toEqual({ name: service.metadata.name, port: { name: service.spec.ports[0].name } });
    expect(one('HorizontalPodAutoscaler').spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.metadata.name });
    expect(matches(one('PodDisruptionBudget').spec.selector.matchLabels)).toBe(true);

    // Liveness asks whether the process answers, readiness whether the database does.
    expect([container.startupProbe, container.livenessProbe, container.readinessProbe].map((p) => p.httpGet.path)).toEqual(['/healthz', '/healthz', '/readyz']);
    expect(container.securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    expect(pod.spec.securityContext).toMatchObject({ runAsNonRoot: true });

    // The Job migrates with the same image, configuration and secrets as the servers.
    const job = one('Job');
    const migrator = job.spec.template.spec.containers[0];
    expect(migrator.command).toEqual(['node', 'server/dist/cli.js', 'migrate']);
    expect(migrator.envFrom).toEqual(container.envFrom);
    expect(migrator.image).toBe(container.image);
    const kustomization = YAML.parse(fs.readFileSync(path.join(K8S, 'kustomization.yaml'), 'utf8')) as {
      resources: string[];
      images: { name: string; newTag: string }[];
    };
    expect(container.image).toBe(`${kustomization.images[0]!.name}:${kustomization.images[0]!.newTag}`);
    expect(container.envFrom).toEqual([{ configMapRef: { name: one('ConfigMap').metadata.name } }, { secretRef: { name: one('Secret').metadata.name } }]);

    // The kustomization applies everything except the secret example and the once-per-release Job.
    expect([...kustomization.resources].sort()).toEqual(FILES.filter((f) => !['secret.example.yaml', 'migrate-job.yaml'].includes(f)));
  });

  it('configure a valid server from the ConfigMap and the Secret’s keys, with placeholders only in the example', () => {
    const secret = one('Secret');
    for (const value of Object.values(secret.stringData as Record<string, string>)) expect(value).toMatch(/CHANGE-ME|example/);
    const config = loadConfig({ ...one('ConfigMap').data, ...secret.stringData });
    expect(config).toMatchObject({ mode: 'production', migrateOnStart: false, runJobs: true, trustProxy: 1, evidence: { storage: 's3' } });
    // Feed links name the host the Ingress serves.
    expect(config.publicBaseUrl).toBe(`https://${one('Ingress').spec.rules[0].host}`);
  });
});
