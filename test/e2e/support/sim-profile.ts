/** Starts the simulated cloud in the test process and writes the profile file the browser host reads. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSim } from '../../sim';
import { writeSimProfileFile } from '../../sim/profile-file';

export type RunningSim = Awaited<ReturnType<typeof startSim>>;

export async function startSimWithProfileFile(scenario: Parameters<typeof startSim>[0]['scenario']) {
  const sim = await startSim({ scenario, port: 0 });
  const dir = mkdtempSync(path.join(tmpdir(), 'pal-e2e-'));
  return { sim, dir, profileFile: writeSimProfileFile(sim, dir).profileFile };
}
