import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type RunningSim } from '../../sim';
import { resettableApp } from '../support/resettable-app';
import { writeSimProfileFile } from '../../sim/profile-file';
import { resume, startCli } from '../support/cli-runner';

let sim: RunningSim;
let profileFile: string;

beforeAll(async () => {
  sim = await startSim({ scenario: 'demo' });
  ({ profileFile } = writeSimProfileFile(sim, mkdtempSync(path.join(tmpdir(), 'pal-forget-sync-'))));
});
afterAll(async () => {
  await sim.close();
});

describe('forget everything while another process works in the data folder', () => {
  it('is refused while a CLI sync runs (even paused), naming that process, and works once the sync has ended', async () => {
    const userDataDir = mkdtempSync(path.join(tmpdir(), 'pal-forget-sync-'));
    const service = `PAL Desk test ${randomUUID()}`;
    const app = await resettableApp(sim, { userDataDir, service });
    const contoso = await app.handlers['tenants:add']({ query: 'contoso.onmicrosoft.com' });
    await app.handlers['auth:sign-in']({ tenantId: contoso.tenantId });

    // The CLI's sync is stopped the instant it first calls ARM: it is in its job, and would write when it resumes.
    let sync: ReturnType<typeof startCli> | null = null;
    const paused = new Promise<number>((resolve) =>
      sim.control.onRequest((request) => {
        if (!sync || request.service !== 'arm') return;
        sim.control.onRequest(null);
        process.kill(sync.pid, 'SIGSTOP');
        resolve(sync.pid);
      }),
    );
    sync = startCli({ profileFile, userDataDir, service }, ['sync']);
    const pid = await paused;

    const refused = app.handlers['settings:forget-everything']({ confirm: 'forget' }).finally(() => resume(pid));
    await expect(refused).rejects.toMatchObject({
      code: 'writer-busy',
      message: expect.stringMatching(
        new RegExp(`^The pal-desk CLI \\(process ${pid} on [^)]+\\) has been syncing in this data folder since \\d\\d:\\d\\d\\. Nothing was changed or deleted\\. Let it finish \\(or end it\\), then choose "Forget everything" again\\.$`),
      ),
    });
    expect(await app.handlers['tenants:list']()).toHaveLength(1);
    const ended = await sync.done;
    expect(ended.stdout).toMatch(/^1 done/);

    const result = await app.handlers['settings:forget-everything']({ confirm: 'forget' });
    expect(result).toMatchObject({ tenants: 1 });
    expect(await app.handlers['tenants:list']()).toEqual([]);
    expect(readdirSync(userDataDir).filter((f) => f.startsWith('token-cache'))).toEqual([]);
    await app.close();
  }, 60_000);
});
