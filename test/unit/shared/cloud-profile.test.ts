import { describe, expect, it } from 'vitest';
import { dataverseOrigin, hostMatches, PUBLIC_CLOUD, realCloud, REAL_CLOUDS, scopeForUrl } from '../../../src/shared/cloud-profile';

const cloud = (id: string) => {
  const found = realCloud(id);
  if (!found) throw new Error(`no cloud ${id}`);
  return found;
};

describe('cloud profiles', () => {
  it('has public, GCC, GCC High, DoD and China, and reads the old "usgov" as GCC High', () => {
    expect(REAL_CLOUDS.map((c) => c.id)).toEqual(['public', 'gcc', 'gcchigh', 'dod', 'china']);
    expect(realCloud('usgov')?.id).toBe('gcchigh');
    expect(realCloud('mars')).toBeUndefined();
  });

  it('pairs GCC with the commercial sign-in and ARM and the GCC Power Platform hosts', () => {
    const gcc = cloud('gcc');
    expect(gcc.endpoints).toMatchObject({
      authorityHost: 'https://login.microsoftonline.com',
      arm: 'https://management.azure.com',
      bap: 'https://gov.api.bap.microsoft.us',
      powerApps: 'https://gov.api.powerapps.us',
      flow: 'https://gov.api.flow.microsoft.us',
      powerBi: 'https://api.powerbigov.us',
    });
    expect(gcc.scopes.powerApps).toBe('https://gov.service.powerapps.us/.default');
    expect(gcc.partnerLinkApi).toBe('documented');
  });

  it('gives GCC High, DoD and China their own sign-in, ARM and Power Platform hosts, with the partner-link API unknown there', () => {
    expect(cloud('gcchigh').endpoints).toMatchObject({ authorityHost: 'https://login.microsoftonline.us', arm: 'https://management.usgovcloudapi.net', bap: 'https://high.api.bap.microsoft.us' });
    expect(cloud('dod').endpoints).toMatchObject({ authorityHost: 'https://login.microsoftonline.us', bap: 'https://api.bap.appsplatform.us', powerBi: 'https://api.mil.powerbigov.us' });
    expect(cloud('china').scopes.powerBi).toBe('https://analysis.chinacloudapi.cn/powerbi/api/.default');
    for (const id of ['gcchigh', 'dod', 'china']) expect(cloud(id).partnerLinkApi).toBe('unknown');
  });

  it('picks the token scope by host, ARM for ARM\'s host and the Power Apps audience for BAP', () => {
    expect(scopeForUrl(PUBLIC_CLOUD, 'https://management.azure.com/providers/Microsoft.PowerApps/apps?$skiptoken=x')).toBe('https://management.azure.com/.default');
    expect(scopeForUrl(PUBLIC_CLOUD, 'https://api.bap.microsoft.com/providers/x')).toBe('https://service.powerapps.com/.default');
    expect(scopeForUrl(PUBLIC_CLOUD, 'https://contoso.crm4.dynamics.com/api/data/v9.2/systemusers')).toBe('https://contoso.crm4.dynamics.com/.default');
    expect(scopeForUrl(PUBLIC_CLOUD, 'https://evil.example.com/providers/x')).toBeNull();
    expect(scopeForUrl(PUBLIC_CLOUD, 'https://contoso.crm9.dynamics.com/')).toBeNull();
    expect(scopeForUrl(cloud('gcc'), 'https://contoso.crm9.dynamics.com/')).toBe('https://contoso.crm9.dynamics.com/.default');
  });

  it('accepts a Dataverse instance only on the cloud\'s hosts, over https, one label deep', () => {
    expect(dataverseOrigin(PUBLIC_CLOUD, 'https://org.crm.dynamics.com/')).toBe('https://org.crm.dynamics.com');
    expect(dataverseOrigin(PUBLIC_CLOUD, 'http://org.crm.dynamics.com/')).toBeNull();
    expect(dataverseOrigin(PUBLIC_CLOUD, 'https://a.b.crm.dynamics.com/')).toBeNull();
    expect(dataverseOrigin(PUBLIC_CLOUD, 'https://crm.dynamics.com.evil.example/')).toBeNull();
    expect(dataverseOrigin(PUBLIC_CLOUD, 'not a url')).toBeNull();
    expect(hostMatches('127.0.0.1:4443', ['127.0.0.1:4443'])).toBe(true);
    expect(hostMatches('127.0.0.1:4444', ['127.0.0.1:4443'])).toBe(false);
  });
});
