import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppServices } from '../../../src/main/app-services';
import { startCloud, type CloudStart } from '../../../src/main/cloud-config';
import { silentLogger } from '../../../src/main/logger';
import { KeytarSecretStore } from '../../../src/main/secrets/keytar-secret-store';
import { PUBLIC_CLOUD } from '../../../src/shared/cloud-profile';
import { runCli } from '../support/cli-runner';

const TENANT = '7c0a9d1e-2b3f-4c5d-8e9f-0a1b2c3d4e5f';

/** The services as an entry point starts them: on the cloud `startCloud` chose, with a browser that only records the page it is sent to. */
async function start(userDataDir: string, service: string, chosen: CloudStart, opened: string[] = []) {
  const services = await createAppServices({
    userDataDir,
    cloud: chosen.cloud,
    cloudSource: chosen.source,
    host: 'cli',
    version: 'test',
    log: silentLogger,
    emit: () => undefined,
    secrets: new KeytarSecretStore(service),
    openBrowser: async (url) => {
      opened.push(url);
      // The person closes the page: nothing is sent to Microsoft's sign-in, which is not reachable from here anyway.
      setImmediate(() => services.auth.cancelInteractive());
    },
  });
  return services;
}

const fresh = () => ({ userDataDir: mkdtempSync(path.join(tmpdir(), 'pal-cloud-choice-')), service: `PAL Desk test ${randomUUID()}` });

describe('the cloud chosen in Settings', () => {
  it('applies at the next start, not before, and --cloud or PAL_DESK_CLOUD win over it', async () => {
    const { userDataDir, service } = fresh();
    const first = await start(userDataDir, service, startCloud({ userDataDir, allowSim: false }));
    expect((await first.handlers['settings:about']()).cloud).toMatchObject({ id: 'public', source: 'default' });
    expect(await first.handlers['settings:set-cloud']({ cloudId: 'gcc' })).toMatchObject({ cloudId: 'gcc' });
    expect((await first.handlers['settings:about']()).cloud.id).toBe('public');
    await first.close();

    const next = startCloud({ userDataDir, allowSim: false });
    expect(next).toMatchObject({ cloud: { id: 'gcc', label: 'US Government (GCC)' }, source: 'settings' });
    const second = await start(userDataDir, service, next);
    expect((await second.handlers['settings:about']()).cloud).toMatchObject({ id: 'gcc', source: 'settings' });
    expect((await second.handlers['settings:get']()).cloudId).toBe('gcc');
    await second.close();

    expect(startCloud({ userDataDir, allowSim: false, cloudId: 'china' })).toMatchObject({ cloud: { id: 'china' }, source: 'command-line' });
    const inUse = async (args: string[], env: Record<string, string> = {}) =>
      ((JSON.parse((await runCli({ userDataDir, service }, [...args, 'clouds', '--json'], { env: { PAL_DESK_CLOUD: '', ...env } })).stdout) as { id: string; inUse: boolean }[]).find((c) => c.inUse))?.id;
    expect(await inUse([])).toBe('gcc');
    expect(await inUse(['--cloud', 'dod'])).toBe('dod');
    expect(await inUse([], { PAL_DESK_CLOUD: 'usgov' })).toBe('gcchigh');
  });

  it('offers every national cloud but not the simulated one outside the simulated cloud, and refuses a cloud it does not offer', async () => {
    const { userDataDir, service } = fresh();
    const services = await start(userDataDir, service, { cloud: PUBLIC_CLOUD, source: 'default' });
    const about = await services.handlers['settings:about']();
    expect(about.cloud.choices.map((c) => c.id)).toEqual(['public', 'gcc', 'gcchigh', 'dod', 'china']);
    expect(about.cloud.choices.find((c) => c.id === 'dod')?.partnerLinkApi).toBe('unknown');
    await expect(services.handlers['settings:set-cloud']({ cloudId: 'sim' })).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringContaining('choose one of public, gcc, gcchigh, dod, china') });
    expect(await services.handlers['settings:set-cloud']({ cloudId: 'China' })).toMatchObject({ cloudId: 'china' });
    expect(await services.handlers['settings:set-cloud']({ cloudId: null })).toMatchObject({ cloudId: null });
    await services.close();
    expect(startCloud({ userDataDir, allowSim: false })).toMatchObject({ cloud: { id: 'public' }, source: 'default' });
  });

  it('signs in to GCC with the commercial authority and asks for an ARM token of management.azure.com; GCC High with its own', async () => {
    for (const [cloudId, login, arm] of [
      ['gcc', 'login.microsoftonline.com', 'management.azure.com'],
      ['gcchigh', 'login.microsoftonline.us', 'management.usgovcloudapi.net'],
    ] as const) {
      const { userDataDir, service } = fresh();
      const setup = await start(userDataDir, service, startCloud({ userDataDir, allowSim: false }));
      await setup.handlers['settings:set-cloud']({ cloudId });
      await setup.close();
      const opened: string[] = [];
      const services = await start(userDataDir, service, startCloud({ userDataDir, allowSim: false }), opened);
      await expect(services.auth.signInInteractive(TENANT, 'Contoso')).rejects.toMatchObject({ code: 'sign-in-cancelled' });
      await services.close();
      const page = new URL(opened[0] ?? 'about:blank');
      expect(`${page.origin}${page.pathname}`).toBe(`https://${login}/${TENANT}/oauth2/v2.0/authorize`);
      expect(page.searchParams.get('scope')?.split(' ')).toContain(`https://${arm}/.default`);
    }
  });
});
