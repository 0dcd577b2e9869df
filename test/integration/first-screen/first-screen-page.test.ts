import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFirstScreen, fillTemplate, styleAttributeHashes } from '../../../src/main/first-screen/first-screen-page';
import { silentLogger } from '../../../src/main/logger';
import { renderFirstScreen } from '../../../src/renderer/first-screen-html';
import { FIRST_DATA_ELEMENT_ID, type FirstData } from '../../../src/shared/first-screen';
import { AppFailure } from '../../../src/shared/result';
import { startSim, type RunningSim } from '../../sim';
import { appFixture } from '../support/app-fixture';

const template = readFileSync(path.resolve(import.meta.dirname, '../../../src/renderer/index.html'), 'utf8');

/** The JSON the page carries for the window, as the window reads it. */
const dataIn = (html: string) => JSON.parse(new RegExp(`<script type="application/json" id="${FIRST_DATA_ELEMENT_ID}"[^>]*>(.*?)</script>`).exec(html)?.[1] ?? 'null') as FirstData;

let sim: RunningSim;
let app: Awaited<ReturnType<typeof appFixture>>;
beforeAll(async () => {
  sim = await startSim({ scenario: 'demo' });
  app = await appFixture(sim);
  await app.addAndSignIn('contoso.onmicrosoft.com');
  await app.link({ tenantId: (await app.handlers['tenants:list']())[0]!.tenantId });
});
afterAll(async () => {
  await app.services.close();
  await sim.close();
});

describe('the first screen main renders into the app page', () => {
  it('shows the tenant grid with the customer and its partner link before any of the app code runs, and carries the data it was rendered from', async () => {
    const page = await createFirstScreen(silentLogger).page(template, app.handlers);
    expect(page).not.toBeNull();
    const html = page!.html;
    expect(html).toMatch(/<div id="root" data-first-screen inert><div dir="ltr" class="fui-FluentProvider/);
    expect(html).not.toContain('Opening PAL Desk…');
    expect(html.replaceAll('<!-- -->', '')).toContain('1 of 1 linked to partner ID 1234567');
    const row = html.slice(html.indexOf('data-tenant-id='), html.indexOf('</section>'));
    expect(row).toContain('Contoso');
    expect(row).toContain('Linked');

    const readAt = Number(new RegExp(`id="${FIRST_DATA_ELEMENT_ID}" data-read-at="(\\d+)"`).exec(html)?.[1]);
    expect(Math.abs(Date.now() - readAt)).toBeLessThan(60_000);
    const [info, settings, tenants, pending, notices] = dataIn(html);
    expect([info.ok, settings.ok, pending.ok, notices.ok]).toEqual([true, true, true, true]);
    expect(tenants).toEqual({ ok: true, value: await app.handlers['tenants:list']() });
  });

  it("lets only its own styles apply: a fresh nonce for its <style> elements and exactly its inline style attributes, in the header and the page's own policy", async () => {
    const first = await createFirstScreen(silentLogger).page(template, app.handlers);
    const second = await createFirstScreen(silentLogger).page(template, app.handlers);
    const nonce = /'nonce-([^']+)'/.exec(first!.contentSecurityPolicy)?.[1];
    expect(nonce).toBeTruthy();
    expect(second!.contentSecurityPolicy).not.toContain(nonce);
    const styleElements = [...first!.html.matchAll(/<style([^>]*)>/g)].map(([, attributes]) => attributes);
    expect(styleElements.length).toBeGreaterThan(3);
    for (const attributes of styleElements) expect(attributes).toContain(`nonce="${nonce}"`);

    const rowStyle = /data-tenant-id="[^"]+"[^>]* style="([^"]+)"/.exec(first!.html)?.[1] ?? '';
    expect(rowStyle).toContain('transform:translateY(0px)');
    const hash = createHash('sha256').update(rowStyle).digest('base64');
    expect(first!.contentSecurityPolicy).toContain(`style-src-attr 'unsafe-hashes'`);
    expect(first!.contentSecurityPolicy).toContain(`'sha256-${hash}'`);
    expect(first!.contentSecurityPolicy).not.toMatch(/unsafe-inline|unsafe-eval/);
    const own = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(first!.html)?.[1] ?? '';
    expect(own).toContain(`'nonce-${nonce}'`);
    expect(own).toContain(`'sha256-${hash}'`);
  });

  it('keeps a customer name that looks like markup as text, in the screen and in the data', async () => {
    const first = dataIn((await createFirstScreen(silentLogger).page(template, app.handlers))!.html);
    const hostile = '</script><img src=x onerror=alert(1)>';
    const [, , tenants] = first;
    if (!tenants.ok) throw new Error('no tenants');
    const data: FirstData = [first[0], first[1], { ok: true, value: tenants.value.map((t) => ({ ...t, displayName: hostile, label: hostile })) }, first[3], first[4]];
    const screen = renderFirstScreen(data, Date.now(), 'n0nce')!;
    const html = fillTemplate(template, screen, { data, at: Date.now() }, (policy) => policy);
    expect(html).not.toContain('<img src=x');
    expect(screen.markup).toContain('&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    const [, , read] = dataIn(html);
    expect(read.ok && read.value[0]?.displayName).toBe(hostile);
  });

  it('shows a customer name with a right-to-left override as it is stored, isolated from the text around it, in the screen and in the data', async () => {
    const spoof = 'Proseware \u202egnp.exe';
    const tenants = await app.handlers['tenants:list']();
    const handlers = { ...app.handlers, 'tenants:list': async () => tenants.map((t) => ({ ...t, displayName: spoof, label: null })) };
    const html = (await createFirstScreen(silentLogger).page(template, handlers))!.html;
    expect(html).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    const row = html.slice(html.indexOf('data-tenant-id='), html.indexOf('</section>'));
    expect(row).toContain('<bdi>Proseware gnp.exe</bdi>');
    const [, , read] = dataIn(html);
    expect(read.ok && read.value[0]?.displayName).toBe('Proseware gnp.exe');
  });

  it('serves the page as built when the first data holds an error, so the window shows that error itself', async () => {
    const failing = { ...app.handlers, 'tenants:list': async () => Promise.reject(new AppFailure('internal', 'The inventory could not be read.')) };
    expect(await createFirstScreen(silentLogger).page(template, failing)).toBeNull();
  });

  it('hashes each distinct inline style attribute once, as the browser reads it (entities decoded)', () => {
    const markup = '<div style="width:50%"></div><div style="width:50%"></div><div style="font-family:&quot;Segoe UI&quot;"></div>';
    const sha = (value: string) => createHash('sha256').update(value).digest('base64');
    expect(styleAttributeHashes(markup)).toEqual([sha('width:50%'), sha('font-family:"Segoe UI"')]);
  });
});
