/** Starts the browser host as a real child process (so a restart is a real restart) and hands back its URL. */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';

const projectDir = path.resolve(import.meta.dirname, '../../..');

export interface HostProcess {
  url: string;
  origin: string;
  stop(): Promise<void>;
}

export async function startHostProcess(options: { simProfileFile: string; userDataDir: string }): Promise<HostProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/main/host/host-main.ts', '--sim-profile', options.simProfileFile, '--user-data', options.userDataDir],
    { cwd: projectDir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  const exited = once(child, 'exit').then(() => {
    throw new Error(`browser host exited before it was ready:\n${stderr}`);
  });
  const [first] = (await Promise.race([once(lines, 'line'), exited])) as [string];
  const { url, origin } = JSON.parse(first) as { url: string; origin: string };
  return {
    url,
    origin,
    async stop() {
      if (child.exitCode !== null) return;
      const done = once(child, 'exit');
      child.kill('SIGTERM');
      await done;
    },
  };
}
