/** Writes the files a separate process needs to use a running simulated cloud: its CA and its cloud profile. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RunningSim } from './index';

/** Returns the profile file (JSON with `profile` and `caCertPath`, relative to the file), as `loadCloudProfile` reads it. */
export function writeSimProfileFile(sim: RunningSim, dir: string): { profileFile: string } {
  writeFileSync(path.join(dir, 'sim-ca.pem'), sim.caCertPem);
  const { caCertPem: _omit, ...profile } = sim.profile;
  const profileFile = path.join(dir, 'sim-profile.json');
  writeFileSync(profileFile, JSON.stringify({ profile, caCertPath: 'sim-ca.pem' }));
  return { profileFile };
}
