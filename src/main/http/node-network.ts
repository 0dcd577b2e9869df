/** Node's network for the CLI, the browser host and tests: HTTPS_PROXY / NO_PROXY and an extra CA file, one agent per route, and what to do when a proxy or gateway gets in the way. */
import { readFileSync } from 'node:fs';
import https from 'node:https';
import tls from 'node:tls';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { getProxyForUrl } from 'proxy-from-env';
import { AppFailure } from '../../shared/result';

export interface NodeNetworkOptions {
  /** The simulated cloud's own CA (CloudProfile.caCertPem): trusted alone, as today, plus any extra CA. */
  cloudCaPem?: string;
  /** A PEM file of extra CAs (--ca-file or PAL_DESK_CA_FILE): added to Node's default roots, never replacing them. */
  caFile?: string;
}

/** How Node reaches one URL: directly or through a proxy, trusting the same CAs either way. */
export interface NodeNetwork {
  /** The agent for a request to `url` (one per proxy, kept alive and shared by sign-in and API calls). */
  agentFor(url: string): https.Agent;
  /** The proxy a request to `url` goes through, its credentials removed (safe to show), or null. */
  proxyFor(url: string): string | null;
}

/**
 * A CONNECT-proxy agent that trusts our CAs for the host behind the proxy: https-proxy-agent opens the host's TLS with the
 * request's options only (agent options go to the proxy), and neither msal-node's module nor core-rest-pipeline's client passes
 * a CA per request once an agent is set.
 */
class TrustingProxyAgent extends HttpsProxyAgent<string> {
  readonly #tls: tls.ConnectionOptions;

  constructor(proxy: string, tlsOptions: tls.ConnectionOptions) {
    super(proxy, { keepAlive: true });
    this.#tls = tlsOptions;
  }

  override connect(req: Parameters<HttpsProxyAgent<string>['connect']>[0], opts: Parameters<HttpsProxyAgent<string>['connect']>[1]) {
    // It also drops the host from the TLS options, so Node would check the certificate against "localhost" for an IP address:
    // check it against the host asked for.
    const host = opts.host ?? '';
    const trusted: tls.ConnectionOptions = { ...this.#tls, checkServerIdentity: (_servername, cert) => tls.checkServerIdentity(host, cert) };
    return super.connect(req, { ...opts, ...trusted } as typeof opts);
  }
}

/** Settings a person can give: which CA file (a missing or unreadable file fails at start, naming it). */
export function readCaFile(file: string): string {
  try {
    const pem = readFileSync(file, 'utf8');
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new Error('no certificate');
    return pem;
  } catch {
    throw new AppFailure('invalid-input', `The CA file ${file} (--ca-file or PAL_DESK_CA_FILE) cannot be read as PEM certificates. Give the path of your network's CA certificate in PEM format.`);
  }
}

/** A proxy URL without its user name and password. */
export function redactProxy(proxyUrl: string): string {
  try {
    const url = new URL(proxyUrl);
    url.username = '';
    url.password = '';
    return url.origin;
  } catch {
    return 'the proxy';
  }
}

export function createNodeNetwork(options: NodeNetworkOptions = {}): NodeNetwork {
  const extra = options.caFile ? readCaFile(options.caFile) : undefined;
  // Node's own roots (bundled, system and NODE_EXTRA_CA_CERTS where allowed) stay trusted; the simulated cloud trusts only its CA.
  const base = options.cloudCaPem ? [options.cloudCaPem] : extra ? tls.getCACertificates('default') : undefined;
  const ca = base && extra ? [...base, extra] : base;
  const tlsOptions = ca ? { ca } : {};
  const direct = new https.Agent({ keepAlive: true, ...tlsOptions });
  const proxied = new Map<string, https.Agent>();
  // proxy-from-env reads HTTPS_PROXY / https_proxy, HTTP_PROXY, ALL_PROXY and NO_PROXY (host, *.suffix, host:port) from the environment.
  const proxyFor = (url: string): string | null => getProxyForUrl(url) || null;
  return {
    agentFor(url) {
      const proxy = proxyFor(url);
      if (!proxy) return direct;
      let agent = proxied.get(proxy);
      if (!agent) {
        agent = new TrustingProxyAgent(proxy, tlsOptions);
        proxied.set(proxy, agent);
      }
      return agent;
    },
    proxyFor: (url) => {
      const proxy = proxyFor(url);
      return proxy ? redactProxy(proxy) : null;
    },
  };
}

/** Node's codes for a certificate chain it does not trust: what a TLS-inspecting gateway with its own CA causes. */
const UNTRUSTED_CODES = new Set([
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);
const PROXY_DOWN_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Where to give a CA, for whichever host runs (the desktop app's net uses the OS store). */
export const CA_HINT = 'give its CA with --ca-file <pem> or PAL_DESK_CA_FILE (the desktop app trusts your computer\'s certificate store: add it there)';

/**
 * What a person does about a failure of the network itself, or null when it is not one: a certificate PAL Desk does not trust
 * (a TLS-inspecting gateway), a proxy that cannot be reached, or a proxy that asks for credentials (407).
 */
export function explainNetworkFailure(error: unknown, host: string, proxy: string | null, status?: number): AppFailure | null {
  const code = typeof (error as { code?: unknown } | null)?.code === 'string' ? (error as { code: string }).code : '';
  if (UNTRUSTED_CODES.has(code)) {
    return new AppFailure('service-unavailable', `The connection to ${host} is intercepted by a certificate PAL Desk does not trust (your network's proxy or gateway?) — ${CA_HINT}. (${code})`, { final: true });
  }
  if (proxy && status === 407) {
    return new AppFailure('service-unavailable', `The proxy ${proxy} asks PAL Desk to sign in (HTTP 407) — put its user and password in HTTPS_PROXY (http://user:password@host:port), or ask your network's admin to let ${host} through.`, { final: true });
  }
  if (proxy && PROXY_DOWN_CODES.has(code)) {
    return new AppFailure('offline', `The proxy ${proxy} (from HTTPS_PROXY) cannot be reached to get to ${host} (${code}) — check HTTPS_PROXY, or list ${host} in NO_PROXY if it is reached directly.`);
  }
  return null;
}
