// The Helm chart, checked offline for every part of the suite: helm lint, helm template, every rendered object
// validated against the Kubernetes schema (kubernetes-models), and what a deployer relies on asserted from the
// rendered objects. A new service in the list below is covered by every check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { helm, kubectl, chartDir } from './tools.mjs';
import { ConfigMap, Service } from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { Job } from 'kubernetes-models/batch/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1';

const domainServices = ['organization', 'grid', 'volunteer', 'workflow'];
const services = [...domainServices, 'gateway', 'web'];

// The schema of every kind the chart may render; a kind not listed here fails the test until it is added.
const models = {
  'v1/ConfigMap': ConfigMap,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'batch/v1/Job': Job,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'networking.k8s.io/v1/Ingress': Ingress,
};

function render(service, ...sets) {
  const args = ['template', service, chartDir, '--namespace', 'platform', '--set', `service=${service}`];
  for (const set of sets) args.push('--set', set);
  return parseAllDocuments(helm(...args)).map((d) => d.toJSON()).filter(Boolean);
}

function validate(object) {
  const Model = models[`${object.apiVersion}/${object.kind}`];
  assert.ok(Model, `${object.apiVersion} ${object.kind} has no schema in the test's list`);
  new Model(object).validate();
}

const one = (objects, kind) => {
  const found = objects.filter((o) => o.kind === kind);
  assert.equal(found.length, 1, `one ${kind}`);
  return found[0];
};

const envOf = (container) => Object.fromEntries((container.env ?? []).map((e) => [e.name, e.value ?? e.valueFrom]));

test('helm lint passes for every service', () => {
  for (const service of services) {
    const out = helm('lint', chartDir, '--strict', '--set', `service=${service}`);
    assert.match(out, /1 chart\(s\) linted, 0 chart\(s\) failed/, service);
  }
});

for (const service of services) {
  test(`${service}: every rendered object is valid Kubernetes, and the release holds what a deployer relies on`, () => {
    const objects = render(service);
    for (const object of objects) validate(object);

    const deployment = one(objects, 'Deployment');
    const pod = deployment.spec.template;
    const [container] = pod.spec.containers;
    assert.equal(container.image, `registry.example.com/platform/${service}:0.1.0`);
    // The autoscaler owns the replica count.
    assert.equal(deployment.spec.replicas, undefined);
    const hpa = one(objects, 'HorizontalPodAutoscaler');
    assert.deepEqual(hpa.spec.scaleTargetRef, { apiVersion: 'apps/v1', kind: 'Deployment', name: service });
    assert.ok(hpa.spec.minReplicas >= 2, 'at least two replicas');
    // Probes: alive for the kubelet's restarts, health (database, broker) for traffic.
    assert.equal(container.livenessProbe.httpGet.path, '/alive');
    assert.equal(container.readinessProbe.httpGet.path, '/health');
    assert.equal(container.startupProbe.httpGet.path, '/alive');
    assert.ok(container.resources.requests.cpu && container.resources.limits.memory, 'requests and limits');
    assert.equal(pod.spec.securityContext.runAsNonRoot, true);
    assert.equal(pod.spec.securityContext.runAsUser, 1654);
    assert.equal(container.securityContext.readOnlyRootFilesystem, true);

    // The Service, the disruption budget and the autoscaler all find the pods.
    const labels = pod.metadata.labels;
    const selects = (selector) => Object.entries(selector).every(([k, v]) => labels[k] === v);
    assert.ok(selects(one(objects, 'Service').spec.selector), 'the Service selects the pods');
    assert.ok(selects(one(objects, 'PodDisruptionBudget').spec.selector.matchLabels), 'the budget selects the pods');
    assert.ok(selects(deployment.spec.selector.matchLabels), 'the Deployment selects its pods');

    // Settings from the ConfigMap, secrets only by reference.
    const settings = one(objects, 'ConfigMap');
    assert.deepEqual(container.envFrom, [{ configMapRef: { name: settings.metadata.name } }]);
    assert.equal(settings.data.Platform__Auth__Issuer, 'https://platform.example.gov.cn/');
    const env = envOf(container);
    for (const [name, value] of Object.entries(env)) {
      if (/Key$|^ConnectionStrings__/.test(name)) {
        assert.ok(value?.secretKeyRef, `${name} comes from a Secret, never from the chart`);
        assert.ok(['platform-keys', 'platform-connections'].includes(value.secretKeyRef.name), name);
      }
    }
    assert.deepEqual(env.Platform__Auth__ValidationKey, { secretKeyRef: { name: 'platform-keys', key: 'token-validation-key' } });
    // Only the Organization service holds the private key; the validators get its public half from the same Secret.
    assert.equal('Platform__Auth__SigningKey' in env, service === 'organization');

    const job = objects.find((o) => o.kind === 'Job');
    if (domainServices.includes(service)) {
      assert.deepEqual(env[`ConnectionStrings__${service}db`], { secretKeyRef: { name: 'platform-connections', key: `${service}db` } });
      assert.ok(env.ConnectionStrings__rabbitmq && env.ConnectionStrings__redis, 'broker and cache');
      assert.equal(settings.data.Platform__Messaging__QueueType, 'quorum');
      // Migrations run once per release, in a Job before the pods; a pod only checks the schema.
      assert.equal(env.Platform__Database__Migrations, 'Skip');
      assert.ok(job, 'a migration Job');
      assert.match(job.metadata.annotations['helm.sh/hook'], /pre-install/);
      assert.match(job.metadata.annotations['helm.sh/hook'], /pre-upgrade/);
      const jobEnv = envOf(job.spec.template.spec.containers[0]);
      assert.equal(jobEnv.Platform__Database__Migrations, 'Only');
      assert.equal(job.spec.template.spec.containers[0].image, container.image);
      // A pre-install hook runs before the ConfigMap exists: the Job carries the same settings itself.
      for (const [name, value] of Object.entries(settings.data)) assert.equal(jobEnv[name], value, `the Job's ${name}`);
      assert.deepEqual(jobEnv[`ConnectionStrings__${service}db`], env[`ConnectionStrings__${service}db`]);
    } else {
      assert.equal(job, undefined, 'no migrations outside the domain services');
      assert.equal(`ConnectionStrings__${service}db` in env, false);
    }

    const ingress = objects.find((o) => o.kind === 'Ingress');
    if (service === 'gateway') {
      assert.equal(ingress.spec.rules[0].http.paths[0].backend.service.name, 'gateway');
      for (const target of ['organization', 'grid', 'volunteer', 'workflow', 'web']) {
        assert.equal(settings.data[`services__${target}__http__0`], `http://${target}`, `the gateway's route to ${target}`);
      }
    } else {
      assert.equal(ingress, undefined, 'only the gateway is exposed');
    }
  });
}

