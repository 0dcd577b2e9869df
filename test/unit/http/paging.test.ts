import { createHttpHeaders } from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import { continuationPager, itemsOf, nextLinkPager, odataNextLinkPager, skipTopPager, type Pager, type PageRequest } from '../../../src/main/http/paging';

/** Runs a pager over canned pages (keyed by URL plus continuation header) and returns the requests it made. */
function walk(pager: Pager, firstUrl: string, pages: Record<string, { body: unknown; headers?: Record<string, string> }>): PageRequest[] {
  const requests: PageRequest[] = [];
  for (let request: PageRequest | null = pager.first(firstUrl); request && requests.length < 20; ) {
    requests.push(request);
    const page = pages[`${request.url}${request.headers?.['x-ms-continuation'] ? ` ${request.headers['x-ms-continuation']}` : ''}`] ?? { body: { value: [] } };
    request = pager.next({ request, body: page.body, headers: createHttpHeaders(page.headers ?? {}) });
  }
  return requests;
}

const BAP = 'https://api.bap.microsoft.com/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments?api-version=2023-06-01';

describe('pagers', () => {
  it('follows nextLink until a page has none (ARM, BAP, Power Apps, Flow)', () => {
    const second = `${BAP}&$skiptoken=2`;
    const requests = walk(nextLinkPager(), BAP, { [BAP]: { body: { value: [1, 2], nextLink: second } }, [second]: { body: { value: [3] } } });
    expect(requests.map((r) => r.url)).toEqual([BAP, second]);
  });

  it('resolves a relative nextLink against the page it came from', () => {
    const requests = walk(nextLinkPager(), BAP, { [BAP]: { body: { value: [1], nextLink: '/providers/x?page=2' } } });
    expect(requests[1]?.url).toBe('https://api.bap.microsoft.com/providers/x?page=2');
  });

  it('follows @odata.nextLink and asks Dataverse for a page size with Prefer on every page', () => {
    const first = 'https://org.crm.dynamics.com/api/data/v9.2/systemusers';
    const second = `${first}?$skiptoken=abc`;
    const requests = walk(odataNextLinkPager({ maxPageSize: 500 }), first, { [first]: { body: { value: [1], '@odata.nextLink': second } } });
    expect(requests).toEqual([
      { url: first, headers: { prefer: 'odata.maxpagesize=500' } },
      { url: second, headers: { prefer: 'odata.maxpagesize=500' } },
    ]);
    expect(walk(odataNextLinkPager(), first, {})).toEqual([{ url: first }]);
  });

  it('sends a continuation token back in the x-ms-continuation header, taken from the body or the answer\'s header', () => {
    const url = 'https://api.example.com/items';
    const requests = walk(continuationPager(), url, {
      [url]: { body: { value: [1], continuationToken: 't1' } },
      [`${url} t1`]: { body: { value: [2] }, headers: { 'x-ms-continuation': 't2' } },
      [`${url} t2`]: { body: { value: [3] } },
    });
    expect(requests).toEqual([{ url }, { url, headers: { 'x-ms-continuation': 't1' } }, { url, headers: { 'x-ms-continuation': 't2' } }]);
  });

  it('sends a continuation token back as a query parameter, follows continuationUri, and stops at lastResultSet', () => {
    const url = 'https://api.powerbi.com/v1.0/myorg/admin/activityevents?startDateTime=x';
    const byToken = walk(continuationPager({ queryParam: 'continuationToken' }), url, { [url]: { body: { value: [1], continuationToken: 'a b' } } });
    expect(byToken[1]?.url).toBe(`${url}&continuationToken=a+b`);
    const next = 'https://api.powerbi.com/v1.0/myorg/admin/activityevents?continuationToken=%27abc%27';
    const byUri = walk(continuationPager(), url, { [url]: { body: { activityEventEntities: [], continuationUri: next, lastResultSet: false } }, [next]: { body: { continuationUri: `${next}x`, lastResultSet: true } } });
    expect(byUri.map((r) => r.url)).toEqual([url, next]);
  });

  it('pages Power BI with $top/$skip until a short page, or until @odata.count items', () => {
    const url = 'https://api.powerbi.com/v1.0/myorg/groups';
    const at = (skip: number) => `${url}?%24top=2&%24skip=${skip}`;
    expect(walk(skipTopPager(2), url, { [at(0)]: { body: { value: [1, 2] } }, [at(2)]: { body: { value: [3, 4] } }, [at(4)]: { body: { value: [5] } } }).map((r) => r.url)).toEqual([at(0), at(2), at(4)]);
    expect(walk(skipTopPager(2), url, { [at(0)]: { body: { value: [1, 2], '@odata.count': 2 } } }).map((r) => r.url)).toEqual([at(0)]);
  });

  it('takes the items of a page from its value array', () => {
    expect(itemsOf({ value: [1, 2] })).toEqual([1, 2]);
    expect(itemsOf({ items: [1] })).toEqual([]);
    expect(itemsOf(null)).toEqual([]);
  });
});
