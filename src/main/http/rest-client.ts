/** JSON REST calls on the shared pipeline: GET with request id and mapped failures, and paged lists that stay on the cloud's own hosts. */
import type { FullOperationResponse } from '@azure/core-client';
import { createHttpHeaders, createPipelineRequest, RestError, type HttpClient, type HttpHeaders, type Pipeline, type PipelineResponse } from '@azure/core-rest-pipeline';
import { AppFailure } from '../../shared/result';
import type { Logger } from '../logger';
import { requestIdOf, toAppFailure } from './http-errors';
import { listOf, nextLinkPager, type Pager, type PageRequest } from './paging';

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
  /** How much of one list is read (default LIST_LIMITS). */
  limits?: Partial<ListLimits>;
  /** Told of each item of a list skipped as not what the API returns (never the item itself). */
  log?: Logger;
}

/** How much of one list PAL Desk reads before it stops and says the list is incomplete. */
export interface ListLimits {
  /** Pages: a list that keeps giving a next page never ends otherwise. */
  maxPages: number;
  /** Items over all pages: a list that gives full pages forever fills memory long before the page cap. */
  maxItems: number;
}

/** 1,000 pages; 100,000 items (20 pages of Power BI's largest $top, 20 of Dataverse's 5,000 rows). */
export const LIST_LIMITS: ListLimits = { maxPages: 1000, maxItems: 100_000 };

export type ReadListOptions<T> = Omit<RequestOptions, 'accept'> & {
  maxPages?: number;
  /** Whether an item is what the API lists (e.g. it has its id); any other is skipped and logged. Default: any JSON object. */
  isItem?: (item: unknown) => item is T;
  /** Runs before each page is asked for (e.g. to count a call against a budget); what it throws ends the list. */
  beforePage?: () => void;
};

const isObject = (item: unknown): item is Record<string, unknown> => typeof item === 'object' && item !== null && !Array.isArray(item);

/** An item that is an object with a non-empty string in `field` (its id). */
export const withId =
  <T>(field: string) =>
  (item: unknown): item is T =>
    isObject(item) && typeof item[field] === 'string' && item[field].length > 0;

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
   * token for that host (as Microsoft's admin PowerShell does). Any other host, a link seen before, more pages or items than the
   * limits, or a page without a `value` list end the list with a failure naming the service; an item that is not what the API
   * lists is skipped and logged.
   */
  async *pages<T>(firstUrl: string, pager: Pager = nextLinkPager(), options: ReadListOptions<T> = {}): AsyncGenerator<Page<T>> {
    const { maxPages = this.#o.limits?.maxPages ?? LIST_LIMITS.maxPages, isItem = isObject as (item: unknown) => item is T, beforePage, ...requestOptions } = options;
    const maxItems = this.#o.limits?.maxItems ?? LIST_LIMITS.maxItems;
    const { service: s, tenantLabel: t } = this.#o;
    let client: RestClient | null = null;
    let origin = new URL(firstUrl).origin;
    const seen = new Set<string>();
    let count = 0;
    for (let request: PageRequest | null = pager.first(firstUrl); request; ) {
      const next = new URL(request.url);
      if (next.origin !== origin) {
        const other = this.#o.follow?.(request.url) ?? null;
        if (!other) {
          throw this.#refusal(`${s} pointed the next page for ${t} to another host (${next.host}) that is not a Microsoft service of this cloud; PAL Desk sends nothing there. The list is incomplete: try again later, and report it if it persists.`);
        }
        client = other;
        origin = next.origin;
      }
      const key = `${request.url} ${JSON.stringify(request.headers ?? {})}`;
      if (seen.has(key)) throw this.#refusal(`${s} returned the same page twice for ${t}; PAL Desk stopped reading to avoid an endless loop. Try again later.`);
      if (seen.size >= maxPages) {
        throw this.#refusal(`${s} kept giving more pages for ${t} after ${maxPages}; PAL Desk stopped reading there, so this list is incomplete. Try again later.`);
      }
      seen.add(key);
      beforePage?.();
      const response = await (client ?? this).get<unknown>(request.url, { ...requestOptions, headers: { ...requestOptions.headers, ...request.headers } });
      const list = listOf(response.body);
      if (!list) {
        throw this.#refusal(`${s} answered for ${t} without the list PAL Desk asked for: a proxy or network filter may have answered instead of ${s}. Check the network, then try again.`);
      }
      count += list.length;
      if (count > maxItems) throw this.#refusal(`${s} listed more than ${maxItems} items for ${t}; PAL Desk stopped reading there, so this list is incomplete. Try again later.`);
      const items = list.filter(isItem);
      if (items.length < list.length) this.#o.log?.warn('list.items-skipped', { service: s, tenant: t, path: next.pathname, skipped: list.length - items.length });
      yield { items, body: response.body, requestId: response.requestId };
      request = pager.next({ request, body: response.body, headers: response.headers });
    }
  }

  /** Every item of a paged list (the `value` arrays of all pages). */
  async all<T>(firstUrl: string, pager: Pager = nextLinkPager(), options: ReadListOptions<T> = {}): Promise<T[]> {
    const items: T[] = [];
    for await (const page of this.pages<T>(firstUrl, pager, options)) items.push(...page.items);
    return items;
  }

  #failure(error: unknown, requestId: string | null): AppFailure {
    return toAppFailure(error, { service: this.#o.service, tenant: this.#o.tenantLabel, requestId });
  }

  /** A list PAL Desk stopped reading: running the same read again at once would end the same way (final for this sync). */
  #refusal(message: string): AppFailure {
    return new AppFailure('service-unavailable', message, { service: this.#o.service, final: true });
  }
}
