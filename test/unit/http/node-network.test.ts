import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeNetwork, explainNetworkFailure, redactProxy } from '../../../src/main/http/node-network';

const saved = { ...process.env };
const setProxyEnv = (vars: Record<string, string>) => {
  for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy', 'NO_PROXY', 'no_proxy']) delete process.env[name];
  Object.assign(process.env, vars);
};
afterEach(() => {
  process.env = { ...saved };
});

const PEM = (label: string) => `-----BEGIN CERTIFICATE-----\n${label}\n-----END CERTIFICATE-----\n`;

describe("Node's network", () => {
  it('sends each host through HTTPS_PROXY unless NO_PROXY lists it (host, suffix or host:port), one agent per proxy', () => {
    setProxyEnv({ HTTPS_PROXY: 'http://user:secret@proxy.example:8080', NO_PROXY: 'internal.example,.corp.example,127.0.0.1:4443' });
    const network = createNodeNetwork();
    expect(network.proxyFor('https://login.microsoftonline.com/x')).toBe('http://proxy.example:8080');
    expect(network.proxyFor('https://internal.example/x')).toBeNull();
    expect(network.proxyFor('https://dv.corp.example/x')).toBeNull();
    expect(network.proxyFor('https://127.0.0.1:4443/x')).toBeNull();
    expect(network.proxyFor('https://127.0.0.1:4444/x')).toBe('http://proxy.example:8080');
    expect(network.agentFor('https://management.azure.com/')).toBe(network.agentFor('https://api.bap.microsoft.com/'));
    expect(network.agentFor('https://internal.example/')).not.toBe(network.agentFor('https://api.bap.microsoft.com/'));
  });

  it('goes direct without a proxy variable', () => {
    setProxyEnv({});
    expect(createNodeNetwork().proxyFor('https://login.microsoftonline.com/')).toBeNull();
  });

  it("adds the CA file to Node's own roots, never replacing them; the simulated cloud trusts its own CA", () => {
    setProxyEnv({});
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pal-ca-')), 'gateway.pem');
    writeFileSync(file, PEM('gateway'));
    const ca = (createNodeNetwork({ caFile: file }).agentFor('https://login.microsoftonline.com/').options as { ca?: string[] }).ca ?? [];
    expect(ca).toEqual([...tls.getCACertificates('default'), PEM('gateway')]);
    const simCa = (createNodeNetwork({ cloudCaPem: PEM('sim'), caFile: file }).agentFor('https://127.0.0.1:1/').options as { ca?: string[] }).ca;
    expect(simCa).toEqual([PEM('sim'), PEM('gateway')]);
    expect((createNodeNetwork().agentFor('https://login.microsoftonline.com/').options as { ca?: string[] }).ca).toBeUndefined();
  });

  it('names a CA file that is missing or holds no certificate', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pal-ca-')), 'not-a-ca.txt');
    writeFileSync(file, 'hello');
    expect(() => createNodeNetwork({ caFile: file })).toThrow(/The CA file .*not-a-ca\.txt \(--ca-file or PAL_DESK_CA_FILE\) cannot be read as PEM certificates/);
    expect(() => createNodeNetwork({ caFile: `${file}.missing` })).toThrow(/cannot be read/);
  });

  it("never shows a proxy's user or password", () => {
    expect(redactProxy('http://consultant:pr0xy-s3cret@proxy.example:8080/')).toBe('http://proxy.example:8080');
  });

  it('tells an intercepted connection, a proxy asking for credentials and an unreachable proxy apart from other failures', () => {
    const code = (c: string) => Object.assign(new Error(c), { code: c });
    expect(explainNetworkFailure(code('SELF_SIGNED_CERT_IN_CHAIN'), 'login.microsoftonline.com', null)?.message).toMatch(/^The connection to login\.microsoftonline\.com is intercepted by a certificate PAL Desk does not trust .* --ca-file/);
    expect(explainNetworkFailure(null, 'management.azure.com', 'http://proxy.example:8080', 407)?.message).toMatch(/^The proxy http:\/\/proxy\.example:8080 asks PAL Desk to sign in \(HTTP 407\)/);
    expect(explainNetworkFailure(code('ECONNREFUSED'), 'management.azure.com', 'http://proxy.example:8080')).toMatchObject({ code: 'offline' });
    expect(explainNetworkFailure(code('ECONNREFUSED'), 'management.azure.com', null)).toBeNull();
    expect(explainNetworkFailure(code('ETIMEDOUT'), 'management.azure.com', 'http://proxy.example:8080')).toBeNull();
  });
});
