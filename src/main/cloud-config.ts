/** Chooses the cloud profile at start-up: a real national cloud by id, or the simulated cloud from the file `npm run sim` writes. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { REAL_CLOUDS, realCloud, type CloudProfile } from '../shared/cloud-profile';
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
      powerPlatformApi: z.url(),
    }),
    scopes: z.object({ arm: z.string(), powerApps: z.string(), flow: z.string(), powerBi: z.string(), powerPlatformApi: z.string() }),
    dataverseHosts: z.array(z.string()),
    partnerLinkApi: z.enum(['documented', 'unknown']),
    knownAuthorities: z.array(z.string()),
  }),
  caCertPath: z.string(),
});

/** The cloud ids a person may type, for messages and help. */
export const CLOUD_IDS = `${REAL_CLOUDS.map((c) => c.id).join(', ')} or sim`;

export interface CloudChoice {
  /** 'public' (default), 'gcc', 'gcchigh', 'dod', 'china' or 'sim' ('usgov' is read as 'gcchigh'). */
  cloudId?: string;
  /** For 'sim': the JSON file written by the simulated cloud's CLI. */
  simProfilePath?: string;
  /** The simulated cloud is refused in packaged builds. */
  allowSim: boolean;
}

export function loadCloudProfile(choice: CloudChoice): CloudProfile {
  const id = choice.cloudId ?? 'public';
  if (id !== 'sim') {
    const cloud = realCloud(id);
    if (!cloud) throw new AppFailure('invalid-input', `Unknown cloud "${id}". Use ${CLOUD_IDS}.`);
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
