// The Kubernetes manifests against the API's schemas (kubernetes-models: the OpenAPI schemas of Kubernetes as
// validators), plus what a Tuneboard deployment relies on. Running them is npm run test:deploy.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ConfigMap, Service } from 'kubernetes-models/v1';
import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { Ingress, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { readManifests, type K8sObject } from './play.ts';

const k8s = path.resolve(import.meta.dirname, '../k8s');
const models: Record<string, new (data: never) => { validate(): void }> = {
  ConfigMap,
  Service,
  Deployment,
  StatefulSet,
  Ingress,
  NetworkPolicy,
  PodDisruptionBudget,
};
const folders = ['base', 'overlays/trial', 'overlays/production'];
const files = folders.flatMap((folder) =>
  readdirSync(path.join(k8s, folder))
    .filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml')
    .map((file) => path.join(k8s, folder, file)),
);
const objects = readManifests(...files);
const byName = (kind: string, name: string) =>
  objects.find((o) => o.kind === kind && o.metadata.name === name) as K8sObject;

describe('deploy/k8s', () => {
  it.each(files.map((file) => [path.relative(k8s, file)]))(
    '%s: every object is valid against its Kubernetes schema',
    (file) => {
      for (const object of readManifests(path.join(k8s, file))) {
        const Model = models[object.kind];
        expect(Model, `${object.kind} has a validator`).toBeDefined();
        expect(
          () => new Model!(object as never).validate(),
          `${object.kind} ${object.metadata.name}`,
        ).not.toThrow();
      }
    },
  );

  it('refuses what Kubernetes would refuse (the check bites)', () => {
    const api = structuredClone(byName('Deployment', 'tuneboard-api'));
    api.spec.replicas = 'two';
    expect(() => new Deployment(api as never).validate()).toThrow();
    const noImage = structuredClone(byName('Deployment', 'tuneboard-web'));
    delete noImage.spec.template.spec.containers[0].name;
    expect(() => new Deployment(noImage as never).validate()).toThrow();
  });

  it('lists in each kustomization only files that exist, and every manifest in one', () => {
    const listed = new Set<string>();
    for (const folder of folders) {
      const kustomization = parse(readFileSync(path.join(k8s, folder, 'kustomization.yaml'), 'utf8')) as {
        resources: string[];
      };
      for (const resource of kustomization.resources) {
        const target = path.join(k8s, folder, resource);
        expect(existsSync(target), `${folder}: ${resource}`).toBe(true);
        listed.add(target);
      }
    }
    for (const file of files) expect(listed.has(file), path.relative(k8s, file)).toBe(true);
  });

  it('runs two API replicas with probes on /healthz and /readyz, a disruption budget and resources', () => {
    const api = byName('Deployment', 'tuneboard-api');
    expect(api.spec.replicas).toBe(2);
    const container = api.spec.template.spec.containers[0];
    expect(container.livenessProbe.httpGet.path).toBe('/healthz');
    expect(container.readinessProbe.httpGet.path).toBe('/readyz');
    expect(container.resources.requests).toBeDefined();
    expect(byName('PodDisruptionBudget', 'tuneboard-api').spec.minAvailable).toBe(1);
    // The metrics port is not behind the Service (nor the Ingress).
    expect(byName('Service', 'tuneboard-api').spec.ports.map((port: K8sObject) => port.port)).toEqual([4000]);
  });

  it('gives the GPU runner one GPU, on GPU nodes only', () => {
    const gpu = byName('Deployment', 'tuneboard-runner-gpu').spec.template.spec;
    expect(gpu.containers[0].resources.limits['nvidia.com/gpu']).toBe(1);
    expect(gpu.nodeSelector).toBeDefined();
    expect(gpu.tolerations.some((t: K8sObject) => t.key === 'nvidia.com/gpu')).toBe(true);
  });

  it('routes /graphql (WebSocket included) to the API and / to the dashboard', () => {
    const paths = byName('Ingress', 'tuneboard').spec.rules[0].http.paths as K8sObject[];
    expect(paths.map((p) => [p.path, p.backend.service.name])).toEqual([
      ['/graphql', 'tuneboard-api'],
      ['/', 'tuneboard-web'],
    ]);
  });

  it('lets runners reach only the API (and DNS), and only the API reach Postgres', () => {
    const runner = byName('NetworkPolicy', 'tuneboard-runner').spec;
    expect(runner.policyTypes).toContain('Egress');
    expect(runner.egress[0].to).toEqual([
      { podSelector: { matchLabels: { 'app.kubernetes.io/name': 'tuneboard-api' } } },
    ]);
    expect(runner.egress[1].ports.every((port: K8sObject) => port.port === 53)).toBe(true);
    const postgres = byName('NetworkPolicy', 'tuneboard-postgres').spec;
    expect(postgres.ingress).toEqual([
      {
        from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'tuneboard-api' } } }],
        ports: [{ port: 5432, protocol: 'TCP' }],
      },
    ]);
    // Every runner Deployment carries the label the policy selects.
    for (const name of ['tuneboard-runner', 'tuneboard-runner-gpu']) {
      expect(byName('Deployment', name).spec.template.metadata.labels['tuneboard.dev/runner']).toBe('true');
    }
  });

  it('runs every container as a non-root user', () => {
    for (const workload of objects.filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet')) {
      expect(workload.spec.template.spec.securityContext.runAsNonRoot, workload.metadata.name).toBe(true);
      expect(typeof workload.spec.template.spec.securityContext.runAsUser, workload.metadata.name).toBe(
        'number',
      );
    }
  });
});

