/** Attribution checklist types: what the rules read (our accounts, a tenant's facts) and what they say (checks, verdicts, summaries). */
import type {
  AppFact,
  DatasetFact,
  DataverseUserFact,
  EnvironmentFact,
  FlowFact,
  InventoryScope,
  PowerPlatformProduct,
} from './power-platform-types';

export type CheckStatus = 'pass' | 'fail' | 'warn' | 'unknown';

/** `role` and `pal` decide attribution; the others are conditions that can keep an attributed resource from counting. */
export type CheckId = 'role' | 'pal' | 'several-partners' | 'production' | 'solution';

export interface Check {
  id: CheckId;
  status: CheckStatus;
  /** What the data says, in plain words, naming the accounts and partner IDs involved. */
  reason: string;
  /** What a person can do about it (null when nothing is needed). */
  remediation: string | null;
  /** A learn.microsoft.com page that explains it. */
  docUrl?: string;
}

/**
 * attributed: our linked account is attributed and nothing is in doubt; at-risk: attributed, but a condition warns or is
 * unknown; not-attributed: the role or the link fails; unknown: the data cannot tell whether it is attributed to us.
 */
export type Verdict = 'attributed' | 'at-risk' | 'not-attributed' | 'unknown';

export const VERDICTS: readonly Verdict[] = ['attributed', 'at-risk', 'not-attributed', 'unknown'];

export const PRODUCTS: readonly PowerPlatformProduct[] = ['power-apps', 'power-automate', 'power-bi', 'customer-insights'];

/** One of our accounts in the customer tenant, with its partner link as last observed. */
export interface OurAccount {
  /** PAL Desk's id of the account (stable across tenants). */
  identityId: string;
  kind: 'user' | 'service-principal';
  /** How to name it to a person: the UPN, or the service principal's name or app id. */
  label: string;
  /** Its Entra object id in this tenant (a guest has a different one in each tenant); null = not known yet. */
  objectId: string | null;
  /** A user's home UPN (ana@northwindpartners.com) or its UPN in this tenant; null for a service principal or when unknown. */
  upn: string | null;
  /** linked = to our partner ID; other-partner = to `partnerId`, someone else's. */
  link: { status: 'linked' | 'not-linked' | 'other-partner' | 'unknown'; partnerId: string | null };
}

/** What every rule needs to know about the tenant and about us. */
export interface TenantContext {
  tenantId: string;
  /** The tenant's domains, the `*.onmicrosoft.com` one included: a guest's UPN there ends in `#EXT#@` one of them. */
  domains: string[];
  /** Our partner ID (Associated / Location MPN ID); null when not set yet. */
  partnerId: string | null;
  accounts: OurAccount[];
}

/** All of one tenant's facts, as the inventory keeps them. */
export interface TenantFacts extends TenantContext {
  environments: EnvironmentFact[];
  apps: AppFact[];
  flows: FlowFact[];
  datasets: DatasetFact[];
  dataverseUsers: DataverseUserFact[];
  scopes: InventoryScope[];
}

/** One resource: a Power Apps app, a flow, a Power BI dataset, or a Customer Insights environment. */
export type ChecklistInput =
  | { product: 'power-apps'; app: AppFact; environment: EnvironmentFact | null; context: TenantContext }
  | { product: 'power-automate'; flow: FlowFact; environment: EnvironmentFact | null; context: TenantContext }
  | { product: 'power-bi'; dataset: DatasetFact; context: TenantContext }
  | { product: 'customer-insights'; environment: EnvironmentFact; users: DataverseUserFact[]; scope: InventoryScope | null; context: TenantContext };

export interface ResourceChecklist {
  product: PowerPlatformProduct;
  tenantId: string;
  /** The environment (apps, flows, Customer Insights), or null for Power BI. */
  environmentId: string | null;
  /** The Power BI workspace, or null. */
  workspaceId: string | null;
  resourceId: string;
  name: string;
  /** The identityId of our account the resource is attributed to (the one linked to us first), or null. */
  attributedTo: string | null;
  checks: Check[];
  verdict: Verdict;
  /** When the resource's facts were read (the oldest of them). */
  seenAt: string;
}

export type VerdictCounts = Record<Verdict, number> & { total: number };

export type Coverage = InventoryScope['scope'] | 'unknown';

/** What the inventory covers for one product (or the environments) in one tenant, with the sentence the app and the CLI show. */
export interface ProductCoverage {
  product: InventoryScope['product'];
  /** admin: everything; maker: only what our accounts see; denied: none could read it; unknown: never read. */
  coverage: Coverage;
  /** Why it is narrower than admin or denied, in words a person can act on (null for admin or never read). */
  reason: string | null;
  /** "everything (read as an admin)", the maker scope's reason, "denied: …", or "not read yet (sync this tenant)". */
  text: string;
}

/** One tenant's coverage, product by product (environments first). */
export interface TenantCoverage {
  tenantId: string;
  products: ProductCoverage[];
}

export interface TenantSummary {
  tenantId: string;
  byProduct: Record<PowerPlatformProduct, VerdictCounts>;
  all: VerdictCounts;
  /** attributed / total (0 when there is nothing). */
  attributedShare: number;
  /** What the inventory covers per product: a maker-scope list holds only what one account sees, so shares are over that. */
  coverage: Record<PowerPlatformProduct, Coverage>;
}

export interface ChecklistSummary {
  tenants: TenantSummary[];
  byProduct: Record<PowerPlatformProduct, VerdictCounts>;
  all: VerdictCounts;
  attributedShare: number;
  /** How many tenants have each coverage, per product. */
  coverage: Record<PowerPlatformProduct, Record<Coverage, number>>;
}

/** One tenant's checklist as the app and the CLI show it: each resource with its checks, the counts, what the inventory covers, and the environments read. */
export interface TenantChecklist {
  tenantId: string;
  resources: ResourceChecklist[];
  summary: TenantSummary;
  scopes: InventoryScope[];
  environments: EnvironmentFact[];
}
