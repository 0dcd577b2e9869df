/** msal-node network module on node:https that trusts exactly the simulated cloud's CA when given one (never weaker TLS for a real cloud). */
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import https from 'node:https';

function send<T>(method: 'GET' | 'POST', url: string, ca: string | undefined, options?: NetworkRequestOptions, timeoutMs = 30_000): Promise<NetworkResponse<T>> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method, headers: options?.headers, ...(ca ? { ca } : {}), timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = text ? JSON.parse(text) : {};
        } catch {
          body = { error: 'invalid_response', error_description: text.slice(0, 200) };
        }
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers[k.toLowerCase()] = v;
        resolve({ status: res.statusCode ?? 0, headers, body: body as T });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end(options?.body);
  });
}

export function createNetworkClient(caCertPem?: string): INetworkModule {
  return {
    sendGetRequestAsync: <T>(url: string, options?: NetworkRequestOptions, timeout?: number) => send<T>('GET', url, caCertPem, options, timeout),
    sendPostRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => send<T>('POST', url, caCertPem, options),
  };
}
