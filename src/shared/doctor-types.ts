/** What `pal-desk doctor` and "Check connection" report: per account, each token and each first page read, and what PAL Desk concludes (ids and counts only, never a token). */

/** pass: answered as hoped; limited: answered with a narrower scope (e.g. not a Fabric admin); fail: named failure; not-checked: skipped, with the reason. */
export type DoctorOutcome = 'pass' | 'limited' | 'fail' | 'not-checked';

export interface DoctorFailure {
  /** PAL Desk's failure code (session-expired, access-denied, throttled …). */
  code: string;
  /** What happened and what to do, as PAL Desk says it elsewhere. */
  message: string;
  /** The Entra ID error (e.g. AADSTS700082) when sign-in said one. */
  aadsts: string | null;
}

export interface DoctorTokenLine {
  /** The service as a person knows it: Azure Resource Manager, Power Apps / BAP, Power Automate, Power BI, Power Platform API, Dataverse (host). */
  audience: string;
  /** The token's resource (scope without /.default). */
  resource: string;
  outcome: 'pass' | 'fail';
  failure: DoctorFailure | null;
}

export type DoctorApi =
  | 'partner-link'
  | 'bap-admin-environments'
  | 'bap-maker-environments'
  | 'power-apps-admin-apps'
  | 'flow-admin-flows'
  | 'power-bi-groups'
  | 'power-bi-admin-groups'
  | 'application-packages'
  | 'dataverse-users';

export interface DoctorApiLine {
  api: DoctorApi;
  /** The call as a person knows it ("BAP admin environments"). */
  name: string;
  /** GET and the address without query (ids only). */
  request: string;
  /** The first page's HTTP status; null when no answer came (network, timeout) or nothing was sent. */
  status: number | null;
  /** The service's x-ms-request-id, for a support ticket. */
  requestId: string | null;
  /** How long the call took, retries included; null when nothing was sent. */
  ms: number | null;
  outcome: DoctorOutcome;
  /** What the answer proved, in words ("admin: 4 environments"), or why it was not checked. */
  proved: string;
  failure: DoctorFailure | null;
}

export interface DoctorAccountReport {
  identityId: string;
  /** The UPN, or a service principal's client id. */
  account: string;
  kind: 'user' | 'service-principal';
  tokens: DoctorTokenLine[];
  apis: DoctorApiLine[];
  /** What PAL Desk concludes, in sentences. */
  conclusions: string[];
}

export interface DoctorReport {
  tenantId: string;
  tenantName: string;
  cloud: string;
  checkedAt: string;
  /** Every token came and every call answered (limited scopes included). */
  passed: boolean;
  accounts: DoctorAccountReport[];
}
