import { AuthError } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import { authFailure } from '../../../src/main/auth/auth-errors';
import { TOKEN_TIMEOUT, TokenServiceBusyError } from '../../../src/main/auth/network-client';
import { observeReachability } from '../../../src/main/auth/observed-network';
import { Connectivity } from '../../../src/main/http/connectivity';
import { createElectronMsalNetwork } from '../../../src/main/shell/electron-msal-network';
import { electronNetwork } from '../../../src/main/shell/electron-network';
import { fakeNet, hanging, type Answer } from './fake-net';

const authority = 'https://login.microsoftonline.com/contoso.onmicrosoft.com';
const ctx = { tenant: 'Contoso', clientId: '00000000-0000-0000-0000-000000000001', adminConsentUrl: 'https://login.microsoftonline.com/x/adminconsent', service: 'Azure' };

const rejection = async (call: Promise<unknown>) => {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error('the request did not fail');
};

describe('msal-node\'s network module on Electron\'s net', () => {
  it('answers a GET with the status, the headers and the parsed JSON body msal expects', async () => {
    const { net, calls } = fakeNet(() =>
      Promise.resolve(new Response('{"token_endpoint":"https://login.microsoftonline.com/x/oauth2/v2.0/token"}', { status: 200, headers: { 'Content-Type': 'application/json', 'X-Ms-Request-Id': 'r-1' } })),
    );
    const answer = await createElectronMsalNetwork(net).sendGetRequestAsync<{ token_endpoint: string }>(`${authority}/v2.0/.well-known/openid-configuration`, { headers: { 'client-request-id': 'c-1' } });
    expect(answer).toEqual({ status: 200, headers: { 'content-type': 'application/json', 'x-ms-request-id': 'r-1' }, body: { token_endpoint: 'https://login.microsoftonline.com/x/oauth2/v2.0/token' } });
    expect(calls[0]?.init).toMatchObject({ method: 'GET', headers: { 'client-request-id': 'c-1' }, redirect: 'error', credentials: 'omit', cache: 'no-store' });
  });

  it('posts the token request\'s form body and headers, and gives back a refused sign-in as msal reads it', async () => {
    const { net, calls } = fakeNet(() => Promise.resolve(new Response('{"error":"invalid_grant","error_codes":[70008]}', { status: 400, headers: { 'content-type': 'application/json' } })));
    const form = 'grant_type=refresh_token&client_id=abc&refresh_token=secret';
    const answer = await createElectronMsalNetwork(net).sendPostRequestAsync(`${authority}/oauth2/v2.0/token`, { body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(answer).toEqual({ status: 400, headers: { 'content-type': 'application/json' }, body: { error: 'invalid_grant', error_codes: [70008] } });
    expect(calls[0]?.init).toMatchObject({ method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'error' });
  });

  it('reports a busy token service (429 with Retry-After) as busy until the time it named', async () => {
    const { net } = fakeNet(() => Promise.resolve(new Response('{}', { status: 429, headers: { 'retry-after': '30' } })));
    const error = await rejection(createElectronMsalNetwork(net).sendPostRequestAsync(`${authority}/oauth2/v2.0/token`, { body: 'x' }));
    expect(error).toBeInstanceOf(TokenServiceBusyError);
    expect((error as TokenServiceBusyError).retryAt!.getTime() - Date.now()).toBeGreaterThan(25_000);
    expect(authFailure(error, ctx).code).toBe('throttled');
  });

  it('gives up on a token request that outlasts its time, reported as a timeout', async () => {
    const { net, calls } = fakeNet(hanging);
    const error = await rejection(createElectronMsalNetwork(net, 20).sendPostRequestAsync(`${authority}/oauth2/v2.0/token`, { body: 'x' }));
    expect((error as AuthError).errorCode).toBe(TOKEN_TIMEOUT);
    expect(calls[0]?.init.signal?.aborted).toBe(true);
    expect(authFailure(error, ctx).code).toBe('timeout');
  });

  it('tells a failed proxy or a lost network as offline, naming what to check', async () => {
    const proxy = await rejection(createElectronMsalNetwork(fakeNet(() => Promise.reject(new Error('net::ERR_PROXY_CONNECTION_FAILED'))).net).sendPostRequestAsync(`${authority}/oauth2/v2.0/token`, { body: 'x' }));
    expect((proxy as AuthError).errorMessage).toMatch(/proxy in the computer's network settings.*net::ERR_PROXY_CONNECTION_FAILED/);
    expect(authFailure(proxy, ctx)).toMatchObject({ code: 'offline', message: expect.stringMatching(/^The sign-in service for Contoso cannot be reached\. Check the proxy in the computer's network settings/) });
    const offline = await rejection(createElectronMsalNetwork(fakeNet(() => Promise.reject(new TypeError('fetch failed', { cause: new Error('net::ERR_INTERNET_DISCONNECTED') }))).net).sendGetRequestAsync(authority));
    expect(authFailure(offline, ctx).code).toBe('offline');
    const inspected = await rejection(createElectronMsalNetwork(fakeNet(() => Promise.reject(new Error('net::ERR_CERT_AUTHORITY_INVALID'))).net).sendGetRequestAsync(authority));
    const redirected = await rejection(createElectronMsalNetwork(fakeNet(() => Promise.reject(new Error("Attempted to redirect, but redirect policy was 'error'"))).net).sendGetRequestAsync(authority));
    expect(authFailure(redirected, ctx)).toMatchObject({ code: 'service-unavailable', message: expect.stringMatching(/sign in to the network/) });
    expect(authFailure(inspected, ctx)).toMatchObject({ code: 'service-unavailable', message: expect.stringMatching(/operating system's certificate store/) });
  });
});

describe('sign-in reachability on Electron\'s net', () => {
  it('turns the app offline, naming the sign-in host, when the proxy fails, and online again at the next answer (a busy one too)', async () => {
    let answer: Answer = () => Promise.reject(new Error('net::ERR_PROXY_CONNECTION_FAILED'));
    const connectivity = new Connectivity();
    const network = observeReachability(createElectronMsalNetwork(fakeNet((url, init) => answer(url, init)).net), connectivity);
    await rejection(network.sendPostRequestAsync(`${authority}/oauth2/v2.0/token`, { body: 'x' }));
    expect(connectivity.state()).toMatchObject({ online: false, host: 'login.microsoftonline.com' });
    answer = () => Promise.resolve(new Response('{}', { status: 503 }));
    await rejection(network.sendPostRequestAsync(`${authority}/oauth2/v2.0/token`, { body: 'x' }));
    expect(connectivity.state().online).toBe(true);
  });
});

describe('the desktop app\'s network', () => {
  it('is Electron\'s for a real cloud, and Node\'s (none given) for the simulated cloud whose CA the OS does not hold', () => {
    const { net } = fakeNet(hanging);
    const real = electronNetwork(net, { caCertPem: undefined });
    expect(real?.httpClient.sendRequest).toBeTypeOf('function');
    expect(real?.msalNetwork({}).sendPostRequestAsync).toBeTypeOf('function');
    expect(electronNetwork(net, { caCertPem: '-----BEGIN CERTIFICATE-----' })).toBeUndefined();
  });
});