test('settings a deployer changes reach the rendered objects', () => {
  const objects = render('grid', 'autoscaling.enabled=false', 'replicas=3', 'messaging.nodes=rabbit-0:5672\\,rabbit-1:5672',
    'database.readReplica=true', 'image.tag=1.2.3', 'otlpEndpoint=http://collector:4317');
  for (const object of objects) validate(object);
  const deployment = one(objects, 'Deployment');
  assert.equal(deployment.spec.replicas, 3);
  assert.equal(objects.find((o) => o.kind === 'HorizontalPodAutoscaler'), undefined);
  const settings = one(objects, 'ConfigMap').data;
  assert.equal(settings.Platform__Messaging__Nodes, 'rabbit-0:5672,rabbit-1:5672');
  assert.equal(settings.OTEL_EXPORTER_OTLP_ENDPOINT, 'http://collector:4317');
  const env = envOf(deployment.spec.template.spec.containers[0]);
  assert.deepEqual(env['ConnectionStrings__griddb-read'], { secretKeyRef: { name: 'platform-connections', key: 'griddb-read' } });
  assert.match(deployment.spec.template.spec.containers[0].image, /:1\.2\.3$/);
});

test('values the chart cannot deploy are refused with the setting named', () => {
  assert.throws(() => render('billing'), (e) => /service/.test(String(e.stderr)));
  assert.throws(() => render('grid', 'replicas=two'), (e) => /replicas/.test(String(e.stderr)));
  assert.throws(() => render('grid', 'messaging.queueType=mirrored'), (e) => /queueType/.test(String(e.stderr)));
  assert.throws(() => render('grid', 'issuer=platform.example.gov.cn'), (e) => /issuer/.test(String(e.stderr)));
});

test('the schema check rejects a broken object (it is not a check that cannot fail)', () => {
  const deployment = one(render('grid', 'autoscaling.enabled=false'), 'Deployment');
  deployment.spec.replicas = '2';
  assert.throws(() => validate(deployment), /replicas must be integer/);
  const service = one(render('grid'), 'Service');
  service.spec.ports[0].port = 'http';
  assert.throws(() => validate(service), /port/);
});

test('helm and kubectl never reach a cluster: the kubeconfig is explicit and points nowhere', () => {
  const version = kubectl('version', '--client', '-o', 'json');
  assert.match(JSON.parse(version).clientVersion.gitVersion, /^v1\.35\./);
  // A call that needs a server fails at the closed port rather than reaching localhost:8080 (the gateway).
  assert.throws(() => kubectl('get', 'pods', '--request-timeout=3s'), (e) => /127\.0\.0\.1:9/.test(String(e.stderr)));
});
