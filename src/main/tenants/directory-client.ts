/** Directory look-ups: a domain or GUID to its tenant (OpenID configuration), and the tenants an account can reach (ARM GET /tenants). */
import type { CloudProfile } from '../../shared/cloud-profile';
import { AppFailure } from '../../shared/result';
import { withId, type RestClient } from '../http/rest-client';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export interface DirectoryTenant {
  tenantId: string;
  displayName: string | null;
  defaultDomain: string | null;
  category: string | null;
}

/** Finds the tenant GUID for what a person typed: a tenant ID or one of its domains. */
export async function resolveTenant(anonymous: RestClient, cloud: CloudProfile, input: string): Promise<{ tenantId: string; domain: string | null }> {
  const query = input.trim().toLowerCase();
  if (!GUID.test(query) && !DOMAIN.test(query)) {
    throw new AppFailure('invalid-input', `"${input.trim().slice(0, 80)}" is neither a domain (contoso.com) nor a tenant ID (a GUID).`);
  }
  const url = `${cloud.endpoints.authorityHost}/${encodeURIComponent(query)}/v2.0/.well-known/openid-configuration`;
  const response = await anonymous.get<{ issuer?: string; error?: string } | null>(url, { accept: [400, 404] });
  const tenantId = /\/([0-9a-f-]{36})\/v2\.0\/?$/i.exec(response.body?.issuer ?? '')?.[1];
  if (response.status !== 200 || !tenantId) {
    throw new AppFailure('unknown-tenant', `No Microsoft Entra directory was found for "${query}". Check the spelling, or ask the customer for their tenant ID.`);
  }
  return { tenantId: tenantId.toLowerCase(), domain: GUID.test(query) ? null : query };
}

interface ArmTenant {
  tenantId: string;
  displayName?: string;
  defaultDomain?: string;
  tenantCategory?: string;
}

/** Every tenant the ARM client's account can reach, following nextLink pages. */
export async function listTenants(arm: RestClient, cloud: CloudProfile): Promise<DirectoryTenant[]> {
  const found = await arm.all(`${cloud.endpoints.arm}/tenants?api-version=2022-12-01`, undefined, { isItem: withId<ArmTenant>('tenantId') });
  return found.map((t) => ({ tenantId: t.tenantId, displayName: t.displayName ?? null, defaultDomain: t.defaultDomain ?? null, category: t.tenantCategory ?? null }));
}
