/** Chooses the cloud profile at start-up: `--cloud`/PAL_DESK_CLOUD, else the one saved in Settings, else the commercial cloud; or the simulated cloud from the file `npm run sim` writes. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import { REAL_CLOUDS, realCloud, type CloudProfile } from '../shared/cloud-profile';
import type { CloudSource } from '../shared/about-types';
import { AppFailure } from '../shared/result';
import { INVENTORY_FILE } from './inventory/inventory';
import { CLOUD_SETTING } from './settings/settings-service';

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

export interface CloudStart {
  cloud: CloudProfile;
  /** Where the choice came from: the command line or PAL_DESK_CLOUD (they win), Settings, or the default. */
  source: CloudSource;
}

/**
 * The cloud to start on: one given on the command line or in PAL_DESK_CLOUD wins; else the one saved in Settings (read from the
 * data folder's inventory before anything else opens it); else the commercial cloud.
 */
export function startCloud(choice: CloudChoice & { userDataDir: string }): CloudStart {
  if (choice.cloudId) return { cloud: loadCloudProfile(choice), source: 'command-line' };
  const saved = readSavedCloudId(choice.userDataDir);
  if (!saved) return { cloud: loadCloudProfile(choice), source: 'default' };
  try {
    return { cloud: loadCloudProfile({ ...choice, cloudId: saved }), source: 'settings' };
  } catch (error) {
    const why = error instanceof AppFailure ? error.message : String(error);
    throw new AppFailure('invalid-input', `The cloud chosen in Settings ("${saved}") cannot be used: ${why} Start with --cloud public (or PAL_DESK_CLOUD) and choose another cloud in Settings.`);
  }
}

/** The cloud id saved in Settings, or null (no inventory yet, none saved, or a file that cannot be read: it is recovered later). */
export function readSavedCloudId(userDataDir: string): string | null {
  const file = path.join(userDataDir, INVENTORY_FILE);
  if (!existsSync(file)) return null;
  let db: DatabaseSync | undefined;
  try {
    db = new DatabaseSync(file, { readOnly: true });
    const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(CLOUD_SETTING) as { value: string } | undefined;
    const value = row ? (JSON.parse(row.value) as unknown) : null;
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  } finally {
    db?.close();
  }
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
