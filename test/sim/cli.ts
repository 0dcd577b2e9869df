/** `npm run sim -- --scenario demo --port 0`: runs the simulated cloud and prints one JSON line with its profile and CA path. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CONTROL_PATH, startSim, type Scenario } from './index';
import { writeSimProfileFile } from './profile-file';

const { values } = parseArgs({ options: { scenario: { type: 'string', default: 'demo' }, port: { type: 'string', default: '0' }, out: { type: 'string' } } });
const scenario: Scenario | 'demo' =
  values.scenario === 'demo' ? 'demo' : (JSON.parse(readFileSync(values.scenario as string, 'utf8')) as Scenario);
const sim = await startSim({ scenario, port: Number(values.port) });
const { profileFile } = writeSimProfileFile(sim, values.out ?? mkdtempSync(path.join(tmpdir(), 'pal-sim-')));
const { caCertPem: _omit, ...profile } = sim.profile;
const controlUrl = `${profile.endpoints.arm}${CONTROL_PATH}`;
process.stdout.write(`${JSON.stringify({ profile, caCertPath: path.join(path.dirname(profileFile), 'sim-ca.pem'), profileFile, controlUrl })}\n`);
const stop = () => void sim.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
