/** Pagers for the ways Microsoft APIs page lists: nextLink, @odata.nextLink, continuation tokens, $top/$skip. */

/** One page request: where, and any headers the paging mechanism needs. */
export interface PageRequest {
  url: string;
  headers?: Record<string, string>;
}

/** What a pager sees of the page it just got. */
export interface PageResult {
  request: PageRequest;
  body: unknown;
  headers: { get(name: string): string | undefined };
}

/** Says how to ask for the first page and, from each page, for the next one (null when the list is complete). */
export interface Pager {
  first(url: string): PageRequest;
  next(page: PageResult): PageRequest | null;
}

const field = (body: unknown, name: string): unknown => (typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined);
const text = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

/** The items of a page: its `value` array (every API here wraps lists that way); none when the page has no list. */
export function itemsOf<T>(body: unknown): T[] {
  return (listOf(body) ?? []) as T[];
}

/** The page's `value` array, or null when the body is not a list page (an answer that is not the API's). */
export function listOf(body: unknown): unknown[] | null {
  const value = field(body, 'value');
  return Array.isArray(value) ? value : null;
}

/** Follows a link in the body (relative links resolve against the page's URL), keeping the request's headers. */
function linkPager(name: string, headers?: Record<string, string>): Pager {
  return {
    first: (url) => ({ url, ...(headers ? { headers } : {}) }),
    next: ({ request, body }) => {
      const link = text(field(body, name));
      return link ? { url: new URL(link, request.url).toString(), ...(headers ? { headers } : {}) } : null;
    },
  };
}

/** ARM, BAP, Power Apps, Flow: `nextLink` in the body. */
export const nextLinkPager = (): Pager => linkPager('nextLink');

/** Dataverse and Graph: `@odata.nextLink`; Dataverse's page size is asked with `Prefer: odata.maxpagesize`. */
export const odataNextLinkPager = (options: { maxPageSize?: number } = {}): Pager =>
  linkPager('@odata.nextLink', options.maxPageSize ? { prefer: `odata.maxpagesize=${options.maxPageSize}` } : undefined);

/**
 * Continuation tokens: `continuationUri` or `continuationToken` in the body, or an `x-ms-continuation` header, until none is
 * given or `lastResultSet` is true. The token goes back in `queryParam` when given, else in an `x-ms-continuation` header.
 */
export function continuationPager(options: { queryParam?: string } = {}): Pager {
  return {
    first: (url) => ({ url }),
    next: ({ request, body, headers }) => {
      if (field(body, 'lastResultSet') === true) return null;
      const uri = text(field(body, 'continuationUri'));
      if (uri) return { url: new URL(uri, request.url).toString() };
      const token = text(field(body, 'continuationToken')) ?? text(headers.get('x-ms-continuation'));
      if (!token) return null;
      if (!options.queryParam) return { url: request.url, headers: { 'x-ms-continuation': token } };
      const url = new URL(request.url);
      url.searchParams.set(options.queryParam, token);
      return { url: url.toString() };
    },
  };
}

/** Power BI: `$top`/`$skip` pages of `pageSize`, until a short page or `@odata.count` items. */
export function skipTopPager(pageSize: number): Pager {
  const at = (url: string, skip: number) => {
    const next = new URL(url);
    next.searchParams.set('$top', String(pageSize));
    next.searchParams.set('$skip', String(skip));
    return { url: next.toString() };
  };
  return {
    first: (url) => at(url, 0),
    next: ({ request, body }) => {
      const skip = Number(new URL(request.url).searchParams.get('$skip') ?? '0') + pageSize;
      const count = field(body, '@odata.count');
      if (itemsOf(body).length < pageSize || (typeof count === 'number' && skip >= count)) return null;
      return at(request.url, skip);
    },
  };
}
