/** Simulated Entra ID v2.0 per tenant: openid-configuration, JWKS, authorize (form_post), token (code+PKCE, refresh, client credentials). */
import { createHash, randomBytes } from 'node:crypto';
import type { Directory } from './directory';
import { AADSTS, appNotInDirectory, entraError, MFA_CLAIMS, preauthorizationMissing, type EntraError } from './entra-errors';
import { form, json, type SimReply, type SimRequest } from './http-kit';
import { resourceOf, type SimResource } from './resources';
import type { SimClientApp, SimServicePrincipal, SimUser } from './scenario';
import type { TokenSigner } from './tokens';

interface IssuedCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  tenantId: string;
  username: string;
  nonce: string | null;
  mfaDone: boolean;
}

interface IssuedRefreshToken {
  clientId: string;
  username: string;
  mfaTenants: Set<string>;
}

const token = () => randomBytes(32).toString('base64url');
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);
const b64json = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export class IdentityService {
  readonly #dir: Directory;
  readonly #signer: TokenSigner;
  readonly #origin: () => string;
  readonly #isDataverseInstance: (audience: string) => boolean;
  readonly #codes = new Map<string, IssuedCode>();
  readonly #refreshTokens = new Map<string, IssuedRefreshToken>();
  /** Every refresh token ever issued (for scan tests). */
  readonly issuedSecrets: string[] = [];

  /** `isDataverseInstance`: whether an audience is one of the scenario's Dataverse instance URLs (Dynamics CRM's resource). */
  constructor(dir: Directory, signer: TokenSigner, origin: () => string, isDataverseInstance: (audience: string) => boolean) {
    this.#dir = dir;
    this.#signer = signer;
    this.#origin = origin;
    this.#isDataverseInstance = isDataverseInstance;
  }

  /** Makes every refresh token issued so far expired (AADSTS700082 on next use). */
  expireRefreshTokens(): void {
    this.#refreshTokens.clear();
  }

  handle(req: SimRequest): SimReply | null {
    const m = /^\/([^/]+)\/(v2\.0\/\.well-known\/openid-configuration|discovery\/v2\.0\/keys|oauth2\/v2\.0\/authorize|oauth2\/v2\.0\/token)$/.exec(req.url.pathname);
    if (!m) return null;
    const [, tenantRef = '', endpoint] = m;
    const tenant = this.#dir.tenant(tenantRef);
    if (!tenant && !(tenantRef === 'organizations' || tenantRef === 'common')) return entraError(AADSTS.tenantNotFound);
    const tenantId = tenant?.tenantId ?? tenantRef;
    if (endpoint?.startsWith('v2.0')) return json(200, this.#openidConfiguration(tenantId));
    if (endpoint?.startsWith('discovery')) return json(200, this.#signer.jwks());
    if (endpoint?.endsWith('authorize')) return this.#authorize(req, tenantId);
    return this.#token(req, tenantId);
  }

  #openidConfiguration(tenantId: string) {
    const base = `${this.#origin()}/${tenantId}`;
    return {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: `${base}/v2.0`,
      request_uri_parameter_supported: false,
      userinfo_endpoint: `${this.#origin()}/oidc/userinfo`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'at_hash', 'c_hash', 'email'],
      kerberos_endpoint: `${base}/kerberos`,
      tenant_region_scope: 'EU',
      cloud_instance_name: 'sim.microsoftonline.test',
      cloud_graph_host_name: 'graph.sim.test',
      msgraph_host: 'graph.sim.test',
      rbac_url: 'https://pas.sim.test',
    };
  }

  #authorize(req: SimRequest, tenantId: string): SimReply {
    const q = req.url.searchParams;
    const redirectUri = q.get('redirect_uri') ?? '';
    const state = q.get('state') ?? '';
    const post = (fields: Record<string, string>) => formPost(redirectUri, { ...fields, state });
    const clientId = q.get('client_id') ?? '';
    if (!this.#clientApp(clientId)) return post(errorFields(appNotInDirectory(clientId, tenantId)));
    const hint = q.get('login_hint');
    const user = hint ? this.#dir.user(hint) : null;
    if (!user) return signInPage(req.url, this.#dir.scenario.users);
    const home = user.homeTenantId;
    const resolved = tenantId === 'organizations' || tenantId === 'common' ? home : tenantId;
    const membership = this.#dir.membership(user, resolved);
    if (!membership) return post(errorFields(AADSTS.notMember));
    if (membership.caBlocked) return post(errorFields(AADSTS.caBlocked));
    if (membership.consentMissing) return post({ ...errorFields(AADSTS.consent), error: 'consent_required' });
    const refused = this.#clientRefusal(clientId, resolved, (q.get('scope') ?? '').split(' '));
    if (refused) return post(refused.code === 65001 ? { ...errorFields(refused), error: 'consent_required' } : errorFields(refused));
    const code = token();
    this.#codes.set(code, {
      clientId: q.get('client_id') ?? '',
      redirectUri,
      challenge: q.get('code_challenge') ?? '',
      tenantId: resolved,
      username: user.username,
      nonce: q.get('nonce'),
      mfaDone: true,
    });
    return post({ code, client_info: b64json({ uid: user.objectId, utid: home }), session_state: token() });
  }

  #token(req: SimRequest, tenantId: string): SimReply {
    const p = form(req.body);
    const grant = p.get('grant_type');
    if (grant === 'client_credentials') return this.#clientCredentials(p, tenantId);
    const clientId = p.get('client_id') ?? '';
    if (!this.#clientApp(clientId)) return entraError(appNotInDirectory(clientId, tenantId));
    if (grant === 'authorization_code') {
      const code = this.#codes.get(p.get('code') ?? '');
      this.#codes.delete(p.get('code') ?? '');
      if (!code || code.redirectUri !== p.get('redirect_uri')) return entraError(AADSTS.badCode);
      const verifier = createHash('sha256').update(p.get('code_verifier') ?? '').digest('base64url');
      if (verifier !== code.challenge) return entraError(AADSTS.pkce);
      const user = this.#dir.user(code.username) as SimUser;
      const mfaTenants = new Set(code.mfaDone ? [code.tenantId] : []);
      return this.#userTokens(p, user, code.tenantId, code.nonce, { clientId: code.clientId, username: user.username, mfaTenants });
    }
    if (grant === 'refresh_token') {
      const rt = this.#refreshTokens.get(p.get('refresh_token') ?? '');
      if (!rt) return entraError(AADSTS.expired);
      const user = this.#dir.user(rt.username) as SimUser;
      const target = tenantId === 'organizations' || tenantId === 'common' ? user.homeTenantId : tenantId;
      const membership = this.#dir.membership(user, target);
      if (!membership) return entraError(AADSTS.notMember);
      if (membership.caBlocked) return entraError(AADSTS.caBlocked);
      if (membership.consentMissing) return entraError(AADSTS.consent);
      if (membership.mfaRequired && !rt.mfaTenants.has(target)) return entraError(AADSTS.mfa, { claims: MFA_CLAIMS });
      return this.#userTokens(p, user, target, null, rt);
    }
    return json(400, { error: 'unsupported_grant_type', error_description: `AADSTS70003: The app requested an unsupported grant type '${grant}'.`, error_codes: [70003] });
  }

  #userTokens(p: URLSearchParams, user: SimUser, tenantId: string, nonce: string | null, rt: IssuedRefreshToken): SimReply {
    const membership = this.#dir.membership(user, tenantId);
    if (!membership) return entraError(AADSTS.notMember);
    const scopes = (p.get('scope') ?? '').split(' ').filter((s) => s && !OIDC_SCOPES.has(s));
    const refused = this.#clientRefusal(rt.clientId, tenantId, scopes);
    if (refused) return entraError(refused);
    const now = Math.floor(Date.now() / 1000);
    const iss = `${this.#origin()}/${tenantId}/v2.0`;
    const idToken = this.#signer.sign({
      aud: rt.clientId, iss, iat: now, nbf: now, exp: now + 3600,
      name: user.displayName, oid: membership.objectId, preferred_username: user.username,
      sub: createHash('sha256').update(`${membership.objectId}:${tenantId}`).digest('base64url').slice(0, 43),
      tid: tenantId, ver: '2.0', ...(nonce ? { nonce } : {}),
    });
    const refreshToken = token();
    this.#refreshTokens.set(refreshToken, { ...rt, mfaTenants: new Set(rt.mfaTenants) });
    this.issuedSecrets.push(refreshToken);
    const aud = audienceOf(scopes);
    const resource = resourceOf(aud, this.#isDataverseInstance);
    const guest = user.homeTenantId !== tenantId;
    const accessToken = this.#accessToken(aud, tenantId, membership.objectId, this.#clientApp(rt.clientId), now, {
      // A v1.0 user token (Microsoft Learn, "Access token claims reference"): the user's names (`upn`, `unique_name` — v1.0
      // only —, `name`), the delegated permissions as `scp`, `idtyp` "user"; a guest's also `idp`, the home tenant's issuer.
      idtyp: 'user', upn: user.username, unique_name: user.username, name: user.displayName,
      ...(resource ? { scp: resource.scp.join(' ') } : {}),
      ...(guest ? { idp: `https://sts.windows.net/${user.homeTenantId}/` } : {}),
      amr: ['pwd'], appidacr: '0',
    });
    this.issuedSecrets.push(accessToken);
    return json(200, {
      token_type: 'Bearer', scope: scopes.join(' '), expires_in: 3599, ext_expires_in: 3599,
      access_token: accessToken, refresh_token: refreshToken, id_token: idToken,
      ...(p.get('client_info') === '1' ? { client_info: b64json({ uid: user.objectId, utid: user.homeTenantId }) } : {}),
    });
  }

  #clientCredentials(p: URLSearchParams, tenantId: string): SimReply {
    const sp = this.#dir.servicePrincipal(tenantId, p.get('client_id') ?? '');
    if (!sp) return entraError(appNotInDirectory(p.get('client_id') ?? '', tenantId));
    if (p.get('client_secret') !== sp.secret) return entraError(AADSTS.wrongSecret);
    const aud = audienceOf((p.get('scope') ?? '').split(' ').filter(Boolean));
    const roles = appRolesOf(sp, resourceOf(aud, this.#isDataverseInstance));
    // An app-only v1.0 token (Learn, "Access token claims reference"): `idtyp` "app", the granted application permissions as `roles` (absent when none), no user claims.
    const app = { clientId: sp.clientId, displayName: sp.displayName };
    const accessToken = this.#accessToken(aud, tenantId, sp.objectId, app, Math.floor(Date.now() / 1000), { idtyp: 'app', appidacr: '1', ...(roles.length ? { roles } : {}) });
    this.issuedSecrets.push(accessToken);
    return json(200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: accessToken });
  }

  /** A v1.0 access token (the version ARM, Power Apps, Flow, Power BI and Dataverse accept): who, for which app, plus `claims`. */
  #accessToken(aud: string, tenantId: string, objectId: string, app: Pick<SimClientApp, 'clientId' | 'displayName'> | null, now: number, claims: Record<string, unknown>): string {
    return this.#signer.sign({
      aud, iss: `${this.#origin()}/${tenantId}/`, iat: now, nbf: now, exp: now + 3600,
      appid: app?.clientId ?? '', app_displayname: app?.displayName ?? '',
      ...claims,
      oid: objectId, sub: createHash('sha256').update(`${objectId}:${aud}`).digest('base64url').slice(0, 43), tid: tenantId, uti: token().slice(0, 22), ver: '1.0',
    });
  }

  /** A public client the scenario knows: `publicClientId` (in every tenant unless `clientApps` says more), or one of `clientApps`. */
  #clientApp(clientId: string): SimClientApp | null {
    const { publicClientId, clientApps = [] } = this.#dir.scenario;
    const listed = clientApps.find((c) => c.clientId === clientId);
    if (listed) return listed;
    return clientId === publicClientId ? { clientId, displayName: 'PAL Desk (simulated default client)' } : null;
  }

  /** Why Entra refuses `clientId` tokens in `tenantId` for the first scope's resource, or null: not in the directory, not consented, or not preauthorized. */
  #clientRefusal(clientId: string, tenantId: string, scopes: string[]): EntraError | null {
    const app = this.#clientApp(clientId);
    if (!app) return appNotInDirectory(clientId, tenantId);
    if (app.tenantIds && !app.tenantIds.includes(tenantId)) return app.multiTenant ? AADSTS.consent : appNotInDirectory(clientId, tenantId);
    const resource = resourceOf(audienceOf(scopes.filter((s) => !OIDC_SCOPES.has(s))), this.#isDataverseInstance);
    // Preauthorization binds only Microsoft's own apps; a third-party app gets any resource its consent covers.
    if (resource && app.firstParty && app.refusedResources?.includes(resource.key)) return preauthorizationMissing(clientId, resource.appId);
    return null;
  }
}

