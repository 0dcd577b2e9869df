import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-runner';

const target = () => ({ userDataDir: mkdtempSync(path.join(tmpdir(), 'pal-hosts-')), service: 'PAL Desk hosts test (unused)' });

describe('pal-desk clouds --hosts', () => {
  it("lists the hosts a customer's proxy or firewall must let through for the cloud in use, each with what it is for", async () => {
    const run = await runCli(target(), ['--cloud', 'public', 'clouds', '--hosts']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    // The commercial cloud's hosts, written out here (Microsoft's endpoints), not read from the app.
    for (const host of ['login.microsoftonline.com', 'management.azure.com', 'api.bap.microsoft.com', 'api.powerapps.com', 'api.flow.microsoft.com', 'api.powerbi.com', 'api.powerplatform.com', '*.crm.dynamics.com', '*.crm4.dynamics.com']) {
      expect(run.stdout).toMatch(new RegExp(`^${host.replace(/[.*]/g, '\\$&')}\\s+\\S`, 'm'));
    }
    expect(run.stdout).toContain('over HTTPS (port 443)');
  });

  it('gives a national cloud its own hosts, as JSON for scripts', async () => {
    const run = await runCli(target(), ['--cloud', 'gcchigh', '--json', 'clouds', '--hosts']);
    const hosts = (JSON.parse(run.stdout) as { host: string; usedFor: string }[]).map((h) => h.host);
    expect(hosts).toEqual(expect.arrayContaining(['login.microsoftonline.us', 'management.usgovcloudapi.net', 'high.api.bap.microsoft.us', '*.crm.microsoftdynamics.us']));
    expect(hosts).not.toContain('login.microsoftonline.com');
  });
});
