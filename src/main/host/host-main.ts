/** Browser host entry (Node): the main-process services behind a loopback page, on the simulated cloud only. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppFailure } from '../../shared/result';
import { readSavedCloudId, readSimProfile } from '../cloud-config';
import { createFirstScreen } from '../first-screen/first-screen-page';
import { createLogger } from '../logger';
import { packageVersion, startAppServices } from '../startup';
import { startWebHost } from './web-host';

const projectDir = path.resolve(import.meta.dirname, '../../..');

const { values } = parseArgs({
  options: {
    'sim-profile': { type: 'string' },
    'user-data': { type: 'string' },
    renderer: { type: 'string', default: path.join(projectDir, '.vite/renderer/main_window') },
    port: { type: 'string', default: '0' },
  },
});

const log = createLogger();
const simProfile = values['sim-profile'];
const userDataDir = values['user-data'];
if (!simProfile || !userDataDir) {
  console.error('Usage: host-main --sim-profile FILE --user-data DIR [--port N] [--renderer DIR]\nThe browser host runs on the simulated cloud only.');
  process.exit(2);
}

const cloud = readSimProfile(simProfile);
// The browser host runs on the simulated cloud only: a cloud saved in Settings applies to the app and the CLI, and Settings says so.
const saved = readSavedCloudId(userDataDir);
if (saved && saved !== 'sim') log.info('host.saved-cloud-not-used', { saved });
const firstScreen = createFirstScreen(log);
const host = await startWebHost({ rendererDir: values.renderer, port: Number(values.port), log, firstScreen });
const services = await startAppServices({
  userDataDir,
  cloud,
  cloudSource: 'browser-host',
  host: 'browser-host',
  version: packageVersion(path.join(projectDir, 'package.json')),
  log,
  emit: host.emit,
  queueRetryMs: Number(process.env.PAL_DESK_QUEUE_RETRY_MS ?? 30_000),
  busyTimeoutMs: process.env.PAL_DESK_BUSY_TIMEOUT_MS ? Number(process.env.PAL_DESK_BUSY_TIMEOUT_MS) : undefined,
  interactiveTimeoutMs: Number(process.env.PAL_DESK_SIGN_IN_TIMEOUT_MS ?? 300_000),
  openBrowser: async (url) => host.openInPage(url),
}).catch(async (error: unknown) => {
  // The inventory busy or damaged at start (or any failure a person can act on): say it, not a stack trace.
  if (!(error instanceof AppFailure)) throw error;
  console.error(error.message);
  await host.close();
  process.exit(1);
});
host.setHandlers(services.handlers);
firstScreen.warm(services.handlers);
process.stdout.write(`${JSON.stringify({ url: host.url, origin: host.origin })}\n`);

const shutdown = async () => {
  await host.close();
  await services.close();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