/** The audience (v1.0 resource) of a request's first scope: `https://service.powerapps.com/.default` → `https://service.powerapps.com`. */
const audienceOf = (scopes: string[]) => (scopes[0] ?? '').replace(/\/\.default$|\/user_impersonation$/, '');

const appRolesOf = (sp: SimServicePrincipal, resource: SimResource | null): string[] => (resource ? (sp.appRoles?.[resource.key] ?? []) : []);


function errorFields(e: { code: number; error: string; text: string }): Record<string, string> {
  return { error: e.error, error_description: `AADSTS${e.code}: ${e.text}`, error_codes: String(e.code) };
}

/** The response_mode=form_post answer: a page that posts the result to the app's redirect URI. */
function formPost(redirectUri: string, fields: Record<string, string>): SimReply {
  const inputs = Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}"/>`)
    .join('');
  return {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: `<html><head><title>Working...</title></head><body><form method="POST" name="hiddenform" action="${escapeHtml(redirectUri)}">${inputs}<noscript><p>Script is disabled. Click Submit to continue.</p><input type="submit" value="Submit"/></noscript></form><script>document.forms[0].submit();</script></body></html>`,
  };
}

/** A small real sign-in page: pick an account, as on the real page any account may try (a login_hint skips it). */
function signInPage(url: URL, users: SimUser[]): SimReply {
  const links = users
    .map((u) => {
      const next = new URL(url);
      next.searchParams.set('login_hint', u.username);
      return `<li><a href="${escapeHtml(next.pathname + next.search)}">${escapeHtml(u.displayName)} &lt;${escapeHtml(u.username)}&gt;</a></li>`;
    })
    .join('');
  return {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: `<html><head><title>Sign in (simulated cloud)</title></head><body><h1>Pick an account</h1><ul>${links || '<li>No account can sign in to this tenant.</li>'}</ul></body></html>`,
  };
}
