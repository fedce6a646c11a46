// Turns a release's rendered manifests (helm template) into what `podman kube play` runs on one machine, for the
// rehearsal (./platform rehearse):
//   - the Deployment and its ConfigMap as rendered, pods on the host network (the servers listen on loopback);
//   - the migration Job's pod template as a Pod that runs once (podman runs no Jobs; the chart's hook runs it first);
//   - what podman does not run (Service, HorizontalPodAutoscaler, PodDisruptionBudget, Ingress) left out, and named.
// Usage: node podman.mjs RENDERED.yaml OUT_DIR
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';

const [rendered, outDir] = process.argv.slice(2);
if (!rendered || !outDir) {
  console.error('usage: node podman.mjs RENDERED.yaml OUT_DIR');
  process.exit(2);
}

const objects = parseAllDocuments(readFileSync(rendered, 'utf8')).map((d) => d.toJSON()).filter(Boolean);
const deployment = objects.find((o) => o.kind === 'Deployment');
if (!deployment) throw new Error(`${rendered} has no Deployment`);
const name = deployment.metadata.name;

// On the host network a container's ports are the host's own: no port mappings (podman refuses them there). Probes
// are left out too: podman runs them through systemd timers, and there is no systemd here; the rehearsal polls
// /health itself.
const direct = (container) => {
  const { ports: _ports, livenessProbe: _live, readinessProbe: _ready, startupProbe: _start, ...rest } = container;
  return rest;
};
const onHostNetwork = (podSpec) => ({ ...podSpec, hostNetwork: true, containers: podSpec.containers.map(direct) });
const kept = [];
const left = [];
for (const object of objects) {
  switch (object.kind) {
    case 'ConfigMap':
      kept.push(object);
      break;
    case 'Deployment':
      kept.push({ ...object, spec: { ...object.spec, template: { ...object.spec.template, spec: onHostNetwork(object.spec.template.spec) } } });
      break;
    case 'Job': {
      const template = object.spec.template;
      const pod = {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: object.metadata.name, labels: template.metadata.labels },
        spec: { ...onHostNetwork(template.spec), restartPolicy: 'Never' },
      };
      writeFileSync(join(outDir, `${name}-migrations.yaml`), stringify(pod));
      break;
    }
    default:
      left.push(object.kind);
  }
}

writeFileSync(join(outDir, `${name}.yaml`), kept.map((o) => stringify(o)).join('---\n'));
console.log(`${name}: ${kept.map((o) => o.kind).join(', ')}${objects.some((o) => o.kind === 'Job') ? ', migrations Pod' : ''}; left to a real cluster: ${left.join(', ') || 'nothing'}`);
