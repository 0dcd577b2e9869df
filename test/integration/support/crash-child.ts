/** Child process for crash tests: runs the real services and reports every committed step on stdout until it is killed. */
import { createAppServices } from '../../../src/main/app-services';
import { loadCloudProfile } from '../../../src/main/cloud-config';
import { silentLogger } from '../../../src/main/logger';
import { KeytarSecretStore } from '../../../src/main/secrets/keytar-secret-store';

const [userDataDir = '', service = '', profileFile = '', mode = ''] = process.argv.slice(2);
const say = (line: string) => process.stdout.write(`${line}\n`);

const services = await createAppServices({
  userDataDir,
  cloud: loadCloudProfile({ cloudId: 'sim', simProfilePath: profileFile, allowSim: true }),
  host: 'browser-host',
  version: 'crash-test',
  log: silentLogger,
  emit: (event, payload) => {
    if (event === 'job:progress' && 'status' in payload && payload.status !== 'running') say(`${payload.status} ${payload.tenantId}`);
    if (event === 'tenants:changed' && mode === 'replay') say('progress');
  },
  secrets: new KeytarSecretStore(service),
  openBrowser: async () => {
    throw new Error('no browser in a crash test');
  },
});

if (mode === 'sync') {
  await services.sync.sync().done;
} else if (mode === 'enqueue') {
  for (const tenant of services.tenants.list()) say(`queued ${services.inventory.queue.enqueue({ tenantId: tenant.tenantId, identityId: null, kind: 'link', partnerId: '1234567', confirmReplaceOf: null })}`);
} else if (mode === 'link-all') {
  await (await services.sync.linkAll()).done;
} else if (mode === 'replay') {
  const settled = await services.replayer.drain();
  say(`settled ${settled}`);
}
say('finished');
await services.close();
