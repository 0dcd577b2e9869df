/** A data folder signed in to Contoso and tracking every customer tenant the demo account can reach (for link-all and crash tests). */
import type { RunningSim } from '../../sim';
import { appFixture } from './app-fixture';

/** `withoutOurLinks`: our partner links are then removed from the simulated cloud, so a link all has every tenant to write. The services stay open. */
export async function trackedFolder(sim: RunningSim, o: { withoutOurLinks?: boolean } = {}) {
  const app = await appFixture(sim);
  const contoso = await app.addAndSignIn('contoso.onmicrosoft.com');
  const found = await app.handlers['tenants:discover']({ tenantId: contoso.tenantId });
  await app.handlers['tenants:track']({ tenantIds: found.filter((t) => !t.tracked && t.category !== 'Home').map((t) => t.tenantId) });
  await app.services.idle();
  if (o.withoutOurLinks) for (const [key, link] of [...sim.control.partnerLinks()]) if (link.partnerId === '1234567') sim.control.partnerLinks().delete(key);
  return app;
}
