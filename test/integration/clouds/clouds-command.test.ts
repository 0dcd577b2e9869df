import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-runner';

/** What `pal-desk clouds --json` prints for one cloud. */
interface Listing {
  id: string;
  label: string;
  endpoints: Record<string, string>;
  scopes: Record<string, string>;
  dataverseHosts: string[];
  partnerLinkApi: 'documented' | 'unknown';
  inUse: boolean;
}

const target = () => ({ userDataDir: mkdtempSync(path.join(tmpdir(), 'pal-clouds-')), service: 'PAL Desk clouds test (unused)' });

/** The hosts of issue 18's table (microsoft/terraform-provider-power-platform constants, powerbi-docs national clouds), written out here, not read from the app. */
const EXPECTED = {
  gcc: { login: 'login.microsoftonline.com', arm: 'management.azure.com', bap: 'gov.api.bap.microsoft.us', powerApps: 'gov.api.powerapps.us', flow: 'gov.api.flow.microsoft.us', powerBi: 'api.powerbigov.us', audience: 'gov.service.powerapps.us', powerBiAudience: 'analysis.usgovcloudapi.net/powerbi/api', dataverse: '*.crm9.dynamics.com' },
  gcchigh: { login: 'login.microsoftonline.us', arm: 'management.usgovcloudapi.net', bap: 'high.api.bap.microsoft.us', powerApps: 'high.api.powerapps.us', flow: 'high.api.flow.microsoft.us', powerBi: 'api.high.powerbigov.us', audience: 'high.service.powerapps.us', powerBiAudience: 'high.analysis.usgovcloudapi.net/powerbi/api', dataverse: '*.crm.microsoftdynamics.us' },
  dod: { login: 'login.microsoftonline.us', arm: 'management.usgovcloudapi.net', bap: 'api.bap.appsplatform.us', powerApps: 'api.apps.appsplatform.us', flow: 'api.flow.appsplatform.us', powerBi: 'api.mil.powerbigov.us', audience: 'service.apps.appsplatform.us', powerBiAudience: 'mil.analysis.usgovcloudapi.net/powerbi/api', dataverse: '*.crm.appsplatform.us' },
  china: { login: 'login.chinacloudapi.cn', arm: 'management.chinacloudapi.cn', bap: 'api.bap.partner.microsoftonline.cn', powerApps: 'api.powerapps.cn', flow: 'api.powerautomate.cn', powerBi: 'api.powerbi.cn', audience: 'service.powerapps.cn', powerBiAudience: 'analysis.chinacloudapi.cn/powerbi/api', dataverse: '*.crm.dynamics.cn' },
};

describe('pal-desk clouds', () => {
  it('lists GCC with the commercial sign-in and ARM and the US Government Power Platform hosts, and GCC High, DoD and China with their own', async () => {
    const run = await runCli(target(), ['clouds', '--json']);
    expect(run.code).toBe(0);
    const clouds = JSON.parse(run.stdout) as Listing[];
    expect(clouds.map((c) => c.id)).toEqual(['public', 'gcc', 'gcchigh', 'dod', 'china']);
    for (const [id, e] of Object.entries(EXPECTED)) {
      const cloud = clouds.find((c) => c.id === id);
      expect(cloud?.endpoints, id).toMatchObject({
        authorityHost: `https://${e.login}`,
        arm: `https://${e.arm}`,
        bap: `https://${e.bap}`,
        powerApps: `https://${e.powerApps}`,
        flow: `https://${e.flow}`,
        powerBi: `https://${e.powerBi}`,
      });
      expect(cloud?.scopes, id).toMatchObject({
        arm: `https://${e.arm}/.default`,
        powerApps: `https://${e.audience}/.default`,
        powerBi: `https://${e.powerBiAudience}/.default`,
      });
      expect(cloud?.dataverseHosts, id).toEqual([e.dataverse]);
    }
  });

  it('says the partner-link API is documented in the commercial cloud and GCC, and unknown in GCC High, DoD and China, in JSON and in words', async () => {
    const json = JSON.parse((await runCli(target(), ['clouds', '--json'])).stdout) as Listing[];
    expect(Object.fromEntries(json.map((c) => [c.id, c.partnerLinkApi]))).toEqual({ public: 'documented', gcc: 'documented', gcchigh: 'unknown', dod: 'unknown', china: 'unknown' });
    const text = (await runCli(target(), ['clouds'])).stdout;
    for (const label of ['US Government (GCC High)', 'US Government (DoD)', 'China (operated by 21Vianet)']) {
      expect(text).toContain(`Microsoft does not document the Partner Admin Link API in ${label}; PAL Desk tries it and reports what Azure answers.`);
    }
    expect(text).not.toContain('Microsoft does not document the Partner Admin Link API in US Government (GCC);');
  });

  it('prints a readable table per cloud: each API with its endpoint and token scope, then its Dataverse hosts, and marks the cloud in use', async () => {
    const text = (await runCli(target(), ['clouds'], { env: { PAL_DESK_CLOUD: 'gcchigh' } })).stdout;
    const gccHigh = text.split('\n\n').find((block) => block.startsWith('US Government (GCC High)')) ?? '';
    expect(gccHigh.split('\n')[0]).toBe('US Government (GCC High) (--cloud gcchigh) — in use');
    expect(gccHigh).toMatch(/^API +ENDPOINT +TOKEN SCOPE$/m);
    expect(gccHigh).toMatch(/^Power Apps +https:\/\/high\.api\.powerapps\.us +https:\/\/high\.service\.powerapps\.us\/\.default$/m);
    expect(gccHigh).toContain('Dataverse hosts: *.crm.microsoftdynamics.us');
    expect(text).not.toMatch(/Commercial \(global\).*in use/);
  });
});
