/** Chooses the cloud profile at start-up: a real national cloud by id, or the simulated cloud from the file `npm run sim` writes. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { REAL_CLOUDS, type CloudProfile } from '../shared/cloud-profile';
import { AppFailure } from '../shared/result';

const simFileSchema = z.object({
  profile: z.object({
    id: z.literal('sim'),
    label: z.string(),
    endpoints: z.object({
      authorityHost: z.url(),
      arm: z.url(),
      bap: z.url(),
      powerApps: z.url(),
      flow: z.url(),
      powerBi: z.url(),
    }),
    scopes: z.object({ arm: z.string(), powerApps: z.string(), flow: z.string(), powerBi: z.string() }),
    knownAuthorities: z.array(z.string()),
  }),
  caCertPath: z.string(),
});

export interface CloudChoice {
  /** 'public' (default), 'usgov', 'china' or 'sim'. */
  cloudId?: string;
  /** For 'sim': the JSON file written by the simulated cloud's CLI. */
  simProfilePath?: string;
  /** The simulated cloud is refused in packaged builds. */
  allowSim: boolean;
}

export function loadCloudProfile(choice: CloudChoice): CloudProfile {
  const id = choice.cloudId ?? 'public';
  if (id !== 'sim') {
    const cloud = REAL_CLOUDS.find((c) => c.id === id);
    if (!cloud) throw new AppFailure('invalid-input', `Unknown cloud "${id}". Use public, usgov, china or sim.`);
    return cloud;
  }
  if (!choice.allowSim) throw new AppFailure('invalid-input', 'The simulated cloud is only available in development builds.');
  if (!choice.simProfilePath) {
    throw new AppFailure('invalid-input', 'The simulated cloud needs its profile file: start it with `npm run sim` and pass the file it writes.');
  }
  return readSimProfile(choice.simProfilePath);
}

/** Reads a simulated-cloud profile file and the CA certificate it points to (relative paths resolve next to the file). */
export function readSimProfile(file: string): CloudProfile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new AppFailure('invalid-input', `Cannot read the simulated cloud profile at ${file}. Start the simulated cloud again.`);
  }
  const parsed = simFileSchema.safeParse(raw);
  if (!parsed.success) throw new AppFailure('invalid-input', `${file} is not a simulated cloud profile.`);
  const caCertPem = readFileSync(path.resolve(path.dirname(file), parsed.data.caCertPath), 'utf8');
  return { ...parsed.data.profile, caCertPem };
}
