/** Requests per second the simulated cloud serves on loopback (keep-alive HTTPS, parallel clients, bounded in time). */
import https from 'node:https';
import type { RunningSim } from '../sim';

export async function measureSimThroughput(sim: RunningSim, options: { seconds: number; parallel: number }): Promise<{ rps: number; requests: number; errors: number }> {
  const agent = new https.Agent({ keepAlive: true, maxSockets: options.parallel, ca: sim.caCertPem });
  const url = `${sim.profile.endpoints.authorityHost}/${sim.scenario.tenants[0]?.tenantId}/v2.0/.well-known/openid-configuration`;
  const deadline = performance.now() + options.seconds * 1000;
  let requests = 0;
  let errors = 0;
  const one = () =>
    new Promise<void>((resolve) => {
      https
        .get(url, { agent }, (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode === 200) requests += 1;
            else errors += 1;
            resolve();
          });
        })
        .on('error', () => {
          errors += 1;
          resolve();
        });
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.parallel }, async () => {
      while (performance.now() < deadline) await one();
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return { rps: requests / elapsed, requests, errors };
}
