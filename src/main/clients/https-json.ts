/** GET JSON over https with an optional bearer token, trusting only the simulated cloud's CA when one is given. */
import https from 'node:https';
import { AppFailure } from '../../shared/result';

export interface JsonResponse<T> {
  status: number;
  body: T;
}

export function getJson<T>(url: string, options: { token?: string; caCertPem?: string; timeoutMs?: number } = {}): Promise<JsonResponse<T>> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const req = https.get(url, { headers, ...(options.caCertPem ? { ca: options.caCertPem } : {}), timeout: options.timeoutMs ?? 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') as T });
        } catch {
          reject(new AppFailure('service-unavailable', `Unexpected answer from ${new URL(url).host}. Try again later.`));
        }
      });
    });
    req.on('timeout', () => req.destroy(new AppFailure('timeout', `${new URL(url).host} did not answer in time. Try again.`)));
    req.on('error', (error) =>
      reject(error instanceof AppFailure ? error : new AppFailure('offline', `${new URL(url).host} cannot be reached. Check your connection and try again.`)),
    );
  });
}
