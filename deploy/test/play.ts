// Turns the Kubernetes manifests of deploy/k8s into what `podman kube play` (4.3+) runs: a Pod per replica of a
// Deployment or StatefulSet, with secret and config-map references resolved into plain values and the service
// names given as network aliases. Everything else the manifests say (probes, resources, security contexts,
// ports) is played as written; Services, Ingress, NetworkPolicies and PDBs have no Podman equivalent.
import { readFileSync } from 'node:fs';
import { parseAllDocuments, stringify } from 'yaml';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kubernetes objects, read as the YAML says them
export type K8sObject = Record<string, any>;

export function readManifests(...files: string[]): K8sObject[] {
  return files
    .flatMap((file) => parseAllDocuments(readFileSync(file, 'utf8')).map((doc) => doc.toJS() as K8sObject))
    .filter(Boolean);
}

export interface PlayOptions {
  /** Values of secretKeyRef / configMapKeyRef: `name/key` → value. */
  values: Record<string, string>;
  /** Images by the manifests' name → the image to run. */
  images?: Record<string, string>;
  /** Host ports to publish: `pod-name/containerPort` → host port. */
  hostPorts?: Record<string, number>;
  /** Extra environment by container name. */
  env?: Record<string, Record<string, string>>;
}

/** The `index`-th replica of a Deployment or StatefulSet as a Pod named `name`. */
export function podOf(workload: K8sObject, name: string, options: PlayOptions): K8sObject {
  const template = structuredClone(workload.spec.template) as K8sObject;
  const spec = template.spec as K8sObject;
  const claims = new Set<string>(
    (workload.spec.volumeClaimTemplates ?? []).map((claim: K8sObject) => claim.metadata.name as string),
  );
  // A claim template's volume: a fresh anonymous volume per play (the test starts from an empty database).
  spec.volumes = [...(spec.volumes ?? []), ...[...claims].map((claim) => ({ name: claim, emptyDir: {} }))];
  for (const container of spec.containers as K8sObject[]) {
    if (options.images?.[container.image]) container.image = options.images[container.image];
    const env: K8sObject[] = [];
    for (const from of container.envFrom ?? []) {
      const map = from.configMapRef?.name as string | undefined;
      for (const [ref, value] of Object.entries(options.values))
        if (map && ref.startsWith(`${map}/`)) env.push({ name: ref.slice(map.length + 1), value });
    }
    delete container.envFrom;
    for (const variable of container.env ?? []) {
      const ref = variable.valueFrom?.secretKeyRef ?? variable.valueFrom?.configMapKeyRef;
      if (ref) {
        const value = options.values[`${ref.name}/${ref.key}`];
        if (value === undefined && !ref.optional)
          throw new Error(`${workload.metadata.name}: no value for ${ref.name}/${ref.key}`);
        if (value !== undefined) env.push({ name: variable.name, value });
      } else if (variable.valueFrom?.fieldRef?.fieldPath === 'metadata.name')
        env.push({ name: variable.name, value: name });
      else env.push(variable);
    }
    for (const [key, value] of Object.entries(options.env?.[container.name] ?? {})) {
      const at = env.findIndex((variable) => variable.name === key);
      if (at >= 0) env.splice(at, 1);
      env.push({ name: key, value });
    }
    container.env = env;
    // Named probe ports are resolved by Kubernetes; Podman wants the number.
    for (const probe of [container.readinessProbe, container.livenessProbe, container.startupProbe]) {
      const port = probe?.httpGet?.port;
      if (typeof port === 'string')
        probe.httpGet.port = (container.ports as K8sObject[]).find((p) => p.name === port)?.containerPort;
    }
    // Podman publishes every containerPort on the host (Kubernetes does not): keep only the ones asked for.
    container.ports = ((container.ports ?? []) as K8sObject[])
      .filter((port) => options.hostPorts?.[`${name}/${port.containerPort}`])
      .map((port) => ({ ...port, hostPort: options.hostPorts![`${name}/${port.containerPort}`] }));
  }
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: template.metadata?.labels ?? {} }, spec };
}

export function toYaml(pods: K8sObject[]): string {
  return pods.map((pod) => stringify(pod)).join('---\n');
}

export function workload(objects: K8sObject[], kind: string, name: string): K8sObject {
  const found = objects.find((object) => object.kind === kind && object.metadata?.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in the manifests`);
  return found;
}
