/** JSON REST calls on the shared pipeline: GET with request id and mapped failures, and paged lists that stay on the cloud's own hosts. */
import type { FullOperationResponse } from '@azure/core-client';
import { createHttpHeaders, createPipelineRequest, RestError, type HttpClient, type HttpHeaders, type Pipeline, type PipelineResponse } from '@azure/core-rest-pipeline';
import { AppFailure } from '../../shared/result';
import { requestIdOf, toAppFailure } from './http-errors';
import { itemsOf, nextLinkPager, type Pager, type PageRequest } from './paging';

export interface RequestOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Statuses besides 2xx handed back to the caller instead of failing (e.g. [404] when "none" is an answer). */
  accept?: number[];
}

export interface RestResponse<T> {
  status: number;
  body: T;
  /** The service's x-ms-request-id (or request-id), for logs and support tickets. */
  requestId: string | null;
  headers: HttpHeaders;
}

export interface Page<T> {
  items: T[];
  body: unknown;
  requestId: string | null;
}

export interface RestClientOptions {
  pipeline: Pipeline;
  httpClient: HttpClient;
  /** The service as a person knows it, for messages (Azure, Power Platform …). */
  service: string;
  /** The customer's name, for messages. */
  tenantLabel: string;
  /**
   * The client for a next page on another host: one of the same cloud's services, with a token for that host's audience; null
   * for any other host, which is refused before anything (a token included) is sent there.
   */
  follow?: (url: string) => RestClient | null;
}

/** Pages read of one list before PAL Desk stops: a list that keeps giving a next page never ends otherwise. */
export const MAX_PAGES = 1000;

export class RestClient {
  readonly #o: RestClientOptions;

  constructor(options: RestClientOptions) {
    this.#o = options;
  }

  /** GETs JSON; a non-2xx answer (other than `accept`ed ones), a network error, timeout or cancel throws the mapped AppFailure. */
  async get<T>(url: string, options: RequestOptions = {}): Promise<RestResponse<T>> {
    const request = createPipelineRequest({
      url,
      method: 'GET',
      headers: createHttpHeaders({ accept: 'application/json', ...options.headers }),
      ...(options.signal ? { abortSignal: options.signal } : {}),
    });
    let response: PipelineResponse;
    try {
      response = await this.#o.pipeline.sendRequest(this.#o.httpClient, request);
    } catch (error) {
      throw this.#failure(error, null);
    }
    const requestId = requestIdOf(response);
    const ok = (response.status >= 200 && response.status < 300) || options.accept?.includes(response.status);
    if (!ok) throw this.#failure(new RestError(`HTTP ${response.status}`, { statusCode: response.status, request, response }), requestId);
    return { status: response.status, body: ((response as FullOperationResponse).parsedBody ?? null) as T, requestId, headers: response.headers };
  }

  /**
   * Every page of a list, following `pager` (nextLink by default). A next page on another host of the same cloud is read with a
   * token for that host (as Microsoft's admin PowerShell does); any other host, a link seen before, or more than `maxPages` pages
   * end the list with a failure naming the service.
   */
  async *pages<T>(firstUrl: string, pager: Pager = nextLinkPager(), options: Omit<RequestOptions, 'accept'> & { maxPages?: number } = {}): AsyncGenerator<Page<T>> {
    const { maxPages = MAX_PAGES, ...requestOptions } = options;
    let client: RestClient | null = null;
    let origin = new URL(firstUrl).origin;
    const seen = new Set<string>();
    for (let request: PageRequest | null = pager.first(firstUrl); request; ) {
      const next = new URL(request.url);
      if (next.origin !== origin) {
        const other = this.#o.follow?.(request.url) ?? null;
        if (!other) {
          throw this.#refusal(`${this.#o.service} pointed the next page for ${this.#o.tenantLabel} to another host (${next.host}) that is not a Microsoft service of this cloud; PAL Desk sends nothing there. The list is incomplete: try again later, and report it if it persists.`);
        }
        client = other;
        origin = next.origin;
      }
      const key = `${request.url} ${JSON.stringify(request.headers ?? {})}`;
      if (seen.has(key)) throw this.#refusal(`${this.#o.service} returned the same page twice for ${this.#o.tenantLabel}; PAL Desk stopped reading to avoid an endless loop. Try again later.`);
      if (seen.size >= maxPages) {
        throw this.#refusal(`${this.#o.service} kept giving more pages for ${this.#o.tenantLabel} after ${maxPages}; PAL Desk stopped reading there, so this list is incomplete. Try again later.`);
      }
      seen.add(key);
      const response = await (client ?? this).get<unknown>(request.url, { ...requestOptions, headers: { ...requestOptions.headers, ...request.headers } });
      yield { items: itemsOf<T>(response.body), body: response.body, requestId: response.requestId };
      request = pager.next({ request, body: response.body, headers: response.headers });
    }
  }

  /** Every item of a paged list (the `value` arrays of all pages). */
  async all<T>(firstUrl: string, pager: Pager = nextLinkPager(), options: Omit<RequestOptions, 'accept'> & { maxPages?: number } = {}): Promise<T[]> {
    const items: T[] = [];
    for await (const page of this.pages<T>(firstUrl, pager, options)) items.push(...page.items);
    return items;
  }

  #failure(error: unknown, requestId: string | null): AppFailure {
    return toAppFailure(error, { service: this.#o.service, tenant: this.#o.tenantLabel, requestId });
  }

  #refusal(message: string): AppFailure {
    return new AppFailure('service-unavailable', message);
  }
}
