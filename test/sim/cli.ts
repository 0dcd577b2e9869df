/** `npm run sim -- --scenario demo --port 0`: runs the simulated cloud and prints one JSON line with its profile and CA path. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startSim, type Scenario } from './index';

const { values } = parseArgs({ options: { scenario: { type: 'string', default: 'demo' }, port: { type: 'string', default: '0' }, out: { type: 'string' } } });
const scenario: Scenario | 'demo' =
  values.scenario === 'demo' ? 'demo' : (JSON.parse(readFileSync(values.scenario as string, 'utf8')) as Scenario);
const sim = await startSim({ scenario, port: Number(values.port) });
const dir = values.out ?? mkdtempSync(path.join(tmpdir(), 'pal-sim-'));
const caCertPath = path.join(dir, 'sim-ca.pem');
writeFileSync(caCertPath, sim.caCertPem);
const { caCertPem: _omit, ...profile } = sim.profile;
const line = JSON.stringify({ profile, caCertPath });
writeFileSync(path.join(dir, 'sim-profile.json'), line);
process.stdout.write(`${line}\n`);
const stop = () => void sim.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
