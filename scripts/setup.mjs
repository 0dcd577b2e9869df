/** `npm run setup` on a bare machine (any Node >= 18, no node_modules yet): the OS packages the project needs, then `npm ci`. */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectDir = fileURLToPath(new URL('..', import.meta.url));
// keytar builds from source (libsecret headers, python3, make, g++); tests use the real keychain and Debian's Chromium.
const aptPackages = ['chromium', 'libsecret-1-dev', 'gnome-keyring', 'dbus-x11', 'python3', 'make', 'g++'];
const usage = `usage: npm run setup [-- --no-install]

Installs the system packages PAL Desk needs (apt-get on Debian/Ubuntu, through sudo when not root;
nothing on macOS and Windows), then runs npm ci without downloading Electron or Playwright browsers.
  --no-install   system packages only, no npm ci`;

const log = (line) => console.log(`[setup] ${line}`);
const fail = (lines, code = 1) => {
  for (const line of lines) console.error(`[setup] ${line}`);
  process.exit(code);
};

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(usage);
  process.exit(0);
}
const unknown = args.filter((arg) => arg !== '--no-install');
if (unknown.length) fail([`unknown option ${unknown.join(' ')} (see node scripts/setup.mjs --help)`], 2);

function onPath(command) {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

function isDebianLike() {
  if (existsSync('/etc/debian_version')) return true;
  try {
    return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

function aptInstalled(pkg) {
  const query = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return query.status === 0 && query.stdout.includes('install ok installed');
}

function installAptPackages() {
  const missing = aptPackages.filter((pkg) => !aptInstalled(pkg));
  if (missing.length === 0) {
    log('system packages ok');
    return;
  }
  const asRoot = process.getuid?.() === 0;
  if (!asRoot && !onPath('sudo')) {
    fail([
      `missing system packages: ${missing.join(' ')}, and sudo is not installed. Run this as root, then npm run setup again:`,
      `  apt-get update && apt-get install -y ${missing.join(' ')}`,
    ]);
  }
  const apt = (...aptArgs) => {
    const [command, ...rest] = asRoot
      ? ['apt-get', ...aptArgs]
      : ['sudo', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...aptArgs];
    const result = spawnSync(command, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) fail([`${[command, ...rest].join(' ')} failed (${result.error?.message ?? `exit code ${result.status}`})`]);
  };
  log(`installing ${missing.join(' ')} with apt-get${asRoot ? '' : ' through sudo'}`);
  apt('update', '-qq');
  apt('install', '-y', '-qq', ...missing);
  log('system packages ok');
}

if (process.platform === 'linux' && isDebianLike() && onPath('apt-get')) {
  installAptPackages();
} else if (process.platform === 'linux') {
  log('not Debian/Ubuntu, so install these with your package manager if they are missing:');
  log('  libsecret development headers, python3, make and a C++ compiler (keytar builds from source),');
  log('  gnome-keyring and dbus (the keychain for tests and the demo), and a Chromium at /usr/bin/chromium (tests)');
} else {
  log(`${process.platform === 'darwin' ? 'macOS' : process.platform}: no system packages needed (keytar uses the Keychain / Credential Manager)`);
}

if (args.includes('--no-install')) process.exit(0);

const env = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
// keytar's node-gyp build then uses the local Node headers and never downloads them.
if (!env.npm_config_nodedir && existsSync('/usr/include/node/node_api.h')) env.npm_config_nodedir = '/usr';
log('npm ci (no Electron or Playwright browser download: Electron\'s binary downloads on first `npm start`)');
const windows = process.platform === 'win32';
const npm = spawnSync(windows ? 'npm.cmd' : 'npm', ['ci', '--no-audit', '--no-fund'], { cwd: projectDir, stdio: 'inherit', env, shell: windows });
if (npm.error) fail([`could not run npm: ${npm.error.message}`]);
process.exit(npm.status ?? 1);
