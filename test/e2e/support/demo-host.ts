/** The usual e2e set-up: one simulated cloud (demo scenario) per spec file and, per test, a browser host on a fresh data folder. */
import { test } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { startHostProcess, type HostProcess } from './host-process';
import { startSimWithProfileFile, type RunningSim } from './sim-profile';

export interface DemoEnv {
  sim: RunningSim;
  /** The running browser host of the test. */
  host: HostProcess;
  /** Its data folder. */
  userDataDir: string;
  /** A new empty data folder. */
  newDataFolder(): string;
  /** Starts the test's browser host on a data folder (a new one by default); the previous one must be stopped first. */
  startHost(userDataDir?: string): Promise<HostProcess>;
}

/** Registers the hooks; with `hostPerTest: false` each test starts its own host with `startHost`. */
export function useDemoHost(options: { hostPerTest?: boolean } = {}): DemoEnv {
  let profileFile = '';
  let workDir = '';
  let current: HostProcess | null = null;
  const env = {
    newDataFolder: () => mkdtempSync(path.join(workDir, 'user-data-')),
    startHost: async (userDataDir?: string) => {
      env.userDataDir = userDataDir ?? env.newDataFolder();
      current = env.host = await startHostProcess({ simProfileFile: profileFile, userDataDir: env.userDataDir });
      return env.host;
    },
  } as DemoEnv;
  test.beforeAll(async () => {
    ({ sim: env.sim, profileFile, dir: workDir } = await startSimWithProfileFile('demo'));
  });
  test.afterAll(async () => {
    await env.sim.close();
  });
  if (options.hostPerTest !== false) test.beforeEach(async () => void (await env.startHost()));
  test.afterEach(async () => {
    await current?.stop();
    current = null;
  });
  return env;
}
