/** `npm run demo`: the app on the simulated cloud — in Electron when its binary is installed, else in the browser host. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import path from 'node:path';
import { startSim } from '../test/sim';
import { writeSimProfileFile } from '../test/sim/profile-file';
import { keychainReachable } from './keychain-probe';

const projectDir = path.resolve(import.meta.dirname, '..');
const forceWeb = process.argv.includes('--web');

/** This demo again inside scripts/with-keyring.sh (a private D-Bus session, an unlocked gnome-keyring, a temporary XDG_DATA_HOME). */
function rerunWithThrowawayKeyring(): Promise<number> {
  // Its own process group (stdin unused), so one signal reaches the D-Bus session, the keyring, the demo and its host.
  const child = spawn('bash', ['scripts/with-keyring.sh', process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    cwd: projectDir,
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  const forward = (signal: NodeJS.Signals) => {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 0)));
}

if (!process.env.PAL_KEYRING_READY && !(await keychainReachable())) {
  const installed = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
  if (!installed('dbus-run-session') || !installed('gnome-keyring-daemon')) {
    console.error('No OS keychain is reachable here (no D-Bus session / secret service), so every sign-in would fail, and');
    console.error('gnome-keyring or dbus-run-session is missing for a throwaway one. Run `npm run setup` first (elsewhere than');
    console.error('Debian/Ubuntu, install gnome-keyring and dbus), then `npm run demo` again.');
    process.exit(1);
  }
  console.log('No OS keychain is reachable here (no D-Bus session / secret service), so the demo uses a private throwaway');
  console.log('keyring that is deleted when the demo stops, together with the demo\'s data; real tenants always use your OS keychain.');
  process.exit(await rerunWithThrowawayKeyring());
}

const dataDir = path.join(process.env.XDG_DATA_HOME ?? path.join(homedir(), '.local/share'), 'pal-desk-demo');
mkdirSync(dataDir, { recursive: true });

/** The installed Electron binary, read from the package's path.txt (requiring 'electron' would try to download it). */
function electronBinary(): string | null {
  const pkgDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const sim = await startSim({ scenario: 'demo', port: 0 });
const { profileFile } = writeSimProfileFile(sim, dataDir);
console.log(`Simulated cloud running (demo scenario); its profile is in ${profileFile}.`);

const stopAll = async (code: number) => {
  await sim.close();
  process.exit(code);
};

if (!forceWeb && electronBinary()) {
  const app = spawn('npx', ['electron-forge', 'start'], {
    cwd: projectDir,
    stdio: 'inherit',
    env: { ...process.env, PAL_DESK_CLOUD: 'sim', PAL_DESK_SIM_PROFILE: profileFile },
  });
  app.on('exit', (code) => void stopAll(code ?? 0));
} else {
  if (!forceWeb) {
    console.log('Electron\'s binary is not installed here (it downloads on first `npm start` on a networked machine),');
    console.log('so the demo runs in the browser host: the same main-process services, the page served on 127.0.0.1.');
  }
  const build = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: projectDir, stdio: 'inherit' });
  if (build.status !== 0) await stopAll(1);
  const host = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/main/host/host-main.ts', '--sim-profile', profileFile, '--user-data', path.join(dataDir, 'user-data')],
    { cwd: projectDir, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  host.stdout.once('data', (chunk: Buffer) => {
    const { url } = JSON.parse(chunk.toString().split('\n')[0] ?? '{}') as { url: string };
    console.log(`\nPAL Desk is ready. Open this address in Chromium or Chrome (it carries this run's key):\n\n  ${url}\n\nPress Ctrl+C to stop.`);
  });
  host.on('exit', (code) => void stopAll(code ?? 0));
  process.on('SIGINT', () => host.kill('SIGTERM'));
  process.on('SIGTERM', () => host.kill('SIGTERM'));
}
