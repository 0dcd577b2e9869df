/** Looks up the scenario's directory: tenants by GUID or domain, users, memberships, service principals. */
import type { Scenario, SimMembership, SimServicePrincipal, SimTenant, SimUser } from './scenario';

export class Directory {
  readonly scenario: Scenario;
  /** The simulated cloud's origin (known once it listens). */
  readonly origin: () => string;

  constructor(scenario: Scenario, origin: () => string) {
    this.scenario = scenario;
    this.origin = origin;
  }

  /** A tenant by GUID or by any of its domains (case-insensitive). */
  tenant(ref: string): SimTenant | null {
    const key = ref.toLowerCase();
    return this.scenario.tenants.find((t) => t.tenantId === key || t.domains.some((d) => d.toLowerCase() === key)) ?? null;
  }

  user(username: string): SimUser | null {
    const key = username.toLowerCase();
    return this.scenario.users.find((u) => u.username.toLowerCase() === key) ?? null;
  }

  membership(user: SimUser, tenantId: string): SimMembership | null {
    return user.memberships.find((m) => m.tenantId === tenantId) ?? null;
  }

  servicePrincipal(tenantId: string, clientId: string): SimServicePrincipal | null {
    return this.scenario.servicePrincipals.find((sp) => sp.tenantId === tenantId && sp.clientId === clientId) ?? null;
  }
}
