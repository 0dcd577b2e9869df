/** Runs the simulated cloud in its own process (as the real cloud is), controlled over its loopback control endpoint. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { CloudProfile } from '../../src/shared/cloud-profile';
import type { Faults, Scenario } from '../sim';

export interface SimProcess {
  profile: CloudProfile;
  caCertPem: string;
  scenario: Scenario;
  setFaults(faults: Faults): Promise<void>;
  stats(): Promise<{ requests: number; throttled: number }>;
  close(): Promise<void>;
}

export async function startSimProcess(scenario: Scenario): Promise<SimProcess> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pal-sim-proc-'));
  const scenarioFile = path.join(dir, 'scenario.json');
  writeFileSync(scenarioFile, JSON.stringify(scenario));
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/sim/cli.ts', '--scenario', scenarioFile, '--port', '0', '--out', dir], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
  const started = JSON.parse(line) as { profile: Omit<CloudProfile, 'caCertPem'>; caCertPath: string; controlUrl: string };
  const caCertPem = readFileSync(started.caCertPath, 'utf8');
  const call = (method: string, url: string, body?: string) =>
    new Promise<string>((resolve, reject) => {
      const req = https.request(url, { method, ca: caCertPem, headers: { 'content-type': 'application/json' } }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve(text));
      });
      req.on('error', reject);
      req.end(body);
    });
  return {
    profile: { ...started.profile, caCertPem },
    caCertPem,
    scenario,
    setFaults: async (faults) => void (await call('POST', `${started.controlUrl}/faults`, JSON.stringify(faults))),
    stats: async () => JSON.parse(await call('GET', `${started.controlUrl}/stats`)) as { requests: number; throttled: number },
    close: async () => {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