describe('deploy/grafana/tuneboard.json', () => {
  it('charts only series that the API and the runner export', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const sources = [
      ...readdirSync(path.join(root, 'apps/api/src/ops')).map((file) =>
        path.join(root, 'apps/api/src/ops', file),
      ),
      path.join(root, 'apps/runner/src/agent/metrics.ts'),
    ]
      .filter((file) => !file.endsWith('.test.ts'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const dashboard = JSON.parse(
      readFileSync(path.resolve(import.meta.dirname, '../grafana/tuneboard.json'), 'utf8'),
    ) as {
      panels: { targets: { expr: string }[] }[];
    };
    const names = new Set(
      dashboard.panels.flatMap((panel) =>
        panel.targets.flatMap((target) => target.expr.match(/tuneboard_[a-z_]+/g) ?? []),
      ),
    );
    expect(names.size).toBeGreaterThan(10);
    for (const name of names)
      expect(sources, name).toContain(`'${name.replace(/_(bucket|count|sum)$/, '')}'`);
  });
});

describe('deploy/compose', () => {
  const folder = path.resolve(import.meta.dirname, '../compose');
  const text = readFileSync(path.join(folder, 'compose.yaml'), 'utf8');
  // Outside the comments: the file's own header explains the syntax with examples.
  const uses = [
    ...text
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('#'))
      .join('\n')
      .matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g),
  ].map(([, name, operator, rest]) => ({ name: name!, operator, rest: rest ?? '' }));
  const example = new Set(
    readFileSync(path.join(folder, 'env.example'), 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => line.slice(0, line.indexOf('='))),
  );

  it('gives every ${VAR:-default} a non-empty default (podman-compose 1.0 leaves ${VAR:-} as text)', () => {
    expect(uses.length).toBeGreaterThan(10);
    for (const use of uses.filter((use) => use.operator !== undefined))
      expect(use.rest, `\${${use.name}${use.operator}}`).not.toBe('');
  });

  it('has every variable without a default in env.example, so that `cp env.example .env` is complete', () => {
    for (const use of uses.filter((use) => use.operator === undefined || use.operator.endsWith('?')))
      expect(example, use.name).toContain(use.name);
  });

  it('publishes every host port from a variable with a default, and metrics on the loopback interface only', () => {
    const compose = parse(text) as { services: Record<string, { ports?: string[] }> };
    const published = Object.values(compose.services).flatMap((service) => service.ports ?? []);
    expect(published.length).toBe(3);
    for (const port of published)
      expect(port).toMatch(
        /^\$\{[A-Z_]+:-[0-9.]+\}:\$\{TUNEBOARD_[A-Z]+_HOST_PORT:-\d+\}:\d+$|^127\.0\.0\.1:\$\{TUNEBOARD_METRICS_HOST_PORT:-9464\}:9464$/,
      );
    for (const name of ['TUNEBOARD_WEB_HOST_PORT', 'TUNEBOARD_API_HOST_PORT', 'TUNEBOARD_METRICS_HOST_PORT'])
      expect(example, name).toContain(name);
  });
});
