/** JSON REST calls on the shared pipeline: GET with request id and mapped failures, and paged lists that never leave the first host. */
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
}

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

  /** Every page of a list, following `pager` (nextLink by default); refuses a next page on another host and a link seen before. */
  async *pages<T>(firstUrl: string, pager: Pager = nextLinkPager(), options: Omit<RequestOptions, 'accept'> = {}): AsyncGenerator<Page<T>> {
    const origin = new URL(firstUrl).origin;
    const seen = new Set<string>();
    for (let request: PageRequest | null = pager.first(firstUrl); request; ) {
      const next = new URL(request.url);
      if (next.origin !== origin) {
        throw this.#refusal(`${this.#o.service} pointed the next page for ${this.#o.tenantLabel} to another host (${next.host}); PAL Desk does not send the sign-in there. Try again later.`);
      }
      const key = `${request.url} ${JSON.stringify(request.headers ?? {})}`;
      if (seen.has(key)) throw this.#refusal(`${this.#o.service} returned the same page twice for ${this.#o.tenantLabel}; PAL Desk stopped reading to avoid an endless loop. Try again later.`);
      seen.add(key);
      const response = await this.get<unknown>(request.url, { ...options, headers: { ...options.headers, ...request.headers } });
      yield { items: itemsOf<T>(response.body), body: response.body, requestId: response.requestId };
      request = pager.next({ request, body: response.body, headers: response.headers });
    }
  }

  /** Every item of a paged list (the `value` arrays of all pages). */
  async all<T>(firstUrl: string, pager: Pager = nextLinkPager(), options: Omit<RequestOptions, 'accept'> = {}): Promise<T[]> {
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
