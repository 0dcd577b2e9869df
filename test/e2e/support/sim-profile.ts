/** Starts the simulated cloud in the test process and writes the profile file the browser host reads. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSim } from '../../sim';

export type RunningSim = Awaited<ReturnType<typeof startSim>>;

export async function startSimWithProfileFile(scenario: Parameters<typeof startSim>[0]['scenario']) {
  const sim = await startSim({ scenario, port: 0 });
  const dir = mkdtempSync(path.join(tmpdir(), 'pal-e2e-'));
  writeFileSync(path.join(dir, 'sim-ca.pem'), sim.caCertPem);
  const { caCertPem: _ca, ...profile } = sim.profile;
  const profileFile = path.join(dir, 'sim-profile.json');
  writeFileSync(profileFile, JSON.stringify({ profile, caCertPath: 'sim-ca.pem' }));
  return { sim, dir, profileFile };
}
